/**
 * Small provisioning steps through the API, shared by the platform tests. Each one fails the test
 * with the response body when the API does not answer as expected.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createResolver } from '../../server/domains/dns/resolver.ts';
import { startTestDnsServer } from '../support/dns-server.ts';
import type { AppOptions } from '../../server/app.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

export const USER_PASSWORD = 'a long enough test password';

/** A JWT's header and claims, read without checking its signature. */
export function decodeToken(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.') as [string, string];
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()),
  };
}

export type Role = 'admin' | 'member' | 'viewer';

/** A word that cannot occur in a response by chance, so finding it there means it was sent. */
export function marker(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export function expectStatus(response: LightMyRequestResponse, status: number): void {
  expect(response.statusCode, `${response.statusCode} ${response.body}`).toBe(status);
}

export interface CreatedUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export async function createAgency(t: TestApp, name = marker('agency')): Promise<{ id: string; name: string }> {
  const response = await t.call('POST', '/v1/agencies', t.adminToken, { name });
  expectStatus(response, 201);
  return { id: response.json().id, name };
}

export async function createClient(t: TestApp, token: string, agencyId: string, name = marker('client')) {
  const response = await t.call('POST', `/v1/agencies/${agencyId}/clients`, token, { name });
  expectStatus(response, 201);
  const body = response.json();
  return { id: body.id as string, name, publicKey: body.publicKey as string };
}

/** An agency, its admin, and one client that admin made: the tree most platform tests start from. */
export async function createAgencyWithClient(t: TestApp) {
  const agencyId = (await createAgency(t)).id;
  const agencyAdmin = await createUser(t, t.adminToken, 'agencies', agencyId, 'admin');
  const client = await createClient(t, agencyAdmin.token, agencyId);
  return { agencyId, agencyAdmin, client };
}

/** Creates a user in an agency (`/v1/agencies/:id/users`) or a client, then signs it in. */
export async function createUser(
  t: TestApp,
  token: string,
  level: 'agencies' | 'clients',
  tenantId: string,
  role: Role,
  email = `${marker(role)}@example.test`,
): Promise<CreatedUser> {
  const response = await t.call('POST', `/v1/${level}/${tenantId}/users`, token, {
    email,
    password: USER_PASSWORD,
    role,
  });
  expectStatus(response, 201);
  return { id: response.json().id, email, role, token: await t.signIn(email, USER_PASSWORD) };
}

export async function createContact(
  t: TestApp,
  token: string,
  clientId: string,
  fields: { email?: string; name?: string } = {},
) {
  const email = fields.email ?? `${marker('contact')}@example.test`;
  const name = fields.name ?? marker('contact-name');
  const response = await t.call('POST', `/v1/clients/${clientId}/contacts`, token, { email, name });
  expectStatus(response, 201);
  return { id: response.json().id as string, email, name };
}

/** Rows of audit_log in the whole database, through the privileged path. */
export async function auditRowCount(t: TestApp): Promise<number> {
  const row = await t.data.privileged('test: count audit rows', (db) =>
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}

/**
 * A test app whose resolver asks the suite's own DNS server, which knows no names: a domain check
 * gets NXDOMAIN at once, ends in `not_found`, and the domain stays pending.
 *
 * Not createTestApp's default resolver, which asks a port where nothing answers and so depends on
 * the per-try timeout: on Node 20 that timeout (AbortSignal.any over AbortSignal.timeout, in
 * server/domains/dns/resolver.ts) never fires once a garbage collection has run during the try
 * (nodejs/node#57736), and the verify request then hangs.
 */
export async function createTestAppWithDns(options: Omit<Partial<AppOptions>, 'resolver'> = {}): Promise<TestApp> {
  const dns = await startTestDnsServer();
  const resolver = createResolver({ servers: [{ host: dns.address, port: dns.port }], timeoutMs: 2000, attempts: 1 });
  try {
    const t = await createTestApp({ ...options, resolver });
    return {
      ...t,
      async close() {
        await t.close();
        await resolver.close();
        await dns.close();
      },
    };
  } catch (error) {
    await resolver.close();
    await dns.close();
    throw error;
  }
}
