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
  readonly cacheLookups = new Counter({
    name: 'upzento_widget_cache_lookups_total',
    help: 'Widget cache look-ups (client by key, verdict, policy) and whether they hit',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  readonly verdicts = new Counter({
    name: 'upzento_widget_verdicts_total',
    help: 'Widget requests allowed or refused by their Origin',
    labelNames: ['verdict'] as const,
    registers: [this.registry],
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

  /**
   * Counts a widget cache look-up. The six labelled series are bound once: this runs twice on every
   * warm widget request, where hashing labels each time would be measurable.
   */
  readonly countCacheLookup = ((): ((cache: 'client' | 'verdict' | 'policy', result: 'hit' | 'miss') => void) => {
    const bind = (cache: string) => ({ hit: this.cacheLookups.labels({ cache, result: 'hit' }), miss: this.cacheLookups.labels({ cache, result: 'miss' }) });
    const series = { client: bind('client'), verdict: bind('verdict'), policy: bind('policy') };
    return (cache, result) => series[cache][result].inc();
  })();

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
