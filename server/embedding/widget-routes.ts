/**
 * The public widget routes, named by the client's public key, no token:
 *   GET  /v1/widget/:publicKey/config       the widget's configuration
 *   POST /v1/widget/:publicKey/submissions  a lead, made idempotent by its Idempotency-Key
 * and their CORS preflights. Each request is decided from its Origin against the client's verified
 * domains (the verdict cache: no database query when warm). @fastify/cors is driven by the same
 * verdict, so only an authorized origin ever gets Access-Control-Allow-Origin, echoed exactly.
 */
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_HEADER, SubmissionRequest, SubmissionResponse, WidgetConfig } from '../../shared/widget-wire.ts';
import { MALFORMED_ORIGIN } from './origin-policy.ts';
import { CONFIG_ROUTE, JSON_UTF8, PUBLIC_KEY } from './config-shortcut.ts';
import {
  isAuthorized,
  SUSPENDED,
  type AuthorizedWidget,
  type VerdictCache,
  type WidgetDecision,
} from './verdict-cache.ts';
import {
  DomainNotAuthorized,
  IdempotencyKeyRequired,
  RateLimited,
  WidgetBusy,
  TenantSuspended,
  UnknownVersion,
  UnknownWidget,
} from '../errors.ts';
import { ErrorResponse } from '../http/schemas.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { TenantCounters, WidgetOutcome } from '../tenant-metrics/tenant-counters.ts';
import { callerAddress } from '../http/caller-address.ts';
import { FailureLog } from '../http/failure-log.ts';
import { UnknownKeyBrake } from './unknown-keys.ts';
import type { WidgetSubmissionLimit } from '../limits/widget-submission-limit.ts';
import { recordSubmission } from './record-submission.ts';
import { submissionContextColumns } from './submission-context.ts';
import {
  KNOWN_VERSIONS_TEXT,
  knownVersion,
  NEWEST_VERSION,
  OLDEST_VERSION,
  setVersionHeaders,
  VERSION_HEADER,
} from '../versions/api-versions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The decision of a widget request whose Origin was authorized; null before that. */
    widget: AuthorizedWidget | null;
    /** The client a widget request's key names, once known; null before (or for a key no client has). */
    widgetClient: { agencyId: string; clientId: string } | null;
  }
}

export interface WidgetRoutesOptions {
  verdicts: VerdictCache;
  metrics: Metrics;
  /** Each client's widget requests, refusals and submissions (docs/metrics.md). */
  tenantCounters: TenantCounters;
  /** Requests whose key no client has that one address may make per minute; default 20. */
  unknownKeysPerMinute?: number;
  /** Submissions one IP may send to one widget per minute; default 30. */
  submissionsPerMinute?: number;
  /** The clock signed identities are judged by; default the system's. */
  now?: () => Date;
  /** Each client's submissions per minute, across instances (docs/limits.md). */
  submissionLimit: WidgetSubmissionLimit;
  /** Each configuration's JSON, made once by the config route; shared with the server's warm answer. */
  configTexts?: WeakMap<WidgetConfig, string>;
  /** Told of each request of a known client refused for its Origin (the refusal branch only); default none. */
  onOriginRefused?: (client: { agencyId: string; clientId: string }) => void;
}

const WIDGET_SUSPENDED =
  'This client is suspended: its widget is not shown and takes no submissions until the suspension is lifted';
const KeyParams = Type.Object({ publicKey: Type.String({ pattern: PUBLIC_KEY.source }) });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;
/** What the widget sends besides simple headers: a preflight allows these. */
const ALLOWED_HEADERS = ['content-type', IDEMPOTENCY_HEADER.toLowerCase(), VERSION_HEADER].join(', ');
const ERRORS = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };

