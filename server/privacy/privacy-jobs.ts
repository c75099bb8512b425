/**
 * Exports and erasures as rows with a status (privacy_jobs, 0013). A request for something large is
 * queued here and answered 202 with the job; the privacy round (privacy-job-worker.ts) works it
 * through, and the API shows how far it got. Erasures small enough for the request are recorded here
 * as done, so every erasure has a status to read by its id.
 */
import { Type } from '@sinclair/typebox';
import type { Selectable } from 'kysely';
import type { PrivacyJobKind, PrivacyJobsTable } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { Timestamp, Uuid } from '../http/schemas.ts';

/** How long an export's archive can be downloaded once it is made. */
export const ARCHIVE_LIFETIME_MS = 7 * 86_400_000;

/** Submissions an erasure or a contact export may reach and still be done within the request. */
export const DEFAULT_INLINE_LIMIT = 1000;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const PrivacyJob = Type.Object(
  {
    id: Uuid,
    kind: Type.Union([
      Type.Literal('tenant_export'),
      Type.Literal('contact_export'),
      Type.Literal('contact_erasure'),
      Type.Literal('email_erasure'),
    ]),
    status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    tenantId: Uuid,
    tenantType: Type.Union([Type.Literal('agency'), Type.Literal('client')]),
    contactId: Nullable(Uuid),
    requestedAt: Timestamp,
    requestedBy: Nullable(Uuid),
    startedAt: Nullable(Timestamp),
    finishedAt: Nullable(Timestamp),
    attempts: Type.Integer(),
    /** Rows handled so far, by table; for a finished erasure, what it removed. */
    progress: Type.Record(Type.String(), Type.Integer()),
    error: Nullable(Type.String()),
    archive: Nullable(
      Type.Object({
        url: Type.String(),
        bytes: Type.Integer(),
        sha256: Type.String(),
        expiresAt: Timestamp,
      }),
    ),
    archiveRemoved: Nullable(
      Type.Object({
        at: Timestamp,
        reason: Type.Union([Type.Literal('expired'), Type.Literal('erasure'), Type.Literal('deletion')]),
      }),
    ),
  },
  { title: 'PrivacyJob' },
);

export type PrivacyJobRow = Selectable<PrivacyJobsTable>;

/** Where a job's status is read: its tenant's exports or erasures. */
export function jobPath(row: Pick<PrivacyJobRow, 'kind' | 'client_id' | 'agency_id' | 'job_id'>): string {
  const tenant = row.client_id ? `/v1/clients/${row.client_id}` : `/v1/agencies/${row.agency_id}`;
  const collection = row.kind.endsWith('_export') ? 'exports' : 'erasures';
  return `${tenant}/${collection}/${row.job_id}`;
}

export function jobView(row: PrivacyJobRow) {
  const ready = row.status === 'done' && row.archive_bytes !== null && row.archive_removed_at === null;
  return {
    id: row.job_id,
    kind: row.kind,
    status: row.status,
    tenantId: row.tenant_id,
    tenantType: row.client_id ? ('client' as const) : ('agency' as const),
    contactId: row.contact_id,
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    attempts: row.attempts,
    progress: row.progress,
    error: row.error,
    archive:
      ready && row.archive_sha256 && row.expires_at
        ? {
            url: `${jobPath(row)}/archive`,
            bytes: Number(row.archive_bytes),
            sha256: row.archive_sha256,
            expiresAt: row.expires_at,
          }
        : null,
    archiveRemoved:
      row.archive_removed_at && row.archive_removed_reason
        ? { at: row.archive_removed_at, reason: row.archive_removed_reason }
        : null,
  };
}

export interface JobRequest {
  kind: PrivacyJobKind;
  contactId?: string;
  /** An erasure by email: kept on the row until the job ends. */
  email?: string;
  /** An export's archive stays at least until then, however early it is made (a deletion's export). */
  keepArchiveUntil?: Date;
}

/** Queues a job in the transaction's tenant, as its caller. */
export function queueJob(q: ScopedQueries, request: JobRequest): Promise<PrivacyJobRow> {
  return q
    .insertInto('privacy_jobs', {
      tenant_id: q.scope.clientId ?? q.scope.agencyId,
      client_id: q.scope.clientId,
      kind: request.kind,
      contact_id: request.contactId ?? null,
      subject_email: request.email?.trim().toLowerCase() ?? null,
      requested_by: q.actor.type === 'user' ? q.actor.id : null,
      request_id: q.actor.requestId,
      archive_kept_until: request.keepArchiveUntil ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Queues the export of the transaction's whole tenant (an agency with its clients, or a client), audited. */
export async function requestTenantExport(
  q: ScopedQueries,
  options: Pick<JobRequest, 'keepArchiveUntil'> = {},
): Promise<PrivacyJobRow> {
  const queued = await queueJob(q, { kind: 'tenant_export', ...options });
  await q.audit({
    action: 'export.requested',
    targetType: 'export',
    targetId: queued.job_id,
    details: { kind: queued.kind },
  });
  return queued;
}

/** Records an erasure done within the request, with what it removed. */
export function recordDoneErasure(
  q: ScopedQueries,
  jobId: string,
  kind: 'contact_erasure' | 'email_erasure',
  contactId: string | null,
  removed: Record<string, number>,
  at: Date,
): Promise<PrivacyJobRow> {
  return q
    .insertInto('privacy_jobs', {
      job_id: jobId,
      tenant_id: q.scope.clientId ?? q.scope.agencyId,
      client_id: q.scope.clientId,
      kind,
      status: 'done',
      contact_id: contactId,
      requested_by: q.actor.type === 'user' ? q.actor.id : null,
      request_id: q.actor.requestId,
      requested_at: at,
      started_at: at,
      finished_at: at,
      attempts: 1,
      progress: JSON.stringify(removed),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A job of the transaction's tenant (exactly it, not a client below it), of one of these kinds. */
export function findJob(q: ScopedQueries, jobId: string, kinds: readonly PrivacyJobKind[]) {
  return q
    .selectFrom('privacy_jobs')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('tenant_id', '=', q.scope.clientId ?? q.scope.agencyId)
    .where('kind', 'in', kinds)
    .executeTakeFirst();
}

/** The newest jobs of the transaction's tenant of these kinds. */
export function listJobs(q: ScopedQueries, kinds: readonly PrivacyJobKind[], limit = 100) {
  return q
    .selectFrom('privacy_jobs')
    .selectAll()
    .where('tenant_id', '=', q.scope.clientId ?? q.scope.agencyId)
    .where('kind', 'in', kinds)
    .orderBy('requested_at', 'desc')
    .orderBy('job_id')
    .limit(limit)
    .execute();
}
