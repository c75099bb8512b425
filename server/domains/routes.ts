/**
 * A client's domains: register (each with its own challenge, up to a limit per client), verify on
 * demand, list (in pages, by hostname), delete.
 * Admins of the client, its agency or the platform only. Every change is audited, and every change
 * to which origins are authorized reaches the verdict caches of all instances.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Domain } from '../db/schema.ts';
import { decodeTextCursor, encodeTextCursor } from '../http/cursor.ts';
import { AUTHED_ERRORS, ClientParams, ErrorResponse, Page, Timestamp, Uuid } from '../http/schemas.ts';
import { aboutField, InvalidHostname, LimitReached, NotFound } from '../errors.ts';
import type { DomainChecks } from './domain-checks.ts';
import { normalizeHostname } from './hostname.ts';
import { AUTHORIZING, expiresAt, type DomainTimings } from './lifecycle.ts';
import { announcePolicyChange } from '../embedding/policy-events.ts';
import { challengeFor, describeCheck, newChallengeToken } from './txt-challenge.ts';

const LastCheck = Type.Object(
  {
    at: Type.String(),
    queried: Type.String(),
    expected: Type.String(),
    found: Type.Array(Type.String()),
    outcome: Type.String(),
    message: Type.String(),
  },
  { title: 'DomainCheck' },
);

const DomainView = Type.Object(
  {
    id: Uuid,
    hostname: Type.String(),
    includeSubdomains: Type.Boolean(),
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('verified'),
      Type.Literal('failing'),
      Type.Literal('revoked'),
      Type.Literal('expired'),
    ]),
    challenge: Type.Object({ type: Type.Literal('TXT'), name: Type.String(), value: Type.String() }),
    createdAt: Timestamp,
    verifiedAt: Type.Union([Timestamp, Type.Null()]),
    failingSince: Type.Union([Timestamp, Type.Null()]),
    nextCheckAt: Type.Union([Timestamp, Type.Null()]),
    expiresAt: Type.Union([Timestamp, Type.Null()]),
    lastCheck: Type.Union([LastCheck, Type.Null()]),
  },
  { title: 'Domain' },
);

/** Domains a page lists unless asked otherwise: a client's whole list, unless its limit is raised. */
export const DEFAULT_MAX_DOMAINS = 100;

const DomainParams = Type.Object({ clientId: Uuid, domainId: Uuid });
const NewDomain = Type.Object(
  { hostname: Type.String({ minLength: 1, maxLength: 300 }), includeSubdomains: Type.Optional(Type.Boolean()) },
  { title: 'NewDomain', additionalProperties: false },
);

/** Pages of the domain list, in hostname order; the default page holds as many as a client may have by default. */
const DomainListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: DEFAULT_MAX_DOMAINS })),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

export interface DomainRoutesOptions {
  checks: DomainChecks;
  timings: DomainTimings;
  now: () => Date;
}

export const domainRoutes: FastifyPluginAsyncTypebox<DomainRoutesOptions> = async (app, options) => {
  const { checks, timings, now } = options;
  const access = { on: 'client', role: 'admin' } as const;

  function view(row: Domain) {
    const challenge = challengeFor(row.hostname, row.challenge_token);
    return {
      id: row.domain_id,
      hostname: row.hostname,
      includeSubdomains: row.include_subdomains,
      status: row.status,
      challenge,
      createdAt: row.created_at,
      verifiedAt: row.verified_at,
      failingSince: row.failing_since,
      nextCheckAt: row.next_check_at,
      expiresAt: row.status === 'pending' ? expiresAt(row.created_at, timings) : null,
      lastCheck: row.last_check ? describeCheck(row.last_check, challenge) : null,
    };
  }

  app.post(
    '/v1/clients/:clientId/domains',
    {
      config: { access },
      schema: {
        params: ClientParams,
        body: NewDomain,
        response: { 201: DomainView, ...AUTHED_ERRORS, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const normalized = normalizeHostname(request.body.hostname);
      if (!normalized.ok) throw aboutField(new InvalidHostname(normalized.reason), 'hostname');
      const at = now();
      // The client's own limit (docs/limits.md); the deployment's UPZENTO_MAX_DOMAINS_PER_CLIENT by default.
      const { domains: maxDomains } = await app.limits.get(request.scope.clientId as string, request.scope.agencyId);
      const row = await request.scoped(async (q) => {
        // The client's settings row is locked first, so concurrent registrations of one client count in turn.
        await q.selectFrom('client_settings').select('client_id').forUpdate().executeTakeFirst();
        const { count } = await q
          .selectFrom('domains')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow();
        if (Number(count) >= maxDomains) {
          throw new LimitReached(
            `this client has ${count} domains, the most it may register; delete one it no longer uses first`,
          );
        }
        const created = await q
          .insertInto('domains', {
            domain_id: randomUUID(),
            hostname: normalized.hostname,
            include_subdomains: request.body.includeSubdomains ?? false,
            challenge_token: newChallengeToken(),
            created_at: at,
            updated_at: at,
            // Pending domains are looked at by the scheduler too, so a record added later is found without a click.
            next_check_at: new Date(at.getTime() + timings.retryIntervalMs),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'domain.registered',
          targetType: 'domain',
          targetId: created.domain_id,
          details: { hostname: created.hostname, includeSubdomains: created.include_subdomains },
        });
        return created;
      });
      return reply.code(201).send(view(row));
    },
  );

  app.post(
    '/v1/clients/:clientId/domains/:domainId/verify',
    { config: { access }, schema: { params: DomainParams, response: { 200: DomainView, ...AUTHED_ERRORS } } },
    async (request) => {
      const row = await checks.check(request.scope, request.actor, request.params.domainId, 'manual');
      if (!row) throw new NotFound('Domain');
      return view(row);
    },
  );

  app.get(
    '/v1/clients/:clientId/domains',
    {
      config: { access },
      schema: {
        params: ClientParams,
        querystring: DomainListQuery,
        response: { 200: Page(DomainView), ...AUTHED_ERRORS },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? DEFAULT_MAX_DOMAINS;
      const after = decodeTextCursor(request.query.cursor);
      const rows = await request.scoped((q) => {
        let query = q
          .selectFrom('domains')
          .selectAll()
          .orderBy('hostname')
          .limit(limit + 1);
        if (after !== null) query = query.where('hostname', '>', after);
        return query.execute();
      });
      const items = rows.slice(0, limit);
      return {
        items: items.map(view),
        nextCursor: rows.length > limit ? encodeTextCursor(items[items.length - 1]!.hostname) : null,
      };
    },
  );

  app.delete(
    '/v1/clients/:clientId/domains/:domainId',
    { config: { access }, schema: { params: DomainParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } } },
    async (request, reply) => {
      await request.scoped(async (q) => {
        const row = await q
          .deleteFrom('domains')
          .where('domain_id', '=', request.params.domainId)
          .returning(['domain_id', 'hostname', 'status'])
          .executeTakeFirst();
        if (!row) throw new NotFound('Domain');
        await q.audit({
          action: 'domain.deleted',
          targetType: 'domain',
          targetId: row.domain_id,
          details: { hostname: row.hostname, status: row.status },
        });
        if (AUTHORIZING.includes(row.status)) await announcePolicyChange(q, app.verdicts);
      });
      return reply.code(204).send(null);
    },
  );
};
