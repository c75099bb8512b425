/**
 * A client's webhook endpoints: register (the secret is shown once, here), list, delete, rotate the
 * secret (the old one keeps signing for an overlap), the delivery log of an endpoint, and "send
 * again" of a delivery. Admins of the client, its agency or the platform only; every change is
 * audited. A URL that points into the server's own networks is refused (address-policy.ts).
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Selectable } from 'kysely';
import type { WebhookDeliveriesTable, WebhookEvent, WebhooksTable } from '../db/schema.ts';
import { aboutField, InvalidWebhookUrl, LimitReached, NotFound } from '../errors.ts';
import { decodeCursor, newestFirstPage } from '../http/cursor.ts';
import { AUTHED_ERRORS, ClientParams, ErrorResponse, List, Page, PageQuery, Timestamp, Uuid } from '../http/schemas.ts';
import { checkWebhookUrl } from './address-policy.ts';
import type { WebhookWorker } from './delivery-worker.ts';
import { newSecret } from './signature.ts';

/** Endpoints a client may register unless the deployment sets otherwise (UPZENTO_MAX_WEBHOOKS_PER_CLIENT). */
export const DEFAULT_MAX_WEBHOOKS = 10;
/** How long a replaced secret keeps signing after a rotation, unless the deployment sets otherwise. */
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

const EVENTS: readonly WebhookEvent[] = ['submission.created'];
const Event = Type.Unsafe<WebhookEvent>({ type: 'string', enum: [...EVENTS] });

const WebhookView = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    events: Type.Array(Event),
    createdAt: Timestamp,
    /** Until when the secret replaced by the last rotation still signs; null when only one signs. */
    previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'Webhook' },
);
const WebhookWithSecret = Type.Object(
  { ...WebhookView.properties, secret: Type.String() },
  { title: 'WebhookWithSecret' },
);

const DeliveryView = Type.Object(
  {
    id: Uuid,
    webhookId: Uuid,
    eventId: Uuid,
    eventType: Event,
    submissionId: Uuid,
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    createdAt: Timestamp,
    lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
    /** The HTTP status of the last answer; null when there was none (a timeout, a refused connection). */
    lastStatus: Type.Union([Type.Integer(), Type.Null()]),
    lastLatencyMs: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
    deliveredAt: Type.Union([Timestamp, Type.Null()]),
  },
  { title: 'WebhookDelivery' },
);

const NewWebhook = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    events: Type.Array(Event, { minItems: 1, maxItems: EVENTS.length, uniqueItems: true }),
  },
  { title: 'NewWebhook', additionalProperties: false },
);
const WebhookParams = Type.Object({ clientId: Uuid, webhookId: Uuid });
const DeliveryParams = Type.Object({ clientId: Uuid, webhookId: Uuid, deliveryId: Uuid });
const DeliveryQuery = Type.Object({ ...PageQuery.properties }, { additionalProperties: false });

export interface WebhookRoutesOptions {
  worker: WebhookWorker;
  /** Whether URLs may point at loopback and private addresses (and use http); default false. */
  allowPrivate: boolean;
  /** Endpoints one client may register; default DEFAULT_MAX_WEBHOOKS. */
  maxWebhooks?: number;
  /** How long a replaced secret keeps signing; default 24 h. */
  rotationOverlapMs?: number;
  now: () => Date;
}

type WebhookRow = Selectable<WebhooksTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

