/**
 * Tenant context for every request. Routes declare who may call them in `config.access`:
 *
 *   { public: true }                                 no token (widget, health, sign-in)
 *   { on: 'platform', role: 'admin' }                the platform admin only
 *   { on: 'any', role }                              any signed-in caller with that role
 *   { on: 'agency', role } / { on: 'client', role }  the :agencyId / :clientId in the path must be
 *                                                    the caller's own tenant or below it
 *
 * A route without `config.access` is refused at start: every route says who may call it.
 * The token is verified before anything else (onRequest), and its claims are compared with what
 * the database holds for its user now (credentials.ts, cached per process, invalidated on every
 * instance through NOTIFY): a removed user, a lowered role or a changed password ends every token
 * issued before. The scope is resolved after the path parameters are validated (preHandler).
 * Outside the caller's subtree is 404, whether or not the tenant exists, so a caller cannot probe
 * for ids; inside it without the role is 403.
 */
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import { LRUCache } from 'lru-cache';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.ts';
import type { Actor, ScopedQueries, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import { Forbidden, NotFound, TenantSuspended, Unauthorized } from '../errors.ts';
import { hookList } from '../http/server-options.ts';
import { agencyScope, clientScope, hasRole } from './access.ts';
import { isUuid } from '../db/uuid.ts';
import { ACCESS_TOKEN_TTL_SECONDS, fromClaims, type TenantContext } from './tenant-context.ts';
import { admits, type CredentialCache } from './credentials.ts';

export type AccessRule = { public: true } | { on: 'platform' | 'any' | 'agency' | 'client'; role: Role };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    /** The verified caller; set on every non-public route. */
    tenant: TenantContext;
    /** The tenant the route acts on; set on agency and client routes. */
    scope: TenantScope;
    /** Who acts, for the audit log; set on every non-public route. */
    actor: Actor;
    /** One scoped transaction on request.scope as request.actor. */
    scoped<R>(fn: (q: ScopedQueries) => Promise<R>): Promise<R>;
  }
  interface FastifyInstance {
    data: TenantDatabase;
    /** Each user's current credentials, which every token is checked against. */
    credentials: CredentialCache;
    /** The agency a client belongs to, or null when there is no such client. */
    agencyOfClient(clientId: string): Promise<string | null>;
  }
}

export interface TenancyOptions {
  jwtSecret: string;
  data: TenantDatabase;
  credentials: CredentialCache;
  /** Told of a token whose signature holds but whose user no longer exists; default none. */
  onRemovedUserToken?: (context: TenantContext) => void;
  /** Told of each refusal of a caller outside its subtree (another agency or client, or the platform's routes); default none. */
  onCrossTenantDenial?: (context: TenantContext) => void;
}

async function tenancy(app: FastifyInstance, options: TenancyOptions): Promise<void> {
  await app.register(jwt, {
    secret: options.jwtSecret,
    sign: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
    // @fastify/jwt reads a numeric maxAge (like expiresIn) as seconds and converts it to milliseconds itself.
    verify: { algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'], maxAge: ACCESS_TOKEN_TTL_SECONDS },
  });
  app.decorate('data', options.data);
  app.decorate('credentials', options.credentials);

  // Which agency a client belongs to never changes, so it is cached; a miss asks the privileged path.
  const agencyByClient = new LRUCache<string, { agencyId: string }>({ max: 50_000, ttl: 60_000 });
  app.decorate('agencyOfClient', async (clientId: string) => {
    const cached = agencyByClient.get(clientId);
    if (cached) return cached.agencyId;
    const row = await options.data.privilegedFind('resolve the agency of a client', (db) =>
      db.selectFrom('clients').select('agency_id').where('client_id', '=', clientId).executeTakeFirst(),
    );
    // Only a found client is remembered: a client created a moment after a miss must not stay unknown.
    if (row) agencyByClient.set(clientId, { agencyId: row.agency_id });
    return row?.agency_id ?? null;
  });

  app.decorateRequest('tenant', null as unknown as TenantContext);
  app.decorateRequest('scope', null as unknown as TenantScope);
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('scoped', function scoped<R>(this: FastifyRequest, fn: (q: ScopedQueries) => Promise<R>) {
    return options.data.scoped(this.scope, this.actor, fn);
  });

  async function authenticate(request: FastifyRequest): Promise<void> {
    let claims: unknown;
    try {
      claims = await request.jwtVerify();
    } catch (error) {
      throw new Unauthorized(describeJwtError(error));
    }
    const context = fromClaims(claims);
    if (!context) throw new Unauthorized('the token does not carry a tenant context');
    // Also a client token whose pid is not its client's agency: the claims must be the user's now.
    const current = await options.credentials.current(context.userId);
    if (!admits(current, context)) {
      if (current === null) options.onRemovedUserToken?.(context);
      throw new Unauthorized('the token is no longer valid for its user');
    }
    if (current?.suspended) throw new TenantSuspended(current.suspended);
    request.tenant = context;
    request.actor = {
      type: 'user',
      id: context.userId,
      tenantType: context.tenantType,
      requestId: request.id,
      ip: request.ip,
    };
    request.log = request.log.child({ tenantId: context.tenantId, userId: context.userId });
  }

  async function resolveScope(request: FastifyRequest, access: Exclude<AccessRule, { public: true }>): Promise<void> {
    const context = request.tenant;
    const params = (request.params ?? {}) as Record<string, unknown>;
    if (access.on === 'platform' && context.tenantType !== 'platform') {
      options.onCrossTenantDenial?.(context);
      throw new Forbidden('only the platform admin may do this');
    }
    if (access.on === 'agency') {
      const agencyId = params.agencyId;
      const scope = isUuid(agencyId) ? agencyScope(context, agencyId) : null;
      if (!scope) {
        options.onCrossTenantDenial?.(context);
        throw new NotFound('Agency');
      }
      request.scope = scope;
    }
    if (access.on === 'client') {
      const clientId = params.clientId;
      // A client user's own client needs no look-up: its token names the agency.
      const agencyId = !isUuid(clientId)
        ? null
        : context.tenantType === 'client' && context.tenantId === clientId
          ? context.parentId
          : context.tenantType === 'client'
            ? null
            : await app.agencyOfClient(clientId);
      const scope = isUuid(clientId) ? clientScope(context, clientId, agencyId) : null;
      if (!scope) {
        options.onCrossTenantDenial?.(context);
        throw new NotFound('Client');
      }
      request.scope = scope;
    }
    if (!hasRole(context, access.role)) throw new Forbidden(`needs the ${access.role} role`);
  }

  // Decided once per route, at registration: public routes (the widget's hot path among them)
  // carry no tenancy hook at all; every other route gets authentication and its scope check.
  app.addHook('onRoute', (route) => {
    // @fastify/cors adds its own catch-all preflight route; it answers only preflights it approved.
    if (route.method === 'OPTIONS' && route.url.endsWith('*') && !route.config?.access) {
      route.config = { ...route.config, access: { public: true } };
    }
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} does not declare config.access`);
    if ('public' in access) return;
    route.onRequest = [...hookList(route.onRequest), authenticate];
    route.preHandler = [...hookList(route.preHandler), (request: FastifyRequest) => resolveScope(request, access)];
  });
}

function describeJwtError(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code.includes('NO_AUTHORIZATION')) return 'no Authorization header with a Bearer token';
  if (code.includes('EXPIRED')) return 'the token has expired';
  if (code.includes('MALFORMED')) return 'the token is malformed';
  return 'the token is not valid';
}

export const tenancyPlugin = fp(tenancy, { name: 'upzento-tenancy', fastify: '5.x' });
