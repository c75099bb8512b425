/**
 * The widget config route's warm answer at the server's door (server/embedding/config-shortcut.ts):
 * over a real port, a warm request is answered without Fastify routing it, with the same status,
 * body and headers as the route gives, and counted in the same metrics; everything else still
 * reaches the route.
 */
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONFIG_ROUTE } from '../../server/embedding/config-shortcut.ts';
import { NEWEST_VERSION, OLDEST_VERSION } from '../../server/versions/api-versions.ts';
import { createDomainFixture, waitForInvalidation, type DomainFixture } from '../support/domain-fixture.ts';
import { listen } from '../support/test-app.ts';

const METRICS_TOKEN = 'metrics-token-for-the-shortcut-test';
const ORIGIN = 'https://example.com';
let f: DomainFixture;
let base: string;
/** Requests the config route's handler saw: the ones the door did not answer. */
let routed = 0;

beforeAll(async () => {
  f = await createDomainFixture({
    metricsToken: METRICS_TOKEN,
    onRoute: (route: RouteOptions) => {
      if (route.url !== CONFIG_ROUTE || route.method !== 'GET') return;
      const handler = route.handler;
      route.handler = function (request, reply) {
        routed += 1;
        return handler.call(this, request, reply);
      };
    },
  });
  await f.verifiedDomain('example.com');
  base = await listen(f.t.app);
});
afterAll(() => f.close());

const configUrl = (key = f.publicKey) => `${base}/v1/widget/${key}/config`;

async function metric(name: string, labels: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** The response's headers but the ones that differ per response. */
function stableHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name !== 'x-request-id' && name !== 'date'));
}

test('a warm request gets the route’s very answer without Fastify routing it, and is counted as the route counts', async () => {
  const before = routed;
  const cold = await fetch(configUrl(), { headers: { origin: ORIGIN } });
  const coldBody = await cold.text();
  expect(cold.status, coldBody).toBe(200);
  expect(routed).toBe(before + 1);

  const allowedBefore = await metric('upzento_widget_verdicts_total', 'verdict="allowed"');
  const timed = `method="GET",route="${CONFIG_ROUTE}",status="200"`;
  const timedBefore = await metric('upzento_http_request_duration_seconds_count', timed);
  expect(timedBefore).toBeGreaterThan(0);
  const warm = await fetch(configUrl(), { headers: { origin: ORIGIN } });
  const warmBody = await warm.text();
  expect(routed, 'the warm request reached the route').toBe(before + 1);
  expect(warm.status).toBe(200);
  expect(warmBody).toBe(coldBody);
  expect(stableHeaders(warm)).toEqual(stableHeaders(cold));
  expect(warm.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  expect(warm.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(warm.headers.get('x-request-id')).not.toBe(cold.headers.get('x-request-id'));
  expect(await metric('upzento_widget_verdicts_total', 'verdict="allowed"')).toBe(allowedBefore + 1);
  expect(await metric('upzento_http_request_duration_seconds_count', timed)).toBe(timedBefore + 1);
});

test.each([
  ['a refused Origin', { origin: 'https://evil.test' }, '', 403],
  ['no Origin', {}, '', 403],
  ['a query string other than the bundle’s version', { origin: ORIGIN }, '?x=1', 200],
  ['a version this API does not have', { origin: ORIGIN }, '?v=1999-01-01', 400],
  ['a version header', { origin: ORIGIN, 'upzento-version': '2026-12-01' }, '', 200],
  ['a key no client has', { origin: ORIGIN }, 'unknown', 404],
])('%s goes on to the route', async (_name, headers, variant, status) => {
  await fetch(configUrl(), { headers: { origin: ORIGIN } }); // warm
  const before = routed;
  const url = variant === 'unknown' ? configUrl(`pk_${'x'.repeat(30)}`) : `${configUrl()}${variant}`;
  const response = await fetch(url, { headers });
  expect(response.status, await response.text()).toBe(status);
  // A key no client has is refused before the handler; the others reach it when allowed.
  if (status === 200) expect(routed).toBe(before + 1);
  else expect(routed).toBe(before);
});

test('the bundle’s ?v= is answered at the door in that version, as the route answers the same version', async () => {
  await fetch(configUrl(), { headers: { origin: ORIGIN } }); // warm
  const before = routed;
  // The same version named by header goes on to the route.
  const byRoute = await fetch(configUrl(), { headers: { origin: ORIGIN, 'upzento-version': NEWEST_VERSION } });
  expect(routed).toBe(before + 1);
  const atDoor = await fetch(`${configUrl()}?v=${NEWEST_VERSION}`, { headers: { origin: ORIGIN } });
  expect(routed).toBe(before + 1);
  expect(await atDoor.text()).toBe(await byRoute.text());
  expect(stableHeaders(atDoor)).toEqual(stableHeaders(byRoute));
  expect(atDoor.headers.get('upzento-version')).toBe(NEWEST_VERSION);
  expect(atDoor.headers.get('deprecation')).toBeNull();
  const old = await fetch(configUrl(), { headers: { origin: ORIGIN } });
  expect(old.headers.get('upzento-version')).toBe(OLDEST_VERSION);
  expect(old.headers.get('deprecation')).toMatch(/^@\d+$/);
});

test('a HEAD goes on to the route, which answers it as Fastify does', async () => {
  const response = await fetch(configUrl(), { method: 'HEAD', headers: { origin: ORIGIN } });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
});

test('a settings change is served at once: the new configuration goes through the route first', async () => {
  await fetch(configUrl(), { headers: { origin: ORIGIN } }); // warm
  const invalidated = waitForInvalidation(f.t, f.clientId);
  const changed = await f.t.call('PATCH', `/v1/clients/${f.clientId}/settings`, f.t.adminToken, {
    widget: { title: 'Ask us anything' },
  });
  expect(changed.statusCode, changed.body).toBe(200);
  await invalidated;
  const before = routed;
  const first = await fetch(configUrl(), { headers: { origin: ORIGIN } });
  expect((await first.json()).title).toBe('Ask us anything');
  expect(routed).toBe(before + 1);
  const second = await fetch(configUrl(), { headers: { origin: ORIGIN } });
  expect((await second.json()).title).toBe('Ask us anything');
  expect(routed).toBe(before + 1);
});

test('a removed domain’s Origin is refused at once: the door does not answer from a stale verdict', async () => {
  const other = await f.anotherClient('Other');
  const domainId = await f.verifiedDomain('other.test', false, other.clientId);
  const origin = 'https://other.test';
  const url = configUrl(other.publicKey);
  expect((await fetch(url, { headers: { origin } })).status).toBe(200);
  expect((await fetch(url, { headers: { origin } })).status).toBe(200);
  const invalidated = waitForInvalidation(f.t, other.clientId);
  const removed = await f.t.call('DELETE', `/v1/clients/${other.clientId}/domains/${domainId}`, f.t.adminToken);
  expect(removed.statusCode, removed.body).toBe(204);
  await invalidated;
  expect((await fetch(url, { headers: { origin } })).status).toBe(403);
});
