/**
 * Reading the audit log: a client's own events, or an agency's and all its clients'. Admins only:
 * the log names who did what. /verify walks the tenant's hash chain in the database.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { TenantType } from '../db/schema.ts';
import { AgencyParams, AUTHED_ERRORS, ClientParams, Timestamp, Uuid } from '../http/schemas.ts';
import { isAbove } from '../tenancy/access.ts';

const AuditItem = Type.Object({
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
});
const AuditPage = Type.Object({ items: Type.Array(AuditItem), nextCursor: Type.Union([Type.String(), Type.Null()]) });
const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
});
const Verification = Type.Object({ valid: Type.Boolean(), rowsChecked: Type.Integer(), firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]) });

/**
 * A page of the log, newest first. Readers see every event of their subtree, but the IP address
 * and request id of an actor from above them (their agency's staff, the platform admin) stay with
 * that actor's own tenant.
 */
async function readPage(q: ScopedQueries, reader: TenantType, limit: number, cursor: string | undefined) {
  let query = q
    .selectFrom('audit_log')
    .select(['audit_id', 'at', 'actor_type', 'actor_id', 'actor_tenant_type', 'tenant_id', 'tenant_type', 'action', 'target_type', 'target_id', 'details', 'request_id', 'ip', 'seq']);
  if (cursor !== undefined) query = query.where('audit_id', '<', cursor);
  const rows = await query.orderBy('audit_id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map((row) => {
    const above = row.actor_tenant_type !== null && isAbove(row.actor_tenant_type, reader);
    return {
      id: String(row.audit_id),
      at: row.at,
      actor: { type: row.actor_type, id: row.actor_id },
      tenantId: row.tenant_id,
      tenantType: row.tenant_type,
      action: row.action,
      target: { type: row.target_type, id: row.target_id },
      details: row.details,
      requestId: above ? null : row.request_id,
      ip: above ? null : row.ip,
      seq: Number(row.seq),
    };
  });
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}

export async function verifyChain(q: ScopedQueries, tenantId: string) {
  const { rows } = await sql<{ valid: boolean; rows_checked: number; first_broken_seq: number | null }>`
    SELECT * FROM audit_verify_chain(${q.scope.agencyId}::uuid, ${tenantId}::uuid)`.execute(q.unfiltered);
  const row = rows[0];
  return { valid: row?.valid ?? false, rowsChecked: Number(row?.rows_checked ?? 0), firstBrokenSeq: row?.first_broken_seq == null ? null : Number(row.first_broken_seq) };
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  for (const level of ['agencies', 'clients'] as const) {
    const on = level === 'agencies' ? ('agency' as const) : ('client' as const);
    const params = level === 'agencies' ? AgencyParams : ClientParams;
    const idParam = level === 'agencies' ? ':agencyId' : ':clientId';
    app.get(
      `/v1/${level}/${idParam}/audit-log`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params, querystring: AuditQuery, response: { 200: AuditPage, ...AUTHED_ERRORS } },
      },
      async (request) => request.scoped((q) => readPage(q, request.tenant.tenantType, request.query.limit ?? 100, request.query.cursor)),
    );
    app.get(
      `/v1/${level}/${idParam}/audit-log/verify`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params, response: { 200: Verification, ...AUTHED_ERRORS } },
      },
      async (request) => request.scoped((q) => verifyChain(q, q.scope.clientId ?? q.scope.agencyId)),
    );
  }
};
