import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('provisioning down the tree and CRM data', async () => {
  const agency = await t.call('POST', '/v1/agencies', t.adminToken, { name: 'Acme Agency' });
  expect(agency.statusCode, agency.body).toBe(201);
  const agencyId = agency.json().id;
  const user = await t.call('POST', `/v1/agencies/${agencyId}/users`, t.adminToken, { email: 'a@acme.test', password: 'long enough password', role: 'admin' });
  expect(user.statusCode, user.body).toBe(201);
  const token = await t.signIn('a@acme.test', 'long enough password');
  const client = await t.call('POST', `/v1/agencies/${agencyId}/clients`, token, { name: 'Bakery' });
  expect(client.statusCode, client.body).toBe(201);
  const clientId = client.json().id;
  const contact = await t.call('POST', `/v1/clients/${clientId}/contacts`, token, { email: 'x@y.test', name: 'X' });
  expect(contact.statusCode, contact.body).toBe(201);
  const list = await t.call('GET', `/v1/clients/${clientId}/contacts`, token);
  expect(list.json().items).toHaveLength(1);
  const log = await t.call('GET', `/v1/clients/${clientId}/audit-log`, token);
  expect(log.statusCode, log.body).toBe(200);
  console.log(JSON.stringify(log.json(), null, 1).slice(0, 1500));
  const verify = await t.call('GET', `/v1/clients/${clientId}/audit-log/verify`, token);
  expect(verify.json()).toMatchObject({ valid: true });
});
