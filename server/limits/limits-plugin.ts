/**
 * Every authenticated request takes a token of its caller's tenant's bucket (the caller's own
 * agency or client; the platform has the defaults), after the token is verified and before
 * anything else. Each such response says the tenant's policy and what is left, in the IETF
 * RateLimit headers (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "api";q=<burst>;w=<s>`
 * and `RateLimit: "api";r=<remaining>;t=<s until full>`; over it, 429 UPZ_RATE_LIMITED with Retry-After.
 * Public routes, the widget's among them, carry no such hook.
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimited } from '../errors.ts';
import { hookList } from '../http/server-options.ts';
import type { InstanceCount } from './instances.ts';
import type { LimitCache, Limits } from './limits.ts';
import { TokenBuckets } from './token-buckets.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Each tenant's effective limits. */
    limits: LimitCache;
    /** The server instances alive, which share each tenant's rate. */
    instanceCount: InstanceCount;
  }
}

export interface LimitsPluginOptions {
  limits: LimitCache;
  instances: InstanceCount;
}

async function limitsPlugin(app: FastifyInstance, options: LimitsPluginOptions): Promise<void> {
  const buckets = new TokenBuckets();
  app.decorate('limits', options.limits);
  app.decorate('instanceCount', options.instances);

  function charge(request: FastifyRequest, reply: FastifyReply, limits: Readonly<Limits>): void {
    const taken = buckets.take(
      request.tenant.tenantId,
      limits.apiRequestsPerSecond,
      limits.apiBurst,
      options.instances.count,
    );
    const window = Math.max(1, Math.ceil(limits.apiBurst / limits.apiRequestsPerSecond));
    reply
      .header('ratelimit-policy', `"api";q=${limits.apiBurst};w=${window}`)
      .header('ratelimit', `"api";r=${taken.remaining};t=${taken.fullInSeconds}`);
    if (!taken.allowed) {
      reply.header('retry-after', String(taken.retryAfterSeconds));
      throw new RateLimited(String(taken.retryAfterSeconds));
    }
  }

  async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { tenant } = request;
    const agencyId =
      tenant.tenantType === 'platform' ? null : tenant.tenantType === 'agency' ? tenant.tenantId : tenant.parentId;
    const limits = options.limits.get(tenant.tenantId, agencyId);
    charge(request, reply, limits instanceof Promise ? await limits : limits);
  }

  // After the tenancy plugin's own onRoute hook, so the token is verified first.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || 'public' in access) return;
    route.onRequest = [...hookList(route.onRequest), rateLimit];
  });
}

export const rateLimitPlugin = fp(limitsPlugin, {
  name: 'upzento-limits',
  fastify: '5.x',
  dependencies: ['upzento-tenancy'],
});
