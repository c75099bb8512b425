/**
 * Each tenant's flag settings, cached per instance: the platform's settings once, and per tenant
 * the settings of its agency and its own. A change is invalidated here at once and on every other
 * instance through NOTIFY (flag-events.ts), like the widget's verdicts; when the listening
 * connection comes back, everything is dropped (notifications sent meanwhile are lost). An instance
 * that somehow missed a notification catches up when an entry's lifetime runs out (10 minutes).
 *
 * Entries are keyed by the invalidations that concern them, as the verdict cache keys its policies:
 * a look-up still in flight when a change arrives stores what it read under a key no later read
 * asks for, so nothing read before a change is served after it. Loads are single queries with the
 * database's own time limits, never retried here: a failure is the caller's (a 503), and the next
 * request loads again.
 */
import { LRUCache } from 'lru-cache';
import type { Actor, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import type { FlagState } from '../db/schema.ts';
import {
  bucketOf,
  decideFlag,
  type FlagChain,
  type FlagDecision,
  type FlagLevel,
  type FlagSetting,
} from './flag-rules.ts';
import { platformSettings } from './flag-settings.ts';

/** Which settings changed: the platform's, an agency's own, or one client's. */
export type FlagChange =
  | { readonly level: 'platform' }
  | { readonly level: 'agency'; readonly agencyId: string }
  | { readonly level: 'client'; readonly agencyId: string; readonly clientId: string };

export interface FlagCacheOptions {
  /** Most tenants whose settings are kept; default 20,000. */
  maxTenants?: number;
  /** How long an entry is kept without a notification, in ms; default 10 minutes. */
  ttlMs?: number;
}

/** One flag decided for one tenant. */
export interface FlagEvaluation extends FlagDecision {
  readonly flag: string;
  /** The tenant's bucket for this flag (0–99), which a rollout compares with its percentage. */
  readonly bucket: number;
  /** What each level of the tenant's chain sets; null where it sets nothing (`client` of an agency). */
  readonly settings: Readonly<Record<FlagLevel, FlagSetting | null>>;
}

type Settings = ReadonlyMap<string, FlagSetting>;
interface TenantSettings {
  readonly agency: Settings;
  readonly client: Settings;
}

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };
const PLATFORM_KEY = 'platform';

export class FlagCache {
  readonly #data: TenantDatabase;
  // As in the verdict cache: a clock of invalidations, the clock at the last invalidation of all
  // (#all), of the platform's settings, and of each agency's and client's own settings.
  #clock = 0;
  #all = 0;
  #platform = 0;
  readonly #agencies = new Map<string, number>();
  readonly #clients = new Map<string, number>();
  readonly #platformSettings: LRUCache<string, Settings>;
  readonly #tenantSettings: LRUCache<string, TenantSettings, TenantScope>;
  readonly #listeners = new Set<(change: FlagChange | '*') => void>();

