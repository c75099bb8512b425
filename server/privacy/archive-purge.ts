/**
 * An erasure must leave no copy of what it erased, and an export's archive is one: every archive of
 * the client, and of its agency (whose archives hold its clients' rows), goes when an erasure in
 * that client is done. Exports still being made are made again (privacy-job-worker.ts).
 */
import { enterScope, type ScopedQueries } from '../db/tenant-db.ts';

/** Run last in the erasure's transaction: it widens the transaction to the agency's level. */
export async function removeArchivesHoldingErasedData(q: ScopedQueries, at: Date): Promise<number> {
  const { agencyId, clientId } = q.scope;
  if (!clientId) throw new Error('an erasure belongs to a client: the scope names none');
  const agencyWide = await enterScope(q.unfiltered, { agencyId, clientId: null }, q.actor);
  const removed = await agencyWide
    .updateTable('privacy_jobs')
    .set({ archive_removed_at: at, archive_removed_reason: 'erasure' })
    .where('kind', 'in', ['tenant_export', 'contact_export'])
    .where('tenant_id', 'in', [clientId, agencyId])
    .where('archive_removed_at', 'is', null)
    .where('archive_bytes', 'is not', null)
    .returning('job_id')
    .execute();
  if (removed.length > 0) {
    await agencyWide
      .deleteFrom('export_parts')
      .where(
        'job_id',
        'in',
        removed.map((row) => row.job_id),
      )
      .execute();
  }
  return removed.length;
}
