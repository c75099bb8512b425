/**
 * The submissions list narrowed as the console's leads pages need it: one contact's leads, and a
 * search by email (its start) or name (any part), with wildcards meaning themselves; paging keeps
 * the filter; another client's leads never show.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, expectStatus } from './provision.ts';

const LOCAL_ORIGIN = 'http://localhost:3000';

let t: TestApp;
let client: { id: string; publicKey: string };
let other: { id: string; publicKey: string };

async function submit(target: { publicKey: string }, body: { email: string; name?: string; message?: string }) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/v1/widget/${target.publicKey}/submissions`,
    headers: { origin: LOCAL_ORIGIN, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  expectStatus(response, 201);
  return response.json().id as string;
}

async function list(query: string, target = client) {
  const response = await t.call('GET', `/v1/clients/${target.id}/submissions?${query}`, t.adminToken);
  expectStatus(response, 200);
  return response.json() as {
    items: { id: string; email: string; contactId: string | null }[];
    nextCursor: string | null;
  };
}

beforeAll(async () => {
  t = await createTestApp({ submissionsPerMinute: 1_000_000 });
  const agencyId = (await createAgency(t)).id;
  client = await createClient(t, t.adminToken, agencyId);
  other = await createClient(t, t.adminToken, agencyId);
  for (const target of [client, other])
    expectStatus(
      await t.call('PATCH', `/v1/clients/${target.id}/settings`, t.adminToken, { allowLocalhost: true }),
      200,
    );
  await submit(client, { email: 'ada@lovelace.test', name: 'Ada Lovelace', message: 'first' });
  await submit(client, { email: 'ada@lovelace.test', name: 'Ada Lovelace', message: 'second' });
  await submit(client, { email: 'grace@hopper.test', name: 'Grace Hopper' });
  await submit(client, { email: 'percent%sign@odd.test', name: '100% real' });
  await submit(other, { email: 'ada@lovelace.test', name: 'Ada Lovelace' });
});
afterAll(() => t?.close());

describe('GET /v1/clients/:clientId/submissions', () => {
  test('?contactId= gives that contact’s leads only, newest first, and pages within them', async () => {
    const contacts = await t.call('GET', `/v1/clients/${client.id}/contacts?q=ada`, t.adminToken);
    const ada = contacts.json().items[0].id as string;
    const all = (await list(`contactId=${ada}`)).items;
    expect(all).toHaveLength(2);
    expect(all.every((item) => item.contactId === ada)).toBe(true);
    const first = await list(`contactId=${ada}&limit=1`);
    expect(first.items.map((item) => item.id)).toEqual([all[0]!.id]);
    const second = await list(`contactId=${ada}&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([all[1]!.id]);
    expect(second.nextCursor).toBeNull();
    expect((await list(`contactId=${randomUUID()}`)).items).toEqual([]);
  });

  test('?q= finds by the start of the email or any part of the name, in any case', async () => {
    expect((await list('q=GRACE@')).items.map((item) => item.email)).toEqual(['grace@hopper.test']);
    expect((await list('q=hopper')).items.map((item) => item.email)).toEqual(['grace@hopper.test']);
    // "lovelace" is inside the email, not at its start, and in the name.
    expect((await list('q=lovelace')).items.map((item) => item.email)).toEqual([
      'ada@lovelace.test',
      'ada@lovelace.test',
    ]);
    expect((await list('q=hopper.test')).items).toEqual([]);
    expect((await list('q=ada')).items).toHaveLength(2);
  });

  test('% and _ in a search are the characters themselves', async () => {
    expect((await list('q=%25')).items.map((item) => item.email)).toEqual(['percent%sign@odd.test']);
    expect((await list('q=_')).items).toEqual([]);
  });

  test('bad filters are refused with the field named', async () => {
    for (const [query, field] of [
      ['contactId=ada', 'contactId'],
      ['q=', 'q'],
    ] as const) {
      const response = await t.call('GET', `/v1/clients/${client.id}/submissions?${query}`, t.adminToken);
      expectStatus(response, 400);
      expect(response.json().message).toContain(field);
    }
  });
});
