/**
 * Per-tenant limits: every authenticated response says its tenant's rate policy and what is left
 * (IETF RateLimit headers), a tenant over its rate gets 429 with Retry-After, the rate is shared by
 * the instances alive, overrides set by the level above take effect at once on every instance, and
 * users, contacts and domains stop at their limits with 409.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createAgency,
  createAgencyWithClient,
  createContact,
  createUser,
  expectStatus,
  type CreatedUser,
} from './provision.ts';

let t: TestApp;
/** A second instance on the same database. */
let b: TestApp;
let clientId: string;
let agencyAdmin: CreatedUser;
let clientAdmin: CreatedUser;
/** An instance with the test suites' generous rate, for what is not about the rate. */
let g: TestApp;

const DEFAULTS = { apiRequestsPerSecond: 1, apiBurst: 10 };

beforeAll(async () => {
  t = await createTestApp({ limits: DEFAULTS });
  b = await createTestApp(
    { jwtSecret: t.jwtSecret, limits: DEFAULTS },
    { ...t.db, handle: await t.db.reopen(), close: async () => {} },
  );
  // Provisioning runs as the platform admin, whose own bucket these tests leave alone.
  const tree = await createAgencyWithClient(t);
  ({ agencyAdmin } = tree);
  clientId = tree.client.id;
  clientAdmin = await createUser(t, t.adminToken, 'clients', clientId, 'admin');
  g = await createTestApp();
});
afterAll(async () => {
  await g?.close();
  await b?.close();
  await t?.close();
});

/** Requests of one user as fast as they come, on `app`; the statuses. */
async function burst(app: TestApp, token: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1)
    statuses.push((await app.call('GET', `/v1/clients/${clientId}`, token)).statusCode);
  return statuses;
}

describe('the API rate of a tenant', () => {
  test('every authenticated answer carries the policy and what is left; over it, 429 with Retry-After in the error shape', async () => {
    const user = await createUser(t, t.adminToken, 'clients', (await createAgencyWithClient(t)).client.id, 'viewer');
    // Both instances are alive (b beat when it started), so this one allows half the burst: counted now,
    // not whenever the next heartbeat happens to fall.
    expect(await t.app.instanceCount.beat()).toBe(2);
    const first = await t.call('GET', '/v1/agencies', user.token);
    expect(first.headers['ratelimit-policy']).toBe('"api";q=10;w=10');
    expect(first.headers.ratelimit).toMatch(/^"api";r=\d+;t=\d+$/);
    const statuses: number[] = [first.statusCode];
    let refused: Awaited<ReturnType<TestApp['call']>> | null = null;
    for (let i = 0; i < 20 && !refused; i += 1) {
      const response = await t.call('GET', '/v1/agencies', user.token);
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refused = response;
    }
    expect(refused, statuses.join(' ')).not.toBeNull();
    // This instance's half of the burst, and not much more (the bucket refills at 1 a second).
    expect(statuses.filter((s) => s !== 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(7);
    expect(refused?.json()).toMatchObject({ statusCode: 429, code: 'UPZ_RATE_LIMITED', error: 'Too Many Requests' });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused?.headers.ratelimit).toMatch(/^"api";r=0;t=\d+$/);
    // Another tenant is not held back by it (the agency above the client the later tests use).
    expectStatus(await t.call('GET', '/v1/agencies', agencyAdmin.token), 200);
  });

  test('the public widget routes carry no rate-limit headers (their hot path has no such hook)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/widget.js' });
    expect(response.headers['ratelimit-policy']).toBeUndefined();
  });

  test('two instances alive share the rate: each allows half the burst', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    // Each instance says it is alive, then counts both.
    const beats = await Promise.all([t.app.instanceCount.beat(), b.app.instanceCount.beat()]);
    expect(beats.every((n) => n >= 2)).toBe(true);
    const onA = (await burst(t, user.token, 8)).filter((s) => s === 200).length;
    const onB = (await burst(b, user.token, 8)).filter((s) => s === 200).length;
    expect(onA).toBeGreaterThanOrEqual(5);
    expect(onA).toBeLessThanOrEqual(6);
    expect(onA + onB).toBeGreaterThanOrEqual(10);
    expect(onA + onB).toBeLessThanOrEqual(12);
  });
});

