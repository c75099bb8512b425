/**
 * The users of one tenant, as stored: creation, listing, role changes, removal and password resets,
 * each in the caller's scoped transaction on that tenant and audited there. Every change that can
 * take something away from a user (removal, a lower role, a new password) also moves the user's
 * token version where it applies and announces the change, so the user's tokens stop working on
 * every instance when the transaction commits.
 *
 * Rules, beyond the route's own (an admin of the tenant or above it):
 * - nobody gives a role above their own;
 * - a tenant keeps at least one admin, so nobody (an admin lowering or removing themself included)
 *   leaves it without one. A change locks the tenant's admins first, in one order, then its user:
 *   two changes at once (two admins removing each other) wait for each other and never deadlock;
 * - a password is reset only for a user below the caller: in a tenant under the caller's, or of a
 *   lower role in the caller's own tenant. Otherwise an admin could take over a fellow admin.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Role, TenantType } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { Forbidden, LastAdmin, NotFound } from '../errors.ts';
import { hasRole, isAbove, levelOf, ROLE_RANK } from '../tenancy/access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { announceCredentialChange } from '../tenancy/credential-events.ts';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  tenantId: string;
  tenantType: 'agency' | 'client';
  createdAt: Date;
}

const COLUMNS = ['user_id', 'email', 'role', 'tenant_type', 'created_at', 'agency_id', 'client_id'] as const;

interface UserRow {
  user_id: string;
  email: string;
  role: Role;
  tenant_type: 'agency' | 'client';
  created_at: Date;
  agency_id: string;
  client_id: string | null;
}

function userView(row: UserRow): UserView {
  return {
    id: row.user_id,
    email: row.email,
    role: row.role,
    tenantId: row.client_id ?? row.agency_id,
    tenantType: row.tenant_type,
    createdAt: row.created_at,
  };
}

/** Refuses a role above the caller's own. */
export function mayGive(caller: TenantContext, role: Role): void {
  if (!hasRole(caller, role)) throw new Forbidden(`nobody gives a role above their own (${caller.role})`);
}

/**
 * Makes a user of the scope's tenant. The password is hashed before the transaction opens, so
 * scrypt never holds a connection. Whoever calls has checked that the role may be given.
 */
export async function createUser(
  q: ScopedQueries,
  input: { email: string; role: Role },
  passwordHash: string,
): Promise<UserView> {
  const email = input.email.toLowerCase();
  const userId = randomUUID();
  const tenantType = levelOf(q.scope);
  await q
    .insertInto('accounts', { user_id: userId, email, tenant_type: tenantType, password_hash: passwordHash })
    .execute();
  const row = await q
    .insertInto('users', { user_id: userId, email, role: input.role, tenant_type: tenantType })
    .returning([...COLUMNS])
    .executeTakeFirstOrThrow();
  await q.audit({ action: 'user.created', targetType: 'user', targetId: userId, details: { email, role: input.role } });
  return userView(row as UserRow);
}

export async function listUsers(q: ScopedQueries): Promise<UserView[]> {
  const rows = await q
    .selectFrom('users')
    .select([...COLUMNS])
    .where('tenant_type', '=', levelOf(q.scope))
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
  return rows.map((row) => userView(row as UserRow));
}

/** The user of exactly this tenant, locked for the change; else 404, as for any record outside. */
async function userOfTenant(q: ScopedQueries, userId: string): Promise<UserRow> {
  const row = await q
    .selectFrom('users')
    .select([...COLUMNS])
    .where('tenant_type', '=', levelOf(q.scope))
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFound('User');
  return row as UserRow;
}

/** The user to change, and the tenant's admins, all locked until commit (admins first). */
async function lockForChange(q: ScopedQueries, userId: string): Promise<{ user: UserRow; admins: string[] }> {
  const admins = await q
    .selectFrom('users')
    .select('user_id')
    .where('tenant_type', '=', levelOf(q.scope))
    .where('role', '=', 'admin')
    .orderBy('user_id')
    .forUpdate()
    .execute();
  return { user: await userOfTenant(q, userId), admins: admins.map((admin) => admin.user_id) };
}

/** Refuses to leave the tenant without an admin. */
function keepAnAdmin(user: UserRow, admins: string[]): void {
  if (user.role === 'admin' && admins.every((id) => id === user.user_id)) throw new LastAdmin();
}

