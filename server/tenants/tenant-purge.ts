/**
 * The second step of a deletion: every row of the tenant (an agency with all its clients, or one
 * client) in every tenant table goes, children before parents, a batch per transaction so no
 * statement outlives its time limit however large the tenant. What stays, and why, is KEPT_IN_PURGE;
 * the deletion's own export stays until its archive expires. The last transaction clears the
 * personal values kept beside audit entries, leaves the tenant's row as a nameless tombstone, marks
 * the deletion purged and audits it: a purge stopped part way is taken up again by the next round,
 * and only leaves less to delete (the counts so far are saved after each table).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.ts';
import { SCOPED_TABLES, type ScopedQueries, type ScopedTable } from '../db/tenant-db.ts';
import { primaryKeys } from '../privacy/tenant-export.ts';
import { announceCredentialChange, EVERY_USER } from '../tenancy/credential-events.ts';
import type { DeletionRow } from './deletion.ts';

/** Tenant tables whose rows a purge keeps, and why (docs/tenants.md says the same). */
export const KEPT_IN_PURGE: Readonly<Partial<Record<ScopedTable, string>>> = {
  agencies: 'a tombstone: no name, still suspended, so the audit chain can be read and verified through it',
  clients: 'a tombstone, as the agency',
  audit_log: 'the hash chain, append-only, kept per the retention rules',
  audit_digests: 'signed heads of the chain, append-only',
  audit_redactions: 'which kept entries are shown masked; no personal data',
  audit_personal: 'kept erased: every value is cleared, so the entries show `personalData: "erased"`',
  tenant_deletions: 'the record of the deletion, with the counts of what it removed',
  tenant_data_migrations:
    "the agency's progress in data migrations, which holds no personal data: a client's purge must not touch its agency's, and an agency's tombstone keeps it",
};

/** Rows deleted per transaction. */
const BATCH_ROWS = 1000;

/** The tables a purge empties, children before parents (SCOPED_TABLES lists parents first). */
export function purgedTables(): ScopedTable[] {
  return [...SCOPED_TABLES].reverse().filter((table) => KEPT_IN_PURGE[table] === undefined);
}

/** Runs one transaction in the deleted tenant's scope, as the system. */
export type PurgeRunner = <R>(fn: (q: ScopedQueries) => Promise<R>) => Promise<R>;

/** Purges the deletion's tenant; returns the rows removed, by table. */
export async function purgeTenant(run: PurgeRunner, deletion: DeletionRow, at: Date): Promise<Record<string, number>> {
  const keys = await run((q) => primaryKeys(q));
  await run((q) => removeOtherArchives(q, deletion, at));
  // A purge taken up again goes on from the counts the stopped one saved.
  const counts: Record<string, number> = { ...deletion.purged_rows };
  for (const table of purgedTables()) {
    const key = keys.get(table);
    if (!key) throw new Error(`${table} has no primary key to delete by`);
    let deleted = 0;
    do {
      deleted = await run((q) => deleteBatch(q, table, key, deletion));
      counts[table] = (counts[table] ?? 0) + deleted;
    } while (deleted === BATCH_ROWS);
    await run((q) =>
      q
        .updateTable('tenant_deletions')
        .set({ purged_rows: JSON.stringify(counts) })
        .where('deletion_id', '=', deletion.deletion_id)
        .execute(),
    );
  }
  return run(async (q) => {
    const cleared = await q
      .updateTable('audit_personal')
      .set({ contact_id: null, email: null, ip: null, details: '{}', erased_at: at })
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    counts.audit_personal = (counts.audit_personal ?? 0) + Number(cleared.numUpdatedRows);
    await q.updateTable('clients').set({ name: 'Deleted client' }).execute();
    if (q.scope.clientId === null) await q.updateTable('agencies').set({ name: 'Deleted agency' }).execute();
    // An agency's purge is its clients' too: their own deletions, if any, are done with it.
    await q
      .updateTable('tenant_deletions')
      .set({ status: 'purged', purged_at: at })
      .where('status', 'in', ['scheduled', 'purging'])
      .where('deletion_id', '<>', deletion.deletion_id)
      .execute();
    await q
      .updateTable('tenant_deletions')
      .set({ status: 'purged', purged_at: at, purged_rows: JSON.stringify(counts) })
      .where('deletion_id', '=', deletion.deletion_id)
      .execute();
    await q.audit({
      action: `${q.scope.clientId ? 'client' : 'agency'}.purged`,
      targetType: q.scope.clientId ? 'client' : 'agency',
      targetId: deletion.tenant_id,
      details: { deletionId: deletion.deletion_id, rows: counts },
    });
    // Its users are gone: every instance forgets what it cached of them.
    await announceCredentialChange(q.unfiltered, EVERY_USER);
    return counts;
  });
}

/** Every archive of the tenant but the deletion's own is removed, and its job says why. */
async function removeOtherArchives(q: ScopedQueries, deletion: DeletionRow, at: Date): Promise<void> {
  await q
    .updateTable('privacy_jobs')
    .set({ archive_removed_at: at, archive_removed_reason: 'deletion' })
    .where('job_id', '<>', deletion.export_job_id)
    .where('archive_removed_at', 'is', null)
    .where('archive_bytes', 'is not', null)
    .execute();
}

/**
 * Deletes up to BATCH_ROWS rows of `table` in `q`'s scope. Two tables are partly kept: privacy_jobs
 * keeps the jobs of the tenant's deletions (cancelled ones too, whose rows name theirs), export_parts
 * the archive of this deletion's export until it expires.
 */
async function deleteBatch(
  q: ScopedQueries,
  table: ScopedTable,
  key: string[],
  deletion: DeletionRow,
): Promise<number> {
  const columns = sql.join(key.map((column) => sql.ref(`${table}.${column}`)));
  // Every table is deleted from alike, so the builder is not typed per table.
  // biome-ignore lint/complexity/noBannedTypes: `{}` is Kysely's own type for a selection of no columns yet.
  let batch = q.selectFrom(table) as unknown as SelectQueryBuilder<Database, ScopedTable, {}>;
  if (table === 'export_parts') batch = batch.where(sql.ref('export_parts.job_id'), '<>', deletion.export_job_id);
  if (table === 'privacy_jobs')
    batch = batch.where(
      sql.ref('privacy_jobs.job_id'),
      'not in',
      q.selectFrom('tenant_deletions').select('export_job_id'),
    );
  const chosen = batch.select(key.map((column) => sql.ref(`${table}.${column}`).as(column))).limit(BATCH_ROWS);
  const result = await q.deleteFrom(table).where(sql<boolean>`(${columns}) IN (${chosen})`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