  constructor(data: TenantDatabase, options: FlagCacheOptions = {}) {
    this.#data = data;
    const ttl = options.ttlMs ?? 10 * 60_000;
    this.#platformSettings = new LRUCache<string, Settings>({
      max: 4,
      ttl,
      fetchMethod: async () => {
        const stored = await this.#data.privileged(
          "flags: the platform's settings, which every tenant is evaluated with",
          (db) => platformSettings(db),
        );
        return new Map(
          stored.map((s) => [s.flag, Object.freeze({ state: s.state, percent: s.percent, public: s.public })]),
        );
      },
    });
    this.#tenantSettings = new LRUCache<string, TenantSettings, TenantScope>({
      max: options.maxTenants ?? 20_000,
      ttl,
      fetchMethod: (_key, _stale, { context: scope }) => this.#load(scope),
    });
  }

  /** Every flag the tenant's chain sets, each with what each level sets. */
  async chains(scope: TenantScope): Promise<Map<string, FlagChain>> {
    // One after the other: a look-up waits in the pool's queue at most once at a time, and leaves
    // nothing waiting there when it fails (the verdict cache's #loadPolicy says why that matters).
    const platform = await this.#platformEntry();
    const tenant = await this.#tenantEntry(scope);
    const chains = new Map<string, Partial<Record<FlagLevel, FlagSetting>>>();
    const add = (level: FlagLevel, settings: Settings) => {
      for (const [flag, setting] of settings) {
        let chain = chains.get(flag);
        if (!chain) {
          chain = {};
          chains.set(flag, chain);
        }
        chain[level] = setting;
      }
    };
    add('platform', platform);
    add('agency', tenant.agency);
    add('client', tenant.client);
    return chains;
  }

  /** Every flag the tenant's chain sets, decided for it, by name. */
  async evaluateAll(scope: TenantScope): Promise<FlagEvaluation[]> {
    const chains = await this.chains(scope);
    return [...chains.keys()].sort().map((flag) => evaluation(flag, tenantOf(scope), chains.get(flag) ?? {}));
  }

  /** One flag decided for the tenant; `default` when no level sets it. */
  async evaluate(scope: TenantScope, flag: string): Promise<FlagEvaluation> {
    const chains = await this.chains(scope);
    return evaluation(flag, tenantOf(scope), chains.get(flag) ?? {});
  }

  /** The values of the flags that reach the widget: those some level makes public. */
  async publicFlags(scope: TenantScope): Promise<Record<string, boolean>> {
    const flags: Record<string, boolean> = {};
    for (const decided of await this.evaluateAll(scope)) if (decided.public) flags[decided.flag] = decided.enabled;
    return flags;
  }

  /** Forgets the settings a change concerns: the platform's, an agency's (its clients' too), or a client's. */
  invalidate(change: FlagChange): void {
    this.#clock += 1;
    if (change.level === 'platform') this.#platform = this.#clock;
    else if (change.level === 'agency') this.#agencies.set(change.agencyId, this.#clock);
    else this.#clients.set(change.clientId, this.#clock);
    for (const listener of this.#listeners) listener(change);
  }

  /** Forgets every setting at once (the listening connection was lost and is back). */
  invalidateAll(): void {
    this.#clock += 1;
    this.#all = this.#clock;
    // Every key names #all, so the marks before it no longer decide anything.
    this.#agencies.clear();
    this.#clients.clear();
    for (const listener of this.#listeners) listener('*');
  }

  /** Called after each invalidation ('*' for all); tests use it to see a notification arrive. */
  onInvalidate(listener: (change: FlagChange | '*') => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #platformEntry(): Promise<Settings> {
    const key = `${PLATFORM_KEY}\u0000${this.#all}.${this.#platform}`;
    const settings = this.#platformSettings.get(key) ?? (await this.#platformSettings.fetch(key));
    if (!settings) throw new Error("the platform's flag settings could not be read");
    return settings;
  }

  async #tenantEntry(scope: TenantScope): Promise<TenantSettings> {
    const client = scope.clientId === null ? '' : (this.#clients.get(scope.clientId) ?? 0);
    const key = `${tenantOf(scope)}\u0000${this.#all}.${this.#agencies.get(scope.agencyId) ?? 0}.${client}`;
    const settings = this.#tenantSettings.get(key) ?? (await this.#tenantSettings.fetch(key, { context: scope }));
    if (!settings) throw new Error(`the flag settings of ${tenantOf(scope)} could not be read`);
    return settings;
  }

  /**
   * Read in the agency's scope: a client's flags depend on its agency's own settings, which the
   * client's scope does not see. Only the agency's own rows and this client's are read.
   */
  #load(scope: TenantScope): Promise<TenantSettings> {
    const tenants = scope.clientId === null ? [scope.agencyId] : [scope.agencyId, scope.clientId];
    return this.#data.scoped({ agencyId: scope.agencyId, clientId: null }, SYSTEM, async (q) => {
      const rows = await q
        .selectFrom('feature_flags')
        .select(['tenant_id', 'flag', 'state', 'rollout_percent', 'public'])
        .where('tenant_id', 'in', tenants)
        .execute();
      return {
        agency: settingsByFlag(rows.filter((row) => row.tenant_id === scope.agencyId)),
        client: settingsByFlag(rows.filter((row) => row.tenant_id !== scope.agencyId)),
      };
    });
  }
}

function tenantOf(scope: TenantScope): string {
  return scope.clientId ?? scope.agencyId;
}

function evaluation(flag: string, tenantId: string, chain: FlagChain): FlagEvaluation {
  return {
    flag,
    ...decideFlag(flag, tenantId, chain),
    bucket: bucketOf(flag, tenantId),
    settings: { platform: chain.platform ?? null, agency: chain.agency ?? null, client: chain.client ?? null },
  };
}

function settingsByFlag(
  rows: ReadonlyArray<{ flag: string; state: FlagState; rollout_percent: number | null; public: boolean }>,
): Settings {
  return new Map(
    rows.map((row) => [
      row.flag,
      Object.freeze({ state: row.state, percent: row.rollout_percent, public: row.public }),
    ]),
  );
}
