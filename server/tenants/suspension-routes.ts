/**
 * Suspension of agencies (by the platform admin) and of clients (by their agency's admins or the
 * platform admin): `PUT …/suspension` suspends, `DELETE …/suspension` lifts it; both answer the
 * tenant as it is now, and both may be repeated. suspension.ts does the work.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyParams, AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { Agency, agencyView, Client, clientView } from './routes.ts';
import { setAgencySuspension, setClientSuspension, SuspensionRequest } from './suspension.ts';

export const suspensionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const caches = { credentials: app.credentials, verdicts: app.verdicts };

  app.put(
    '/v1/agencies/:agencyId/suspension',
    {
      config: { access: { on: 'agency', role: 'admin' } },
      schema: { params: AgencyParams, body: SuspensionRequest, response: { 200: Agency, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const change = { suspend: true as const, reason: request.body.reason?.trim() ?? null };
      return agencyView(await request.scoped((q) => setAgencySuspension(q, request.tenant.tenantType, change, caches)));
    },
  );

  app.delete(
    '/v1/agencies/:agencyId/suspension',
    {
      config: { access: { on: 'agency', role: 'admin' } },
      schema: { params: AgencyParams, response: { 200: Agency, ...AUTHED_ERRORS } },
    },
    async (request) =>
      agencyView(
        await request.scoped((q) => setAgencySuspension(q, request.tenant.tenantType, { suspend: false }, caches)),
      ),
  );

  app.put(
    '/v1/clients/:clientId/suspension',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, body: SuspensionRequest, response: { 200: Client, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const change = { suspend: true as const, reason: request.body.reason?.trim() ?? null };
      return clientView(await request.scoped((q) => setClientSuspension(q, request.tenant.tenantType, change, caches)));
    },
  );

  app.delete(
    '/v1/clients/:clientId/suspension',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, response: { 200: Client, ...AUTHED_ERRORS } },
    },
    async (request) =>
      clientView(
        await request.scoped((q) => setClientSuspension(q, request.tenant.tenantType, { suspend: false }, caches)),
      ),
  );
};
