/**
 * A compliance report of one tenant (a client, or an agency with its clients) for a period, read
 * from the audit log in the reader's scope: users and their role changes, sign-ins, domains,
 * settings, data exports and erasures, isolation alerts, and the verification of every chain in
 * scope against its hashes and signed digests. Every event is an audit entry as the audit log shows
 * it (time, actor, address, request id, action, target), so an auditor sampling one finds the
 * fields ISO 27001 A.8.15 asks for; an actor from above the reader keeps its address and request
 * id, as in the log.
 */
import { Type } from '@sinclair/typebox';
import type { TenantType } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { Timestamp } from '../http/schemas.ts';
import { AuditItem, auditEntryView, selectAuditEntries } from './audit-view.ts';
import type { DigestSigner } from './digest-key.ts';
import { verifyAgainstDigests, verifyChain } from './chain-checks.ts';

/** Events listed per section at most; the counts are whole, and `truncated` says when a list is not. */
export const REPORT_SECTION_LIMIT = 1000;

/** Which audit actions each section lists (LIKE patterns). */
const SECTIONS = {
  userChanges: ['user.%', 'invitation.%'],
  signIns: ['auth.%'],
  domains: [
    'domain.registered',
    'domain.verified',
    'domain.failing',
    'domain.revoked',
    'domain.expired',
    'domain.deleted',
    'domain.pending',
  ],
  settings: [
    'settings.updated',
    'privacy_settings.updated',
    'identity_settings.updated',
    'identity.%',
    'webhook.registered',
    'webhook.deleted',
    'webhook.secret_rotated',
  ],
  exports: ['contact.exported', 'export.requested', 'export.completed', 'export.downloaded'],
  erasures: ['erasure.requested', 'contact.erased', 'email.erased', 'retention.applied'],
  isolationChecks: ['agency.created', 'client.created'],
} as const;

const NO_ISOLATION_RECORD =
  'No isolation-check failure is recorded anywhere: a failed check (the one every new agency and client gets under its own ' +
  'context before it is created) rolls back the provisioning it guards, audit entry included, and nothing else records one. ' +
  'The checks that passed in the period are listed under checks.';

const Section = Type.Object({ total: Type.Integer(), truncated: Type.Boolean(), events: Type.Array(AuditItem) });
const ChainReport = Type.Object({
  tenantId: Type.String(),
  rowsInPeriod: Type.Integer(),
  hashChain: Type.Object({
    valid: Type.Boolean(),
    rowsChecked: Type.Integer(),
    firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]),
  }),
  digests: Type.Object({
    valid: Type.Boolean(),
    digestsChecked: Type.Integer(),
    coveredThroughSeq: Type.Integer(),
    uncoveredRows: Type.Integer(),
    lastDigestAt: Type.Union([Type.String(), Type.Null()]),
    firstMismatch: Type.Union([
      Type.Object({ kind: Type.String(), seq: Type.Integer(), reason: Type.String(), message: Type.String() }),
      Type.Null(),
    ]),
  }),
});

