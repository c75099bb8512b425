/**
 * Times as epoch milliseconds, for the queries that move many of them at once (the re-check round):
 * pg parses each timestamp it reads and JSON.stringify calls each Date's toJSON, and a number costs
 * neither (docs/performance.md). Both directions are exact at the millisecond, which is what a
 * JavaScript Date holds.
 */
import { sql, type RawBuilder } from 'kysely';

/** A timestamp column (null stays null) read as its whole epoch milliseconds, a plain number to pg. */
export function epochMsOf(column: string): RawBuilder<number | null> {
  return sql<number | null>`floor(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;
}

/** A column of epoch milliseconds (null stays null) as the timestamp it counts to. */
export function timestampOf(column: string): RawBuilder<Date | null> {
  return sql<Date | null>`(timestamptz 'epoch' + ${sql.ref(column)} * interval '1 millisecond')`;
}

/** What epochMsOf() read, as a Date. */
export function dateOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
