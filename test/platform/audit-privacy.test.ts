/**
 * A client admin reads every event of its client, but the IP address and request id of an actor
 * from above (the agency's staff, the platform admin) stay out of its view; its own are there.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, createUser } from './provision.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('ancestors keep their IP addresses; the reader sees its own', async () => {
  const clientId = (await createClient(t, t.adminToken, (await createAgency(t)).id)).id;
  const clientToken = (await createUser(t, t.adminToken, 'clients', clientId, 'admin')).token;
  const own = await t.call(
    'POST',
    `/v1/clients/${clientId}/contacts`,
    clientToken,
    { email: 'mine@lead.test' },
    { 'x-request-id': 'client-own-request' },
  );
  expect(own.statusCode).toBe(201);

  const asClient = (await t.call('GET', `/v1/clients/${clientId}/audit-log`, clientToken)).json().items;
  const byPlatform = asClient.find((item: { action: string }) => item.action === 'client.created');
  const byClient = asClient.find((item: { action: string }) => item.action === 'contact.created');
  expect(byPlatform).toMatchObject({ ip: null, requestId: null });
  // The request id is the server's own (the one its response named), never the caller's X-Request-Id.
  expect(byClient).toMatchObject({ ip: '127.0.0.1', requestId: own.headers['x-request-id'] });

  const asPlatform = (await t.call('GET', `/v1/clients/${clientId}/audit-log`, t.adminToken)).json().items;
  expect(asPlatform.find((item: { action: string }) => item.action === 'client.created').ip).toBe('127.0.0.1');
});
