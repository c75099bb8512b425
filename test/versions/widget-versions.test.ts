/**
 * The public widget routes are versioned by what the bundle sends: its own Upzento-Version, or none
 * (a bundle from before versions, served in the oldest). A browser may send the header: preflights
 * allow it, and answers expose it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { WIDGET_API_VERSION } from '../../shared/api-version.ts';
import { API_VERSIONS, NEWEST_VERSION, OLDEST_VERSION } from '../../server/versions/api-versions.ts';

const ORIGIN = 'https://shop.test';
let f: DomainFixture;

beforeAll(async () => {
  f = await createDomainFixture();
  await f.verifiedDomain('shop.test');
});
afterAll(() => f.close());

const config = (headers: Record<string, string> = {}, key = f.publicKey) =>
  f.t.app.inject({ method: 'GET', url: `/v1/widget/${key}/config`, headers: { origin: ORIGIN, ...headers } });

describe('widget routes', () => {
  test("the bundle's own version is one the server serves", () => {
    expect(API_VERSIONS).toContain(WIDGET_API_VERSION);
  });

  test('a bundle that sends its version is answered in it, and the answer exposes the header', async () => {
    const response = await config({ 'upzento-version': WIDGET_API_VERSION });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['upzento-version']).toBe(WIDGET_API_VERSION);
    expect(response.headers['access-control-expose-headers']).toBe('upzento-version');
    expect(response.headers.deprecation).toBeUndefined();
  });

  test('the bundle names its version in the config query, so the request needs no CORS preflight', async () => {
    const response = await f.t.app.inject({
      method: 'GET',
      url: `/v1/widget/${f.publicKey}/config?v=${WIDGET_API_VERSION}`,
      headers: { origin: ORIGIN },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['upzento-version']).toBe(WIDGET_API_VERSION);
    const unknown = await f.t.app.inject({
      method: 'GET',
      url: `/v1/widget/${f.publicKey}/config?v=1999-01-01`,
      headers: { origin: ORIGIN },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UPZ_UNKNOWN_VERSION');
  });

  test('a bundle from before versions sends none and is served in the oldest, deprecated, with the same configuration', async () => {
    const old = await config();
    expect(old.statusCode, old.body).toBe(200);
    expect(old.headers['upzento-version']).toBe(OLDEST_VERSION);
    expect(old.headers.deprecation).toMatch(/^@\d+$/);
    expect(old.headers.sunset).toMatch(/ GMT$/);
    const current = await config({ 'upzento-version': NEWEST_VERSION });
    expect(old.body).toBe(current.body);
  });

  test('an unknown version is a 400 any page can read; a refused origin is still refused', async () => {
    const response = await config({ 'upzento-version': '1999-01-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UPZ_UNKNOWN_VERSION');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['upzento-version']).toBe(NEWEST_VERSION);
    const submission = await f.t.app.inject({
      method: 'POST',
      url: `/v1/widget/${f.publicKey}/submissions`,
      headers: { origin: ORIGIN, 'upzento-version': 'soon', 'idempotency-key': 'key-12345678' },
      payload: { email: 'lead@example.test' },
    });
    expect(submission.statusCode).toBe(400);
    expect(submission.json().code).toBe('UPZ_UNKNOWN_VERSION');
    const refused = await f.t.app.inject({
      method: 'GET',
      url: `/v1/widget/${f.publicKey}/config`,
      headers: { origin: 'https://evil.test', 'upzento-version': NEWEST_VERSION },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(refused.headers['upzento-version']).toBe(NEWEST_VERSION);
  });

  test('a submission with the header is stored and answered in that version', async () => {
    const response = await f.t.app.inject({
      method: 'POST',
      url: `/v1/widget/${f.publicKey}/submissions`,
      headers: { origin: ORIGIN, 'upzento-version': WIDGET_API_VERSION, 'idempotency-key': 'versioned-lead-1' },
      payload: { email: 'lead@example.test' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['upzento-version']).toBe(WIDGET_API_VERSION);
  });

  test.each(['config', 'submissions'])('a preflight of %s allows the header', async (path) => {
    const response = await f.t.app.inject({
      method: 'OPTIONS',
      url: `/v1/widget/${f.publicKey}/${path}`,
      headers: {
        origin: ORIGIN,
        'access-control-request-method': path === 'config' ? 'GET' : 'POST',
        'access-control-request-headers': 'content-type,idempotency-key,upzento-version',
      },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('upzento-version');
  });

  test("a key no client has: its preflight lets the bundle's request through, to a 404 any page can read", async () => {
    const key = 'pk_AAAAAAAAAAAAAAAAAAAAAA';
    const preflight = await f.t.app.inject({
      method: 'OPTIONS',
      url: `/v1/widget/${key}/config`,
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'upzento-version',
      },
    });
    expect(preflight.statusCode, preflight.body).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('upzento-version');
    const response = await config({ 'upzento-version': WIDGET_API_VERSION }, key);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('UPZ_UNKNOWN_WIDGET');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    // A refused Origin's preflight still gets nothing a browser would accept.
    const refused = await f.t.app.inject({
      method: 'OPTIONS',
      url: `/v1/widget/${f.publicKey}/config`,
      headers: { origin: 'https://evil.test', 'access-control-request-method': 'GET' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
