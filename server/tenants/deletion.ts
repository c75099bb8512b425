/**
 * Deleting an agency or a client, in two steps. Asking for it suspends the tenant at once (on every
 * instance, as suspension.ts does), queues its export (privacy's tenant export, kept downloadable
 * through the grace period) and schedules the purge; cancelling within the grace period lifts the
 * suspension the deletion set. Once the grace period is over and the archive is made, the deletion
 * round (deletion-round.ts) purges the tenant (tenant-purge.ts).
 *
 * The platform admin deletes agencies; a client is deleted by its agency's admins or the platform
 * admin, never by itself. A deletion the platform asked for is the platform's to cancel.
 */
import { Type } from '@sinclair/typebox';
import { sql, type Selectable } from 'kysely';
import type { TenantDeletionsTable, TenantType } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { DeletionScheduled, DeletionUnderway, Forbidden, NotFound } from '../errors.ts';
import { Timestamp, Uuid } from '../http/schemas.ts';
import {
  ARCHIVE_LIFETIME_MS,
  jobView,
  PrivacyJob,
  requestTenantExport,
  type PrivacyJobRow,
} from '../privacy/privacy-jobs.ts';
import { setAgencySuspension, setClientSuspension, type SuspensionCaches } from './suspension.ts';

/** Days between the request and the purge unless the request says otherwise. */
export const DEFAULT_GRACE_DAYS = 30;
export const MAX_GRACE_DAYS = 90;
const DAY_MS = 86_400_000;

export const DeletionRequest = Type.Object(
  {
    graceDays: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_GRACE_DAYS,
        description: `Days before the purge, during which the deletion can be cancelled; default ${DEFAULT_GRACE_DAYS}. 0 (the platform admin only) purges as soon as the export is made`,
      }),
    ),
  },
  { title: 'DeletionRequest', additionalProperties: false },
);

export const TenantDeletion = Type.Object(
  {
    id: Uuid,
    tenantId: Uuid,
    tenantType: Type.Union([Type.Literal('agency'), Type.Literal('client')]),
    status: Type.Union(
      [
        Type.Literal('exporting'),
        Type.Literal('export_ready'),
        Type.Literal('export_failed'),
        Type.Literal('purging'),
        Type.Literal('purged'),
        Type.Literal('cancelled'),
      ],
      {
        description:
          '`exporting`, `export_ready`, `export_failed` (made again by the deletion round): scheduled, and the export so far. The purge waits for both the end of the grace period and the archive',
      },
    ),
    requestedAt: Timestamp,
    requestedBy: Type.Union([Uuid, Type.Null()]),
    requestedByLevel: Type.Union([Type.Literal('platform'), Type.Literal('agency')]),
    purgeAfter: Timestamp,
    cancelledAt: Type.Union([Timestamp, Type.Null()]),
    purgedAt: Type.Union([Timestamp, Type.Null()]),
    /** Rows removed, by table, once purged. */
    purgedRows: Type.Record(Type.String(), Type.Integer()),
    export: PrivacyJob,
  },
  { title: 'TenantDeletion' },
);

export type DeletionRow = Selectable<TenantDeletionsTable>;

export function deletionPath(row: Pick<DeletionRow, 'agency_id' | 'client_id'>): string {
  return row.client_id ? `/v1/clients/${row.client_id}/deletion` : `/v1/agencies/${row.agency_id}/deletion`;
}

export function deletionView(row: DeletionRow, job: PrivacyJobRow) {
  return {
    id: row.deletion_id,
    tenantId: row.tenant_id,
    tenantType: row.client_id ? ('client' as const) : ('agency' as const),
    status: statusOf(row, job),
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    requestedByLevel: row.requested_by_type,
    purgeAfter: row.purge_after,
    cancelledAt: row.cancelled_at,
    purgedAt: row.purged_at,
    purgedRows: row.purged_rows,
    export: jobView(job),
  };
}

function statusOf(row: DeletionRow, job: PrivacyJobRow) {
  if (row.status !== 'scheduled') return row.status;
  if (job.status === 'queued' || job.status === 'running') return 'exporting' as const;
  return job.status === 'done' && job.archive_removed_at === null
    ? ('export_ready' as const)
    : ('export_failed' as const);
}

function tenantOf(q: ScopedQueries): string {
  return q.scope.clientId ?? q.scope.agencyId;
}

/** Who may delete (or cancel the deletion of) `q`'s tenant, as `callerType`; throws 403 for anyone else. */
function deleter(q: ScopedQueries, callerType: TenantType): 'platform' | 'agency' {
  if (q.scope.clientId === null && callerType !== 'platform')
    throw new Forbidden('only the platform admin deletes an agency');
  if (callerType === 'client') throw new Forbidden("a client cannot delete itself; its agency's admins can");
  return callerType;
}

/**
 * Schedules the deletion of `q`'s tenant: suspends it (unless it already is), queues its export,
 * and purges it `graceDays` after `at`. Returns the deletion and its export job.
 */
