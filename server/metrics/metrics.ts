/**
 * Prometheus metrics (prom-client), on a registry of the application's own so several apps in one
 * process (tests, benchmarks) do not share counters. Served at GET /metrics only when a scrape token
 * is configured (UPZENTO_METRICS_TOKEN), behind `Authorization: Bearer <token>`.
 */
import { timingSafeEqual } from 'node:crypto';
import { Counter, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import type { FastifyPluginAsync } from 'fastify';
import { Unauthorized } from '../errors.ts';

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new RequestDurations([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);
  // The widget's hot path and the re-check rounds count in plain numbers, handed to prom-client when
  // the registry is scraped (countedAtScrape): a labelled inc() hashes its labels on every call, which
  // the cheapest route pays for in throughput and a round thousands of times a second.
  readonly #lookups = { client: { hit: 0, miss: 0 }, verdict: { hit: 0, miss: 0 }, policy: { hit: 0, miss: 0 } };
  readonly #verdicts = { allowed: 0, refused: 0 };
  readonly #checks: Record<string, Record<string, number>> = {};
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

  constructor() {
    // Metric is a union of prom-client's own classes; the registry needs only get(), reset() and the names.
    this.registry.registerMetric(this.requests as unknown as Metric);
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

  /** A recorder for one route's requests; each status's series is looked up once. */
  requestObserver(method: string, route: string): (status: number, elapsedMs: number) => void {
    const series = new Map<number, (seconds: number) => void>();
    return (status, elapsedMs) => {
      let observe = series.get(status);
      if (!observe) {
        observe = this.requests.series({ method, route, status: String(status) });
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

interface ExportedValue {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

interface DurationSeries {
  readonly labels: Readonly<Record<string, string>>;
  /** Observations per bucket, not cumulative; the last counts those above the top bound. */
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * The request-duration histogram, each series bound once so that an observation is a bucket
 * increment: prom-client's Histogram validates and hashes its labels on every observe(), even
 * through labels(), a measurable share of the widget's config request (docs/performance.md).
 * prom-client still registers and formats it, as it does its own.
 */
export class RequestDurations {
  readonly name = 'upzento_http_request_duration_seconds';
  readonly help = 'HTTP requests by route and status';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #bounds: readonly number[];
  readonly #series = new Map<string, DurationSeries>();

  constructor(bounds: readonly number[]) {
    this.#bounds = bounds;
  }

  /** The recorder of one series, created on first use; it takes seconds. */
  series(labels: Readonly<Record<string, string>>): (seconds: number) => void {
    const key = JSON.stringify(labels);
    let one = this.#series.get(key);
    if (!one) {
      one = { labels, counts: new Float64Array(this.#bounds.length + 1), sum: 0, count: 0 };
      this.#series.set(key, one);
    }
    const series = one;
    const bounds = this.#bounds;
    return (seconds) => {
      let bucket = 0;
      while (bucket < bounds.length && seconds > (bounds[bucket] as number)) bucket += 1;
      series.counts[bucket] = (series.counts[bucket] as number) + 1;
      series.sum += seconds;
      series.count += 1;
    };
  }

  /** What prom-client's registry formats: cumulative buckets, then sum and count, per series. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: ExportedValue[] }> {
    const values: ExportedValue[] = [];
    for (const { labels, counts, sum, count } of this.#series.values()) {
      let cumulative = 0;
      this.#bounds.forEach((bound, i) => {
        cumulative += counts[i] as number;
        values.push({ metricName: `${this.name}_bucket`, labels: { le: bound, ...labels }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...labels }, value: count });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum });
      values.push({ metricName: `${this.name}_count`, labels, value: count });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** Zeroes every series in place: recorders already handed out keep counting into them. */
  reset(): void {
    for (const series of this.#series.values()) {
      series.counts.fill(0);
      series.sum = 0;
      series.count = 0;
    }
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
