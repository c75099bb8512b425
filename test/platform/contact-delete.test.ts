/**
 * Deleting a contact keeps the leads it sent: their submissions stay, no longer pointing at it, and
 * the audit log says the contact was deleted.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';

let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture();
  await f.verifiedDomain('shop.test');
});
afterAll(() => f.close());

test('a deleted contact’s submissions stay, with no contact', async () => {
  const sent = await f.t.app.inject({
    method: 'POST',
    url: `/v1/widget/${f.publicKey}/submissions`,
    headers: { origin: 'https://shop.test', 'idempotency-key': 'delete-contact-1' },
    payload: { email: 'lead@visitor.test', name: 'Lead' },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const before = (await f.t.call('GET', `/v1/clients/${f.clientId}/submissions`, f.t.adminToken)).json().items;
  expect(before).toHaveLength(1);
  const contactId = before[0].contactId as string;
  expect(contactId).toMatch(/^[0-9a-f-]{36}$/);

  expect((await f.t.call('DELETE', `/v1/clients/${f.clientId}/contacts/${contactId}`, f.t.adminToken)).statusCode).toBe(
    204,
  );
  expect((await f.t.call('GET', `/v1/clients/${f.clientId}/contacts/${contactId}`, f.t.adminToken)).statusCode).toBe(
    404,
  );
  const after = (await f.t.call('GET', `/v1/clients/${f.clientId}/submissions`, f.t.adminToken)).json().items;
  expect(after).toEqual([{ ...before[0], contactId: null }]);
  const audit = (await f.t.call('GET', `/v1/clients/${f.clientId}/audit-log`, f.t.adminToken)).json().items;
  expect(audit.find((item: { action: string }) => item.action === 'contact.deleted')).toMatchObject({
    target: { type: 'contact', id: contactId },
  });
  expect((await f.t.call('DELETE', `/v1/clients/${f.clientId}/contacts/${contactId}`, f.t.adminToken)).statusCode).toBe(
    404,
  );
});
