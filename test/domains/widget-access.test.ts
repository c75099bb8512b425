/**
 * Origin enforcement on the public widget routes, as a browser meets it: an Origin matrix against
 * real verified domains, CORS headers and preflights, loopback behind its setting, and idempotent
 * submissions.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';

let f: DomainFixture;
let other: { clientId: string; publicKey: string };

beforeAll(async () => {
  f = await createDomainFixture({ submissionsPerMinute: 25 });
  await f.verifiedDomain('example.com');
  await f.verifiedDomain('shop.test', true);
  other = await f.anotherClient('Neighbour');
  await f.verifiedDomain('neighbour.test', false, other.clientId);
});
afterAll(() => f.close());

const configUrl = (key = f.publicKey) => `/v1/widget/${key}/config`;
const get = (origin: string | undefined, key?: string) =>
  f.t.app.inject({ method: 'GET', url: configUrl(key), headers: origin === undefined ? {} : { origin } });

describe('Origin matrix', () => {
  test.each([
    ['https://example.com', true],
    ['https://EXAMPLE.com', true],
    ['https://shop.test', true],
    ['https://www.shop.test', true],
    ['https://a.b.shop.test', true],
    ['https://www.example.com', false], // example.com was verified without subdomains
    ['http://example.com', false],
    ['https://example.com:8443', false],
    ['https://example.com:443', false],
    ['https://example.com.', false],
    ['https://evil-example.com', false],
    ['https://example.com.evil.test', false],
    ['https://notexample.com', false],
    ['https://xshop.test', false],
    ['https://shop.test.evil.test', false],
    ['https://neighbour.test', false], // another client's verified domain
    ['null', false],
    ['https://example.com/path', false],
    ['ftp://example.com', false],
    ['http://localhost:3000', false],
    ['http://127.0.0.1:8080', false],
  ])('%s → allowed: %s', async (origin, allowed) => {
    const response = await get(origin);
    if (allowed) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(String(response.headers.vary)).toMatch(/origin/i);
      expect(response.json().publicKey).toBe(f.publicKey);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } else {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Domain not authorized for this client',
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      // The same URL answers 200 or 403 by Origin: no cache may keep either for another.
      expect(String(response.headers.vary)).toMatch(/origin/i);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  test("a caller's X-Request-Id never stands for ours: every response names the server's own id", async () => {
    const widget = await f.t.app.inject({
      method: 'GET',
      url: configUrl(),
      headers: { origin: 'https://example.com', 'x-request-id': 'trace-123' },
    });
    expect(widget.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const authed = await f.t.call('GET', `/v1/clients/${f.clientId}/domains`, f.t.adminToken, undefined, {
      'x-request-id': 'trace-456',
    });
    expect(authed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a request with no Origin is refused', async () => {
    const response = await get(undefined);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe('Domain not authorized for this client');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  test("the neighbour's own origin works on the neighbour's key only", async () => {
    expect((await get('https://neighbour.test', other.publicKey)).statusCode).toBe(200);
    expect((await get('https://example.com', other.publicKey)).statusCode).toBe(403);
  });

  test('an unknown public key is 404, readable by any page, so the widget can say the key is wrong', async () => {
    const response = await get('https://example.com', 'pk_AAAAAAAAAAAAAAAAAAAAAA');
    expect(response.statusCode).toBe(404);
    // It says nothing about the Origin: a refused one (403 above) never gets this header.
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  test('a malformed key is 404 without a look-up, and a preflight to no widget route is a plain 404', async () => {
    const stats = f.t.db.handle.stats;
    const before = stats.queries;
    const malformed = await get('https://example.com', 'not-a-key');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.headers['access-control-allow-origin']).toBe('*');
    expect(stats.queries - before).toBe(0);
    const stray = await f.t.app.inject({
      method: 'OPTIONS',
      url: `/v1/widget/${f.publicKey}/elsewhere`,
      headers: { origin: 'https://example.com', 'access-control-request-method': 'POST' },
    });
    expect(stray.statusCode).toBe(404);
    expect(stray.headers['access-control-allow-origin']).toBeUndefined();
    expect(stray.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('preflight', () => {
  const preflight = (origin: string, path = 'submissions') =>
    f.t.app.inject({
      method: 'OPTIONS',
      url: `/v1/widget/${f.publicKey}/${path}`,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });

  test.each(['submissions', 'config'])(
    'an authorized origin is answered on %s with the exact origin and the headers the widget sends',
    async (path) => {
      const response = await preflight('https://www.shop.test', path);
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('https://www.shop.test');
      expect(String(response.headers.vary)).toMatch(/origin/i);
      expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
      expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
    },
  );

  test.each(['https://evil.test', 'https://example.com:444', 'null'])(
    '%s is refused with 403 and no CORS header',
    async (origin) => {
      for (const path of ['submissions', 'config']) {
        const response = await preflight(origin, path);
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json().message).toBe('Domain not authorized for this client');
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
        expect(String(response.headers.vary)).toMatch(/origin/i);
      }
    },
  );
});

describe('loopback origins', () => {
  test('are refused until the client turns allowLocalhost on, then allowed, and refused again when off', async () => {
    const origin = 'http://localhost:5173';
    expect((await get(origin)).statusCode).toBe(403);
    const on = await f.t.call('PATCH', `/v1/clients/${f.clientId}/settings`, f.t.adminToken, { allowLocalhost: true });
    expect(on.statusCode, on.body).toBe(200);
    expect((await get(origin)).statusCode).toBe(200);
    expect((await get('http://127.0.0.1:8080')).statusCode).toBe(200);
    await f.t.call('PATCH', `/v1/clients/${f.clientId}/settings`, f.t.adminToken, { allowLocalhost: false });
    expect((await get(origin)).statusCode).toBe(403);
  });
});

describe('settings reach the widget', () => {
  test('a changed title is served on the next config request', async () => {
    const patch = await f.t.call('PATCH', `/v1/clients/${f.clientId}/settings`, f.t.adminToken, {
      widget: { title: 'Talk to us' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await get('https://example.com')).json().title).toBe('Talk to us');
  });
});

describe('submissions', () => {
  const submit = (body: object, key: string | null, origin = 'https://example.com') =>
    f.t.app.inject({
      method: 'POST',
      url: `/v1/widget/${f.publicKey}/submissions`,
      headers: { origin, ...(key && { 'idempotency-key': key }) },
      payload: body,
    });

  test('the same Idempotency-Key gives the same id and stores one submission', async () => {
    const body = { email: 'Lead@Example.org', name: 'Lead', message: 'Call me', fields: { company: 'ACME' } };
    const first = await submit(body, 'key-0000000001');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['access-control-allow-origin']).toBe('https://example.com');
    const again = await submit(body, 'key-0000000001');
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);

    const listed = await f.t.call('GET', `/v1/clients/${f.clientId}/submissions`, f.t.adminToken);
    const matching = listed.json().items.filter((item: { id: string }) => item.id === first.json().id);
    expect(matching).toHaveLength(1);
    expect(matching[0]).toMatchObject({
      email: 'Lead@Example.org',
      fields: { company: 'ACME' },
      origin: 'https://example.com',
    });

    // The lead became a contact of the client.
    const contacts = await f.t.call('GET', `/v1/clients/${f.clientId}/contacts?q=lead@example.org`, f.t.adminToken);
    expect(contacts.json().items.map((c: { email: string }) => c.email)).toEqual(['Lead@Example.org']);
  });

  test('concurrent retries with one key store one submission', async () => {
    const body = { email: 'race@example.org' };
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit(body, 'key-race-000001')));
    const ids = new Set(responses.map((r) => r.json().id));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(ids.size).toBe(1);
  });

  test('the same key with another body is a 409', async () => {
    await submit({ email: 'one@example.org' }, 'key-mismatch-01');
    const response = await submit({ email: 'two@example.org' }, 'key-mismatch-01');
    expect(response.statusCode).toBe(409);
  });

  test('without an Idempotency-Key, or with bad input, 400 names what is wrong', async () => {
    const missing = await submit({ email: 'x@example.org' }, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/Idempotency-Key/);
    const bad = await submit({ email: 'not an email' }, 'key-bad-input-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/email/);
  });

  test('an unauthorized origin stores nothing', async () => {
    const before = (await f.t.call('GET', `/v1/clients/${f.clientId}/submissions?limit=200`, f.t.adminToken)).json()
      .items.length;
    const response = await submit({ email: 'evil@example.org' }, 'key-evil-000001', 'https://evil.test');
    expect(response.statusCode).toBe(403);
    const after = (await f.t.call('GET', `/v1/clients/${f.clientId}/submissions?limit=200`, f.t.adminToken)).json()
      .items.length;
    expect(after).toBe(before);
  });
});

describe('rate limit', () => {
  test('one IP gets a 429 (with CORS headers, so the widget can read it and retry later) past the limit', async () => {
    const responses = [];
    for (let i = 0; i < 26; i += 1) {
      responses.push(
        await f.t.app.inject({
          method: 'POST',
          url: `/v1/widget/${f.publicKey}/submissions`,
          headers: { origin: 'https://example.com', 'idempotency-key': `key-limit-${String(i).padStart(6, '0')}` },
          payload: { email: `limit${i}@example.org` },
          remoteAddress: '203.0.113.7',
        }),
      );
    }
    const last = responses.at(-1)!;
    expect(responses.slice(0, 25).every((r) => r.statusCode === 201)).toBe(true);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({ statusCode: 429, code: 'UPZ_RATE_LIMITED' });
    expect(last.headers['access-control-allow-origin']).toBe('https://example.com');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });
});
