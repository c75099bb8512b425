/**
 * Suspending an agency or a client: its users are refused at sign-in and with every token (403
 * UPZ_TENANT_SUSPENDED), on this instance and on another within a second; its widget is refused
 * with a reason the widget can read; its data stays, the level above can still act on it, and
 * lifting the suspension brings everything back. Who may suspend or lift what follows the tree.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import type { TestApp } from '../support/test-app.ts';
import { createAgency, createClient, createContact, createUser, expectStatus, USER_PASSWORD } from './provision.ts';

let f: DomainFixture;
let t: TestApp;
/** A second server instance on the same database. */
let b: TestApp;
let clientToken: string;
let clientUserEmail: string;
let agencyToken: string;
let agencyUserEmail: string;
const ORIGIN = 'https://shop.example';

beforeAll(async () => {
  f = await createDomainFixture();
  t = f.t;
  const { createTestApp } = await import('../support/test-app.ts');
  b = await createTestApp({ jwtSecret: t.jwtSecret }, { ...t.db, handle: await t.db.reopen(), close: async () => {} });
  await f.verifiedDomain('shop.example');
  const agencyUser = await createUser(t, t.adminToken, 'agencies', f.agencyId, 'admin');
  agencyToken = agencyUser.token;
  agencyUserEmail = agencyUser.email;
  const clientUser = await createUser(t, t.adminToken, 'clients', f.clientId, 'admin');
  clientToken = clientUser.token;
  clientUserEmail = clientUser.email;
});
afterAll(async () => {
  await b?.close();
  await f?.close();
});

const widgetConfig = (app: TestApp = t) =>
  app.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin: ORIGIN } });

function expectSuspended(response: { statusCode: number; body: string; json(): any }, says: RegExp): void {
  expect(response.statusCode, response.body).toBe(403);
  expect(response.json()).toMatchObject({ statusCode: 403, code: 'UPZ_TENANT_SUSPENDED', error: 'Forbidden' });
  expect(response.json().message).toMatch(says);
}

