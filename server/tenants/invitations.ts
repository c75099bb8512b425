/**
 * Invitations, as stored. An admin invites an email to a role in a tenant and gets a one-time token
 * to pass on; the person accepts with the token and chooses a password, and only then is the
 * account made. The inviting admin is answered alike whatever the email: nothing it sees tells
 * whether the email has an account elsewhere.
 *
 * An email that already has an account (an account belongs to one tenant) is not made a second
 * one, and nobody gains access to the existing account. The acceptance is answered as any other,
 * the invitation stays open to the inviting admin (as one not yet accepted, until it expires), and
 * the platform's audit log records why.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAudit, type AuditTenant } from '../db/audit-writer.ts';
import type { Database, Role } from '../db/schema.ts';
import { enterScope, type Actor, type ScopedQueries } from '../db/tenant-db.ts';
import { NotFound } from '../errors.ts';
import { createUser } from './users.ts';
import { levelOf } from '../tenancy/access.ts';

/** How long an invitation may wait for its person; 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  tenantId: string;
  tenantType: 'agency' | 'client';
  createdAt: Date;
  expiresAt: Date;
}

interface InvitationRow {
  invitation_id: string;
  agency_id: string;
  client_id: string | null;
  tenant_type: 'agency' | 'client';
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
}

const COLUMNS = [
  'invitation_id',
  'agency_id',
  'client_id',
  'tenant_type',
  'email',
  'role',
  'created_at',
  'expires_at',
] as const;

function invitationView(row: InvitationRow): InvitationView {
  return {
    id: row.invitation_id,
    email: row.email,
    role: row.role,
    tenantId: row.client_id ?? row.agency_id,
    tenantType: row.tenant_type,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Invites an email to the scope's tenant; the token is returned here and never again. */
export async function createInvitation(
  q: ScopedQueries,
  input: { email: string; role: Role },
  now: Date,
): Promise<InvitationView & { token: string }> {
  const token = `inv_${randomBytes(32).toString('base64url')}`;
  const email = input.email.toLowerCase();
  const row = await q
    .insertInto('invitations', {
      tenant_type: levelOf(q.scope),
      email,
      role: input.role,
      token_hash: tokenHash(token),
      invited_by: q.actor.id,
      expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
    })
    .returning([...COLUMNS])
    .executeTakeFirstOrThrow();
  await q.audit({
    action: 'invitation.created',
    targetType: 'invitation',
    targetId: row.invitation_id,
    details: { email, role: input.role },
  });
  return { ...invitationView(row as InvitationRow), token };
}

/** The scope's own open invitations (not accepted, not expired). */
export async function listInvitations(q: ScopedQueries, now: Date): Promise<InvitationView[]> {
  const rows = await q
    .selectFrom('invitations')
    .select([...COLUMNS])
    .where('tenant_type', '=', levelOf(q.scope))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .orderBy('invitation_id')
    .execute();
  return rows.map((row) => invitationView(row as InvitationRow));
}

export async function withdrawInvitation(q: ScopedQueries, invitationId: string): Promise<void> {
  const gone = await q
    .deleteFrom('invitations')
    .where('tenant_type', '=', levelOf(q.scope))
    .where('invitation_id', '=', invitationId)
    .where('accepted_at', 'is', null)
    .returning(['email'])
    .executeTakeFirst();
  if (!gone) throw new NotFound('Invitation');
  await q.audit({
    action: 'invitation.withdrawn',
    targetType: 'invitation',
    targetId: invitationId,
    details: { email: gone.email },
  });
}

/** The open invitation a token names, or undefined. Privileged: the person has no tenant yet. */
export function findOpenInvitation(db: Kysely<Database>, token: string, now: Date, lock = false) {
  const query = db
    .selectFrom('invitations')
    .select([...COLUMNS])
    .where('token_hash', '=', tokenHash(token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now);
  return (lock ? query.forUpdate() : query).executeTakeFirst() as Promise<InvitationRow | undefined>;
}

export type Acceptance = { made: true; userId: string } | { made: false };

/**
 * Accepts an invitation in a privileged transaction `db`: makes the account and the user, or,
 * when the email already has an account, makes nothing and leaves the invitation open.
 * Undefined when the token names no open invitation (any longer).
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  token: string,
  passwordHash: string,
  actor: Actor,
  platform: AuditTenant,
  now: Date,
): Promise<Acceptance | undefined> {
  const invitation = await findOpenInvitation(db, token, now, true);
  if (!invitation) return undefined;
  const taken = await db
    .selectFrom('accounts')
    .select('user_id')
    .where('email', '=', invitation.email)
    .executeTakeFirst();
  if (taken) {
    await writeAudit(db, platform, actor, {
      action: 'invitation.accept_withheld',
      targetType: 'invitation',
      targetId: invitation.invitation_id,
      details: {
        email: invitation.email,
        tenantId: invitation.client_id ?? invitation.agency_id,
        reason: 'the email has an account already',
      },
    });
    return { made: false };
  }
  await db
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('agency_id', '=', invitation.agency_id)
    .where('invitation_id', '=', invitation.invitation_id)
    .execute();
  // The rest runs in the invitation's own tenant, as everything its admins do.
  const q = await enterScope(db, { agencyId: invitation.agency_id, clientId: invitation.client_id }, actor);
  const user = await createUser(q, { email: invitation.email, role: invitation.role }, passwordHash);
  await q.audit({
    action: 'invitation.accepted',
    targetType: 'invitation',
    targetId: invitation.invitation_id,
    details: { userId: user.id },
  });
  return { made: true, userId: user.id };
}
