/**
 * Telling every server instance that a user's credentials changed (removed, role changed, password
 * changed), so that each drops what it cached and the user's older tokens stop working at once.
 * As with widget policies (server/embedding/policy-events.ts), the NOTIFY is sent inside the changing
 * transaction: PostgreSQL delivers it when the change commits, never for one that rolled back.
 */
import { sql, type Kysely } from 'kysely';
import type { Notifications } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { CredentialCache } from './credentials.ts';

export const CREDENTIALS_CHANNEL = 'upzento_user_credentials';
export const EVERY_USER = '*';

/**
 * `db` is the changing transaction: a scoped one's `unfiltered`, or a privileged one. `userId` '*'
 * (a tenant suspended or its suspension lifted) tells every instance to forget every user.
 */
export async function announceCredentialChange(db: Kysely<Database>, userId: string): Promise<void> {
  await sql`SELECT pg_notify(${CREDENTIALS_CHANNEL}, ${userId})`.execute(db);
}

export function followCredentialChanges(
  notifications: Notifications,
  cache: CredentialCache,
): Promise<() => Promise<void>> {
  return notifications.listen(
    CREDENTIALS_CHANNEL,
    (userId) => (userId === EVERY_USER ? cache.invalidateAll() : cache.invalidate(userId)),
    // Notifications may have been missed while the connection was down: forget every user, and
    // trust cached credentials again from now on.
    () => cache.trust(),
    // No notification can arrive now: every request reads its user's credentials until it is back.
    () => cache.distrust(),
  );
}
