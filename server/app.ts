/**
 * Builds the Fastify application from already-opened parts (database, signing key, resolver), so
 * tests can build a fresh app on their own database and call app.inject().
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DatabaseHandle } from './db/connect.ts';
import { TenantDatabase } from './db/tenant-db.ts';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './auth/password.ts';
import type { SignInBrake } from './auth/sign-in-brake.ts';
import { authRoutes } from './auth/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { contactRoutes } from './crm/contacts-routes.ts';
import { submissionRoutes } from './crm/submissions-routes.ts';
import { healthRoutes } from './health/routes.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { tenancyPlugin } from './tenancy/tenancy-plugin.ts';
import { tenantRoutes } from './tenants/routes.ts';

export interface AppOptions {
  database: DatabaseHandle;
  jwtSecret: string;
  platformId: string;
  /** scrypt cost for new password hashes; default log2N 15. Tests lower it. */
  passwordCost?: PasswordCost;
  /** Fastify's logger option; default off (the server entry turns it on). */
  logger?: FastifyServerOptions['logger'];
  brake?: SignInBrake;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    // A caller's own request id is kept (so its logs and ours line up) when it looks like one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
  installErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await app.register(tenancyPlugin, { jwtSecret: options.jwtSecret, data: new TenantDatabase(options.database.db, app.log) });
  await app.register(healthRoutes, { db: options.database.db });
  await app.register(authRoutes, { platformId: options.platformId, passwordCost, ...(options.brake && { brake: options.brake }) });
  await app.register(tenantRoutes, { passwordCost });
  await app.register(contactRoutes);
  await app.register(submissionRoutes);
  await app.register(auditRoutes);
  return app;
}
