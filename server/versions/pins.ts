/**
 * Pinning a tenant to an API version. A new agency is pinned to the newest version; its admins move the
 * pin forward whenever they choose, and back to the version an upgrade replaced within 72 hours of it
 * (then the door closes: 409). A client follows its agency unless it pins a version of its own, which
 * follows the same rules from the version it is served in; removing its pin makes it follow again.
 * Every change is audited and announced to every instance (pin-events.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { VersionDowngrade } from '../errors.ts';
import { compareVersions, knownVersion, NEWEST_VERSION, servedVersion, type ApiVersion } from './api-versions.ts';
import { announcePinChange } from './pin-events.ts';
import type { PinCache } from './pin-cache.ts';

/** How long after an upgrade the version it replaced may be pinned again. */
export const ROLLBACK_WINDOW_MS = 72 * 60 * 60_000;

/** The version a tenant is served in, and whose pin says so. */
export interface PinState {
  readonly version: ApiVersion;
  /** `agency`: a client without a pin of its own, following its agency's. */
  readonly source: 'agency' | 'client';
  /** When this tenant's pin was last set; null when it has none (a client that follows). */
  readonly pinnedAt: Date | null;
  /** The version the last upgrade replaced, while it may still be pinned again; else null. */
  readonly rollbackTo: ApiVersion | null;
  /** Until when that rollback may be made; null when none may. */
  readonly rollbackUntil: Date | null;
}

interface PinRow {
  version: string;
  previous_version: string | null;
  pinned_at: Date;
}

export type PinMove = 'unchanged' | 'upgrade' | 'rollback';

/**
 * What moving from `current` to `target` is: the same version, an upgrade (always allowed), or the
 * rollback of the last upgrade within its window. Anything else is a VersionDowngrade.
 */
export function pinMove(
  current: { version: ApiVersion; previousVersion: string | null; pinnedAt: Date | null },
  target: ApiVersion,
  now: Date,
): PinMove {
  const order = compareVersions(target, current.version);
  if (order === 0) return 'unchanged';
  if (order > 0) return 'upgrade';
  if (target !== current.previousVersion || current.pinnedAt === null)
    throw new VersionDowngrade(
      `${target} is older than ${current.version}, which serves this tenant now; only the version the last upgrade replaced (${current.previousVersion ?? 'none'}) may be pinned again, within 72 hours of it`,
    );
  const closed = new Date(current.pinnedAt.getTime() + ROLLBACK_WINDOW_MS);
  if (now.getTime() > closed.getTime())
    throw new VersionDowngrade(
      `the rollback to ${target} could be made until ${closed.toISOString()}, 72 hours after the upgrade to ${current.version}; it is closed`,
    );
  return 'rollback';
}

function tenantOf(q: ScopedQueries): { tenantId: string; clientId: string | null } {
  return { tenantId: q.scope.clientId ?? q.scope.agencyId, clientId: q.scope.clientId };
}

async function ownPin(q: ScopedQueries, tenantId: string, forUpdate: boolean): Promise<PinRow | undefined> {
  let query = q
    .selectFrom('api_version_pins')
    .select(['version', 'previous_version', 'pinned_at'])
    .where('tenant_id', '=', tenantId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

function stateOf(row: PinRow, source: 'agency' | 'client', now: Date): PinState {
  const version = servedVersion(row.version);
  const previous = knownVersion(row.previous_version);
  const until = new Date(row.pinned_at.getTime() + ROLLBACK_WINDOW_MS);
  const open = previous !== null && compareVersions(previous, version) < 0 && until.getTime() >= now.getTime();
  return {
    version,
    source,
    pinnedAt: row.pinned_at,
    rollbackTo: open ? previous : null,
    rollbackUntil: open ? until : null,
  };
}

/** A tenant without a row: a client follows its agency; an agency made before pins is served the newest. */
function inheritedState(version: ApiVersion): PinState {
  return { version, source: 'agency', pinnedAt: null, rollbackTo: null, rollbackUntil: null };
}

/**
 * The version the scope's tenant is served in. `inherited` is what it is served in without a pin of
 * its own: for a client, its agency's version, read before this transaction (a client's scope cannot
 * read its agency's row); for an agency made before pins, the newest.
 */
export async function readPin(q: ScopedQueries, inherited: ApiVersion, now: Date): Promise<PinState> {
  const { tenantId, clientId } = tenantOf(q);
  const row = await ownPin(q, tenantId, false);
  if (row) return stateOf(row, clientId === null ? 'agency' : 'client', now);
  return inheritedState(inherited);
}

/** Pins the scope's tenant (an agency, or a client) to `target`, by the rules above; `inherited` as for readPin. */
export async function pinVersion(
  q: ScopedQueries,
  target: ApiVersion,
  options: { now: Date; pins: Pick<PinCache, 'invalidate'>; inherited: ApiVersion },
): Promise<PinState> {
  const { now } = options;
  const { tenantId, clientId } = tenantOf(q);
  const row = await ownPin(q, tenantId, true);
  const current = row
    ? {
        version: servedVersion(row.version),
        previousVersion: row.previous_version,
        pinnedAt: row.pinned_at,
      }
    : { version: options.inherited, previousVersion: null, pinnedAt: null };
  const move = pinMove(current, target, now);
  const source = clientId === null ? 'agency' : 'client';
  if (move === 'unchanged' && row) return stateOf(row, source, now);
  // A rollback cannot be rolled back: after it, only upgrades.
  const previous = move === 'upgrade' && row ? current.version : null;
  const stored = await q
    .insertInto('api_version_pins', {
      tenant_id: tenantId,
      client_id: clientId,
      version: target,
      previous_version: previous,
      pinned_at: now,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['agency_id', 'tenant_id'])
        .doUpdateSet({ version: target, previous_version: previous, pinned_at: now }),
    )
    .returning(['version', 'previous_version', 'pinned_at'])
    .executeTakeFirstOrThrow();
  await q.audit({
    action: 'api_version.pinned',
    targetType: source,
    targetId: tenantId,
    details: { from: current.version, to: target, move: row ? move : 'pin' },
  });
  await announcePinChange(q, options.pins, tenantId);
  return stateOf(stored, source, now);
}

/** Removes the scope's client's own pin, so it follows its agency again; false when it had none. */
export async function unpinClient(q: ScopedQueries, pins: Pick<PinCache, 'invalidate'>): Promise<boolean> {
  const clientId = q.scope.clientId;
  if (clientId === null) throw new Error('only a client follows another pin: the scope names none');
  const removed = await q
    .deleteFrom('api_version_pins')
    .where('tenant_id', '=', clientId)
    .returning('version')
    .executeTakeFirst();
  if (!removed) return false;
  await q.audit({
    action: 'api_version.unpinned',
    targetType: 'client',
    targetId: clientId,
    details: { from: removed.version },
  });
  await announcePinChange(q, pins, clientId);
  return true;
}

/** Pins a new agency to the newest version, in the transaction that creates it. */
export async function pinNewAgency(db: Kysely<Database>, agencyId: string): Promise<ApiVersion> {
  await db
    .insertInto('api_version_pins')
    .values({ agency_id: agencyId, tenant_id: agencyId, client_id: null, version: NEWEST_VERSION })
    .execute();
  return NEWEST_VERSION;
}
