/**
 * The agencies' progress in a data migration (`tenant_data_migrations`, 0019). Enrolling agencies and the
 * platform's views read across agencies, on the privileged path; every change of one agency's state is
 * made in that agency's own scope (runner.ts), beside the step it records.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DataMigrationState } from '../db/schema.ts';
import type { TenantDatabase } from '../db/tenant-db.ts';
import { DATA_MIGRATION_STATES } from './data-migration.ts';

export interface TenantProgress {
  agencyId: string;
  state: DataMigrationState;
  canary: boolean;
  batch: number | null;
  attempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  lastError: string | null;
}

export type StateCounts = Record<DataMigrationState, number>;

/** The columns a TenantProgress is made of (progressOf). */
export const PROGRESS_COLUMNS = [
  'agency_id',
  'state',
  'canary',
  'batch',
  'attempts',
  'started_at',
  'finished_at',
  'duration_ms',
  'last_error',
] as const;

type ProgressRow = Pick<Selectable<Database['tenant_data_migrations']>, (typeof PROGRESS_COLUMNS)[number]>;

export function progressOf(row: ProgressRow): TenantProgress {
  return {
    agencyId: row.agency_id,
    state: row.state,
    canary: row.canary,
    batch: row.batch,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    lastError: row.last_error,
  };
}

/** Gives every agency without one a pending row, and marks the canaries; answers the agencies not found. */
export async function enrollAgencies(data: TenantDatabase, migration: string, canaries: readonly string[]) {
  // Each database enrolls the agencies it serves (not the row one left behind when it moved).
  const marked = await data.privilegedEach(`data migrations: enroll every agency in ${migration}`, async (db) => {
    await sql`INSERT INTO tenant_data_migrations (agency_id, migration)
      SELECT agency_id, ${migration} FROM agencies WHERE moved_to IS NULL ON CONFLICT DO NOTHING`.execute(db);
    if (canaries.length === 0) return [];
    const rows = await db
      .updateTable('tenant_data_migrations')
      .set({ canary: true, updated_at: sql<Date>`now()` })
      .where('migration', '=', migration)
      .where('agency_id', 'in', canaries)
      .returning('agency_id')
      .execute();
    return rows.map((row) => row.agency_id);
  });
  const found = new Set(marked.flat());
  return canaries.filter((id) => !found.has(id));
}

/** The agencies a run applies the migration to: every one not done, canaries first, then oldest agency first. */
export async function agenciesToMigrate(data: TenantDatabase, migration: string, canaries: readonly string[]) {
  const found = await data.privilegedEach(`data migrations: the agencies ${migration} has not reached`, (db) =>
    db
      .selectFrom('tenant_data_migrations as m')
      .innerJoin('agencies as a', 'a.agency_id', 'm.agency_id')
      .select(['m.agency_id', 'a.created_at'])
      .where('m.migration', '=', migration)
      .where('m.state', '!=', 'done')
      .orderBy('a.created_at')
      .orderBy('a.agency_id')
      .execute(),
  );
  const ids = found
    .flat()
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.agency_id < b.agency_id ? -1 : 1))
    .map((row) => row.agency_id);
  const first = new Set(canaries);
  return { canaries: ids.filter((id) => first.has(id)), rest: ids.filter((id) => !first.has(id)) };
}

/** The agencies a rollback undoes: those done (of `only`, when given), the newest finished first. */
export async function agenciesToRollBack(data: TenantDatabase, migration: string, only: readonly string[] | null) {
  if (only !== null && only.length === 0) return [];
  const found = await data.privilegedEach(`data migrations: the agencies ${migration} has reached`, (db) => {
    let query = db
      .selectFrom('tenant_data_migrations')
      .select(['agency_id', sql<string>`to_char(finished_at, 'YYYYMMDDHH24MISSUS')`.as('finished')])
      .where('migration', '=', migration)
      .where('state', '=', 'done');
    if (only !== null) query = query.where('agency_id', 'in', only);
    return query.orderBy('finished_at', 'desc').orderBy('agency_id', 'desc').execute();
  });
  // Newest first in the database's microseconds, as each database ordered its own.
  return found
    .flat()
    .sort((a, b) =>
      a.finished === b.finished ? (a.agency_id < b.agency_id ? 1 : -1) : a.finished < b.finished ? 1 : -1,
    )
    .map((row) => row.agency_id);
}

/** Each state's count; an agency not yet enrolled counts as pending. */
export async function stateCounts(db: Kysely<Database>, migration: string): Promise<StateCounts> {
  const rows = await db
    .selectFrom('agencies as a')
    .leftJoin('tenant_data_migrations as m', (join) =>
      join.onRef('m.agency_id', '=', 'a.agency_id').on('m.migration', '=', migration),
    )
    .select([sql<DataMigrationState>`coalesce(m.state, 'pending')`.as('state'), sql<number>`count(*)::int`.as('n')])
    .where('a.moved_to', 'is', null)
    .groupBy(sql`coalesce(m.state, 'pending')`)
    .execute();
  const counts = Object.fromEntries(DATA_MIGRATION_STATES.map((state) => [state, 0])) as StateCounts;
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** A migration's counts and every enrolled agency's progress, from every database. */
export async function progressAcross(
  data: TenantDatabase,
  migration: string,
  state: DataMigrationState | null,
): Promise<{ counts: StateCounts; tenants: TenantProgress[] }> {
  const found = await data.privilegedEach(`data migrations: the progress of ${migration}`, async (db) => ({
    counts: await stateCounts(db, migration),
    tenants: await tenantProgress(db, migration, state),
  }));
  if (found.length === 1) return found[0] as { counts: StateCounts; tenants: TenantProgress[] };
  // Canaries first, then as each database ordered its own (oldest agency first).
  const tenants = found.flatMap((some) => some.tenants).sort((a, b) => Number(b.canary) - Number(a.canary));
  return { counts: sumOf(found.map((some) => some.counts)), tenants };
}

/** A migration's counts, from every database. */
export async function countsAcross(data: TenantDatabase, migration: string): Promise<StateCounts> {
  return sumOf(
    await data.privilegedEach(`data migrations: the counts of ${migration}`, (db) => stateCounts(db, migration)),
  );
}

function sumOf(all: StateCounts[]): StateCounts {
  const counts = Object.fromEntries(DATA_MIGRATION_STATES.map((state) => [state, 0])) as StateCounts;
  for (const some of all) for (const state of DATA_MIGRATION_STATES) counts[state] += some[state];
  return counts;
}

/** The enrolled agencies' progress, in the order they were (or will be) reached; optionally of one state. */
export async function tenantProgress(
  db: Kysely<Database>,
  migration: string,
  state: DataMigrationState | null,
): Promise<TenantProgress[]> {
  let query = db
    .selectFrom('tenant_data_migrations as m')
    .innerJoin('agencies as a', 'a.agency_id', 'm.agency_id')
    .select(PROGRESS_COLUMNS.map((column) => `m.${column}` as const))
    .where('m.migration', '=', migration);
  if (state !== null) query = query.where('m.state', '=', state);
  const rows = await query.orderBy('m.canary', 'desc').orderBy('a.created_at').orderBy('a.agency_id').execute();
  return rows.map(progressOf);
}

/** One agency's progress, or null when it was never enrolled. */
export async function oneTenantProgress(
  db: Kysely<Database>,
  migration: string,
  agencyId: string,
): Promise<TenantProgress | null> {
  const row = await db
    .selectFrom('tenant_data_migrations')
    .select(PROGRESS_COLUMNS)
    .where('migration', '=', migration)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row ? progressOf(row) : null;
}
