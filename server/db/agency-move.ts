/**
 * Moves every row of one agency from one of the deployment's databases to another, as
 * `isolate_tenant_to_new_shard` followed by a shard move does on Citus (docs/scaling.md):
 *
 * 1. The agency's placement lock is taken alone in the source (placement_guard, 0021): the move waits
 *    for the agency's transactions in flight, and holds new ones until it is done. This is the write
 *    pause; it ends, moved or not, after at most `maxPauseMs` of copying.
 * 2. Every table's rows of the agency are read in one snapshot and written to the target in one
 *    transaction (a copy left there by an earlier move that did not finish is replaced first). The
 *    target's row counts must equal the source's, and each audit chain must verify there, or
 *    nothing is committed.
 * 3. The target's statistics are brought up to date, then `switchOver` records the new placement
 *    (every instance routes by it from then on).
 * 4. In the source, the agency's rows are deleted but for its audit chain, which is append-only and
 *    stays as it was, and its agencies row, which says where it went (moved_to). A transaction sent
 *    there by an instance that has not yet heard of the move is refused and sent again.
 *
 * Rows travel as JSON made and read by PostgreSQL itself (to_jsonb, jsonb_populate_recordset), so
 * every type arrives exactly as it was: bytea hashes, microsecond times, jsonb documents.
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './connect.ts';
import type { Database } from './schema.ts';

/** Every table with an agency's rows, parents before children (foreign keys); a test keeps it complete. */
export const AGENCY_TABLES = [
  'agencies',
  'clients',
  'accounts',
  'users',
  'client_settings',
  'feature_flags',
  'contacts',
  'submissions',
  'domains',
  'invitations',
  'webhooks',
  'webhook_deliveries',
  'audit_log',
  'audit_chain_heads',
  'audit_personal',
  'audit_redactions',
  'audit_digests',
  'privacy_settings',
  'erasure_suppressions',
  'identity_settings',
  'privacy_jobs',
  'export_parts',
  'tenant_deletions',
  'tenant_data_migrations',
  'tenant_limits',
  'agency_templates',
  'api_version_pins',
  'tenant_metrics_minute',
  'tenant_metrics_hour',
] as const satisfies readonly (keyof Database)[];

type AgencyTable = (typeof AGENCY_TABLES)[number];

/** Append-only, or the head of what is: they stay in the database an agency leaves. */
const KEPT_BEHIND: ReadonlySet<AgencyTable> = new Set(['agencies', 'audit_log', 'audit_chain_heads', 'audit_digests']);

/** Rows read and written per statement. */
const CHUNK_ROWS = 2000;

export interface AgencyMoveOptions {
  agencyId: string;
  from: { name: string; handle: DatabaseHandle };
  to: { name: string; handle: DatabaseHandle };
  /** Longest the agency's transactions are held while its rows are copied; default 30,000 ms. */
  maxPauseMs?: number;
  /** Longest the move waits for the agency's transactions in flight; default 5,000 ms. */
  lockWaitMs?: number;
  /** Records the new placement, once the copy is committed and before the source is emptied. */
  switchOver: () => Promise<void>;
}

export interface AgencyMoveReport {
  from: string;
  to: string;
  /** Rows of the agency in each table, the same in both databases when the copy was committed. */
  rows: Record<AgencyTable, number>;
  /** Audit chains (the agency's and each client's) verified in the target. */
  auditChains: number;
  /** How long the agency's transactions were held. */
  pauseMs: number;
}

/** Why a move did not happen; nothing changed in either database, and the agency was served all along. */
export class AgencyMoveRefused extends Error {}

