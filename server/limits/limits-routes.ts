/**
 * A tenant's limits and its usage against them; the level above changes its overrides:
 *   GET   /v1/agencies/:agencyId/limits, /v1/clients/:clientId/limits   any role of it or above
 *   PATCH /v1/agencies/:agencyId/limits                                 the platform admin
 *   PATCH /v1/clients/:clientId/limits                                  its agency's admins, the platform admin
 * A PATCH sets a limit with a number and goes back to the default with null.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../errors.ts';
import { AgencyParams, AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import {
  changeOverrides,
  countOwn,
  countRecentSubmissions,
  LIMIT_NAMES,
  readOverrides,
  type LimitName,
  type Limits,
} from './limits.ts';

const RANGES: Record<LimitName, { minimum: number; maximum: number; description: string }> = {
  apiRequestsPerSecond: {
    minimum: 1,
    maximum: 100_000,
    description: "Sustained API requests per second of the tenant's users, across every instance",
  },
  apiBurst: { minimum: 1, maximum: 100_000, description: 'Requests that may come at once after a quiet time' },
  users: { minimum: 1, maximum: 100_000, description: "Users of the tenant itself (not of an agency's clients)" },
  contacts: { minimum: 0, maximum: 100_000_000, description: 'Contacts of a client created through the API' },
  domains: { minimum: 0, maximum: 10_000, description: 'Domains of a client' },
  widgetSubmissionsPerMinute: {
    minimum: 1,
    maximum: 1_000_000,
    description: "Widget submissions a client takes per minute, across every instance (an agency's is not used)",
  },
};

function each<T extends TSchema>(make: (name: LimitName) => T): Record<LimitName, T> {
  return Object.fromEntries(LIMIT_NAMES.map((name) => [name, make(name)])) as Record<LimitName, T>;
}

export const LimitValues = Type.Object(
  each((name) => Type.Integer(RANGES[name])),
  { title: 'Limits', additionalProperties: false },
);
export const LimitOverrides = Type.Partial(LimitValues, { title: 'LimitOverrides' });
// A type list, not anyOf: with anyOf, Ajv's coercion would take a 0 that is below a minimum for null.
const LimitChange = Type.Object(
  each((name) => Type.Optional(Type.Unsafe<number | null>({ type: ['integer', 'null'], ...RANGES[name] }))),
  { title: 'LimitChange', additionalProperties: false, minProperties: 1 },
);
const TenantLimits = Type.Object(
  {
    limits: LimitValues,
    overrides: LimitOverrides,
    usage: Type.Object(
      {
        users: Type.Integer(),
        contacts: Type.Optional(Type.Integer()),
        domains: Type.Optional(Type.Integer()),
        widgetSubmissionsLastMinute: Type.Optional(
          Type.Integer({ description: 'Submissions stored in the last 60 seconds, by every instance' }),
        ),
      },
      { description: 'What the tenant has now; contacts, domains and widget submissions for a client' },
    ),
  },
  { title: 'TenantLimits' },
);

/** Rows `q`'s tenant has of what its limits count. */
async function usageOf(q: ScopedQueries) {
  const users = await countOwn(q, 'users');
  return q.scope.clientId
    ? {
        users,
        contacts: await countOwn(q, 'contacts'),
        domains: await countOwn(q, 'domains'),
        widgetSubmissionsLastMinute: await countRecentSubmissions(q),
      }
    : { users };
}

export const limitsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function read(request: FastifyRequest) {
    const { scope } = request;
    const limits: Readonly<Limits> = await app.limits.get(scope.clientId ?? scope.agencyId, scope.agencyId);
    return request.scoped(async (q) => ({ limits, overrides: await readOverrides(q), usage: await usageOf(q) }));
  }

  async function change(request: FastifyRequest, body: Partial<Record<LimitName, number | null>>) {
    await request.scoped((q) => changeOverrides(q, body, app.limits));
    return read(request);
  }

  app.get(
    '/v1/agencies/:agencyId/limits',
    {
      config: { access: { on: 'agency', role: 'viewer' } },
      schema: { params: AgencyParams, response: { 200: TenantLimits, ...AUTHED_ERRORS } },
    },
    (request) => read(request),
  );
  app.get(
    '/v1/clients/:clientId/limits',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, response: { 200: TenantLimits, ...AUTHED_ERRORS } },
    },
    (request) => read(request),
  );
  app.patch(
    '/v1/agencies/:agencyId/limits',
    {
      config: { access: { on: 'agency', role: 'admin' } },
      schema: { params: AgencyParams, body: LimitChange, response: { 200: TenantLimits, ...AUTHED_ERRORS } },
    },
    (request) => {
      if (request.tenant.tenantType !== 'platform')
        throw new Forbidden("only the platform admin sets an agency's limits");
      return change(request, request.body as Partial<Record<LimitName, number | null>>);
    },
  );
  app.patch(
    '/v1/clients/:clientId/limits',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, body: LimitChange, response: { 200: TenantLimits, ...AUTHED_ERRORS } },
    },
    (request) => {
      if (request.tenant.tenantType === 'client') throw new Forbidden("a client's limits are set by its agency");
      return change(request, request.body as Partial<Record<LimitName, number | null>>);
    },
  );
};
