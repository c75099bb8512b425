/**
 * Reading the audit log: a client's own events, or an agency's and all its clients', narrowed by
 * action, actor and period. Admins only: the log names who did what. /verify walks the tenant's
 * hash chain in the database.
 */
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { TenantType } from '../db/schema.ts';
import { AgencyParams, AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { aboutField, InvalidInput } from '../errors.ts';
import { UUID_PATTERN } from '../db/uuid.ts';
import { AuditItem, auditEntryView, selectAuditEntries } from './audit-view.ts';
import type { DigestSigner } from './digest-key.ts';
import { readChainPage, readDigests } from './digests.ts';
import { verifyAgainstDigests, verifyChain } from './chain-checks.ts';
import { likeEscape } from '../crm/search.ts';

const AuditPage = Type.Object(
  { items: Type.Array(AuditItem), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { title: 'AuditEntryPage' },
);
const Instant = (description: string) =>
  Type.String({ anyOf: [{ format: 'date-time' }, { format: 'date' }], maxLength: 40, description });
const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  action: Type.Optional(
    Type.String({
      pattern: '^[a-z_]+(\\.[a-z_]+)*$',
      maxLength: 100,
      description: 'An action (`contact.created`) or its family (`contact`): that action, or every one under it',
    }),
  ),
  actorId: Type.Optional(Type.String({ pattern: UUID_PATTERN, description: 'The user who acted' })),
  actorType: Type.Optional(
    Type.Union([Type.Literal('user'), Type.Literal('system'), Type.Literal('anonymous')], {
      description: 'A user, the system itself, or an anonymous visitor (the widget)',
    }),
  ),
  from: Type.Optional(Instant('Entries at or after this instant; a date alone is its midnight UTC')),
  to: Type.Optional(Instant('Entries before this instant; a date alone is its midnight UTC')),
});
type AuditFilter = Omit<Static<typeof AuditQuery>, 'limit' | 'cursor'>;
const Verification = Type.Object(
  { valid: Type.Boolean(), rowsChecked: Type.Integer(), firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]) },
  { title: 'AuditVerification' },
);

const NullableText = Type.Union([Type.String(), Type.Null()]);
const Digest = Type.Object({
  version: Type.Integer(),
  agencyId: Type.String(),
  tenantId: Type.String(),
  tenantType: Type.String(),
  seq: Type.Integer(),
  periodStart: NullableText,
  periodEnd: Type.String(),
  headSeq: Type.Integer(),
  headHash: Type.String(),
  rowCount: Type.Integer(),
  previousDigestHash: NullableText,
  keyId: Type.String(),
  signature: Type.String(),
});
const DigestList = Type.Object({ tenantId: Type.String(), items: Type.Array(Digest) });
const ChainRowView = Type.Object({
  seq: Type.Integer(),
  prevHash: Type.String(),
  hash: Type.String(),
  sealed: Type.Optional(Type.Boolean()),
  agencyId: Type.Optional(Type.String()),
  tenantId: Type.Optional(Type.String()),
  tenantType: Type.Optional(Type.String()),
  at: Type.Optional(Type.String()),
  actorType: Type.Optional(Type.String()),
  actorId: Type.Optional(NullableText),
  actorTenantType: Type.Optional(NullableText),
  action: Type.Optional(Type.String()),
  targetType: Type.Optional(Type.String()),
  targetId: Type.Optional(NullableText),
  details: Type.Optional(Type.String()),
  requestId: Type.Optional(NullableText),
  ip: Type.Optional(NullableText),
});
const ChainPage = Type.Object({ tenantId: Type.String(), items: Type.Array(ChainRowView), nextCursor: NullableText });
const ChainQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
});
const Mismatch = Type.Object({
  kind: Type.String(),
  seq: Type.Integer(),
  reason: Type.String(),
  message: Type.String(),
});
const DigestVerification = Type.Object({
  valid: Type.Boolean(),
  rowsChecked: Type.Integer(),
  sealedRows: Type.Integer(),
  digestsChecked: Type.Integer(),
  coveredThroughSeq: Type.Integer(),
  uncoveredRows: Type.Integer(),
  lastDigestAt: NullableText,
  firstMismatch: Type.Union([Mismatch, Type.Null()]),
});
const DigestKey = Type.Object({ algorithm: Type.Literal('Ed25519'), keyId: Type.String(), publicKey: Type.String() });

