/**
 * The little arithmetic the benchmarks share: medians and percentiles of samples, and the order in
 * which variants are measured. On a shared two-core machine noise comes in bursts, so variants are
 * measured in turns (A B A B …) and compared by the median of their runs: a burst lands on both.
 */

/** The p-th percentile (0–100) by linear interpolation between the closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lower = sorted[low] as number;
  const upper = sorted[high] as number;
  return lower + (upper - lower) * (rank - low);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Runs every variant once per round, in turns, after one unrecorded warm-up run of each (JIT,
 * connection pools, caches and hint bits settle there). Returns each variant's recorded results, in
 * round order. The order inside a round flips every round (A B, B A, A B …) so that neither variant
 * always runs right after the other.
 */
export async function inTurns<K extends string, R>(
  rounds: number,
  variants: Record<K, () => Promise<R>>,
  onResult?: (variant: K, round: number, result: R) => void,
): Promise<Record<K, R[]>> {
  const names = Object.keys(variants) as K[];
  const results = Object.fromEntries(names.map((name) => [name, [] as R[]])) as Record<K, R[]>;
  for (const name of names) await variants[name]();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const result = await variants[name]();
      results[name].push(result);
      onResult?.(name, round + 1, result);
    }
  }
  return results;
}

/** `0.63×` */
export function times(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';
}

/** Thousands separated, no decimals: `12,345`. */
export function whole(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Milliseconds with enough decimals for sub-millisecond latencies: `0.842 ms`. */
export function ms(value: number): string {
  return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
}
