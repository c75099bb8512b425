/**
 * The public widget routes, named by the client's public key, no token:
 *   GET  /v1/widget/:publicKey/config       the widget's configuration
 *   POST /v1/widget/:publicKey/submissions  a lead, made idempotent by its Idempotency-Key
 * and their CORS preflights. Each request is decided from its Origin against the client's verified
 * domains (the verdict cache: no database query when warm). @fastify/cors is driven by the same
 * verdict, so only an authorized origin ever gets Access-Control-Allow-Origin, echoed exactly.
 */
import { createHash } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IDEMPOTENCY_HEADER, SubmissionRequest, SubmissionResponse, WidgetConfig } from '../../shared/widget-wire.ts';
import type { OriginDecision } from '../domains/origin-policy.ts';
import { UNKNOWN_KEY, type VerdictCache, type WidgetClient } from '../domains/verdict-cache.ts';
import { DomainNotAuthorized, IdempotencyKeyRequired, IdempotencyKeyReused, RateLimited, UnknownWidget } from '../errors.ts';
import { ErrorResponse } from '../http/schemas.ts';
import type { Metrics } from '../metrics/metrics.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route records its own duration and request id header instead of taking the shared hooks. */
    hotPath?: boolean;
  }
  interface FastifyRequest {
    widget: { client: WidgetClient | null; verdict: OriginDecision } | null;
  }
}

export interface WidgetRoutesOptions {
  verdicts: VerdictCache;
  metrics: Metrics;
  /** Submissions one IP may send to one widget per minute; default 30. */
  submissionsPerMinute?: number;
}

const KeyParams = Type.Object({ publicKey: Type.String({ pattern: '^pk_[A-Za-z0-9_-]{22,64}$' }) });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;
const ERRORS = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const PUBLIC_KEY_IN_PATH = /^\/v1\/widget\/(pk_[A-Za-z0-9_-]{22,64})\//;

