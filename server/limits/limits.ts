/**
 * Per-tenant limits: the deployment's defaults, each agency's and client's overrides
 * (tenant_limits, written by the level above), and a per-process cache of each tenant's effective
 * limits that every instance drops when an override changes (PostgreSQL NOTIFY, as credentials and
 * widget policies are dropped).
 */
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Notifications } from '../db/connect.ts';
import type { TenantLimitsTable } from '../db/schema.ts';
import type { ScopedQueries, TenantDatabase } from '../db/tenant-db.ts';
import { LimitReached } from '../errors.ts';
import { levelOf } from '../tenancy/access.ts';

export const LIMITS_CHANNEL = 'upzento_tenant_limits';

/** What a tenant may do; every field has a default. */
export interface Limits {
  /** Sustained API requests per second of the tenant's users, across every instance. */
  apiRequestsPerSecond: number;
  /** Requests that may come at once after a quiet time, above the sustained rate. */
  apiBurst: number;
  /** Users of the tenant (for an agency, its own users, not its clients'). */
  users: number;
  /** Contacts of a client (an agency has none of its own). */
  contacts: number;
  /** Domains of a client. */
  domains: number;
  /** Widget submissions a client takes per minute, across every instance. */
  widgetSubmissionsPerMinute: number;
}

export type LimitName = keyof Limits;
export const LIMIT_NAMES = [
  'apiRequestsPerSecond',
  'apiBurst',
  'users',
  'contacts',
  'domains',
  'widgetSubmissionsPerMinute',
] as const;

/** The deployment's defaults unless configured otherwise: Stripe's 100 requests a second, twice that at once. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  apiRequestsPerSecond: 100,
  apiBurst: 200,
  users: 1000,
  contacts: 1_000_000,
  domains: 100,
  widgetSubmissionsPerMinute: 600,
});

const COLUMN_OF = {
  apiRequestsPerSecond: 'api_requests_per_second',
  apiBurst: 'api_burst',
  users: 'users',
  contacts: 'contacts',
  domains: 'domains',
  widgetSubmissionsPerMinute: 'widget_submissions_per_minute',
} as const satisfies Record<LimitName, keyof TenantLimitsTable>;

export type Overrides = Partial<Record<LimitName, number>>;

/** The overrides `q`'s tenant has, by name; names without one are left out. */
export async function readOverrides(q: ScopedQueries): Promise<Overrides> {
  const row = await q.selectFrom('tenant_limits').selectAll().where('tenant_id', '=', tenantOf(q)).executeTakeFirst();
  return row ? overridesOf(row) : {};
}

function overridesOf(row: Pick<TenantLimitsTable, (typeof COLUMN_OF)[LimitName]>): Overrides {
  const overrides: Overrides = {};
  for (const name of LIMIT_NAMES) {
    const value = row[COLUMN_OF[name]];
    if (value !== null) overrides[name] = value;
  }
  return overrides;
}

function tenantOf(q: ScopedQueries): string {
  return q.scope.clientId ?? q.scope.agencyId;
}

/**
 * Sets (a number) or removes (null) overrides of `q`'s tenant, audits the change, and tells every
 * instance; returns the overrides now.
 */
export async function changeOverrides(
  q: ScopedQueries,
  change: Partial<Record<LimitName, number | null>>,
  cache: Pick<LimitCache, 'invalidate'>,
): Promise<Overrides> {
  const tenantId = tenantOf(q);
  const set = Object.fromEntries(
    Object.entries(change).map(([name, value]) => [COLUMN_OF[name as LimitName], value]),
  ) as Partial<Record<(typeof COLUMN_OF)[LimitName], number | null>>;
  const row = await q
    .insertInto('tenant_limits', { tenant_id: tenantId, client_id: q.scope.clientId, ...set })
    .onConflict((oc) => oc.columns(['agency_id', 'tenant_id']).doUpdateSet({ ...set, updated_at: sql<Date>`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
  await q.audit({
    action: 'limits.changed',
    targetType: levelOf(q.scope),
    targetId: tenantId,
    details: { change },
  });
  await sql`SELECT pg_notify(${LIMITS_CHANNEL}, ${tenantId})`.execute(q.unfiltered);
  q.afterCommit(() => cache.invalidate(tenantId));
  return overridesOf(row);
}

/**
 * Throws 409 UPZ_LIMIT_REACHED when `q`'s tenant already has `limit` of `what` (its own users, or a
 * client's contacts). Two creations at the same moment may each see room for one.
 */
export async function assertRoomFor(q: ScopedQueries, what: 'users' | 'contacts', limit: number): Promise<void> {
  const count = await countOwn(q, what);
  if (count >= limit)
    throw new LimitReached(
      `this ${levelOf(q.scope)} has ${count} ${what}, the most its limit allows; remove some, or ask the level above to raise the limit`,
    );
}

/** Rows of `what` that `q`'s own tenant has: its own users (an agency's, not its clients'), a client's contacts or domains. */
export async function countOwn(q: ScopedQueries, what: 'users' | 'contacts' | 'domains'): Promise<number> {
  let query = q.selectFrom(what).select((eb) => eb.fn.countAll<string>().as('n'));
  if (what === 'users') query = query.where('tenant_type', '=', levelOf(q.scope));
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** A client's submissions stored in the last minute (by the database's clock, so every instance's count). */
export async function countRecentSubmissions(q: ScopedQueries): Promise<number> {
  const row = await q
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_at', '>', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Each tenant's effective limits, read once and kept until an override of it changes. */
export class LimitCache {
  readonly #data: TenantDatabase;
  readonly #defaults: Readonly<Limits>;
  readonly #entries: LRUCache<string, Readonly<Limits>>;
  #generation = 0;

  constructor(data: TenantDatabase, defaults: Readonly<Limits> = DEFAULT_LIMITS) {
    this.#data = data;
    this.#defaults = defaults;
    // A bound on how long an instance that missed a notification trusts what it read.
    this.#entries = new LRUCache({ max: 100_000, ttl: 60_000, ttlResolution: 1000 });
  }

  get defaults(): Readonly<Limits> {
    return this.#defaults;
  }

  /** The tenant's limits now: the cached ones, or read (`agencyId` null for the platform, which has only defaults). */
  get(tenantId: string, agencyId: string | null): Readonly<Limits> | Promise<Readonly<Limits>> {
    if (agencyId === null) return this.#defaults;
    return this.#entries.get(tenantId) ?? this.#read(tenantId, agencyId);
  }

  invalidate(tenantId: string): void {
    this.#generation += 1;
    this.#entries.delete(tenantId);
  }

  invalidateAll(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  async #read(tenantId: string, agencyId: string): Promise<Readonly<Limits>> {
    const generation = this.#generation;
    const row = await this.#data.privilegedFor(agencyId, "limits: a tenant's overrides", (db) =>
      db
        .selectFrom('tenant_limits')
        .selectAll()
        .where('agency_id', '=', agencyId)
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst(),
    );
    const limits = Object.freeze({ ...this.#defaults, ...(row ? overridesOf(row) : {}) });
    // Changed while it was read: it serves this request only.
    if (generation === this.#generation) this.#entries.set(tenantId, limits);
    return limits;
  }
}

export function followLimitChanges(notifications: Notifications, cache: LimitCache): Promise<() => Promise<void>> {
  return notifications.listen(
    LIMITS_CHANNEL,
    (tenantId) => cache.invalidate(tenantId),
    () => cache.invalidateAll(),
  );
}
