/**
 * Prometheus metrics (prom-client), on a registry of the application's own so several apps in one
 * process (tests, benchmarks) do not share counters. Served at GET /metrics only when a scrape token
 * is configured (UPZENTO_METRICS_TOKEN), behind `Authorization: Bearer <token>`.
 */
import { timingSafeEqual } from 'node:crypto';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyPluginAsync } from 'fastify';
import { Unauthorized } from '../errors.ts';

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Histogram({
    name: 'upzento_http_request_duration_seconds',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  // The widget's hot path and the re-check rounds count in plain numbers, handed to prom-client when
  // the registry is scraped (countedAtScrape): a labelled inc() hashes its labels on every call, which
  // the cheapest route pays for in throughput and a round thousands of times a second.
  readonly #lookups = { client: { hit: 0, miss: 0 }, verdict: { hit: 0, miss: 0 }, policy: { hit: 0, miss: 0 } };
  readonly #verdicts = { allowed: 0, refused: 0 };
  readonly #checks: Record<string, Record<string, number>> = {};
  readonly #rollupFlushes = { ok: 0, failed: 0 };
  #rollupDropped = 0;
  readonly cacheLookups = countedAtScrape(this.registry, {
    name: 'upzento_widget_cache_lookups_total',
    help: 'Widget cache look-ups (client by key, verdict, policy) and whether they hit',
    labelNames: ['cache', 'result'],
    entries: () => byTwoLabels(this.#lookups, 'cache', 'result'),
  });
  readonly verdicts = countedAtScrape(this.registry, {
    name: 'upzento_widget_verdicts_total',
    help: 'Widget requests allowed or refused by their Origin',
    labelNames: ['verdict'],
    entries: () => Object.entries(this.#verdicts).map(([verdict, count]) => [{ verdict }, count] as const),
  });
  readonly domainChecks = countedAtScrape(this.registry, {
    name: 'upzento_domain_checks_total',
    help: 'Domain challenge checks by outcome (matched, not_found, wrong_value, dns_failure)',
    labelNames: ['outcome', 'reason'],
    entries: () => byTwoLabels(this.#checks, 'outcome', 'reason'),
  });

  readonly rollupFlushes = countedAtScrape(this.registry, {
    name: 'upzento_tenant_metrics_flushes_total',
    help: 'Flushes of the per-tenant metrics rollups (docs/metrics.md) that had counts to write, by result',
    labelNames: ['result'],
    entries: () => Object.entries(this.#rollupFlushes).map(([result, count]) => [{ result }, count] as const),
  });
  readonly rollupDropped = countedAtScrape(this.registry, {
    name: 'upzento_tenant_metrics_dropped_total',
    help: 'Tenant-minutes of per-tenant counts dropped while the database could not take them',
    labelNames: [],
    entries: () => [[{}, this.#rollupDropped] as const],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'upzento_' });
  }

  /** Counts a widget cache look-up. */
  countCacheLookup = (cache: 'client' | 'verdict' | 'policy', result: 'hit' | 'miss'): void => {
    this.#lookups[cache][result] += 1;
  };

  /** Counts a widget request allowed or refused by its Origin. */
  countVerdict(allowed: boolean): void {
    if (allowed) this.#verdicts.allowed += 1;
    else this.#verdicts.refused += 1;
  }

  /** Counts a domain challenge check. */
  countDomainCheck(outcome: string, reason: string): void {
    const byReason = (this.#checks[outcome] ??= {});
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  }

  /** Counts a flush of the per-tenant rollups, and the tenant-minutes dropped before it. */
  countRollupFlush = (ok: boolean, dropped: number): void => {
    this.#rollupFlushes[ok ? 'ok' : 'failed'] += 1;
    this.#rollupDropped += dropped;
  };

  /** A recorder for one route's requests; each status's series is looked up once. */
  requestObserver(method: string, route: string): (status: number, elapsedMs: number) => void {
    const series = new Map<number, (seconds: number) => void>();
    return (status, elapsedMs) => {
      let observe = series.get(status);
      if (!observe) {
        observe = this.requests.labels({ method, route, status: String(status) }).observe;
        series.set(status, observe);
      }
      observe(elapsedMs / 1000);
    };
  }
}

type CountEntries = Iterable<readonly [Record<string, string>, number]>;

/** A prom-client counter set, whenever the registry is scraped, from counts kept elsewhere. */
function countedAtScrape(
  registry: Registry,
  options: { name: string; help: string; labelNames: string[]; entries: () => CountEntries },
): Counter<string> {
  const counter: Counter<string> = new Counter({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames,
    registers: [registry],
    collect: () => {
      counter.reset();
      for (const [labels, count] of options.entries()) counter.inc(labels, count);
    },
  });
  return counter;
}

/** Counts kept two levels deep, the first level's keys the values of label `outer`, the second's of `inner`. */
function* byTwoLabels(counts: Record<string, Record<string, number>>, outer: string, inner: string): CountEntries {
  for (const [first, byInner] of Object.entries(counts)) {
    for (const [second, count] of Object.entries(byInner)) yield [{ [outer]: first, [inner]: second }, count];
  }
}

export interface MetricsRouteOptions {
  metrics: Metrics;
  /** The scrape token; the route exists only when one is set. */
  token: string;
}

export const metricsRoutes: FastifyPluginAsync<MetricsRouteOptions> = async (app, { metrics, token }) => {
  const expected = Buffer.from(`Bearer ${token}`);
  app.get('/metrics', { config: { access: { public: true } }, logLevel: 'warn' }, async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new Unauthorized('/metrics needs the scrape token as a Bearer token');
    }
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
};
