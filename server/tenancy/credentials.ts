/**
 * Whether a token still speaks for its user: the tenant, role and token version the database holds
 * for each user, cached per process so that a warm request reads nothing. A change to a user (here
 * at once, on other instances through PostgreSQL NOTIFY, see credential-events.ts) drops the user's
 * entry, and a look-up that was in flight when it happened is used for its own request but never
 * kept. Entries also expire after `ttlMs`, a bound on how long an instance that somehow missed a
 * notification trusts what it read.
 */
import type { Role, TenantType } from '../db/schema.ts';
import type { TenantDatabase } from '../db/tenant-db.ts';
import type { TenantContext } from './tenant-context.ts';
import { ROLE_RANK } from './access.ts';
import { InvalidatedCache } from './invalidated-cache.ts';

/** What the database says a user is now. */
export interface Credentials {
  readonly tenantType: TenantType;
  readonly tenantId: string;
  readonly parentId: string | null;
  readonly role: Role;
  readonly tokenVersion: number;
  /** Why the user's tenant (or its agency) is suspended, for the 403 every request then gets; null when it is not. */
  readonly suspended: string | null;
}

export interface CredentialCacheOptions {
  /** Most users kept; default 100,000. */
  max?: number;
  /** How long an entry is trusted without a notification, in ms; default 60 seconds. */
  ttlMs?: number;
}

const NO_USER = 'none' as const;

const SUSPENDED = {
  agency:
    'your agency is suspended: its users cannot sign in or use the API until the platform lifts the suspension; its data is kept',
  client:
    'your client account is suspended: its users cannot sign in or use the API until the suspension is lifted; its data is kept',
  agencyOfClient:
    'the agency your client account belongs to is suspended: its users cannot sign in or use the API until the platform lifts the suspension; its data is kept',
};

/**
 * Whether a token's context is one the user's current credentials still back: the same tenant and
 * parent, the same token version, and no more than the user's role now (a role raised since leaves
 * the token as it was, with the lower role it names).
 */
export function admits(current: Credentials | null, context: TenantContext): boolean {
  return (
    current !== null &&
    current.tenantType === context.tenantType &&
    current.tenantId === context.tenantId &&
    current.parentId === context.parentId &&
    current.tokenVersion === context.tokenVersion &&
    ROLE_RANK[context.role] <= ROLE_RANK[current.role]
  );
}

export class CredentialCache {
  readonly #data: TenantDatabase;
  readonly #platformId: string;
  readonly #entries: InvalidatedCache<Credentials | typeof NO_USER>;
  /** Look-ups in flight, shared by the requests that miss meanwhile; dropped on invalidation. */
  readonly #reading = new Map<string, Promise<Credentials | null>>();
  readonly #ttlMs: number;

  constructor(data: TenantDatabase, platformId: string, options: CredentialCacheOptions = {}) {
    this.#data = data;
    this.#platformId = platformId;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#entries = new InvalidatedCache({ max: options.max ?? 100_000, ttlMs: this.#ttlMs });
  }

  /** The user's credentials now, or null when no such user exists. */
  async current(userId: string): Promise<Credentials | null> {
    const cached = this.#entries.get(userId);
    if (cached !== undefined) return cached === NO_USER ? null : cached;
    let reading = this.#reading.get(userId);
    if (!reading) {
      reading = this.#read(userId);
      this.#reading.set(userId, reading);
      const clear = () => {
        if (this.#reading.get(userId) === reading) this.#reading.delete(userId);
      };
      reading.then(clear, clear);
    }
    return reading;
  }

  /** Forgets what is known about one user. */
  invalidate(userId: string): void {
    this.#reading.delete(userId);
    this.#entries.invalidate(userId);
  }

  /**
   * No change can be heard of now (the LISTEN connection is lost): everything cached is forgotten,
   * and credentials are read for every request, not kept, until trust() says changes are heard again.
   */
  distrust(): void {
    this.#reading.clear();
    this.#entries.distrust();
  }

  /** Changes are heard of again: what was read while they were not is forgotten, and caching resumes. */
  trust(): void {
    this.#reading.clear();
    this.#entries.trust();
  }

  /** Forgets every user (after notifications may have been missed). */
  invalidateAll(): void {
    this.#reading.clear();
    this.#entries.invalidateAll();
  }

  /** Called after each invalidation (with '*' for all); tests use it to see a notification arrive. */
  onInvalidate(listener: (userId: string) => void): () => void {
    return this.#entries.onInvalidate(listener);
  }

  async #read(userId: string): Promise<Credentials | null> {
    const since = this.#entries.readBegins();
    const started = Date.now();
    const row = await this.#data.privilegedFind("authenticate: the credentials of a token's user", (db) =>
      db
        .selectFrom('accounts')
        .leftJoin('users', (join) =>
          join.onRef('users.agency_id', '=', 'accounts.agency_id').onRef('users.user_id', '=', 'accounts.user_id'),
        )
        .leftJoin('agencies', 'agencies.agency_id', 'accounts.agency_id')
        .leftJoin('clients', (join) =>
          join
            .onRef('clients.agency_id', '=', 'accounts.agency_id')
            .onRef('clients.client_id', '=', 'accounts.client_id'),
        )
        .select([
          'accounts.tenant_type',
          'accounts.agency_id',
          'accounts.client_id',
          'accounts.token_version',
          'users.role',
          'agencies.suspended_at as agency_suspended_at',
          'clients.suspended_at as client_suspended_at',
        ])
        .where('accounts.user_id', '=', userId)
        .executeTakeFirst(),
    );
    const credentials = row ? this.#credentialsOf(row) : null;
    // Invalidated while it was read (or read for longer than a mark is kept): the row may predate
    // the change, so it serves this request only.
    if (Date.now() - started < this.#ttlMs) this.#entries.keep(userId, credentials ?? NO_USER, since);
    return credentials;
  }

  #credentialsOf(row: {
    tenant_type: TenantType;
    agency_id: string | null;
    client_id: string | null;
    token_version: number;
    role: Role | null;
    agency_suspended_at: Date | null;
    client_suspended_at: Date | null;
  }): Credentials | null {
    const tokenVersion = row.token_version;
    if (row.tenant_type === 'platform')
      return {
        tenantType: 'platform',
        tenantId: this.#platformId,
        parentId: null,
        role: 'admin',
        tokenVersion,
        suspended: null,
      };
    // An account without its tenant membership cannot sign in, and its tokens do not work either.
    if (row.role === null || row.agency_id === null) return null;
    if (row.tenant_type === 'agency')
      return {
        tenantType: 'agency',
        tenantId: row.agency_id,
        parentId: this.#platformId,
        role: row.role,
        tokenVersion,
        suspended: row.agency_suspended_at ? SUSPENDED.agency : null,
      };
    if (row.client_id === null) return null;
    return {
      tenantType: 'client',
      tenantId: row.client_id,
      parentId: row.agency_id,
      role: row.role,
      tokenVersion,
      suspended: row.client_suspended_at ? SUSPENDED.client : row.agency_suspended_at ? SUSPENDED.agencyOfClient : null,
    };
  }
}