describe('an agency suspended by the platform', () => {
  test('refuses its users and its clients’ users at once on both instances, and its widgets; the platform still reads its data', async () => {
    // Both instances have the users' credentials and the widget's verdict cached.
    for (const app of [t, b]) {
      expectStatus(await app.call('GET', `/v1/agencies/${f.agencyId}/clients`, agencyToken), 200);
      expectStatus(await app.call('GET', `/v1/clients/${f.clientId}`, clientToken), 200);
      expectStatus(await widgetConfig(app), 200);
    }
    const contact = await createContact(t, clientToken, f.clientId);

    const suspended = await t.call('PUT', `/v1/agencies/${f.agencyId}/suspension`, t.adminToken, {
      reason: 'Terms of service review',
    });
    expectStatus(suspended, 200);
    expect(suspended.json()).toMatchObject({
      id: f.agencyId,
      status: 'suspended',
      suspension: { by: 'platform', reason: 'Terms of service review' },
    });

    const started = performance.now();
    for (const app of [t, b]) {
      for (;;) {
        const response = await app.call('GET', `/v1/agencies/${f.agencyId}/clients`, agencyToken);
        if (response.statusCode === 403) break;
        expect(response.statusCode).toBe(200);
        expect(performance.now() - started, 'still served after 1 s').toBeLessThan(1000);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expectSuspended(
        await app.call('GET', `/v1/agencies/${f.agencyId}/clients`, agencyToken),
        /your agency is suspended/,
      );
      expectSuspended(
        await app.call('GET', `/v1/clients/${f.clientId}`, clientToken),
        /agency your client account belongs to/,
      );
      const widget = await widgetConfig(app);
      expectSuspended(widget, /its widget is not shown/);
      expect(widget.headers['access-control-allow-origin']).toBe('*');
    }
    // Sign-in says so only to the right password.
    expectSuspended(
      await t.call('POST', '/v1/auth/token', null, { email: agencyUserEmail, password: USER_PASSWORD }),
      /suspended/,
    );
    const guess = await t.call('POST', '/v1/auth/token', null, { email: agencyUserEmail, password: 'a wrong guess' });
    expect(guess.statusCode).toBe(401);
    // The data is kept, and the platform still acts on it.
    const read = await t.call('GET', `/v1/clients/${f.clientId}/contacts/${contact.id}`, t.adminToken);
    expectStatus(read, 200);
    expect(read.json().email).toBe(contact.email);
    const listed = await t.call('GET', '/v1/agencies', t.adminToken);
    expect(listed.json().items.find((a: { id: string }) => a.id === f.agencyId)).toMatchObject({ status: 'suspended' });

    const lifted = await t.call('DELETE', `/v1/agencies/${f.agencyId}/suspension`, t.adminToken);
    expectStatus(lifted, 200);
    expect(lifted.json()).toMatchObject({ status: 'active', suspension: null });
    for (const app of [t, b]) {
      const until = performance.now() + 1000;
      while ((await app.call('GET', `/v1/clients/${f.clientId}`, clientToken)).statusCode !== 200)
        expect(performance.now()).toBeLessThan(until);
      expectStatus(await app.call('GET', `/v1/agencies/${f.agencyId}/clients`, agencyToken), 200);
      expectStatus(await widgetConfig(app), 200);
    }
    expectStatus(
      await t.call('POST', '/v1/auth/token', null, { email: clientUserEmail, password: USER_PASSWORD }),
      200,
    );
  });

  test('only the platform admin suspends or lifts an agency; an agency cannot lift its own', async () => {
    expectStatus(await t.call('PUT', `/v1/agencies/${f.agencyId}/suspension`, agencyToken, {}), 403);
    expectStatus(await t.call('PUT', `/v1/agencies/${f.agencyId}/suspension`, clientToken, {}), 404);
    expectStatus(await t.call('DELETE', `/v1/agencies/${f.agencyId}/suspension`, agencyToken), 403);
  });
});

describe('a client', () => {
  test('suspended by its agency: its users and widget are refused, the agency’s are not; the agency lifts it', async () => {
    const suspended = await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, agencyToken, {
      reason: 'Invoice unpaid',
    });
    expectStatus(suspended, 200);
    expect(suspended.json()).toMatchObject({
      status: 'suspended',
      suspension: { by: 'agency', reason: 'Invoice unpaid' },
    });
    expectSuspended(await t.call('GET', `/v1/clients/${f.clientId}`, clientToken), /your client account is suspended/);
    expectSuspended(await widgetConfig(), /its widget is not shown/);
    const submission = await t.app.inject({
      method: 'POST',
      url: `/v1/widget/${f.publicKey}/submissions`,
      headers: { origin: ORIGIN, 'idempotency-key': 'suspended-client-1' },
      payload: { email: 'visitor@example.test' },
    });
    expectSuspended(submission, /takes no submissions/);
    // The agency still works, on the client too.
    expectStatus(await t.call('GET', `/v1/agencies/${f.agencyId}/clients`, agencyToken), 200);
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/contacts`, agencyToken), 200);
    // A client cannot lift its own suspension (its token is refused anyway), nor suspend itself.
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/suspension`, clientToken), 403);
    // Asking again changes nothing and is not audited twice.
    expectStatus(
      await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, agencyToken, { reason: 'Invoice unpaid' }),
      200,
    );
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/suspension`, agencyToken), 200);
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}`, clientToken), 200);
    expectStatus(await widgetConfig(), 200);
    const audit = await t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=100`, agencyToken);
    const actions = audit.json().items.map((item: { action: string }) => item.action);
    expect(actions.filter((a: string) => a === 'client.suspended')).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'client.reactivated')).toHaveLength(1);
  });

  test('a client admin cannot suspend its own client', async () => {
    const response = await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, clientToken, {});
    expectStatus(response, 403);
    expect(response.json().message).toMatch(/cannot suspend or reactivate itself/);
  });

  test('suspended by the platform: only the platform lifts it', async () => {
    const client = await createClient(t, agencyToken, f.agencyId);
    expectStatus(
      await t.call('PUT', `/v1/clients/${client.id}/suspension`, t.adminToken, { reason: 'Abuse report' }),
      200,
    );
    const refused = await t.call('DELETE', `/v1/clients/${client.id}/suspension`, agencyToken);
    expectStatus(refused, 403);
    expect(refused.json().message).toMatch(/only the platform admin/);
    expectStatus(await t.call('PUT', `/v1/clients/${client.id}/suspension`, agencyToken, { reason: 'mine now' }), 403);
    const lifted = await t.call('DELETE', `/v1/clients/${client.id}/suspension`, t.adminToken);
    expect(lifted.json()).toMatchObject({ status: 'active', suspension: null });
  });

  test('another agency’s admin cannot see or suspend it; bad input is a 400', async () => {
    const other = (await createAgency(t)).id;
    const stranger = await createUser(t, t.adminToken, 'agencies', other, 'admin');
    expectStatus(await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, stranger.token, {}), 404);
    expectStatus(await t.call('PUT', `/v1/agencies/${f.agencyId}/suspension`, stranger.token, {}), 404);
    expectStatus(await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, agencyToken, { reason: '' }), 400);
    expectStatus(
      await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, agencyToken, { reason: 'x'.repeat(501) }),
      400,
    );
    expectStatus(await t.call('PUT', `/v1/clients/${f.clientId}/suspension`, agencyToken, { until: 'never' }), 400);
    const client = await t.call('GET', `/v1/clients/${f.clientId}`, agencyToken);
    expect(client.json()).toMatchObject({ status: 'active', suspension: null });
  });
});
