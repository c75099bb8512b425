/**
 * Telling every server instance that a tenant's API version pin changed. As with widget policies and
 * credentials, the NOTIFY is sent inside the changing transaction, so PostgreSQL delivers it when the
 * change commits and never for one that rolled back; the instance that made the change drops its entry
 * as it commits, without waiting for its own notification.
 */
import { sql } from 'kysely';
import type { Notifications } from '../db/connect.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { PinCache } from './pin-cache.ts';

export const PINS_CHANNEL = 'upzento_api_version_pins';

/** Tells every instance, this one included, that `tenantId`'s pin changed in transaction `q`. */
export async function announcePinChange(
  q: ScopedQueries,
  pins: Pick<PinCache, 'invalidate'>,
  tenantId: string,
): Promise<void> {
  await sql`SELECT pg_notify(${PINS_CHANNEL}, ${tenantId})`.execute(q.unfiltered);
  q.afterCommit(() => pins.invalidate(tenantId));
}

export function followPinChanges(notifications: Notifications, pins: PinCache): Promise<() => Promise<void>> {
  return notifications.listen(
    PINS_CHANNEL,
    (tenantId) => pins.invalidate(tenantId),
    // Notifications may have been missed while the connection was down: forget every pin, keep them again.
    () => pins.trust(),
    // No notification can arrive now: every request reads its pin until the connection is back.
    () => pins.distrust(),
  );
}