describe('overrides', () => {
  test('the agency raises its client’s rate: the client’s answers say so at once, on both instances; null goes back', async () => {
    const patched = await t.call('PATCH', `/v1/clients/${clientId}/limits`, agencyAdmin.token, {
      apiRequestsPerSecond: 50,
      apiBurst: 500,
    });
    expectStatus(patched, 200);
    expect(patched.json()).toMatchObject({
      limits: { apiRequestsPerSecond: 50, apiBurst: 500, users: 1000, domains: 100 },
      overrides: { apiRequestsPerSecond: 50, apiBurst: 500 },
      usage: { users: expect.any(Number), contacts: expect.any(Number), domains: 0 },
    });
    for (const app of [t, b]) {
      const until = performance.now() + 1000;
      for (;;) {
        const response = await app.call('GET', `/v1/clients/${clientId}/limits`, clientAdmin.token);
        if (response.headers['ratelimit-policy'] === '"api";q=500;w=10') break;
        expect(performance.now(), String(response.headers['ratelimit-policy'])).toBeLessThan(until);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    const reset = await t.call('PATCH', `/v1/clients/${clientId}/limits`, agencyAdmin.token, {
      apiRequestsPerSecond: null,
      apiBurst: null,
    });
    expect(reset.json()).toMatchObject({ limits: { apiRequestsPerSecond: 1, apiBurst: 10 }, overrides: {} });
    const audit = await t.call('GET', `/v1/clients/${clientId}/audit-log?limit=100`, agencyAdmin.token);
    expect(audit.json().items.filter((item: { action: string }) => item.action === 'limits.changed')).toHaveLength(2);
  });

  test('who may change them follows the tree; bad values are 400', async () => {
    const { agencyId, agencyAdmin, client } = await createAgencyWithClient(g);
    const clientId = client.id;
    const clientAdmin = await createUser(g, g.adminToken, 'clients', clientId, 'admin');
    expectStatus(await g.call('PATCH', `/v1/clients/${clientId}/limits`, clientAdmin.token, { users: 5 }), 403);
    expectStatus(await g.call('PATCH', `/v1/agencies/${agencyId}/limits`, agencyAdmin.token, { users: 5 }), 403);
    expectStatus(await g.call('PATCH', `/v1/agencies/${agencyId}/limits`, g.adminToken, { users: 5 }), 200);
    const stranger = await createUser(g, g.adminToken, 'agencies', (await createAgency(g)).id, 'admin');
    expectStatus(await g.call('PATCH', `/v1/clients/${clientId}/limits`, stranger.token, { users: 5 }), 404);
    expectStatus(await g.call('GET', `/v1/clients/${clientId}/limits`, stranger.token), 404);
    for (const body of [{}, { users: 0 }, { apiBurst: -1 }, { domains: 'many' }, { contacts: 1.5 }, { seats: 3 }])
      expect(
        (await g.call('PATCH', `/v1/clients/${clientId}/limits`, agencyAdmin.token, body)).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    expectStatus(await g.call('PATCH', `/v1/agencies/${agencyId}/limits`, g.adminToken, { users: null }), 200);
  });
});

describe('counted limits', () => {
  test('users, contacts and domains stop at their limit with 409 UPZ_LIMIT_REACHED, and say so', async () => {
    const { client } = await createAgencyWithClient(g);
    expectStatus(
      await g.call('PATCH', `/v1/clients/${client.id}/limits`, g.adminToken, { users: 1, contacts: 1, domains: 1 }),
      200,
    );
    await createUser(g, g.adminToken, 'clients', client.id, 'admin');
    const user = await g.call('POST', `/v1/clients/${client.id}/users`, g.adminToken, {
      email: 'one-too-many@example.test',
      password: 'a long enough password',
      role: 'viewer',
    });
    expectStatus(user, 409);
    expect(user.json()).toMatchObject({ code: 'UPZ_LIMIT_REACHED' });
    expect(user.json().message).toMatch(/has 1 users, the most its limit allows/);
    await createContact(g, g.adminToken, client.id);
    const contact = await g.call('POST', `/v1/clients/${client.id}/contacts`, g.adminToken, {
      email: 'x@example.test',
    });
    expectStatus(contact, 409);
    expectStatus(await g.call('POST', `/v1/clients/${client.id}/domains`, g.adminToken, { hostname: 'one.test' }), 201);
    expectStatus(await g.call('POST', `/v1/clients/${client.id}/domains`, g.adminToken, { hostname: 'two.test' }), 409);
    const read = await g.call('GET', `/v1/clients/${client.id}/limits`, g.adminToken);
    expect(read.json()).toMatchObject({
      limits: { users: 1, contacts: 1, domains: 1 },
      usage: { users: 1, contacts: 1, domains: 1 },
    });
  });
});
