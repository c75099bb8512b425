/**
 * Counts every answered API request for the tenant of its caller's token (an agency's users for the
 * agency, a client's for the client), with its status class and duration: one onResponse hook per
 * authenticated route, decided when the route is registered. Requests without a verified caller
 * (a bad token) name no tenant, and the platform admin's are no tenant's: both are counted in the
 * Prometheus metrics only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hookList } from '../http/server-options.ts';
import type { TenantCounters } from './tenant-counters.ts';

export function recordTenantRequests(app: FastifyInstance, counters: TenantCounters): void {
  const record = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const tenant = request.tenant;
    if (tenant?.tenantType === 'agency')
      counters.apiAnswered(tenant.tenantId, null, reply.statusCode, reply.elapsedTime);
    else if (tenant?.tenantType === 'client' && tenant.parentId !== null)
      counters.apiAnswered(tenant.parentId, tenant.tenantId, reply.statusCode, reply.elapsedTime);
    done();
  };
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || 'public' in access) return;
    route.onResponse = [...hookList(route.onResponse), record];
  });
}
