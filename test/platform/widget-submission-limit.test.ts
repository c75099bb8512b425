/**
 * A client's widget submissions per minute (`widgetSubmissionsPerMinute`): past it, 429
 * UPZ_WIDGET_BUSY with Retry-After, readable by the page, and nothing stored; the limit is shared by
 * the instances alive; the agency's override holds on every instance at once; the limits route shows
 * it and the submissions of the last minute.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import type { TestApp } from '../support/test-app.ts';
import { createUser, expectStatus } from './provision.ts';

const PER_MINUTE = 6;
/** Each instance's share while both are alive. */
const SHARE = PER_MINUTE / 2;

let f: DomainFixture;
let t: TestApp;
/** A second instance on the same database. */
let b: TestApp;
let agencyToken: string;
let sequence = 0;

beforeAll(async () => {
  // The per-address limit out of the way: every request here comes from one address.
  const limits = { widgetSubmissionsPerMinute: PER_MINUTE };
  f = await createDomainFixture({ limits, submissionsPerMinute: 10_000 });
  t = f.t;
  const { createTestApp } = await import('../support/test-app.ts');
  b = await createTestApp(
    { jwtSecret: t.jwtSecret, limits, submissionsPerMinute: 10_000 },
    { ...t.db, handle: await t.db.reopen(), close: async () => {} },
  );
  agencyToken = (await createUser(t, t.adminToken, 'agencies', f.agencyId, 'admin')).token;
});
afterAll(async () => {
  await b?.close();
  await f?.close();
});

/** A client of the fixture's agency with a verified domain of its own: a bucket no other test used. */
async function freshClient(): Promise<{ clientId: string; publicKey: string; origin: string }> {
  sequence += 1;
  const client = await f.anotherClient(`Shop ${sequence}`);
  const hostname = `shop${sequence}.example`;
  await f.verifiedDomain(hostname, false, client.clientId);
  return { ...client, origin: `https://${hostname}` };
}

function submit(app: TestApp, client: { publicKey: string; origin: string }) {
  sequence += 1;
  return app.app.inject({
    method: 'POST',
    url: `/v1/widget/${client.publicKey}/submissions`,
    headers: { origin: client.origin, 'idempotency-key': `limit-test-${sequence}` },
    payload: { email: `visitor${sequence}@example.test` },
  });
}

async function statuses(app: TestApp, client: { publicKey: string; origin: string }, count: number) {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await submit(app, client)).statusCode);
  return seen;
}

async function storedSubmissions(clientId: string): Promise<number> {
  const response = await t.call('GET', `/v1/clients/${clientId}/submissions?limit=100`, agencyToken);
  expectStatus(response, 200);
  return response.json().items.length;
}

describe('widget submissions per minute of a client', () => {
  test('past the limit: 429 UPZ_WIDGET_BUSY with Retry-After, readable by the page; nothing stored; others go on', async () => {
    // Both instances counted, whatever time their own heartbeats took.
    expect(await Promise.all([t.app.instanceCount.beat(), b.app.instanceCount.beat()])).toEqual([2, 2]);
    const client = await freshClient();
    expect(await statuses(t, client, SHARE)).toEqual(Array(SHARE).fill(201));
    const refused = await submit(t, client);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json()).toMatchObject({ statusCode: 429, code: 'UPZ_WIDGET_BUSY', error: 'Too Many Requests' });
    expect(refused.json().message).toMatch(/^This form is receiving more messages than it takes right now/);
    // A share of three a minute: a token comes back every twenty seconds.
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(20);
    expect(refused.headers['access-control-allow-origin']).toBe(client.origin);
    expect(await storedSubmissions(client.clientId)).toBe(SHARE);
    // Another client of the same agency is not held back.
    expect(await statuses(t, await freshClient(), 1)).toEqual([201]);

    const limits = await t.call('GET', `/v1/clients/${client.clientId}/limits`, agencyToken);
    expectStatus(limits, 200);
    expect(limits.json()).toMatchObject({
      limits: { widgetSubmissionsPerMinute: PER_MINUTE },
      overrides: {},
      usage: { widgetSubmissionsLastMinute: SHARE },
    });
  });

  test('two instances alive share it: each takes half', async () => {
    const client = await freshClient();
    const beats = await Promise.all([t.app.instanceCount.beat(), b.app.instanceCount.beat()]);
    expect(beats).toEqual([2, 2]);
    const onA = await statuses(t, client, PER_MINUTE);
    const onB = await statuses(b, client, PER_MINUTE);
    expect(onA.filter((s) => s === 201)).toHaveLength(SHARE);
    expect(onB.filter((s) => s === 201)).toHaveLength(SHARE);
    expect([...onA, ...onB].filter((s) => s !== 201).every((s) => s === 429)).toBe(true);
    expect(await storedSubmissions(client.clientId)).toBe(PER_MINUTE);
  });

  test("the agency's override holds on the other instance at once; null goes back to the default", async () => {
    const client = await freshClient();
    // The other instance reads the default (its share: 3 of 6) and takes one.
    expect(await statuses(b, client, 1)).toEqual([201]);
    const lowered = await t.call('PATCH', `/v1/clients/${client.clientId}/limits`, agencyToken, {
      widgetSubmissionsPerMinute: 2,
    });
    expectStatus(lowered, 200);
    expect(lowered.json()).toMatchObject({
      limits: { widgetSubmissionsPerMinute: 2 },
      overrides: { widgetSubmissionsPerMinute: 2 },
    });
    const until = performance.now() + 1000;
    while ((await b.app.limits.get(client.clientId, f.agencyId)).widgetSubmissionsPerMinute !== 2) {
      expect(performance.now(), 'the other instance still holds the old limit after 1 s').toBeLessThan(until);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Its share of 2 is 1: one more, not the two the default would still allow.
    expect(await statuses(b, client, 3)).toEqual([201, 429, 429]);

    expectStatus(
      await t.call('PATCH', `/v1/clients/${client.clientId}/limits`, agencyToken, { widgetSubmissionsPerMinute: 0 }),
      400,
    );
    const back = await t.call('PATCH', `/v1/clients/${client.clientId}/limits`, agencyToken, {
      widgetSubmissionsPerMinute: null,
    });
    expectStatus(back, 200);
    expect(back.json()).toMatchObject({ limits: { widgetSubmissionsPerMinute: PER_MINUTE }, overrides: {} });
  });
});
