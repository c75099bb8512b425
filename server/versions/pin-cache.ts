/**
 * The version each tenant is pinned to, cached per process so that a warm request reads nothing: per
 * agency its pin, per client its own pin or that it has none (it follows its agency). A change (here
 * at once, on other instances through PostgreSQL NOTIFY, see pin-events.ts) drops the tenant's entry,
 * and a read that was in flight when it happened serves its own request but is never kept. While the
 * LISTEN connection is down nothing is kept; once it is back everything read before is dropped.
 * Entries also expire after `ttlMs`, a bound on how long an instance that missed a notification
 * serves an old pin.
 */
import type { TenantDatabase } from '../db/tenant-db.ts';
import { InvalidatedCache } from '../tenancy/invalidated-cache.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { NEWEST_VERSION, servedVersion, type ApiVersion } from './api-versions.ts';

export interface PinCacheOptions {
  /** Most tenants kept; default 100,000. */
  max?: number;
  /** How long an entry is kept without a notification, in ms; default 10 minutes. */
  ttlMs?: number;
}

/** A tenant without a pin of its own: a client follows its agency; an agency (made before pins) is served the newest. */
const NONE = 'none' as const;
type Entry = ApiVersion | typeof NONE;

export class PinCache {
  readonly #data: TenantDatabase;
  readonly #entries: InvalidatedCache<Entry>;

  constructor(data: TenantDatabase, options: PinCacheOptions = {}) {
    this.#data = data;
    this.#entries = new InvalidatedCache({ max: options.max ?? 100_000, ttlMs: options.ttlMs ?? 10 * 60_000 });
  }

  /** The version that serves a caller's requests without a header, when it is known without a read. */
  peek(caller: TenantContext): ApiVersion | undefined {
    if (caller.tenantType === 'platform') return NEWEST_VERSION;
    const own = this.#entries.get(caller.tenantId);
    if (own === undefined) return undefined;
    if (own !== NONE) return own;
    if (caller.tenantType === 'agency' || caller.parentId === null) return NEWEST_VERSION;
    const agency = this.#entries.get(caller.parentId);
    return agency === undefined ? undefined : agency === NONE ? NEWEST_VERSION : agency;
  }

  /** The version that serves a caller's requests without a header. */
  async versionOf(caller: TenantContext): Promise<ApiVersion> {
    const known = this.peek(caller);
    if (known !== undefined) return known;
    const clientId = caller.tenantType === 'client' ? caller.tenantId : null;
    const agencyId = clientId === null ? caller.tenantId : caller.parentId;
    if (agencyId === null) return NEWEST_VERSION;
    const { agency, client } = await this.#read(agencyId, clientId);
    return client !== NONE ? client : agency !== NONE ? agency : NEWEST_VERSION;
  }

  /** The version an agency is pinned to (the one its clients without a pin follow). */
  async agencyVersion(agencyId: string): Promise<ApiVersion> {
    const cached = this.#entries.get(agencyId);
    const entry = cached ?? (await this.#read(agencyId, null)).agency;
    return entry === NONE ? NEWEST_VERSION : entry;
  }

  /** Forgets one tenant's pin. */
  invalidate(tenantId: string): void {
    this.#entries.invalidate(tenantId);
  }

  /** Forgets every pin (notifications may have been missed). */
  invalidateAll(): void {
    this.#entries.invalidateAll();
  }

  /** No change can be heard of now (the LISTEN connection is lost): read pins for every request until trust(). */
  distrust(): void {
    this.#entries.distrust();
  }

  /** Changes are heard of again: what was read meanwhile is forgotten, and caching resumes. */
  trust(): void {
    this.#entries.trust();
  }

  /** Called after each invalidation (with '*' for all); tests use it to see a notification arrive. */
  onInvalidate(listener: (tenantId: string) => void): () => void {
    return this.#entries.onInvalidate(listener);
  }

  /** The pins of an agency and, when named, one of its clients, in one read; kept unless invalidated meanwhile. */
  async #read(agencyId: string, clientId: string | null): Promise<{ agency: Entry; client: Entry }> {
    const since = this.#entries.readBegins();
    const tenants = clientId === null ? [agencyId] : [agencyId, clientId];
    const rows = await this.#data.privilegedFor(agencyId, "versions: the pins of a caller's tenant", (db) =>
      db
        .selectFrom('api_version_pins')
        .select(['tenant_id', 'version'])
        .where('agency_id', '=', agencyId)
        .where('tenant_id', 'in', tenants)
        .execute(),
    );
    const entryOf = (tenantId: string): Entry => {
      const row = rows.find((row) => row.tenant_id === tenantId);
      return row ? servedVersion(row.version) : NONE;
    };
    const read = { agency: entryOf(agencyId), client: clientId === null ? NONE : entryOf(clientId) };
    this.#entries.keep(agencyId, read.agency, since);
    if (clientId !== null) this.#entries.keep(clientId, read.client, since);
    return read;
  }
}