export async function moveAgency(options: AgencyMoveOptions): Promise<AgencyMoveReport> {
  const { agencyId, from, to } = options;
  const maxPauseMs = options.maxPauseMs ?? 30_000;
  const lockWaitMs = options.lockWaitMs ?? 5000;
  if (from.name === to.name) throw new AgencyMoveRefused(`the agency is in ${to.name} already`);
  await sameSchema(from.handle.direct, to.handle.direct);

  return from.handle.direct.connection().execute(async (source) => {
    await sql.raw(`SET lock_timeout = ${Math.trunc(lockWaitMs)}`).execute(source);
    try {
      await sql`SELECT pg_advisory_lock(placement_lock_key(${agencyId}::uuid))`.execute(source);
    } catch (error) {
      throw new AgencyMoveRefused(`the agency's transactions did not finish within ${lockWaitMs} ms`, { cause: error });
    } finally {
      await sql.raw('RESET lock_timeout').execute(source);
    }
    const lockedAt = performance.now();
    const inTime = () => {
      if (performance.now() - lockedAt > maxPauseMs)
        throw new AgencyMoveRefused(`copying took longer than the ${maxPauseMs} ms the agency may be paused`);
    };
    try {
      const copied = await readAgency(source, agencyId, inTime);
      if (copied.tables.agencies.length === 0) throw new AgencyMoveRefused(`no agency ${agencyId} in ${from.name}`);
      const auditChains = await writeAgency(to.handle.direct, agencyId, copied, inTime);
      // Statistics from before the copy would plan the agency's first queries there for empty tables
      // (a page of 2,000 audit rows took 9.6 s before ANALYZE, 29 ms after).
      await sql`ANALYZE ${sql.join(AGENCY_TABLES.map((table) => sql.table(table)))}`.execute(to.handle.direct);
      await options.switchOver();
      await leaveBehind(source, agencyId, to.name);
      return {
        from: from.name,
        to: to.name,
        rows: copied.counts,
        auditChains,
        pauseMs: Math.round(performance.now() - lockedAt),
      };
    } finally {
      await sql`SELECT pg_advisory_unlock(placement_lock_key(${agencyId}::uuid))`.execute(source);
    }
  });
}

async function sameSchema(a: Kysely<Database>, b: Kysely<Database>): Promise<void> {
  const newest = async (db: Kysely<Database>) => {
    const { rows } = await sql<{ name: string | null }>`SELECT max(name) AS name FROM kysely_migration`.execute(db);
    return rows[0]?.name ?? null;
  };
  const [here, there] = await Promise.all([newest(a), newest(b)]);
  if (here !== there) throw new AgencyMoveRefused(`the databases are at different migrations (${here}, ${there})`);
}

interface AgencyRows {
  /** Each table's rows, as JSON arrays of at most CHUNK_ROWS rows. */
  tables: Record<AgencyTable, string[]>;
  counts: Record<AgencyTable, number>;
}

/** The agency's rows, in one snapshot, as the privileged path sees them. */
async function readAgency(source: Kysely<Database>, agencyId: string, inTime: () => void): Promise<AgencyRows> {
  const tables = {} as Record<AgencyTable, string[]>;
  const counts = {} as Record<AgencyTable, number>;
  await sql.raw('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL ROLE upzento_system').execute(source);
  try {
    for (const table of AGENCY_TABLES) {
      // The audit log in its own order, so that the target numbers its rows in the same order.
      const order = table === 'audit_log' ? 'audit_id' : 'ctid';
      tables[table] = [];
      counts[table] = 0;
      for (let offset = 0; ; offset += CHUNK_ROWS) {
        inTime();
        const { rows } = await sql<{ chunk: string | null; n: number }>`
          SELECT jsonb_agg(to_jsonb(t))::text AS chunk, count(*)::int AS n FROM (
            SELECT * FROM ${sql.table(table)} WHERE agency_id = ${agencyId}::uuid
            ORDER BY ${sql.raw(order)} LIMIT ${CHUNK_ROWS} OFFSET ${offset}) t`.execute(source);
        const { chunk, n } = rows[0] as { chunk: string | null; n: number };
        if (chunk !== null) tables[table].push(chunk);
        counts[table] += n;
        if (n < CHUNK_ROWS) break;
      }
    }
  } finally {
    await sql.raw('COMMIT').execute(source);
  }
  return { tables, counts };
}

