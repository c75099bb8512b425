/**
 * What the public widget routes need to know about a client, cached so that a warm request does no
 * database query: which client a public key names, its widget configuration and verified domains
 * (its policy), and, per Origin, the decision those make (allowed, with the configuration to
 * serve, or refused, with the reason). The configuration carries the values of the client's public
 * feature flags (server/flags/), evaluated when the policy is read; a flag change invalidates the
 * clients it concerns (one client, an agency's, or all) as a domain or settings change does.
 *
 * A warm request is one look-up: the decision for its key and Origin. Every decision records when,
 * on the cache's own clock of invalidations, its look-ups began; a change to the client's domains or
 * settings (here at once, on other instances through PostgreSQL NOTIFY) moves that client past it,
 * so every older decision is ignored from then on, including one that a look-up already in flight
 * is about to make. Policies are keyed by the client's last invalidation, and concurrent misses
 * share one database look-up (lru-cache's fetch). An instance that somehow missed a notification
 * catches up when the lifetimes run out: a refusal is kept 30 seconds, an allowed decision and a
 * policy 10 minutes each, so a decision there may be up to 20 minutes old.
 */
import { LRUCache } from 'lru-cache';
import type { TenantDatabase } from '../db/tenant-db.ts';
import type { WidgetConfig } from '../../shared/widget-wire.ts';
import { findClientSettings } from './client-settings.ts';
import { defaultWidgetSettings } from './widget-template.ts';
import { AUTHORIZING } from '../domains/lifecycle.ts';
import { decideOrigin, MALFORMED_ORIGIN, type OriginDecision, type OriginPolicy } from './origin-policy.ts';

export interface WidgetClient {
  agencyId: string;
  clientId: string;
  publicKey: string;
}

export interface VerdictCacheOptions {
  /** Most verdicts kept; default 50,000. */
  maxVerdicts?: number;
  /** How long an allowed verdict is kept, in ms; default 10 minutes. */
  allowedTtlMs?: number;
  /** How long a refusal is kept, in ms; default 30 seconds. */
  refusedTtlMs?: number;
  /** Most clients whose key and configuration are kept; default 20,000. */
  maxClients?: number;
  /** Told of every look-up and whether it hit (for metrics); default none. */
  observe?: (cache: 'client' | 'verdict' | 'policy', result: 'hit' | 'miss') => void;
  /** The values of a client's public feature flags, read with its policy; default none ({}). */
  publicFlags?: (client: WidgetClient) => Promise<Readonly<Record<string, boolean>>>;
}

interface ClientPolicy extends OriginPolicy {
  /** What the client's widget is rendered from, built once per policy so decisions share it. */
  config: WidgetConfig;
  /** The client or its agency is suspended: every Origin is refused. */
  suspended: boolean;
}

const UNKNOWN = 'unknown' as const;
/** The verdict for a public key no client has. */
const UNKNOWN_KEY: OriginDecision = Object.freeze({ allowed: false, reason: 'unknown public key' });
/** The verdict for every Origin while the client or its agency is suspended. */
export const SUSPENDED: OriginDecision = Object.freeze({ allowed: false, reason: 'the client is suspended' });

/** What a widget request from one Origin with one public key is answered with. */
export interface WidgetDecision {
  /** The client the key names; null when none does. */
  readonly client: WidgetClient | null;
  readonly verdict: OriginDecision;
  /** The configuration to serve when the Origin is allowed; null when it is not. */
  readonly config: WidgetConfig | null;
}

/** An allowed decision: it names its client and the configuration to serve. */
export type AuthorizedWidget = WidgetDecision & { readonly client: WidgetClient; readonly config: WidgetConfig };

export function isAuthorized(decided: WidgetDecision): decided is AuthorizedWidget {
  return decided.client !== null && decided.verdict.allowed && decided.config !== null;
}

interface CachedDecision extends WidgetDecision {
  readonly client: WidgetClient;
  /** The invalidation clock when the look-ups behind this decision began. */
  readonly since: number;
}

/** Look-ups a decision may take when invalidations keep overtaking them; then the request is refused. */
const MAX_ATTEMPTS = 3;
const CHANGING: OriginDecision = Object.freeze({
  allowed: false,
  reason: "the client's domains or settings changed while the request was decided",
});

