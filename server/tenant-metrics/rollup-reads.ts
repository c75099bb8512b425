/**
 * Reads of the rollup tables: a tenant's (or an agency's) counts per bucket over a time range, as the
 * tenant's charts show them. Counters and latency buckets are summed in SQL, one aggregate per
 * histogram bucket rather than unnesting arrays, so a read costs one pass over its rows.
 */
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { LATENCY_BUCKETS, latencyQuantile } from './latency-histogram.ts';
import { COUNTER_COLUMNS, type CounterColumn } from './tenant-counters.ts';
import type { RollupTable } from './rollup-writes.ts';

export type Counts = Record<CounterColumn, number> & { api_latency: number[]; widget_latency: number[] };

/** `sum(col)` of every counter and of every histogram bucket, by column: SQL text of constant names only. */
function sums(prefix: string): Array<[string, string]> {
  const histogram = (column: string): [string, string] => [
    column,
    `ARRAY[${Array.from({ length: LATENCY_BUCKETS }, (_, i) => `coalesce(sum(${prefix}${column}[${i + 1}]), 0)`).join(', ')}]::float8[]`,
  ];
  return [
    ...COUNTER_COLUMNS.map((column): [string, string] => [column, `coalesce(sum(${prefix}${column}), 0)::float8`]),
    histogram('api_latency'),
    histogram('widget_latency'),
  ];
}

/** The sums as one SELECT list, for a query written in SQL (`prefix`: the table's alias and a dot). */
export function summedColumns(prefix = ''): string {
  return sums(prefix)
    .map(([column, expression]) => `${expression} AS ${column}`)
    .join(', ');
}

/** Counts of nothing: a bucket without rows. */
export function noCounts(): Counts {
  const zeros = () => Array.from({ length: LATENCY_BUCKETS }, () => 0);
  return {
    ...(Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, 0])) as Record<CounterColumn, number>),
    api_latency: zeros(),
    widget_latency: zeros(),
  };
}

/** The counts as the API shows them. */
export function countsView(counts: Counts) {
  const quantiles = (buckets: number[]) => ({
    p50: latencyQuantile(buckets, 0.5),
    p95: latencyQuantile(buckets, 0.95),
  });
  return {
    widgetRequests: counts.widget_requests,
    refusals: {
      origin: counts.widget_refused_origin,
      suspended: counts.widget_refused_suspended,
      rateLimited: counts.widget_refused_rate_limited,
      other: counts.widget_refused_other,
    },
    widgetErrors: counts.widget_5xx,
    submissions: counts.submissions,
    apiRequests: counts.api_requests,
    api4xx: counts.api_4xx,
    api5xx: counts.api_5xx,
    rateLimited: counts.rate_limited,
    domainChecks: {
      matched: counts.checks_matched,
      notFound: counts.checks_not_found,
      wrongValue: counts.checks_wrong_value,
      dnsFailure: counts.checks_dns_failure,
    },
    apiLatencyMs: quantiles(counts.api_latency),
    widgetLatencyMs: quantiles(counts.widget_latency),
  };
}

export interface SeriesQuery {
  table: RollupTable;
  /** Bucket length in ms: 60,000 or 3,600,000. */
  bucketMs: number;
  /** Whole buckets, from inclusive to exclusive. */
  from: Date;
  to: Date;
  /** Only this tenant's own rows (an agency's users, not its clients'); default every row of the scope. */
  ownOnly?: string;
}

/** Every bucket of the range, in order, those without rows as zeros, for the scope's tenant(s). */
export async function readSeries(q: ScopedQueries, query: SeriesQuery) {
  let select = q
    .selectFrom(query.table)
    .select(sums('').map(([column, expression]) => sql.raw(expression).as(column)))
    .select('bucket_start')
    .where('bucket_start', '>=', query.from)
    .where('bucket_start', '<', query.to)
    .groupBy('bucket_start');
  if (query.ownOnly) select = select.where('tenant_id', '=', query.ownOnly);
  // Kysely types the raw sums as unknown.
  const rows = (await select.execute()) as unknown as Array<Counts & { bucket_start: Date }>;
  const byStart = new Map(rows.map((row) => [new Date(row.bucket_start).getTime(), row]));
  const buckets = [];
  for (let at = query.from.getTime(); at < query.to.getTime(); at += query.bucketMs) {
    buckets.push({ start: new Date(at), ...countsView(byStart.get(at) ?? noCounts()) });
  }
  return buckets;
}