/** Writes the agency's rows to the target in one transaction, checks them, and commits; returns the chains verified. */
async function writeAgency(
  target: Kysely<Database>,
  agencyId: string,
  copied: AgencyRows,
  inTime: () => void,
): Promise<number> {
  return target.connection().execute(async (db) => {
    await sql.raw('BEGIN; SET LOCAL ROLE upzento_system').execute(db);
    try {
      // What an earlier move that did not finish left here is stale; the append-only tables keep theirs.
      for (const table of [...AGENCY_TABLES].reverse()) {
        if (!KEPT_BEHIND.has(table))
          await sql`DELETE FROM ${sql.table(table)} WHERE agency_id = ${agencyId}::uuid`.execute(db);
      }
      for (const table of AGENCY_TABLES) {
        const columns = await writableColumns(db, table);
        const list = sql.join(columns.map((column) => sql.ref(column)));
        // The chain's rows and heads are written by upzento_audit alone (0008), as audit_append writes them.
        const chain = table === 'audit_log' || table === 'audit_chain_heads';
        if (chain) await sql.raw('SET LOCAL ROLE upzento_audit').execute(db);
        for (const chunk of copied.tables[table]) {
          inTime();
          await sql`
            INSERT INTO ${sql.table(table)} (${list})
            SELECT ${list} FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${chunk}::jsonb)
            ${onConflict(table, columns)}`.execute(db);
        }
        if (chain) await sql.raw('SET LOCAL ROLE upzento_system').execute(db);
      }
      for (const table of AGENCY_TABLES) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE agency_id = ${agencyId}::uuid`.execute(db);
        const found = rows[0]?.n ?? 0;
        if (found !== copied.counts[table])
          throw new AgencyMoveRefused(`${table}: ${copied.counts[table]} rows read, ${found} in the target`);
      }
      const chains = await db
        .selectFrom('audit_chain_heads')
        .select('tenant_id')
        .where('agency_id', '=', agencyId)
        .execute();
      for (const { tenant_id } of chains) {
        const { rows } = await sql<{ valid: boolean; first_broken_seq: number | null }>`
          SELECT valid, first_broken_seq FROM audit_verify_chain(${agencyId}::uuid, ${tenant_id}::uuid)`.execute(db);
        if (!rows[0]?.valid)
          throw new AgencyMoveRefused(
            `the audit chain of ${tenant_id} does not verify in the target at ${rows[0]?.first_broken_seq}`,
          );
      }
      await sql.raw('COMMIT').execute(db);
      return chains.length;
    } catch (error) {
      await sql
        .raw('ROLLBACK')
        .execute(db)
        .catch(() => {});
      throw error;
    }
  });
}

/** Every column but identities and generated ones, which the target makes itself. */
async function writableColumns(db: Kysely<Database>, table: AgencyTable): Promise<string[]> {
  const { rows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_identity = 'NO' AND is_generated = 'NEVER'
    ORDER BY ordinal_position`.execute(db);
  return rows.map((row) => row.column_name);
}

/**
 * A database the agency once left keeps its agencies row and the start of its audit chain: the row
 * takes the copy's values, the chain's rows are the same ones, and its head moves on.
 */
function onConflict(table: AgencyTable, columns: string[]) {
  const set = (keys: string[]) =>
    sql.join(
      columns
        .filter((column) => !keys.includes(column))
        .map((column) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`),
    );
  switch (table) {
    case 'agencies':
      return sql`ON CONFLICT (agency_id) DO UPDATE SET ${set(['agency_id'])}`;
    case 'audit_chain_heads':
      return sql`ON CONFLICT (agency_id, tenant_id) DO UPDATE SET ${set(['agency_id', 'tenant_id'])}`;
    case 'audit_log':
    case 'audit_digests':
      return sql`ON CONFLICT DO NOTHING`;
    default:
      return sql``;
  }
}

/** Empties the source of the agency but for what stays behind, and marks where it went. */
async function leaveBehind(source: Kysely<Database>, agencyId: string, movedTo: string): Promise<void> {
  await sql.raw('BEGIN; SET LOCAL ROLE upzento_system').execute(source);
  try {
    for (const table of [...AGENCY_TABLES].reverse()) {
      if (!KEPT_BEHIND.has(table))
        await sql`DELETE FROM ${sql.table(table)} WHERE agency_id = ${agencyId}::uuid`.execute(source);
    }
    await sql`UPDATE agencies SET moved_to = ${movedTo} WHERE agency_id = ${agencyId}::uuid`.execute(source);
    await sql.raw('COMMIT').execute(source);
  } catch (error) {
    await sql
      .raw('ROLLBACK')
      .execute(source)
      .catch(() => {});
    throw error;
  }
}