export const ComplianceReport = Type.Object({
  tenant: Type.Object({ id: Type.String(), type: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
  period: Type.Object({ from: Timestamp, to: Timestamp }),
  generatedAt: Timestamp,
  users: Type.Object({
    current: Type.Array(
      Type.Object({
        id: Type.String(),
        email: Type.String(),
        role: Type.String(),
        tenantId: Type.String(),
        createdAt: Timestamp,
      }),
    ),
    changes: Section,
  }),
  signIns: Type.Object({ succeeded: Type.Integer(), failed: Type.Integer(), events: Section }),
  domains: Section,
  settings: Section,
  dataRequests: Type.Object({ exports: Section, erasures: Section }),
  isolation: Type.Object({ alerts: Type.Array(AuditItem), note: Type.String(), checks: Section }),
  auditChains: Type.Array(ChainReport),
});
export type ComplianceReport = typeof ComplianceReport.static;

export interface ReportPeriod {
  from: Date;
  to: Date;
}

async function section(q: ScopedQueries, reader: TenantType, period: ReportPeriod, patterns: readonly string[]) {
  const inPeriod = <T extends ReturnType<typeof selectAuditEntries>>(query: T) =>
    query
      .where('audit_log.at', '>=', period.from)
      .where('audit_log.at', '<', period.to)
      .where((eb) => eb.or(patterns.map((pattern) => eb('audit_log.action', 'like', pattern)))) as T;
  const rows = await inPeriod(selectAuditEntries(q))
    .orderBy('audit_log.at')
    .orderBy('audit_log.audit_id')
    .limit(REPORT_SECTION_LIMIT + 1)
    .execute();
  const total =
    rows.length <= REPORT_SECTION_LIMIT
      ? rows.length
      : Number(
          (
            await q
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .where('audit_log.at', '>=', period.from)
              .where('audit_log.at', '<', period.to)
              .where((eb) => eb.or(patterns.map((pattern) => eb('audit_log.action', 'like', pattern))))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return {
    total,
    truncated: rows.length > REPORT_SECTION_LIMIT,
    events: rows.slice(0, REPORT_SECTION_LIMIT).map((row) => auditEntryView(row, reader)),
  };
}

async function countActions(q: ScopedQueries, period: ReportPeriod, action: string): Promise<number> {
  const row = await q
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action)
    .where('at', '>=', period.from)
    .where('at', '<', period.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The report of the transaction's scope for `period`, as `reader` sees it. */
export async function complianceReport(
  q: ScopedQueries,
  reader: TenantType,
  period: ReportPeriod,
  signer: DigestSigner,
  at: Date,
): Promise<ComplianceReport> {
  const { agencyId, clientId } = q.scope;
  const tenantId = clientId ?? agencyId;
  const named = clientId
    ? await q.selectFrom('clients').select('name').executeTakeFirst()
    : await q.selectFrom('agencies').select('name').executeTakeFirst();
  const name = named?.name ?? null;
  // The platform's own chain is kept under its id as an agency id, with no agency row.
  const type = clientId ? 'client' : named ? 'agency' : 'platform';
  const users = await q
    .selectFrom('users')
    .select(['user_id', 'email', 'role', 'client_id', 'agency_id', 'created_at'])
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
  const chains = clientId
    ? [clientId]
    : [
        agencyId,
        ...(await q.selectFrom('clients').select('client_id').orderBy('created_at').orderBy('client_id').execute()).map(
          (row) => row.client_id,
        ),
      ];
  const auditChains = [];
  for (const chain of chains) {
    const rows = await q
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', chain)
      .where('at', '>=', period.from)
      .where('at', '<', period.to)
      .execute();
    const digests = await verifyAgainstDigests(q, chain, signer);
    auditChains.push({
      tenantId: chain,
      rowsInPeriod: Number(rows[0]?.n ?? 0),
      hashChain: await verifyChain(q, chain),
      digests: {
        valid: digests.valid,
        digestsChecked: digests.digestsChecked,
        coveredThroughSeq: digests.coveredThroughSeq,
        uncoveredRows: digests.uncoveredRows,
        lastDigestAt: digests.lastDigestAt,
        firstMismatch: digests.firstMismatch,
      },
    });
  }
  return {
    tenant: { id: tenantId, type, name },
    period: { from: period.from, to: period.to },
    generatedAt: at,
    users: {
      current: users.map((user) => ({
        id: user.user_id,
        email: user.email,
        role: user.role,
        tenantId: user.client_id ?? user.agency_id,
        createdAt: user.created_at,
      })),
      changes: await section(q, reader, period, SECTIONS.userChanges),
    },
    signIns: {
      succeeded: await countActions(q, period, 'auth.signed_in'),
      failed: await countActions(q, period, 'auth.sign_in_failed'),
      events: await section(q, reader, period, SECTIONS.signIns),
    },
    domains: await section(q, reader, period, SECTIONS.domains),
    settings: await section(q, reader, period, SECTIONS.settings),
    dataRequests: {
      exports: await section(q, reader, period, SECTIONS.exports),
      erasures: await section(q, reader, period, SECTIONS.erasures),
    },
    isolation: {
      alerts: [],
      note: NO_ISOLATION_RECORD,
      checks: await section(q, reader, period, SECTIONS.isolationChecks),
    },
    auditChains,
  };
}
