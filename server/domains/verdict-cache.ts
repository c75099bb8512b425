/**
 * What the public widget routes need to know about a client, cached so that a warm request does no
 * database query: which client a public key names, whether an Origin is authorized for it (the
 * verdict), and its widget configuration.
 *
 * Every entry belongs to one client and carries that client's generation in its key. A change to
 * the client's domains or settings bumps the generation (here at once, on other instances through
 * PostgreSQL NOTIFY), so every older entry becomes unreachable in one step, including one that a
 * look-up already in flight is about to store. Concurrent misses for one key share one look-up
 * (lru-cache's fetch). Allowed verdicts live longer than refusals, so a newly verified domain is
 * picked up quickly even on an instance that somehow missed the notification.
 */
import { LRUCache } from 'lru-cache';
import type { TenantDatabase } from '../db/tenant-db.ts';
import type { WidgetConfig } from '../../shared/widget-wire.ts';
import type { WidgetSettings } from '../tenants/widget-template.ts';
import { AUTHORIZING } from './lifecycle.ts';
import { decideOrigin, type OriginDecision, type OriginPolicy } from './origin-policy.ts';

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
}

interface ClientPolicy extends OriginPolicy {
  widget: WidgetSettings;
}

const UNKNOWN = 'unknown' as const;
/** The verdict for a public key no client has. */
export const UNKNOWN_KEY: OriginDecision = Object.freeze({ allowed: false, reason: 'unknown public key' });

export class VerdictCache {
  readonly #data: TenantDatabase;
  // Keys carry the client's generation and the cache's epoch; bumping either orphans older entries.
  // Generations are never forgotten: an entry dropped from this map would restart at 0 and could
  // revive verdicts that were invalidated. It holds one number per client that ever changed.
  readonly #generation = new Map<string, number>();
  #epoch = 0;
  readonly #clients: LRUCache<string, WidgetClient | typeof UNKNOWN>;
  readonly #policies: LRUCache<string, ClientPolicy, WidgetClient>;
  readonly #verdicts: LRUCache<string, OriginDecision, { client: WidgetClient; origin: string | undefined }>;
  readonly #listeners = new Set<(clientId: string) => void>();
  readonly #observe: NonNullable<VerdictCacheOptions['observe']>;

