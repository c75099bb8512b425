/**
 * Telling every server instance that a client's widget policy (domains, settings) changed.
 * The NOTIFY is sent inside the changing transaction, so PostgreSQL delivers it exactly when the
 * change commits and never for a change that rolled back. Each instance LISTENs on the direct
 * connection (a transaction-mode pooler cannot hold a LISTEN) and drops its cached verdicts; the
 * instance that made the change drops them as it commits, without waiting for its own notification.
 */
import { sql } from 'kysely';
import type { Notifications } from '../db/connect.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { VerdictCache } from './verdict-cache.ts';

export const POLICY_CHANNEL = 'upzento_widget_policy';

/** Tells every instance, this one included, that the scope's client changed its policy in transaction `q`. */
export async function announcePolicyChange(
  q: ScopedQueries,
  verdicts: Pick<VerdictCache, 'invalidate'>,
): Promise<void> {
  const clientId = q.scope.clientId;
  if (!clientId) throw new Error('a widget policy belongs to a client: the scope names none');
  await announcePolicyChanges(q, [clientId], verdicts);
}

/** As announcePolicyChange, for several clients of `q`'s agency at once (a whole agency suspended, say). */
export async function announcePolicyChanges(
  q: ScopedQueries,
  clientIds: readonly string[],
  verdicts: Pick<VerdictCache, 'invalidate'>,
): Promise<void> {
  if (clientIds.length === 0) return;
  await sql`SELECT pg_notify(${POLICY_CHANNEL}, id) FROM unnest(${clientIds}::text[]) AS id`.execute(q.unfiltered);
  q.afterCommit(() => {
    for (const id of clientIds) verdicts.invalidate(id);
  });
}

export function followPolicyChanges(notifications: Notifications, cache: VerdictCache): Promise<() => Promise<void>> {
  return notifications.listen(
    POLICY_CHANNEL,
    (clientId) => cache.invalidate(clientId),
    // Notifications may have been missed while the connection was down: forget every verdict.
    () => cache.invalidateAll(),
  );
}
