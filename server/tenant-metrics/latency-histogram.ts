/**
 * Latency as counts over fixed bucket bounds, as Prometheus histograms keep it: counts of any number
 * of instances, minutes and hours add up bucket by bucket, and a percentile of the sum is read from
 * the summed buckets. The rollup tables hold these counts as integer arrays of LATENCY_BUCKETS.
 */

/** Upper bounds of the buckets, in milliseconds; a last bucket takes everything slower. */
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] as const;
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/** The bucket an answer that took `ms` counts in. */
export function latencyBucket(ms: number): number {
  let bucket = 0;
  while (bucket < LATENCY_BOUNDS_MS.length && ms > (LATENCY_BOUNDS_MS[bucket] as number)) bucket += 1;
  return bucket;
}

/**
 * The q-quantile (0 < q < 1) of the counts, in ms, interpolated linearly within its bucket as
 * Prometheus's histogram_quantile does; null when nothing was counted. One in the last bucket is
 * reported as the last bound: the histogram knows only that it took longer.
 */
export function latencyQuantile(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let bucket = 0; bucket < counts.length; bucket += 1) {
    const count = counts[bucket] as number;
    if (below + count >= rank && count > 0) {
      if (bucket >= LATENCY_BOUNDS_MS.length) return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1] as number;
      const lower = bucket === 0 ? 0 : (LATENCY_BOUNDS_MS[bucket - 1] as number);
      const upper = LATENCY_BOUNDS_MS[bucket] as number;
      return Math.round((lower + ((upper - lower) * (rank - below)) / count) * 100) / 100;
    }
    below += count;
  }
  return null;
}
