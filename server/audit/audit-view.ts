/**
 * An audit entry as the API shows it: the hashed row, with its personal values (audit_personal)
 * merged back in while they are kept. An entry whose values were erased says so
 * (`personalData: "erased"`); one written before 0010 with personal values inside its hashed
 * details is shown with them masked once an erasure has listed it in audit_redactions.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { TenantType } from '../db/schema.ts';
import { Timestamp, Uuid } from '../http/schemas.ts';
import { UUID_PATTERN } from '../db/uuid.ts';
import { isAbove } from '../tenancy/access.ts';
import { PERSONAL_REF } from '../db/audit-writer.ts';

export const AuditItem = Type.Object(
  {
    id: Type.String(),
    at: Timestamp,
    actor: Type.Object({ type: Type.String(), id: Type.Union([Uuid, Type.Null()]) }),
    tenantId: Uuid,
    tenantType: Type.String(),
    action: Type.String(),
    target: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
    details: Type.Record(Type.String(), Type.Unknown()),
    requestId: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    seq: Type.Integer(),
  },
  { title: 'AuditEntry' },
);

/** Keys of details that entries written before 0010 used for personal values. */
const LEGACY_PERSONAL_KEYS = ['email', 'name', 'phone'];

/** Audit rows of the transaction's scope with their personal values; callers add where, order and limit. */
export function selectAuditEntries(q: ScopedQueries) {
  return q
    .selectFrom('audit_log')
    .leftJoin('audit_personal as p', (join) =>
      join
        .onRef('p.agency_id', '=', 'audit_log.agency_id')
        .onRef('p.tenant_id', '=', 'audit_log.tenant_id')
        // Only a UUID is cast: one malformed value must not fail every page that holds its row.
        .on(
          sql<boolean>`p.ref_id = CASE WHEN audit_log.details ->> ${PERSONAL_REF} ~ ${UUID_PATTERN} THEN (audit_log.details ->> ${PERSONAL_REF})::uuid END`,
        ),
    )
    .leftJoin('audit_redactions as r', (join) =>
      join
        .onRef('r.agency_id', '=', 'audit_log.agency_id')
        .onRef('r.tenant_id', '=', 'audit_log.tenant_id')
        .onRef('r.seq', '=', 'audit_log.seq'),
    )
    .select([
      'audit_log.audit_id',
      'audit_log.at',
      'audit_log.actor_type',
      'audit_log.actor_id',
      'audit_log.actor_tenant_type',
      'audit_log.tenant_id',
      'audit_log.tenant_type',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.details',
      'audit_log.request_id',
      'audit_log.ip',
      'audit_log.seq',
      'p.ref_id as personal_ref',
      'p.details as personal_details',
      'p.ip as personal_ip',
      'p.erased_at as personal_erased_at',
      'r.seq as redacted_seq',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectAuditEntries>['execute']>>[number];

/**
 * The API's view of a row for a reader at `reader`'s level: the IP address and request id of an
 * actor from above the reader stay with that actor's own tenant.
 */
export function auditEntryView(row: EntryRow, reader: TenantType) {
  const above = row.actor_tenant_type !== null && isAbove(row.actor_tenant_type, reader);
  const { [PERSONAL_REF]: ref, ...kept } = objectOf(row.details);
  let details: Record<string, unknown>;
  let ip: string | null;
  if (ref !== undefined) {
    const erased = row.personal_ref === null || row.personal_erased_at !== null;
    details = erased ? { ...kept, personalData: 'erased' } : { ...kept, ...objectOf(row.personal_details) };
    ip = erased ? null : row.personal_ip;
  } else if (row.redacted_seq !== null) {
    details = Object.fromEntries(Object.entries(kept).filter(([key]) => !LEGACY_PERSONAL_KEYS.includes(key)));
    details.personalData = 'erased';
    // The visitor's own address, on entries of widget submissions.
    ip = row.actor_type === 'anonymous' ? null : row.ip;
  } else {
    details = kept;
    ip = row.ip;
  }
  return {
    id: String(row.audit_id),
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id },
    tenantId: row.tenant_id,
    tenantType: row.tenant_type,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    details,
    requestId: above ? null : row.request_id,
    ip: above ? null : ip,
    seq: Number(row.seq),
  };
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