export const webhookRoutes: FastifyPluginAsyncTypebox<WebhookRoutesOptions> = async (app, options) => {
  const { worker, allowPrivate, now } = options;
  const maxWebhooks = options.maxWebhooks ?? DEFAULT_MAX_WEBHOOKS;
  const overlapMs = options.rotationOverlapMs ?? DEFAULT_ROTATION_OVERLAP_MS;
  const access = { on: 'client', role: 'admin' } as const;

  function view(row: WebhookRow) {
    const overlapping = row.previous_secret_until !== null && row.previous_secret_until > now();
    return {
      id: row.webhook_id,
      url: row.url,
      events: row.events,
      createdAt: row.created_at,
      previousSecretExpiresAt: overlapping ? row.previous_secret_until : null,
    };
  }

  function deliveryView(row: DeliveryRow) {
    return {
      id: row.delivery_id,
      webhookId: row.webhook_id,
      eventId: row.event_id,
      eventType: row.event_type,
      submissionId: row.submission_id,
      status: row.status,
      attempts: row.attempts,
      createdAt: row.created_at,
      lastAttemptAt: row.last_attempt_at,
      lastStatus: row.last_status,
      lastLatencyMs: row.last_latency_ms,
      lastError: row.last_error,
      nextAttemptAt: row.next_attempt_at,
      deliveredAt: row.delivered_at,
    };
  }

  app.post(
    '/v1/clients/:clientId/webhooks',
    {
      config: { access },
      schema: {
        params: ClientParams,
        body: NewWebhook,
        response: { 201: WebhookWithSecret, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const checked = checkWebhookUrl(request.body.url, allowPrivate);
      if (!checked.ok) throw aboutField(new InvalidWebhookUrl(checked.reason), 'url');
      const row = await request.scoped(async (q) => {
        // The client's settings row is locked first, so concurrent registrations of one client count in turn.
        await q.selectFrom('client_settings').select('client_id').forUpdate().executeTakeFirst();
        const { count } = await q
          .selectFrom('webhooks')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow();
        if (Number(count) >= maxWebhooks) {
          throw new LimitReached(
            `this client has ${count} webhook endpoints, the most it may register; delete one it no longer uses first`,
          );
        }
        const created = await q
          .insertInto('webhooks', {
            webhook_id: randomUUID(),
            url: checked.url.href,
            events: request.body.events as WebhookEvent[],
            secret: newSecret(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'webhook.registered',
          targetType: 'webhook',
          targetId: created.webhook_id,
          details: { url: created.url, events: created.events },
        });
        return created;
      });
      return reply.code(201).send({ ...view(row), secret: row.secret });
    },
  );

  app.get(
    '/v1/clients/:clientId/webhooks',
    { config: { access }, schema: { params: ClientParams, response: { 200: List(WebhookView), ...AUTHED_ERRORS } } },
    async (request) => {
      const rows = await request.scoped((q) =>
        q.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('webhook_id').execute(),
      );
      return { items: rows.map(view) };
    },
  );

  app.delete(
    '/v1/clients/:clientId/webhooks/:webhookId',
    { config: { access }, schema: { params: WebhookParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } } },
    async (request, reply) => {
      await request.scoped(async (q) => {
        const row = await q
          .deleteFrom('webhooks')
          .where('webhook_id', '=', request.params.webhookId)
          .returning(['webhook_id', 'url'])
          .executeTakeFirst();
        if (!row) throw new NotFound('Webhook');
        await q.audit({
          action: 'webhook.deleted',
          targetType: 'webhook',
          targetId: row.webhook_id,
          details: { url: row.url },
        });
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/clients/:clientId/webhooks/:webhookId/rotate-secret',
    { config: { access }, schema: { params: WebhookParams, response: { 200: WebhookWithSecret, ...AUTHED_ERRORS } } },
    async (request) => {
      const at = now();
      const row = await request.scoped(async (q) => {
        const current = await q
          .selectFrom('webhooks')
          .select('secret')
          .where('webhook_id', '=', request.params.webhookId)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw new NotFound('Webhook');
        // Two secrets sign at most: a secret replaced by an earlier rotation stops now.
        const rotated = await q
          .updateTable('webhooks')
          .set({
            secret: newSecret(),
            previous_secret: current.secret,
            previous_secret_until: new Date(at.getTime() + overlapMs),
          })
          .where('webhook_id', '=', request.params.webhookId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'webhook.secret_rotated',
          targetType: 'webhook',
          targetId: rotated.webhook_id,
          details: { previousSecretExpiresAt: rotated.previous_secret_until?.toISOString() ?? null },
        });
        return rotated;
      });
      return { ...view(row), secret: row.secret };
    },
  );

  app.get(
    '/v1/clients/:clientId/webhooks/:webhookId/deliveries',
    {
      config: { access },
      schema: {
        params: WebhookParams,
        querystring: DeliveryQuery,
        response: { 200: Page(DeliveryView), ...AUTHED_ERRORS },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const after = decodeCursor(request.query.cursor);
      const page = await request.scoped(async (q) => {
        const endpoint = await q
          .selectFrom('webhooks')
          .select('webhook_id')
          .where('webhook_id', '=', request.params.webhookId)
          .executeTakeFirst();
        if (!endpoint) throw new NotFound('Webhook');
        return newestFirstPage(
          q.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', request.params.webhookId),
          'delivery_id',
          after,
          limit,
        );
      });
      return { items: page.items.map(deliveryView), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/v1/clients/:clientId/webhooks/:webhookId/deliveries/:deliveryId/retry',
    { config: { access }, schema: { params: DeliveryParams, response: { 202: DeliveryView, ...AUTHED_ERRORS } } },
    async (request, reply) => {
      const { webhookId, deliveryId } = request.params;
      const row = await request.scoped(async (q) => {
        const earlier = await q
          .selectFrom('webhook_deliveries')
          .select(['event_id', 'event_type', 'submission_id', 'event_at'])
          .where('webhook_id', '=', webhookId)
          .where('delivery_id', '=', deliveryId)
          .executeTakeFirst();
        if (!earlier) throw new NotFound('Delivery');
        // A new delivery of the same event, due now, with a schedule of its own; the earlier one keeps its log.
        const again = await q
          .insertInto('webhook_deliveries', { webhook_id: webhookId, ...earlier, next_attempt_at: now() })
          .returningAll()
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'webhook.delivery_resent',
          targetType: 'webhook',
          targetId: webhookId,
          details: { eventId: earlier.event_id, deliveryId: again.delivery_id, resentFrom: deliveryId },
        });
        return again;
      });
      worker.nudge();
      return reply.code(202).send(deliveryView(row));
    },
  );
};
