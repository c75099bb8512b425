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
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  // The widget's hot path counts in plain numbers, handed to prom-client when the registry is
  // scraped (a counter's collect hook): a labelled inc() hashes its labels on every call, which the
  // cheapest route pays for in throughput.
  readonly #lookups = { client: { hit: 0, miss: 0 }, verdict: { hit: 0, miss: 0 }, policy: { hit: 0, miss: 0 } };
  readonly #verdicts = { allowed: 0, refused: 0 };
  readonly cacheLookups: Counter<'cache' | 'result'> = new Counter({
    name: 'upzento_widget_cache_lookups_total',
    help: 'Widget cache look-ups (client by key, verdict, policy) and whether they hit',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
    collect: () => {
      this.cacheLookups.reset();
      for (const [cache, results] of Object.entries(this.#lookups)) {
        for (const [result, count] of Object.entries(results)) this.cacheLookups.inc({ cache, result }, count);
      }
    },
  });
  readonly verdicts: Counter<'verdict'> = new Counter({
    name: 'upzento_widget_verdicts_total',
    help: 'Widget requests allowed or refused by their Origin',
    labelNames: ['verdict'] as const,
    registers: [this.registry],
    collect: () => {
      this.verdicts.reset();
      for (const [verdict, count] of Object.entries(this.#verdicts)) this.verdicts.inc({ verdict }, count);
    },
  });
  readonly domainChecks = new Counter({
    name: 'upzento_domain_checks_total',
    help: 'Domain challenge checks by outcome (matched, not_found, wrong_value, dns_failure)',
    labelNames: ['outcome', 'reason'] as const,
    registers: [this.registry],
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

  /** A recorder for one route's requests; each status's labelled series is looked up once. */
  requestObserver(method: string, route: string): (status: number, elapsedMs: number) => void {
    const series = new Map<number, { observe(value: number): void }>();
    return (status, elapsedMs) => {
      let one = series.get(status);
      if (!one) {
        one = this.requests.labels({ method, route, status: String(status) });
        series.set(status, one);
      }
      one.observe(elapsedMs / 1000);
    };
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
