/**
 * Reading the audit log: a client's own events, or an agency's and all its clients'. Admins only:
 * the log names who did what. /verify walks the tenant's hash chain in the database.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { TenantType } from '../db/schema.ts';
import { AgencyParams, AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { AuditItem, auditEntryView, selectAuditEntries } from './audit-view.ts';

const AuditPage = Type.Object({ items: Type.Array(AuditItem), nextCursor: Type.Union([Type.String(), Type.Null()]) }, { title: 'AuditEntryPage' });
const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
});
const Verification = Type.Object({ valid: Type.Boolean(), rowsChecked: Type.Integer(), firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]) }, { title: 'AuditVerification' });

/**
 * A page of the log, newest first. Readers see every event of their subtree, but the IP address
 * and request id of an actor from above them (their agency's staff, the platform admin) stay with
 * that actor's own tenant.
 */
async function readPage(q: ScopedQueries, reader: TenantType, limit: number, cursor: string | undefined) {
  let query = selectAuditEntries(q);
  if (cursor !== undefined) query = query.where('audit_log.audit_id', '<', cursor);
  const rows = await query.orderBy('audit_log.audit_id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map((row) => auditEntryView(row, reader));
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