export const widgetRoutes: FastifyPluginAsyncTypebox<WidgetRoutesOptions> = async (app, { verdicts, metrics, submissionsPerMinute = 30 }) => {
  const allowedCount = metrics.verdicts.labels({ verdict: 'allowed' });
  const refusedCount = metrics.verdicts.labels({ verdict: 'refused' });
  const observeConfig = metrics.requestObserver('GET', '/v1/widget/:publicKey/config');
  app.decorateRequest('widget', null);
  // The Origin check stops other sites' pages, not scripts that forge the header: submissions are
  // also limited per IP and widget. Counted in this process; the widget retries a 429 later.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new RateLimited(String(Math.ceil(context.ttl / 1000))),
  });

  // One options object per allowed verdict (verdicts are cached objects), so a warm request
  // allocates none.
  const corsOptions = new WeakMap<OriginDecision, object>();
  const REFUSED = { origin: false };
  function corsFor(request: FastifyRequest, decided: { client: WidgetClient | null; verdict: OriginDecision }): object {
    request.widget = decided;
    // The tenant is known from here on: every later log line of the request names it.
    if (decided.client) request.log = request.log.child({ tenantId: decided.client.clientId });
    const { verdict } = decided;
    (verdict.allowed ? allowedCount : refusedCount).inc();
    if (!verdict.allowed) return REFUSED;
    let options = corsOptions.get(verdict);
    if (!options) {
      options = {
        origin: verdict.origin,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', IDEMPOTENCY_HEADER.toLowerCase()],
        maxAge: 600,
        strictPreflight: true,
      };
      corsOptions.set(verdict, options);
    }
    return options;
  }

  async function decide(publicKey: string | undefined, origin: string | undefined) {
    const client = publicKey ? await verdicts.client(publicKey) : null;
    const verdict = client ? await verdicts.verdict(client, origin) : UNKNOWN_KEY;
    return { client, verdict };
  }

  await app.register(cors, {
    hook: 'onRequest',
    // The callback form lets a warm request (client and verdict cached) be decided synchronously.
    delegator: (request: FastifyRequest, callback: (error: Error | null, options?: object) => void) => {
      const publicKey = PUBLIC_KEY_IN_PATH.exec(request.url)?.[1];
      const origin = request.headers.origin;
      const cached = publicKey ? verdicts.peek(publicKey, origin) : undefined;
      if (cached) return callback(null, corsFor(request, cached));
      decide(publicKey, origin).then(
        (decided) => callback(null, corsFor(request, decided)),
        (error: Error) => callback(error),
      );
    },
  });

  /** The client, when its verdict allows this request; else the refusal the contract asks for. */
  function authorized(request: FastifyRequest): WidgetClient {
    const decided = request.widget;
    if (!decided?.client) throw new UnknownWidget();
    if (!decided.verdict.allowed) {
      request.log.info({ origin: request.headers.origin ?? null, reason: decided.verdict.reason }, 'widget origin refused');
      throw new DomainNotAuthorized();
    }
    return decided.client;
  }

  // Reached only when @fastify/cors did not answer the preflight itself, that is, when it was refused.
  for (const path of ['/v1/widget/:publicKey/config', '/v1/widget/:publicKey/submissions']) {
    app.options(path, { config: { access: { public: true } }, schema: { params: KeyParams } }, async (request) => {
      authorized(request);
      throw new DomainNotAuthorized();
    });
  }

  app.get(
    '/v1/widget/:publicKey/config',
    { config: { access: { public: true }, hotPath: true }, schema: { params: KeyParams, response: { 200: WidgetConfig, ...ERRORS } } },
    // Not async: a warm request (configuration cached) is answered without a promise.
    (request, reply) => {
      reply.header('x-request-id', request.id).header('cache-control', 'no-store');
      const client = authorized(request);
      const cached = verdicts.peekConfig(client);
      if (cached) {
        observeConfig(200, reply.elapsedTime);
        reply.send(cached);
        return;
      }
      return verdicts.config(client).then((config) => {
        observeConfig(200, reply.elapsedTime);
        reply.send(config);
      });
    },
  );

  app.post(
    '/v1/widget/:publicKey/submissions',
    {
      config: {
        access: { public: true },
        rateLimit: {
          max: submissionsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => `${request.ip} ${(request.params as { publicKey?: string }).publicKey ?? ''}`,
        },
      },
      schema: { params: KeyParams, body: SubmissionRequest, response: { 201: SubmissionResponse, ...ERRORS, 429: ErrorResponse } },
    },
    async (request, reply) => {
      const client = authorized(request);
      const key = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) throw new IdempotencyKeyRequired();
      const body = request.body;
      const payloadHash = createHash('sha256').update(JSON.stringify([body.email, body.name, body.message, body.fields])).digest('hex');
      const origin = request.headers.origin ?? '';
      const scope = { agencyId: client.agencyId, clientId: client.clientId };
      const actor = { type: 'anonymous' as const, id: null, requestId: request.id, ip: request.ip };

      const id = await app.data.scoped(scope, actor, async (q) => {
        const replay = async () => {
          const earlier = await q.selectFrom('submissions').select(['submission_id', 'payload_hash']).where('idempotency_key', '=', key).executeTakeFirst();
          if (earlier && earlier.payload_hash !== payloadHash) throw new IdempotencyKeyReused();
          return earlier?.submission_id ?? null;
        };
        const earlier = await replay();
        if (earlier) return earlier;
        const email = body.email.trim();
        const created = await q
          .insertInto('contacts', { email, name: body.name?.trim() || null, attributes: JSON.stringify({ source: 'widget' }) })
          .onConflict((oc) => oc.doNothing())
          .returning('contact_id')
          .executeTakeFirst();
        const contact =
          created ??
          (await q.selectFrom('contacts').select('contact_id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst());
        const inserted = await q
          .insertInto('submissions', {
            idempotency_key: key,
            payload_hash: payloadHash,
            contact_id: contact?.contact_id ?? null,
            email,
            name: body.name ?? null,
            message: body.message ?? null,
            fields: JSON.stringify(body.fields ?? {}),
            origin,
          })
          .onConflict((oc) => oc.columns(['agency_id', 'client_id', 'idempotency_key']).doNothing())
          .returning('submission_id')
          .executeTakeFirst();
        // A concurrent request with the same key committed first: answer with its submission.
        if (!inserted) return (await replay()) as string;
        await q.audit({
          action: 'submission.received',
          targetType: 'submission',
          targetId: inserted.submission_id,
          details: { origin, contactId: contact?.contact_id ?? null, contactCreated: Boolean(created) },
        });
        return inserted.submission_id;
      });
      return reply.code(201).send({ id });
    },
  );
};
