/**
 * The widget config route's warm answer, given at the server's front door before Fastify routes the
 * request: a GET of `/v1/widget/:publicKey/config` (with no query, or the bundle's `?v=<version>`, and
 * no version header) whose Origin the verdict cache has already
 * authorized, for a configuration the route has already made JSON of. It sends what the route would
 * (the same status, body and headers; test/embedding/config-shortcut.test.ts compares them) and
 * counts it as the route would. Anything else, a cold or refused request included, goes on to Fastify.
 *
 * Why it exists: this is the one route every page view of every client's site calls, and Fastify's
 * per-request machinery (request and reply objects, hooks, the access-log listener, CORS) cost the
 * shipped server most of its throughput on it; docs/performance.md gives the figures.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WidgetConfig } from '../../shared/widget-wire.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { TenantCounters } from '../tenant-metrics/tenant-counters.ts';
import { isAuthorized, type VerdictCache } from './verdict-cache.ts';
import {
  API_VERSIONS,
  OLDEST_VERSION,
  VERSION_HEADER,
  VERSION_HEADERS,
  type ApiVersion,
} from '../versions/api-versions.ts';

export const PUBLIC_KEY = /^pk_[A-Za-z0-9_-]{22,64}$/;
export const JSON_UTF8 = 'application/json; charset=utf-8';
export const CONFIG_ROUTE = '/v1/widget/:publicKey/config';
const PREFIX = '/v1/widget/';
const SUFFIX = '/config';
/** Every answer's headers but the three that differ per request, per version, as name, value, name, value … */
const HEAD = new Map<ApiVersion, readonly string[]>(
  API_VERSIONS.map((version) => [
    version,
    [
      ...Object.entries(VERSION_HEADERS[version]).flat(),
      'content-type',
      JSON_UTF8,
      'vary',
      'Origin',
      'access-control-expose-headers',
      VERSION_HEADER,
      'cache-control',
      'no-store',
    ],
  ]),
);

/**
 * The request's Origin from its raw headers: building Node's headers object costs a request more than
 * the rest of this answer. Null when it has two, or names a version by header (the route decides those).
 */
function originOf(raw: readonly string[]): string | undefined | null {
  let origin: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.length === 6 && name.toLowerCase() === 'origin') {
      if (origin !== undefined) return null;
      origin = raw[i + 1];
    } else if (name.length === VERSION_HEADER.length && name.toLowerCase() === VERSION_HEADER) return null;
  }
  return origin;
}

/** The query a bundle names its version in, as the route reads it: `?v=<version>`, or none for the oldest. */
const VERSION_OF_QUERY = new Map<string, ApiVersion>([
  ['', OLDEST_VERSION],
  ...API_VERSIONS.map((version) => [`?v=${version}`, version] as const),
]);

export class ConfigShortcut {
  /** Each configuration's JSON, made once by the route's own response schema and sent from then on. */
  readonly texts = new WeakMap<WidgetConfig, string>();
  readonly #verdicts: VerdictCache;
  readonly #metrics: Metrics;
  readonly #counters: TenantCounters;
  readonly #observe: (status: number, elapsedMs: number) => void;

  constructor(verdicts: VerdictCache, metrics: Metrics, counters: TenantCounters) {
    this.#verdicts = verdicts;
    this.#metrics = metrics;
    this.#counters = counters;
    this.#observe = metrics.requestObserver('GET', CONFIG_ROUTE);
  }

  /** Answers the request and returns true, or returns false having touched nothing. */
  readonly answer = (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = request.url;
    if (request.method !== 'GET' || url === undefined || !url.startsWith(PREFIX)) return false;
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const version = VERSION_OF_QUERY.get(queryAt === -1 ? '' : url.slice(queryAt));
    if (!path.endsWith(SUFFIX) || version === undefined) return false;
    const publicKey = path.slice(PREFIX.length, -SUFFIX.length);
    const origin = originOf(request.rawHeaders);
    if (origin === undefined || origin === null || !PUBLIC_KEY.test(publicKey)) return false;
    const decided = this.#verdicts.cached(publicKey, origin);
    if (decided === undefined || !isAuthorized(decided)) return false;
    const text = this.texts.get(decided.config);
    if (text === undefined) return false;
    const started = performance.now();
    this.#verdicts.countHit();
    this.#metrics.countVerdict(true);
    // A flat list, which Node writes as it is, rather than an object it would walk key by key.
    response.writeHead(
      200,
      (HEAD.get(version) as readonly string[]).concat(
        'content-length',
        String(Buffer.byteLength(text)),
        'x-request-id',
        randomUUID(),
        'access-control-allow-origin',
        origin,
      ),
    );
    response.end(text);
    const elapsedMs = performance.now() - started;
    this.#observe(200, elapsedMs);
    this.#counters.widgetAnswered(decided.client, 'served', elapsedMs);
    return true;
  };
}
