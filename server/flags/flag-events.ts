/**
 * Telling every instance that flag settings changed, as policy-events.ts does for widget policies:
 * the NOTIFY goes out inside the changing transaction (so only a committed change is heard), every
 * instance drops the flag settings it concerns and the widget verdicts whose configuration carries
 * those flags (the platform's: every client's; an agency's: its clients'; a client's: its own), and
 * the instance that made the change does so as it commits. When the listening connection comes
 * back after a loss, everything is dropped: the notifications sent meanwhile are gone.
 */
import { sql, type Kysely } from 'kysely';
import type { Notifications } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { isUuid } from '../db/uuid.ts';
import type { VerdictCache } from '../embedding/verdict-cache.ts';
import type { FlagCache, FlagChange } from './flag-cache.ts';

export const FLAGS_CHANNEL = 'upzento_feature_flags';

/** The caches a flag change reaches on each instance. */
export interface FlagCaches {
  flags: Pick<FlagCache, 'invalidate' | 'invalidateAll'>;
  verdicts: Pick<VerdictCache, 'invalidate' | 'invalidateAgency' | 'invalidateAll'>;
}

/** Drops what a change concerns from this instance's caches. */
export function applyFlagChange(change: FlagChange, caches: FlagCaches): void {
  caches.flags.invalidate(change);
  if (change.level === 'platform') caches.verdicts.invalidateAll();
  else if (change.level === 'agency') caches.verdicts.invalidateAgency(change.agencyId);
  else caches.verdicts.invalidate(change.clientId);
}

/** The change of the scope's own level (its client's, or the agency's). */
export function changeOfScope(q: ScopedQueries): FlagChange {
  const { agencyId, clientId } = q.scope;
  return clientId ? { level: 'client', agencyId, clientId } : { level: 'agency', agencyId };
}

/** Sends the NOTIFY of a change in transaction `db`; it is delivered when that transaction commits. */
export async function notifyFlagChange(db: Kysely<Database>, change: FlagChange): Promise<void> {
  await sql`SELECT pg_notify(${FLAGS_CHANNEL}, ${payloadOf(change)})`.execute(db);
}

/** Tells every instance, this one included (after the commit), of a change of the scope's own flags. */
export async function announceTenantFlagChange(q: ScopedQueries, caches: FlagCaches): Promise<void> {
  const change = changeOfScope(q);
  await notifyFlagChange(q.unfiltered, change);
  q.afterCommit(() => applyFlagChange(change, caches));
}

export function followFlagChanges(notifications: Notifications, caches: FlagCaches): Promise<() => Promise<void>> {
  return notifications.listen(
    FLAGS_CHANNEL,
    (payload) => {
      const change = changeOfPayload(payload);
      // A payload this version cannot read (a newer instance's): forget everything rather than guess.
      if (change) applyFlagChange(change, caches);
      else resume(caches);
    },
    () => resume(caches),
  );
}

function resume(caches: FlagCaches): void {
  caches.flags.invalidateAll();
  caches.verdicts.invalidateAll();
}

function payloadOf(change: FlagChange): string {
  if (change.level === 'platform') return 'platform';
  if (change.level === 'agency') return `agency:${change.agencyId}`;
  return `client:${change.agencyId}:${change.clientId}`;
}

export function changeOfPayload(payload: string): FlagChange | null {
  const [level, agencyId, clientId, ...rest] = payload.split(':');
  if (rest.length > 0) return null;
  if (level === 'platform' && agencyId === undefined) return { level };
  if (level === 'agency' && isUuid(agencyId) && clientId === undefined) return { level, agencyId };
  if (level === 'client' && isUuid(agencyId) && isUuid(clientId)) return { level, agencyId, clientId };
  return null;
}