export const widgetRoutes: FastifyPluginAsyncTypebox<WidgetRoutesOptions> = async (
  app,
  {
    verdicts,
    metrics,
    tenantCounters,
    submissionsPerMinute = 30,
    unknownKeysPerMinute,
    now = () => new Date(),
    configTexts = new WeakMap(),
    submissionLimit,
    onOriginRefused,
  },
) => {
  app.decorateRequest('widget', null);
  app.decorateRequest('widgetClient', null);
  const unknownKeys = new UnknownKeyBrake(
    unknownKeysPerMinute === undefined ? {} : { perMinute: unknownKeysPerMinute },
  );
  // The Origin check stops other sites' pages, not scripts that forge the header: submissions are
  // also limited per IP and widget. Counted in this process; the widget retries a 429 later.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new RateLimited(String(Math.ceil(context.ttl / 1000))),
  });

  // A refused origin is logged with its reason, at most once per client every 10 s with a count of
  // the rest: any page may send any Origin with a real key, and a line each would let it flood the log.
  const refusals = new FailureLog(app.log, 10_000, 'info');
  app.addHook('onClose', async () => refusals.close());

  // Every request of this plugin is decided from its Origin before anything else runs, and a refused
  // one is answered here (403, or 404 for a key no client has), so @fastify/cors below only ever sees
  // authorized requests and echoes their Origin. A warm request (its decision cached) is decided
  // synchronously.
  app.addHook('onRequest', (request, reply, done) => {
    // The version is the bundle's own (shared/api-version.ts): one that sends none is older than versions.
    // The config request names it in its query (`?v=`), so that it stays a simple request, without a preflight.
    const named = request.headers[VERSION_HEADER] ?? (request.query as { v?: unknown }).v;
    const version = named === undefined ? OLDEST_VERSION : knownVersion(named);
    if (version === null) {
      setVersionHeaders(reply, NEWEST_VERSION);
      return refuse(request, reply, done, new UnknownVersion(`${VERSION_HEADER} header`, KNOWN_VERSIONS_TEXT), true);
    }
    request.apiVersion = version;
    setVersionHeaders(reply, version);
    const { publicKey } = request.params as { publicKey?: string };
    // The catch-all preflight route @fastify/cors adds names no widget: not ours to answer.
    if (publicKey === undefined) return refuse(request, reply, done, null);
    // A key of the wrong shape is no client's: no look-up for it.
    if (!PUBLIC_KEY.test(publicKey)) return refuse(request, reply, done, new UnknownWidget(), true);
    const origin = request.headers.origin;
    const cached = verdicts.peek(publicKey, origin);
    if (cached) return answer(request, reply, done, cached);
    const wait = unknownKeys.wait(callerAddress(request.ip));
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return refuse(request, reply, done, new RateLimited(String(wait)), true);
    }
    verdicts.decide(publicKey, origin).then(
      (decided) => answer(request, reply, done, decided),
      // The database could not decide (503): the page may read that, and try again later.
      (error: Error) => refuse(request, reply, done, error, true),
    );
  });

  /**
   * Ends a refused request here (404 for a key no client has, else 403); an authorized one goes on
   * with its decision on the request, for the log and the handlers.
   */
  function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    done: (error?: Error) => void,
    decided: WidgetDecision,
  ): void {
    const { client, verdict } = decided;
    metrics.countVerdict(verdict.allowed);
    if (!client) {
      if (unknownKeys.count(callerAddress(request.ip)))
        request.log.warn(
          { ip: callerAddress(request.ip) },
          'widget: an address is sending public keys no client has; its look-ups pause for a minute',
        );
      return refuse(request, reply, done, new UnknownWidget(), true);
    }
    // The tenant is known from here on: every later log line of the request names it, and its metrics count it.
    request.log = request.log.child({ tenantId: client.clientId });
    request.widgetClient = client;
    // Readable by the page: the widget says in the console why it stays hidden.
    if (verdict === SUSPENDED) return refuse(request, reply, done, new TenantSuspended(WIDGET_SUSPENDED), true);
    if (!isAuthorized(decided)) {
      // A malformed Origin is logged by its length only: it may be kilobytes of anything.
      const origin =
        verdict === MALFORMED_ORIGIN
          ? `(${request.headers.origin?.length} characters)`
          : (request.headers.origin ?? null);
      const reason = verdict.allowed ? 'no configuration' : verdict.reason;
      refusals.report(
        client.clientId,
        { tenantId: client.clientId, reqId: request.id, origin, reason },
        'widget origin refused',
      );
      onOriginRefused?.(client);
      return refuse(request, reply, done, new DomainNotAuthorized());
    }
    // The cached decision itself: a warm request allocates nothing for it.
    request.widget = decided;
    done();
  }

  /**
   * Ends a refused request here, with what every widget answer carries: it depends on the Origin
   * (Vary), must not be stored, and names its request id. `null` is a plain 404. An answer that says
   * nothing about the page's Origin (a key no client has, a pause, the database unable to decide) is
   * readable by any page (`readable`), so the widget can tell its site owner which it was; a refused
   * Origin never is.
   */
  function refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    done: (error?: Error) => void,
    error: Error | null,
    readable = false,
  ): void {
    reply.header('x-request-id', request.id).header('vary', 'Origin').header('cache-control', 'no-store');
    if (request.widgetClient) tenantCounters.widgetAnswered(request.widgetClient, refusalOf(error), reply.elapsedTime);
    if (readable) reply.header('access-control-allow-origin', '*');
    // The bundle's version header makes even its GET a preflighted request, and a browser reads nothing
    // after a preflight that fails: a readable answer's preflight lets the request through to be answered.
    if (error && readable && request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', ALLOWED_HEADERS)
        .send();
      return;
    }
    if (error) done(error);
    else reply.callNotFound();
  }

  await app.register(cors, {
    hook: 'onRequest',
    // Reflects the request's Origin: only a request whose Origin the hook above authorized gets here.
    origin: true,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    // One string, not a list: @fastify/cors would join a list again for every answer.
    exposedHeaders: VERSION_HEADER,
    maxAge: 600,
    strictPreflight: true,
  });

  /** The client and configuration of an authorized request. */
  function authorized(request: FastifyRequest): AuthorizedWidget {
    if (!request.widget) throw new Error('a widget route was reached without an authorized Origin');
    return request.widget;
  }

  // Preflights are answered by the hooks: a refused one by ours, an authorized one by @fastify/cors
  // (or its 400 for a malformed preflight). These routes are there so that the hooks see the key.
  for (const path of [CONFIG_ROUTE, '/v1/widget/:publicKey/submissions']) {
    app.options(
      path,
      { config: { access: { public: true }, accessLog: 'errors' }, schema: { params: KeyParams } },
      (_request, reply) => reply.callNotFound(),
    );
  }

  // A client's configuration is one object until its policy changes (then it is a new one), so its
  // JSON is made once, by the route's own response schema, and every later request sends that text.
  const configJson = configTexts;

  app.get(
    CONFIG_ROUTE,
    {
      config: { access: { public: true }, accessLog: 'errors', hotPath: true },
      schema: { params: KeyParams, response: { 200: WidgetConfig, ...ERRORS } },
    },
    // Not async: the hook has found the configuration with the verdict, so no promise is needed.
    (request, reply) => {
      const { client, config } = authorized(request);
      tenantCounters.widgetAnswered(client, 'served', reply.elapsedTime);
      let json = configJson.get(config);
      if (json === undefined) {
        // Fastify's schema serializer makes text; its type also allows the buffers other serializers make.
        json = reply.serialize(config) as string;
        configJson.set(config, json);
      }
      // Typed replies take the schema's object; this is that object's JSON, which Fastify sends as it is.
      (reply as FastifyReply).header('cache-control', 'no-store').type(JSON_UTF8).send(json);
    },
  );

  app.post(
    '/v1/widget/:publicKey/submissions',
    {
      config: {
        access: { public: true },
        accessLog: 'errors',
        rateLimit: {
          max: submissionsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) =>
            `${callerAddress(request.ip)} ${(request.params as { publicKey?: string }).publicKey ?? ''}`,
        },
      },
      schema: { params: KeyParams, body: SubmissionRequest, response: { 201: SubmissionResponse, ...ERRORS } },
      // Refusals by the Origin check were counted when refused; everything past it is counted here.
      onResponse: (request, reply, done) => {
        if (request.widget)
          tenantCounters.widgetAnswered(request.widget.client, outcomeOf(reply.statusCode), reply.elapsedTime);
        done();
      },
    },
    async (request, reply) => {
      const { client, config } = authorized(request);
      const key = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) throw new IdempotencyKeyRequired();
      const wait = await submissionLimit.take(client);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new WidgetBusy(String(wait));
      }
      const scope = { agencyId: client.agencyId, clientId: client.clientId };
      const actor = { type: 'anonymous' as const, id: null, requestId: request.id, ip: request.ip };
      // One clock for the submission: the time of consent and the time its identity is judged by.
      const at = now();
      const stored = submissionContextColumns(request.body, config, at);
      const input = { ...request.body, idempotencyKey: key, origin: request.headers.origin ?? '', now: at, stored };
      const { id, queued } = await app.data.scoped(scope, actor, (q) => recordSubmission(q, input));
      if (queued > 0) app.webhooks.nudge();
      return reply.code(201).send({ id });
    },
  );
};

/** What a refusal by the Origin check counts as, for a known client. */
function refusalOf(error: Error | null): WidgetOutcome {
  if (error instanceof DomainNotAuthorized) return 'origin';
  if (error instanceof TenantSuspended) return 'suspended';
  return 'other';
}

/** What a submission's answer counts as. */
function outcomeOf(status: number): WidgetOutcome {
  if (status < 400) return 'submitted';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'error' : 'other';
}
