/**
 * A fresh application on a fresh database, with the platform admin signed in, for tests that
 * call app.inject(). Password hashing is made cheap here; production cost is the default.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { TenantDatabase } from '../../server/db/tenant-db.ts';
import { createResolver } from '../../server/domains/dns/resolver.ts';
import { ensureFirstAdmin, ensurePlatform } from '../../server/tenants/bootstrap.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const TEST_PASSWORD_COST = { log2N: 10 };
export const ADMIN_EMAIL = 'admin@platform.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  data: TenantDatabase;
  platformId: string;
  jwtSecret: string;
  adminToken: string;
  signIn(email: string, password: string): Promise<string>;
  /** app.inject with a bearer token and a JSON body. */
  call(
    method: string,
    url: string,
    token: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<AppOptions> = {}, db?: TestDatabase): Promise<TestApp> {
  const database = db ?? (await createTestDatabase());
  const data = new TenantDatabase(database.handle.db);
  const platformId = await ensurePlatform(data);
  await ensureFirstAdmin(data, platformId, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, TEST_PASSWORD_COST);
  const jwtSecret = overrides.jwtSecret ?? randomBytes(32).toString('hex');
  // Tests that need DNS pass a resolver aimed at their own test server; this one answers nothing.
  const resolver =
    overrides.resolver ?? createResolver({ servers: [{ host: '127.0.0.1', port: 9 }], timeoutMs: 200, attempts: 1 });
  const app = await buildApp({
    database: database.handle,
    jwtSecret,
    platformId,
    passwordCost: TEST_PASSWORD_COST,
    // Suites walk every route as fast as they can as one tenant: a rate limit would answer them 429.
    // test/platform/limits.test.ts runs with the deployment's defaults and overrides.
    limits: { apiRequestsPerSecond: 100_000, apiBurst: 100_000, widgetSubmissionsPerMinute: 1_000_000 },
    resolver,
    ...overrides,
  });
  await app.ready();

  const call: TestApp['call'] = (method, url, token, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...headers },
      ...(body !== undefined && { payload: body as object }),
    });
  const signIn = async (email: string, password: string) => {
    const response = await call('POST', '/v1/auth/token', null, { email, password });
    if (response.statusCode !== 200)
      throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
    return response.json().accessToken as string;
  };
  const adminToken = await signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  return {
    app,
    db: database,
    data,
    platformId,
    jwtSecret,
    adminToken,
    signIn,
    call,
    async close() {
      await app.close();
      if (!overrides.resolver) await resolver.close();
      if (!db) await database.close();
    },
  };
}

/** Listens on an ephemeral port of 127.0.0.1; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
