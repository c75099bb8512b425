/**
 * The verdict cache: a warm widget request sends no query to the database; concurrent misses
 * share one look-up; and a domain change invalidates the cache at once on this instance and, via
 * PostgreSQL NOTIFY, on a second instance sharing the database.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '../../server/db/tenant-db.ts';
import { announcePolicyChange } from '../../server/embedding/policy-events.ts';
import { createDomainFixture, waitForInvalidation, type DomainFixture } from '../support/domain-fixture.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { onPostgres } from '../support/test-database.ts';

let a: DomainFixture;
let b: TestApp;

beforeAll(async () => {
  a = await createDomainFixture();
  // Instance B: its own application, caches and (on PostgreSQL) its own pool and LISTEN connection,
  // on the same database.
  const bDatabase = { ...a.t.db, handle: await a.t.db.reopen(), close: async () => {} };
  b = await createTestApp({ resolver: a.resolver, jwtSecret: a.t.jwtSecret }, bDatabase);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const config = (t: TestApp, origin: string, key = a.publicKey) =>
  t.app.inject({ method: 'GET', url: `/v1/widget/${key}/config`, headers: { origin } });

describe('cache hits', () => {
  test('a warm config request sends no query to the database', async () => {
    await a.verifiedDomain('warm.example.com');
    const stats = a.t.db.handle.stats;
    expect((await config(a.t, 'https://warm.example.com')).statusCode).toBe(200);
    const before = stats.queries;
    for (let i = 0; i < 20; i += 1) expect((await config(a.t, 'https://warm.example.com')).statusCode).toBe(200);
    expect(stats.queries - before).toBe(0);
  });

  test('a warm refusal sends no query either', async () => {
    const stats = a.t.db.handle.stats;
    expect((await config(a.t, 'https://nope.example.com')).statusCode).toBe(403);
    const before = stats.queries;
    expect((await config(a.t, 'https://nope.example.com')).statusCode).toBe(403);
    expect(stats.queries - before).toBe(0);
  });

  test('concurrent misses for one key share one look-up', async () => {
    const stats = a.t.db.handle.stats;
    // One cold miss, to learn what a single look-up costs.
    a.t.app.verdicts.invalidate(a.clientId);
    let before = stats.queries;
    await config(a.t, 'https://warm.example.com');
    const single = stats.queries - before;
    expect(single).toBeGreaterThan(0);

    a.t.app.verdicts.invalidate(a.clientId);
    before = stats.queries;
    const responses = await Promise.all(Array.from({ length: 25 }, () => config(a.t, 'https://warm.example.com')));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect(stats.queries - before).toBe(single);
  });
});

describe('invalidation', () => {
  test('a domain deleted on instance A is refused by instance B on its next request', async () => {
    const id = await a.verifiedDomain('shared.example.com');
    expect((await config(b, 'https://shared.example.com')).statusCode).toBe(200);
    expect((await config(b, 'https://shared.example.com')).statusCode).toBe(200); // now cached on B

    const arrived = waitForInvalidation(b, a.clientId);
    const deleted = await a.t.call('DELETE', `/v1/clients/${a.clientId}/domains/${id}`, a.t.adminToken);
    expect(deleted.statusCode).toBe(204);
    await arrived;
    const refused = await config(b, 'https://shared.example.com');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('a domain verified on instance A is allowed by instance B, whose refusal was cached', async () => {
    expect((await config(b, 'https://fresh.example.com')).statusCode).toBe(403); // cached refusal on B
    const arrived = waitForInvalidation(b, a.clientId);
    await a.verifiedDomain('fresh.example.com');
    await arrived;
    expect((await config(b, 'https://fresh.example.com')).statusCode).toBe(200);
  });

  test('the configuration goes out as JSON, frozen while cached, and a settings change goes out at once', async () => {
    await a.verifiedDomain('text.example.com');
    const first = await config(a.t, 'https://text.example.com');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await config(a.t, 'https://text.example.com')).body).toBe(first.body);
    // Its JSON is kept per configuration object, so the object must not change under it.
    const cached = a.t.app.verdicts.peek(a.publicKey, 'https://text.example.com')?.config;
    expect(cached).toBeDefined();
    expect(
      [cached, cached?.theme, cached?.fields, ...(cached?.fields ?? [])].every((part) => Object.isFrozen(part)),
    ).toBe(true);
    await a.t.call('PATCH', `/v1/clients/${a.clientId}/settings`, a.t.adminToken, {
      widget: { intro: 'Changed here' },
    });
    const changed = await config(a.t, 'https://text.example.com');
    expect(changed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(changed.json()).toEqual({ ...first.json(), intro: 'Changed here' });
  });

  test('a settings change on A reaches B', async () => {
    await a.verifiedDomain('settings.example.com');
    expect((await config(b, 'https://settings.example.com')).json().title).not.toBe('Changed on A');
    const arrived = waitForInvalidation(b, a.clientId);
    await a.t.call('PATCH', `/v1/clients/${a.clientId}/settings`, a.t.adminToken, {
      widget: { title: 'Changed on A' },
    });
    await arrived;
    expect((await config(b, 'https://settings.example.com')).json().title).toBe('Changed on A');
  });

  test('a change that rolls back sends no notification; the same change committed does', async () => {
    // The NOTIFY a domain or settings change sends, sent straight through A's database (not its
    // routes, so A's own cache is not told directly): only PostgreSQL can carry it to B.
    const data = a.t.data;
    const scope = { agencyId: a.agencyId, clientId: a.clientId };
    const actor: Actor = { type: 'system', id: null, requestId: null, ip: null };

    const heard: string[] = [];
    // What the announcing instance drops at once, without waiting for its own notification.
    const toldHere: string[] = [];
    const here = { invalidate: (id: string) => void toldHere.push(id) };
    const stop = b.app.verdicts.onInvalidate((id) => heard.push(id));
    try {
      // The transaction really sends the NOTIFY, then fails and rolls back.
      const rolledBack = data.scoped(scope, actor, async (q) => {
        await announcePolicyChange(q, here);
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toEqual([]);
      expect(toldHere).toEqual([]);
    } finally {
      stop();
    }

    // The control: the same transaction without the failure commits, and B hears of it; this
    // instance is told after COMMIT, before the transaction's promise resolves.
    const arrived = waitForInvalidation(b, a.clientId);
    await data.scoped(scope, actor, async (q) => {
      await announcePolicyChange(q, here);
      expect(toldHere).toEqual([]);
    });
    expect(toldHere).toEqual([a.clientId]);
    await arrived;
  });

  test.runIf(onPostgres)('B really is a separate connection pool (PostgreSQL)', () => {
    expect(b.db.handle).not.toBe(a.t.db.handle);
  });
});