async function bumpTokenVersion(q: ScopedQueries, userId: string): Promise<void> {
  await q
    .updateTable('accounts')
    .set({ token_version: sql<number>`token_version + 1` })
    .where('user_id', '=', userId)
    .execute();
}

/** Whether `caller` stands above `user`: in a tenant higher up, or with a higher role in the same one. */
function standsAbove(caller: TenantContext, user: UserRow): boolean {
  return isAbove(caller.tenantType, user.tenant_type as TenantType) || ROLE_RANK[user.role] < ROLE_RANK[caller.role];
}

/**
 * A user's role and membership are changed by the user itself or by someone above it, never by a
 * peer: an admin who could lower a fellow admin could then reset its password and act in its name.
 */
function mayChange(caller: TenantContext, user: UserRow): void {
  if (user.user_id !== caller.userId && !standsAbove(caller, user)) {
    throw new Forbidden('a fellow admin is changed or removed only by itself or by an admin of a tenant above');
  }
}

/**
 * Invitations a user sent that nobody has accepted go with the authority they were sent on: all of
 * them when the user is removed, those for a role above its new one when it is lowered.
 */
async function withdrawInvitationsOf(q: ScopedQueries, userId: string, above: Role | null): Promise<void> {
  let query = q.deleteFrom('invitations').where('invited_by', '=', userId).where('accepted_at', 'is', null);
  if (above !== null)
    query = query.where(
      'role',
      'in',
      (Object.keys(ROLE_RANK) as Role[]).filter((role) => ROLE_RANK[role] > ROLE_RANK[above]),
    );
  const gone = await query.returning('invitation_id').execute();
  if (gone.length > 0) {
    await q.audit({
      action: 'invitation.withdrawn',
      targetType: 'user',
      targetId: userId,
      details: {
        invitations: gone.map((row) => row.invitation_id),
        reason: above === null ? 'inviter removed' : 'inviter lowered',
      },
    });
  }
}

export async function changeRole(
  q: ScopedQueries,
  caller: TenantContext,
  userId: string,
  role: Role,
): Promise<UserView> {
  mayGive(caller, role);
  const { user, admins } = await lockForChange(q, userId);
  mayChange(caller, user);
  if (user.role === role) return userView(user);
  if (role !== 'admin') keepAnAdmin(user, admins);
  const row = await q
    .updateTable('users')
    .set({ role })
    .where('user_id', '=', userId)
    .returning([...COLUMNS])
    .executeTakeFirstOrThrow();
  // A lower role ends older tokens for good: raised again later, they stay ended. A higher role
  // leaves them as they are, with the lower role they name.
  if (ROLE_RANK[role] < ROLE_RANK[user.role]) {
    await bumpTokenVersion(q, userId);
    await withdrawInvitationsOf(q, userId, role);
    await announceCredentialChange(q.unfiltered, userId);
  }
  await q.audit({
    action: 'user.role_changed',
    targetType: 'user',
    targetId: userId,
    details: { from: user.role, to: role },
  });
  return userView(row as UserRow);
}

export async function removeUser(q: ScopedQueries, caller: TenantContext, userId: string): Promise<void> {
  const { user, admins } = await lockForChange(q, userId);
  mayChange(caller, user);
  keepAnAdmin(user, admins);
  await withdrawInvitationsOf(q, userId, null);
  await q.deleteFrom('users').where('user_id', '=', userId).execute();
  await q.deleteFrom('accounts').where('user_id', '=', userId).execute();
  await announceCredentialChange(q.unfiltered, userId);
  await q.audit({
    action: 'user.removed',
    targetType: 'user',
    targetId: userId,
    details: { email: user.email, role: user.role },
  });
}

export async function resetPassword(
  q: ScopedQueries,
  caller: TenantContext,
  userId: string,
  passwordHash: string,
): Promise<void> {
  const user = await userOfTenant(q, userId);
  if (user.user_id === caller.userId) throw new Forbidden('change your own password with POST /v1/auth/password');
  if (!standsAbove(caller, user)) throw new Forbidden('a password is reset only for a user below you');
  await q
    .updateTable('accounts')
    .set({ password_hash: passwordHash, token_version: sql<number>`token_version + 1` })
    .where('user_id', '=', userId)
    .execute();
  await announceCredentialChange(q.unfiltered, userId);
  await q.audit({ action: 'user.password_changed', targetType: 'user', targetId: userId, details: { by: 'admin' } });
}
