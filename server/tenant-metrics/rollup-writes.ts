/**
 * Adds counted tallies to the rollup tables: each minute's to tenant_metrics_minute, and the same
 * counts folded by hour to tenant_metrics_hour, with `INSERT … ON CONFLICT DO UPDATE SET col = col +
 * excluded.col`, so that every instance's counts add up whatever order they arrive in.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { LATENCY_BUCKETS } from './latency-histogram.ts';
import { API_LATENCY, COUNTER_COLUMNS, WIDGET_LATENCY, type Tally } from './tenant-counters.ts';

export type RollupTable = 'tenant_metrics_minute' | 'tenant_metrics_hour';
export const HOUR_MS = 3_600_000;
/** Rows per statement: far below PostgreSQL's 65,535 parameters at 23 a row. */
const ROWS_PER_STATEMENT = 1000;

/** Tallies of the same tenant and bucket (`bucketMs` long) added into one. */
function folded(tallies: readonly Tally[], bucketMs: number): Tally[] {
  const byKey = new Map<string, Tally>();
  for (const tally of tallies) {
    const bucket = tally.minute - (tally.minute % bucketMs);
    const key = `${tally.clientId ?? tally.agencyId} ${bucket}`;
    const into = byKey.get(key);
    if (into === undefined) {
      byKey.set(key, { ...tally, minute: bucket, values: Float64Array.from(tally.values) });
      continue;
    }
    for (let i = 0; i < into.values.length; i += 1)
      into.values[i] = (into.values[i] as number) + (tally.values[i] as number);
    into.lastRequestAt = Math.max(into.lastRequestAt, tally.lastRequestAt);
  }
  // In key order, so that two instances flushing at once lock rows in the same order (no deadlock).
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, tally]) => tally);
}

function rowOf(tally: Tally) {
  const counters = Object.fromEntries(COUNTER_COLUMNS.map((column, slot) => [column, tally.values[slot] as number]));
  return {
    agency_id: tally.agencyId,
    tenant_id: tally.clientId ?? tally.agencyId,
    client_id: tally.clientId,
    bucket_start: new Date(tally.minute),
    ...counters,
    api_latency: Array.from(tally.values.subarray(API_LATENCY, API_LATENCY + LATENCY_BUCKETS)),
    widget_latency: Array.from(tally.values.subarray(WIDGET_LATENCY, WIDGET_LATENCY + LATENCY_BUCKETS)),
    last_request_at: tally.lastRequestAt === 0 ? null : new Date(tally.lastRequestAt),
  };
}

/** Element-wise sum of the stored histogram and the one being added, in bucket order. */
function addedHistogram(table: RollupTable, column: 'api_latency' | 'widget_latency') {
  return sql<number[]>`ARRAY(SELECT a + b FROM unnest(${sql.ref(`${table}.${column}`)}, ${sql.ref(
    `excluded.${column}`,
  )}) WITH ORDINALITY AS u(a, b, i) ORDER BY i)`;
}

async function upsert(db: Kysely<Database>, table: RollupTable, tallies: readonly Tally[]): Promise<void> {
  for (let at = 0; at < tallies.length; at += ROWS_PER_STATEMENT) {
    const rows = tallies.slice(at, at + ROWS_PER_STATEMENT).map(rowOf);
    await db
      .insertInto(table)
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['agency_id', 'tenant_id', 'bucket_start']).doUpdateSet((eb) => ({
          ...Object.fromEntries(
            COUNTER_COLUMNS.map((column) => [
              column,
              sql`${eb.ref(`${table}.${column}`)} + ${eb.ref(`excluded.${column}`)}`,
            ]),
          ),
          api_latency: addedHistogram(table, 'api_latency'),
          widget_latency: addedHistogram(table, 'widget_latency'),
          last_request_at: sql`GREATEST(${eb.ref(`${table}.last_request_at`)}, ${eb.ref('excluded.last_request_at')})`,
        })),
      )
      .execute();
  }
}

/** Adds the tallies to both tables, in the transaction of `db`. */
export async function addTallies(db: Kysely<Database>, tallies: readonly Tally[]): Promise<void> {
  await upsert(db, 'tenant_metrics_minute', folded(tallies, 60_000));
  await upsert(db, 'tenant_metrics_hour', folded(tallies, HOUR_MS));
}