export async function requestDeletion(
  q: ScopedQueries,
  callerType: TenantType,
  graceDays: number,
  at: Date,
  caches: SuspensionCaches,
): Promise<{ deletion: DeletionRow; job: PrivacyJobRow }> {
  const by = deleter(q, callerType);
  if (graceDays === 0 && by !== 'platform')
    throw new Forbidden('only the platform admin deletes without a grace period');
  const tenantId = tenantOf(q);
  const earlier = await q
    .selectFrom('tenant_deletions')
    .select(['status', 'purge_after'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['scheduled', 'purging', 'purged'])
    .executeTakeFirst();
  if (earlier)
    throw new DeletionScheduled(
      earlier.status === 'purged'
        ? `this ${q.scope.clientId ? 'client' : 'agency'} was already deleted`
        : `its deletion is already scheduled (purge after ${earlier.purge_after.toISOString()}); read it with GET …/deletion`,
    );
  const tenant = await (q.scope.clientId
    ? q.selectFrom('clients').select('suspended_at').forUpdate().executeTakeFirst()
    : q.selectFrom('agencies').select('suspended_at').forUpdate().executeTakeFirst());
  if (!tenant) throw new NotFound(q.scope.clientId ? 'Client' : 'Agency');
  const purgeAfter = new Date(at.getTime() + graceDays * DAY_MS);
  const job = await requestTenantExport(q, { keepArchiveUntil: new Date(purgeAfter.getTime() + ARCHIVE_LIFETIME_MS) });
  const liftsSuspension = tenant.suspended_at === null;
  if (liftsSuspension) {
    const change = { suspend: true as const, reason: `Scheduled for deletion after ${purgeAfter.toISOString()}` };
    if (q.scope.clientId) await setClientSuspension(q, callerType, change, caches);
    else await setAgencySuspension(q, callerType, change, caches);
  }
  const deletion = await q
    .insertInto('tenant_deletions', {
      tenant_id: tenantId,
      client_id: q.scope.clientId,
      requested_by_type: by,
      requested_by: q.actor.type === 'user' ? q.actor.id : null,
      requested_at: at,
      purge_after: purgeAfter,
      export_job_id: job.job_id,
      lifts_suspension: liftsSuspension,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await q.audit({
    action: `${q.scope.clientId ? 'client' : 'agency'}.deletion_requested`,
    targetType: q.scope.clientId ? 'client' : 'agency',
    targetId: tenantId,
    details: {
      deletionId: deletion.deletion_id,
      graceDays,
      purgeAfter: purgeAfter.toISOString(),
      exportId: job.job_id,
    },
  });
  return { deletion, job };
}

/** The newest deletion of `q`'s tenant, with its export; null when it never had one. */
export async function findDeletion(q: ScopedQueries): Promise<{ deletion: DeletionRow; job: PrivacyJobRow } | null> {
  const deletion = await q
    .selectFrom('tenant_deletions')
    .selectAll()
    .where('tenant_id', '=', tenantOf(q))
    .orderBy('requested_at', 'desc')
    .orderBy('deletion_id')
    .limit(1)
    .executeTakeFirst();
  if (!deletion) return null;
  const job = await q
    .selectFrom('privacy_jobs')
    .selectAll()
    .where('job_id', '=', deletion.export_job_id)
    .executeTakeFirstOrThrow();
  return { deletion, job };
}

/**
 * Cancels the scheduled deletion of `q`'s tenant: lifts the suspension the deletion set, and gives
 * its export the usual lifetime again. Refused once the purge has started.
 */
export async function cancelDeletion(
  q: ScopedQueries,
  callerType: TenantType,
  at: Date,
  caches: SuspensionCaches,
): Promise<{ deletion: DeletionRow; job: PrivacyJobRow }> {
  const by = deleter(q, callerType);
  const open = await q
    .selectFrom('tenant_deletions')
    .selectAll()
    .where('tenant_id', '=', tenantOf(q))
    .where('status', 'in', ['scheduled', 'purging', 'purged'])
    .forUpdate()
    .executeTakeFirst();
  if (!open) throw new NotFound('Scheduled deletion');
  if (open.status !== 'scheduled')
    throw new DeletionUnderway(open.status === 'purged' ? 'the tenant was purged' : 'the purge has started');
  if (open.requested_by_type === 'platform' && by !== 'platform')
    throw new Forbidden('the platform asked for this deletion; only the platform admin can cancel it');
  const deletion = await q
    .updateTable('tenant_deletions')
    .set({ status: 'cancelled', cancelled_at: at, cancelled_by: q.actor.type === 'user' ? q.actor.id : null })
    .where('deletion_id', '=', open.deletion_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const job = await q
    .updateTable('privacy_jobs')
    .set({
      archive_kept_until: null,
      expires_at: sql<Date>`least(expires_at, finished_at + ${`${ARCHIVE_LIFETIME_MS} milliseconds`}::interval)`,
    })
    .where('job_id', '=', open.export_job_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (open.lifts_suspension) {
    if (q.scope.clientId) await setClientSuspension(q, callerType, { suspend: false }, caches);
    else await setAgencySuspension(q, callerType, { suspend: false }, caches);
  }
  await q.audit({
    action: `${q.scope.clientId ? 'client' : 'agency'}.deletion_cancelled`,
    targetType: q.scope.clientId ? 'client' : 'agency',
    targetId: tenantOf(q),
    details: { deletionId: open.deletion_id },
  });
  return { deletion, job };
}
