/**
 * Suspending an agency or a client, and lifting it. While suspended, the tenant's users (and for an
 * agency, every user of its clients) are refused at sign-in and with every token, and its widgets
 * are refused; nothing is deleted, and lifting the suspension restores everything as it was.
 *
 * Every instance hears of a change at once, as it commits: the credential cache forgets every user
 * (EVERY_USER), and the verdict cache forgets the decisions of each client concerned.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { SuspendedBy, TenantType } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { announcePolicyChanges } from '../embedding/policy-events.ts';
import type { VerdictCache } from '../embedding/verdict-cache.ts';
import { DeletionScheduled, Forbidden, NotFound } from '../errors.ts';
import { Timestamp } from '../http/schemas.ts';
import { announceCredentialChange, EVERY_USER } from '../tenancy/credential-events.ts';
import type { CredentialCache } from '../tenancy/credentials.ts';
import { AGENCY_COLUMNS, CLIENT_COLUMNS, type AgencyRow, type ClientRow } from './provisioning.ts';

export const TenantStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')], {
  description: '`suspended`: its users cannot sign in or use the API, and its widgets are refused; its data is kept',
});
export const Suspension = Type.Object(
  {
    suspendedAt: Timestamp,
    by: Type.Union([Type.Literal('platform'), Type.Literal('agency')], {
      description: 'Who suspended it; a suspension by the platform is lifted only by the platform admin',
    }),
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Suspension' },
);
export const SuspensionRequest = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' })) },
  { title: 'SuspensionRequest', additionalProperties: false },
);

export function suspensionView(row: Pick<AgencyRow, 'suspended_at' | 'suspended_by' | 'suspension_reason'>) {
  return row.suspended_at === null || row.suspended_by === null
    ? { status: 'active' as const, suspension: null }
    : {
        status: 'suspended' as const,
        suspension: { suspendedAt: row.suspended_at, by: row.suspended_by, reason: row.suspension_reason },
      };
}

export interface SuspensionCaches {
  credentials: CredentialCache;
  verdicts: Pick<VerdictCache, 'invalidate'>;
}

/** Who is changing a suspension: only the platform and agencies may; a client cannot suspend itself. */
function suspender(callerType: TenantType): SuspendedBy {
  if (callerType === 'client') throw new Forbidden('a client cannot suspend or reactivate itself');
  return callerType;
}

/**
 * Suspends (reason given, or null) or reactivates (`suspend` false) the agency `q` is scoped to,
 * as `callerType`: only the platform admin may. Returns the agency as it is now; a change that changes nothing is
 * not audited.
 */
export async function setAgencySuspension(
  q: ScopedQueries,
  callerType: TenantType,
  change: { suspend: true; reason: string | null } | { suspend: false },
  caches: SuspensionCaches,
): Promise<AgencyRow> {
  if (callerType !== 'platform') throw new Forbidden('only the platform admin suspends or reactivates an agency');
  if (!change.suspend) await assertNoDeletion(q);
  const before = await q.selectFrom('agencies').select(AGENCY_COLUMNS).forUpdate().executeTakeFirst();
  if (!before) throw new NotFound('Agency');
  if (
    change.suspend === (before.suspended_at !== null) &&
    (!change.suspend || change.reason === before.suspension_reason)
  )
    return before;
  const after = await q
    .updateTable('agencies')
    .set(
      change.suspend
        ? {
            suspended_at: before.suspended_at ?? sql<Date>`now()`,
            suspended_by: 'platform',
            suspension_reason: change.reason,
          }
        : { suspended_at: null, suspended_by: null, suspension_reason: null },
    )
    .returning(AGENCY_COLUMNS)
    .executeTakeFirstOrThrow();
  await q.audit({
    action: change.suspend ? 'agency.suspended' : 'agency.reactivated',
    targetType: 'agency',
    targetId: after.agency_id,
    details: change.suspend ? { reason: change.reason } : {},
  });
  await announce(q, null, caches);
  return after;
}

/**
 * Suspends or reactivates the client `q` is scoped to, as `callerType` (platform or agency). A
 * suspension the platform made is the platform's to change.
 */
export async function setClientSuspension(
  q: ScopedQueries,
  callerType: TenantType,
  change: { suspend: true; reason: string | null } | { suspend: false },
  caches: SuspensionCaches,
): Promise<ClientRow> {
  const by = suspender(callerType);
  if (!change.suspend) await assertNoDeletion(q);
  const before = await q.selectFrom('clients').select(CLIENT_COLUMNS).forUpdate().executeTakeFirst();
  if (!before) throw new NotFound('Client');
  if (before.suspended_by === 'platform' && by !== 'platform')
    throw new Forbidden('the platform suspended this client; only the platform admin can change that');
  if (
    change.suspend === (before.suspended_at !== null) &&
    (!change.suspend || change.reason === before.suspension_reason)
  )
    return before;
  const after = await q
    .updateTable('clients')
    .set(
      change.suspend
        ? { suspended_at: before.suspended_at ?? sql<Date>`now()`, suspended_by: by, suspension_reason: change.reason }
        : { suspended_at: null, suspended_by: null, suspension_reason: null },
    )
    .returning(CLIENT_COLUMNS)
    .executeTakeFirstOrThrow();
  await q.audit({
    action: change.suspend ? 'client.suspended' : 'client.reactivated',
    targetType: 'client',
    targetId: after.client_id,
    details: change.suspend ? { reason: change.reason, by } : { by },
  });
  await announce(q, after.client_id, caches);
  return after;
}

/** A tenant scheduled for deletion (or deleted) stays suspended: cancelling the deletion is what lifts it. */
async function assertNoDeletion(q: ScopedQueries): Promise<void> {
  const deletion = await q
    .selectFrom('tenant_deletions')
    .select('status')
    .where('tenant_id', '=', q.scope.clientId ?? q.scope.agencyId)
    .where('status', 'in', ['scheduled', 'purging', 'purged'])
    .executeTakeFirst();
  if (deletion)
    throw new DeletionScheduled(
      deletion.status === 'scheduled'
        ? 'its deletion is scheduled: cancel the deletion (DELETE …/deletion) to reactivate it'
        : 'it was deleted; it cannot be reactivated',
    );
}

/** Tells every instance, this one as it commits: every user's credentials, and the widgets of `clientId` or of every client of the agency. */
async function announce(q: ScopedQueries, clientId: string | null, caches: SuspensionCaches): Promise<void> {
  await announceCredentialChange(q.unfiltered, EVERY_USER);
  const clients =
    clientId !== null
      ? [clientId]
      : (await q.selectFrom('clients').select('client_id').execute()).map((row) => row.client_id);
  await announcePolicyChanges(q, clients, caches.verdicts);
  q.afterCommit(() => caches.credentials.invalidateAll());
}
