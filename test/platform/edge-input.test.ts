/** Input at the edges: ids in other spellings, forged cursors, settings that would break the widget. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, createContact } from './provision.ts';

let t: TestApp;
let clientId: string;
let contactId: string;
beforeAll(async () => {
  t = await createTestApp();
  clientId = (await createClient(t, t.adminToken, (await createAgency(t)).id)).id;
  contactId = (await createContact(t, t.adminToken, clientId, { email: 'edge@lead.test' })).id;
});
afterAll(() => t.close());

test.each([(id: string) => `urn:uuid:${id}`, (id: string) => id.toUpperCase(), (id: string) => `{${id}}`])(
  'an id in another spelling is a 400 naming the parameter, never a 500',
  async (spell) => {
    const response = await t.call('GET', `/v1/clients/${clientId}/contacts/${spell(contactId)}`, t.adminToken);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/contactId/);
  },
);

test.each([
  [
    'a time far in the past',
    Buffer.from(JSON.stringify(['0100-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString(
      'base64url',
    ),
  ],
  [
    'a time past any timestamp',
    Buffer.from(JSON.stringify(['+275760-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString(
      'base64url',
    ),
  ],
  ['not JSON', 'bm90IGpzb24'],
])('a cursor with %s is a 400', async (_what, cursor) => {
  const response = await t.call('GET', `/v1/clients/${clientId}/contacts?cursor=${cursor}`, t.adminToken);
  expect(response.statusCode).toBe(400);
  expect(response.json().code).toBe('UPZ_INVALID_CURSOR');
});

test('pages follow each other newest first, each row once, until nextCursor is null', async () => {
  for (let i = 0; i < 4; i++) await createContact(t, t.adminToken, clientId);
  const whole = (await t.call('GET', `/v1/clients/${clientId}/contacts?limit=100`, t.adminToken)).json();
  expect(whole.nextCursor).toBeNull();
  expect(whole.items.length).toBeGreaterThanOrEqual(5);
  const times = whole.items.map((item: { createdAt: string }) => Date.parse(item.createdAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  const paged: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
      await t.call('GET', `/v1/clients/${clientId}/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`, t.adminToken)
    ).json();
    expect(page.items.length).toBeLessThanOrEqual(2);
    paged.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  expect(paged).toEqual(whole.items.map((item: { id: string }) => item.id));
});

test('widget settings that drop the required email field, or repeat a name, are refused', async () => {
  const withoutEmail = await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, {
    widget: { fields: [{ name: 'name', label: 'Name', type: 'text', required: true }] },
  });
  expect(withoutEmail.statusCode).toBe(400);
  expect(withoutEmail.json().message).toMatch(/^widget\.fields: /);
  const twice = await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, {
    widget: {
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'email', label: 'Email again', type: 'email', required: true },
      ],
    },
  });
  expect(twice.statusCode).toBe(400);
  const fine = await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, {
    widget: { fields: [{ name: 'email', label: 'Your email', type: 'email', required: true }] },
  });
  expect(fine.statusCode).toBe(200);
});