export class VerdictCache {
  readonly #data: TenantDatabase;
  // The invalidation clock counts every invalidation. #invalidated holds, per client, the clock at
  // its last one, and #all the clock at the last invalidation of every client. A client's entry is
  // kept until an invalidation of all (which supersedes it): dropped earlier, the client would look
  // never invalidated and could revive older decisions. It holds one number per client changed since.
  #clock = 0;
  #all = 0;
  readonly #invalidated = new Map<string, number>();
  /** Per agency, the clock at the last invalidation of all its clients (an agency's flags changed). */
  readonly #agencies = new Map<string, number>();
  readonly #clients: LRUCache<string, WidgetClient | typeof UNKNOWN>;
  readonly #policies: LRUCache<string, ClientPolicy, WidgetClient>;
  readonly #decisions: LRUCache<string, CachedDecision>;
  readonly #allowedTtl: number;
  readonly #refusedTtl: number;
  readonly #listeners = new Set<(clientId: string) => void>();
  readonly #observe: NonNullable<VerdictCacheOptions['observe']>;
  readonly #publicFlags: NonNullable<VerdictCacheOptions['publicFlags']>;

  constructor(data: TenantDatabase, options: VerdictCacheOptions = {}) {
    this.#data = data;
    this.#observe = options.observe ?? (() => {});
    this.#publicFlags = options.publicFlags ?? (async () => ({}));
    this.#allowedTtl = options.allowedTtlMs ?? 10 * 60_000;
    this.#refusedTtl = options.refusedTtlMs ?? 30_000;
    const maxClients = options.maxClients ?? 20_000;
    this.#clients = new LRUCache<string, WidgetClient | typeof UNKNOWN>({
      max: maxClients,
      ttl: this.#allowedTtl,
      fetchMethod: async (publicKey, _stale, { options: entry }) => {
        const row = await this.#data.privilegedFind('widget: find the client of a public key', (db) =>
          db
            .selectFrom('clients')
            .select(['agency_id', 'client_id', 'public_key'])
            .where('public_key', '=', publicKey)
            .executeTakeFirst(),
        );
        if (!row) {
          entry.ttl = this.#refusedTtl;
          return UNKNOWN;
        }
        return { agencyId: row.agency_id, clientId: row.client_id, publicKey: row.public_key };
      },
    });
    this.#policies = new LRUCache<string, ClientPolicy, WidgetClient>({
      max: maxClients,
      ttl: this.#allowedTtl,
      fetchMethod: (_key, _stale, { context: client }) => this.#loadPolicy(client),
    });
    this.#decisions = new LRUCache<string, CachedDecision>({
      max: options.maxVerdicts ?? 50_000,
      ttl: this.#allowedTtl,
      // Read the clock at most once a second rather than once a millisecond (a timer each time): a
      // lifetime may run up to a second over, and invalidation does not wait for lifetimes anyway.
      ttlResolution: 1000,
    });
  }

  /**
   * The decision for a request when it is cached and current, without waiting: the widget's hot
   * path decides a warm request synchronously and calls decide() only on a miss.
   */
  peek(publicKey: string, origin: string | undefined): WidgetDecision | undefined {
    const cached = this.cached(publicKey, origin);
    if (cached !== undefined) this.countHit();
    return cached;
  }

  /**
   * As peek(), but not counted as a look-up: for a caller that may hand the request on to the
   * route, which counts it, and calls countHit() itself when it answers.
   */
  cached(publicKey: string, origin: string | undefined): WidgetDecision | undefined {
    const cached = this.#decisions.get(decisionKey(publicKey, origin));
    return cached === undefined || !this.#current(cached) ? undefined : cached;
  }

  countHit(): void {
    this.#observe('verdict', 'hit');
  }

  /** The decision for a request from `origin` with `publicKey`, looked up when it is not cached. */
  async decide(publicKey: string, origin: string | undefined): Promise<WidgetDecision> {
    const cached = this.peek(publicKey, origin);
    if (cached) return cached;
    this.#observe('verdict', 'miss');
    const key = decisionKey(publicKey, origin);
    let client: WidgetClient | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const since = this.#clock;
      client = await this.#client(publicKey);
      if (client === null) return { client: null, verdict: UNKNOWN_KEY, config: null };
      const policy = await this.#policy(client);
      const verdict = policy.suspended ? SUSPENDED : decideOrigin(origin, policy);
      const decision: CachedDecision = { client, verdict, config: verdict.allowed ? policy.config : null, since };
      // Not kept: the cache would hold whatever header a caller cares to send, kilobytes at a time.
      if (verdict === MALFORMED_ORIGIN) return decision;
      // Invalidated while it was looked up: what was read may be older than the change. Ask again.
      if (!this.#current(decision)) continue;
      this.#decisions.set(key, decision, { ttl: verdict.allowed ? this.#allowedTtl : this.#refusedTtl });
      return decision;
    }
    // The client's domains or settings kept changing under the look-ups: refuse this once, uncached.
    return { client, verdict: CHANGING, config: null };
  }

  /** Forgets everything known about the client's domains and settings. */
  invalidate(clientId: string): void {
    this.#clock += 1;
    this.#invalidated.set(clientId, this.#clock);
    for (const listener of this.#listeners) listener(clientId);
  }

  /** Forgets the decisions and configuration of every client of an agency. */
  invalidateAgency(agencyId: string): void {
    this.#clock += 1;
    this.#agencies.set(agencyId, this.#clock);
    for (const listener of this.#listeners) listener(agencyId);
  }

  /** Forgets every client's decisions and configuration at once. */
  invalidateAll(): void {
    this.#clock += 1;
    this.#all = this.#clock;
    // Every client's own mark is older than #all now, which alone decides from here on.
    this.#invalidated.clear();
    this.#agencies.clear();
    for (const listener of this.#listeners) listener('*');
  }

  /**
   * Called after each invalidation with the client's id (an agency's for all its clients, '*' for
   * all); tests use it to see a notification arrive.
   */
  onInvalidate(listener: (clientId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether no invalidation of the decision's client came after its look-ups began. */
  #current(decision: CachedDecision): boolean {
    const { clientId, agencyId } = decision.client;
    return (
      decision.since >= this.#all &&
      decision.since >= (this.#invalidated.get(clientId) ?? 0) &&
      decision.since >= (this.#agencies.get(agencyId) ?? 0)
    );
  }

  /** The client a public key names, or null when none does. */
  async #client(publicKey: string): Promise<WidgetClient | null> {
    // A hit is answered from get(): fetch() would allocate a promise and a status per request.
    let found = this.#clients.get(publicKey);
    this.#observe('client', found === undefined ? 'miss' : 'hit');
    found ??= await this.#clients.fetch(publicKey);
    return found === undefined || found === UNKNOWN ? null : found;
  }

  async #policy(client: WidgetClient): Promise<ClientPolicy> {
    // The key names the client's last invalidation: a policy read before it is never used after it.
    const marks = `${this.#invalidated.get(client.clientId) ?? 0}.${this.#agencies.get(client.agencyId) ?? 0}`;
    const key = `${client.clientId}\u0000${this.#all}.${marks}`;
    let policy = this.#policies.get(key);
    this.#observe('policy', policy === undefined ? 'miss' : 'hit');
    policy ??= await this.#policies.fetch(key, { context: client });
    if (!policy) throw new Error(`no widget settings for client ${client.clientId}`);
    return policy;
  }

  /**
   * Read in the client's own scope: the widget routes see that client's rows and nothing else. The
   * flags come from their own cache, which reads what the agency and the platform set.
   */
  async #loadPolicy(client: WidgetClient): Promise<ClientPolicy> {
    const scope = { agencyId: client.agencyId, clientId: client.clientId };
    // One after the other, not side by side: side by side, flags refused at once by a full pool
    // queue failed the look-up while its policy read still waited in that queue; every retry left
    // one more waiter there, so each next look-up failed at once too, and the requests sharing them
    // failed in a loop that never yielded to I/O (test/flags/flag-faults.test.ts).
    const policy = await this.#readPolicy(scope, client);
    const flags = await this.#publicFlags(client);
    // Frozen to the last field: the widget route keeps each configuration's JSON, made once.
    return { ...policy, config: deepFreeze({ ...policy.config, flags: { ...flags } }) };
  }

  #readPolicy(scope: { agencyId: string; clientId: string }, client: WidgetClient): Promise<ClientPolicy> {
    return this.#data.scoped(scope, { type: 'anonymous', id: null, requestId: null, ip: null }, async (q) => {
      // A deleted client keeps its row, suspended, but not its settings (docs/tenants.md).
      const settings = (await findClientSettings(q)) ?? {
        widget: defaultWidgetSettings(''),
        allowLocalhost: false,
        shape: 'columns' as const,
      };
      // The agency's row is visible in its client's context (0004), and only that agency's.
      const suspension = await q
        .selectFrom('clients')
        .innerJoin('agencies', 'agencies.agency_id', 'clients.agency_id')
        .select(['clients.suspended_at as client', 'agencies.suspended_at as agency'])
        .executeTakeFirstOrThrow();
      const domains = await q
        .selectFrom('domains')
        .select(['hostname', 'include_subdomains'])
        .where('status', 'in', [...AUTHORIZING])
        .execute();
      return {
        // The key is the client row's, whatever the stored settings hold.
        config: { ...settings.widget, publicKey: client.publicKey },
        allowLocalhost: settings.allowLocalhost,
        suspended: suspension.client !== null || suspension.agency !== null,
        domains: domains.map((row) => ({ hostname: row.hostname, includeSubdomains: row.include_subdomains })),
      };
    });
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const field of Object.values(value)) if (typeof field === 'object' && field !== null) deepFreeze(field);
  return Object.freeze(value);
}

function decisionKey(publicKey: string, origin: string | undefined): string {
  return `${publicKey}\u0000${origin ?? ''}`;
}
