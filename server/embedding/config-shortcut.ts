/**
 * The widget config route's warm answer, given at the server's front door before Fastify routes the
 * request: a GET of `/v1/widget/:publicKey/config` whose Origin the verdict cache has already
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
import { isAuthorized, type VerdictCache } from './verdict-cache.ts';

export const PUBLIC_KEY = /^pk_[A-Za-z0-9_-]{22,64}$/;
export const JSON_UTF8 = 'application/json; charset=utf-8';
export const CONFIG_ROUTE = '/v1/widget/:publicKey/config';
const PREFIX = '/v1/widget/';
const SUFFIX = '/config';

export class ConfigShortcut {
  /** Each configuration's JSON, made once by the route's own response schema and sent from then on. */
  readonly texts = new WeakMap<WidgetConfig, string>();
  readonly #verdicts: VerdictCache;
  readonly #metrics: Metrics;
  readonly #observe: (status: number, elapsedMs: number) => void;

  constructor(verdicts: VerdictCache, metrics: Metrics) {
    this.#verdicts = verdicts;
    this.#metrics = metrics;
    this.#observe = metrics.requestObserver('GET', CONFIG_ROUTE);
  }

  /** Answers the request and returns true, or returns false having touched nothing. */
  readonly answer = (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = request.url;
    if (request.method !== 'GET' || url === undefined || !url.startsWith(PREFIX) || !url.endsWith(SUFFIX)) return false;
    const publicKey = url.slice(PREFIX.length, -SUFFIX.length);
    const origin = request.headers.origin;
    if (origin === undefined || !PUBLIC_KEY.test(publicKey)) return false;
    const decided = this.#verdicts.cached(publicKey, origin);
    if (decided === undefined || !isAuthorized(decided)) return false;
    const text = this.texts.get(decided.config);
    if (text === undefined) return false;
    const started = performance.now();
    this.#verdicts.countHit();
    this.#metrics.countVerdict(true);
    response.writeHead(200, {
      'content-type': JSON_UTF8,
      'content-length': Buffer.byteLength(text),
      'x-request-id': randomUUID(),
      vary: 'Origin',
      'access-control-allow-origin': origin,
      'cache-control': 'no-store',
    });
    response.end(text);
    this.#observe(200, performance.now() - started);
    return true;
  };
}