  constructor(data: TenantDatabase, options: VerdictCacheOptions = {}) {
    this.#data = data;
    this.#observe = options.observe ?? (() => {});
    const allowedTtl = options.allowedTtlMs ?? 10 * 60_000;
    const refusedTtl = options.refusedTtlMs ?? 30_000;
    const maxClients = options.maxClients ?? 20_000;
    this.#clients = new LRUCache<string, WidgetClient | typeof UNKNOWN>({
      max: maxClients,
      ttl: allowedTtl,
      fetchMethod: async (publicKey, _stale, { options: entry }) => {
        const row = await this.#data.privileged('widget: find the client of a public key', (db) =>
          db.selectFrom('clients').select(['agency_id', 'client_id', 'public_key']).where('public_key', '=', publicKey).executeTakeFirst(),
        );
        if (!row) {
          entry.ttl = refusedTtl;
          return UNKNOWN;
        }
        return { agencyId: row.agency_id, clientId: row.client_id, publicKey: row.public_key };
      },
    });
    this.#policies = new LRUCache<string, ClientPolicy, WidgetClient>({
      max: maxClients,
      ttl: allowedTtl,
      fetchMethod: (_key, _stale, { context: client }) => this.#loadPolicy(client),
    });
    this.#verdicts = new LRUCache<string, OriginDecision, { client: WidgetClient; origin: string | undefined }>({
      max: options.maxVerdicts ?? 50_000,
      ttl: allowedTtl,
      fetchMethod: async (_key, _stale, { options: entry, context }) => {
        const verdict = decideOrigin(context.origin, await this.#policy(context.client));
        if (!verdict.allowed) entry.ttl = refusedTtl;
        return verdict;
      },
    });
  }

  /** The client a public key names, or null when none does. */
  async client(publicKey: string): Promise<WidgetClient | null> {
    // A hit is answered from get(): fetch() would allocate a promise and a status per request.
    let found = this.#clients.get(publicKey);
    this.#observe('client', found === undefined ? 'miss' : 'hit');
    found ??= await this.#clients.fetch(publicKey);
    return found === undefined || found === UNKNOWN ? null : found;
  }

  /** Whether `origin` may use the client's widget; when it may, the exact origin to echo. */
  async verdict(client: WidgetClient, origin: string | undefined): Promise<OriginDecision> {
    const key = this.#verdictKey(client, origin);
    let verdict = this.#verdicts.get(key);
    this.#observe('verdict', verdict === undefined ? 'miss' : 'hit');
    verdict ??= await this.#verdicts.fetch(key, { context: { client, origin } });
    return verdict ?? { allowed: false, reason: 'no verdict could be reached' };
  }

  /**
   * The client and verdict when both are cached, without waiting: the widget's hot path decides a
   * warm request synchronously and falls back to client() and verdict() only on a miss.
   */
  peek(publicKey: string, origin: string | undefined): { client: WidgetClient | null; verdict: OriginDecision } | undefined {
    const found = this.#clients.get(publicKey);
    if (found === undefined) return undefined;
    if (found === UNKNOWN) return { client: null, verdict: UNKNOWN_KEY };
    const verdict = this.#verdicts.get(this.#verdictKey(found, origin));
    if (verdict === undefined) return undefined;
    this.#observe('client', 'hit');
    this.#observe('verdict', 'hit');
    return { client: found, verdict };
  }

  /** The configuration the client's widget is rendered from. */
  async config(client: WidgetClient): Promise<WidgetConfig> {
    return this.peekConfig(client) ?? this.#configOf(client, await this.#policy(client));
  }

  /** The configuration when it is cached, without waiting; undefined on a miss. */
  peekConfig(client: WidgetClient): WidgetConfig | undefined {
    const policy = this.#policies.get(this.#policyKey(client));
    if (policy === undefined) return undefined;
    this.#observe('policy', 'hit');
    return this.#configOf(client, policy);
  }

  // Built once per cached policy, so a warm request allocates no configuration.
  readonly #configs = new WeakMap<ClientPolicy, WidgetConfig>();
  #configOf(client: WidgetClient, policy: ClientPolicy): WidgetConfig {
    let config = this.#configs.get(policy);
    if (!config) {
      config = { publicKey: client.publicKey, ...policy.widget };
      this.#configs.set(policy, config);
    }
    return config;
  }

  /** Forgets everything known about the client's domains and settings. */
  invalidate(clientId: string): void {
    this.#generation.set(clientId, this.#gen(clientId) + 1);
    for (const listener of this.#listeners) listener(clientId);
  }

  /** Forgets every client's verdicts and configuration at once. */
  invalidateAll(): void {
    this.#epoch += 1;
    for (const listener of this.#listeners) listener('*');
  }

  /** Called after each invalidation (with '*' for all); tests use it to see a notification arrive. */
  onInvalidate(listener: (clientId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #verdictKey(client: WidgetClient, origin: string | undefined): string {
    return `${client.clientId}\u0000${this.#epoch}.${this.#gen(client.clientId)}\u0000${origin ?? ''}`;
  }

  #gen(clientId: string): number {
    return this.#generation.get(clientId) ?? 0;
  }

  #policyKey(client: WidgetClient): string {
    return `${client.clientId}\u0000${this.#epoch}.${this.#gen(client.clientId)}`;
  }

  async #policy(client: WidgetClient): Promise<ClientPolicy> {
    const key = this.#policyKey(client);
    let policy = this.#policies.get(key);
    this.#observe('policy', policy === undefined ? 'miss' : 'hit');
    policy ??= await this.#policies.fetch(key, { context: client });
    if (!policy) throw new Error(`no widget settings for client ${client.clientId}`);
    return policy;
  }

  /** Read in the client's own scope: the widget routes see that client's rows and nothing else. */
  #loadPolicy(client: WidgetClient): Promise<ClientPolicy> {
    const scope = { agencyId: client.agencyId, clientId: client.clientId };
    return this.#data.scoped(scope, { type: 'anonymous', id: null, requestId: null, ip: null }, async (q) => {
      const settings = await q.selectFrom('client_settings').select(['widget', 'allow_localhost']).executeTakeFirstOrThrow();
      const domains = await q.selectFrom('domains').select(['hostname', 'include_subdomains']).where('status', 'in', [...AUTHORIZING]).execute();
      return {
        widget: settings.widget as unknown as WidgetSettings,
        allowLocalhost: settings.allow_localhost,
        domains: domains.map((row) => ({ hostname: row.hostname, includeSubdomains: row.include_subdomains })),
      };
    });
  }
}