/** The period of a query as instants; a date alone is its midnight UTC. */
function periodOf(filter: AuditFilter): { from?: Date; to?: Date } {
  const period: { from?: Date; to?: Date } = {};
  for (const key of ['from', 'to'] as const) {
    const text = filter[key];
    if (text === undefined) continue;
    const at = new Date(text);
    if (Number.isNaN(at.getTime())) throw aboutField(new InvalidInput(`querystring/${key}: not a date`), key);
    period[key] = at;
  }
  if (period.from && period.to && period.from >= period.to)
    throw aboutField(new InvalidInput('querystring/from: must be before to'), 'from');
  return period;
}

/**
 * A page of the log, newest first, of the entries the filter keeps. Readers see every event of
 * their subtree, but the IP address and request id of an actor from above them (their agency's
 * staff, the platform admin) stay with that actor's own tenant.
 */
async function readPage(
  q: ScopedQueries,
  reader: TenantType,
  limit: number,
  cursor: string | undefined,
  filter: AuditFilter,
) {
  const { from, to } = periodOf(filter);
  let query = selectAuditEntries(q);
  if (cursor !== undefined) query = query.where('audit_log.audit_id', '<', cursor);
  const { action, actorId, actorType } = filter;
  if (action !== undefined)
    query = query.where((eb) =>
      eb.or([eb('audit_log.action', '=', action), eb('audit_log.action', 'like', `${likeEscape(action)}.%`)]),
    );
  if (actorId !== undefined) query = query.where('audit_log.actor_id', '=', actorId);
  if (actorType !== undefined) query = query.where('audit_log.actor_type', '=', actorType);
  if (from) query = query.where('audit_log.at', '>=', from);
  if (to) query = query.where('audit_log.at', '<', to);
  const rows = await query
    .orderBy('audit_log.audit_id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map((row) => auditEntryView(row, reader));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}

export const auditRoutes: FastifyPluginAsyncTypebox<{ signer: DigestSigner }> = async (app, { signer }) => {
  app.get(
    '/v1/audit/digest-key',
    { config: { access: { public: true } }, schema: { response: { 200: DigestKey } } },
    async () => ({ algorithm: 'Ed25519' as const, keyId: signer.keyId, publicKey: signer.publicKeyPem }),
  );

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
      async (request) => {
        const { limit = 100, cursor, ...filter } = request.query;
        return request.scoped((q) => readPage(q, request.tenant.tenantType, limit, cursor, filter));
      },
    );
    app.get(
      `/v1/${level}/${idParam}/audit-log/verify`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params, response: { 200: Verification, ...AUTHED_ERRORS } },
      },
      async (request) => request.scoped((q) => verifyChain(q, q.scope.clientId ?? q.scope.agencyId)),
    );
    app.get(
      `/v1/${level}/${idParam}/audit-log/digests`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params, response: { 200: DigestList, ...AUTHED_ERRORS } },
      },
      async (request) =>
        request.scoped(async (q) => {
          const tenantId = q.scope.clientId ?? q.scope.agencyId;
          return { tenantId, items: await readDigests(q, tenantId) };
        }),
    );
    app.get(
      `/v1/${level}/${idParam}/audit-log/digests/verify`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params, response: { 200: DigestVerification, ...AUTHED_ERRORS } },
      },
      async (request) => request.scoped((q) => verifyAgainstDigests(q, q.scope.clientId ?? q.scope.agencyId, signer)),
    );
    app.get(
      `/v1/${level}/${idParam}/audit-log/chain`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params, querystring: ChainQuery, response: { 200: ChainPage, ...AUTHED_ERRORS } },
      },
      async (request) =>
        request.scoped(async (q) => {
          const tenantId = q.scope.clientId ?? q.scope.agencyId;
          const limit = request.query.limit ?? 1000;
          const items = await readChainPage(
            q,
            tenantId,
            Number(request.query.cursor ?? 0),
            limit,
            request.tenant.tenantType,
          );
          return { tenantId, items, nextCursor: items.length === limit ? String(items[items.length - 1]!.seq) : null };
        }),
    );
  }
};
