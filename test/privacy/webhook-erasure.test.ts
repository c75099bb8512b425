/**
 * An erased contact's leads are no longer sent anywhere: the webhook deliveries of its submissions
 * go with them, the export listed them before, and the endpoint's delivery log shows nothing of the
 * person afterwards.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { expectStatus, marker } from '../platform/provision.ts';

let f: DomainFixture;
beforeAll(async () => {
  // Nothing listens on the endpoint: deliveries stay rows of the outbox, which is what is checked.
  f = await createDomainFixture({ webhooks: { allowPrivate: true, timeoutMs: 500 } });
  await f.verifiedDomain('shop.test');
}, 180_000);
afterAll(() => f?.close());

test('the deliveries of an erased contact’s submissions are exported, then gone with them', async () => {
  const { t, clientId, publicKey } = f;
  const hook = await t.call('POST', `/v1/clients/${clientId}/webhooks`, t.adminToken, {
    url: 'http://127.0.0.1:9/hook',
    events: ['submission.created'],
  });
  expectStatus(hook, 201);
  const webhookId = hook.json().id as string;
  const email = `${marker('hooked')}@example.test`;
  const name = marker('hooked-name');
  for (const key of [marker('idem'), marker('idem')]) {
    const sent = await t.app.inject({
      method: 'POST',
      url: `/v1/widget/${publicKey}/submissions`,
      headers: { origin: 'https://shop.test', 'idempotency-key': key },
      payload: { email, name },
    });
    expectStatus(sent, 201);
  }
  const contactId = (await t.call('GET', `/v1/clients/${clientId}/contacts`, t.adminToken)).json().items[0]
    .id as string;
  const exported = (await t.call('GET', `/v1/clients/${clientId}/contacts/${contactId}/export`, t.adminToken)).json();
  expect(exported.webhookDeliveries).toHaveLength(2);
  expect(exported.webhookDeliveries[0]).toMatchObject({ webhookId, type: 'submission.created' });

  expectStatus(await t.call('POST', `/v1/clients/${clientId}/contacts/${contactId}/erase`, t.adminToken), 200);
  const deliveries = await t.call('GET', `/v1/clients/${clientId}/webhooks/${webhookId}/deliveries`, t.adminToken);
  expectStatus(deliveries, 200);
  expect(deliveries.json().items).toEqual([]);
  expect(deliveries.body).not.toContain(email);
  expect(deliveries.body).not.toContain(name);
});
