/**
 * /metrics: absent without a scrape token; behind it, counts what the widget routes decided, with
 * bounded labels only (per-tenant counts go to the database, docs/metrics.md).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { createTestApp } from '../support/test-app.ts';
import { Metrics } from '../../server/metrics/metrics.ts';

let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture({ metricsToken: 'scrape-token-0123456789' });
  await f.verifiedDomain('metrics.example.com');
});
afterAll(() => f.close());

test('without a token configured there is no /metrics route', async () => {
  const t = await createTestApp({}, f.t.db);
  try {
    expect((await t.call('GET', '/metrics', null)).statusCode).toBe(404);
  } finally {
    await t.close();
  }
});

test('the scrape token is required, and verdicts and cache hits are counted', async () => {
  expect((await f.t.call('GET', '/metrics', null)).statusCode).toBe(401);
  expect((await f.t.call('GET', '/metrics', 'wrong-token-0123456789xx')).statusCode).toBe(401);
  for (const origin of ['https://metrics.example.com', 'https://metrics.example.com', 'https://evil.test']) {
    await f.t.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin } });
  }
  const response = await f.t.call('GET', '/metrics', 'scrape-token-0123456789');
  expect(response.statusCode).toBe(200);
  const text = response.body;
  expect(text).toMatch(/upzento_widget_verdicts_total\{verdict="allowed"\} 2/);
  expect(text).toMatch(/upzento_widget_verdicts_total\{verdict="refused"\} 1/);
  expect(text).toMatch(/upzento_widget_cache_lookups_total\{cache="verdict",result="hit"\} 1/);
  expect(text).toMatch(/upzento_domain_checks_total\{outcome="matched",reason="manual"\} 1/);
  expect(text).toMatch(
    /upzento_http_request_duration_seconds_count\{method="GET",route="\/v1\/widget\/:publicKey\/config",status="200"\} 2/,
  );

  // Counts kept outside prom-client are totals at every scrape, neither reset nor added twice.
  await f.t.app.inject({
    method: 'GET',
    url: `/v1/widget/${f.publicKey}/config`,
    headers: { origin: 'https://metrics.example.com' },
  });
  await f.verifiedDomain('metrics-2.example.com');
  const again = (await f.t.call('GET', '/metrics', 'scrape-token-0123456789')).body;
  expect(again).toMatch(/upzento_widget_verdicts_total\{verdict="allowed"\} 3/);
  expect(again).toMatch(/upzento_widget_verdicts_total\{verdict="refused"\} 1/);
  expect(again).toMatch(/upzento_widget_cache_lookups_total\{cache="verdict",result="hit"\} 2/);
  expect(again).toMatch(/upzento_domain_checks_total\{outcome="matched",reason="manual"\} 2/);
});

test('per-tenant counts reach the database, and /metrics names no tenant, only the flushes', async () => {
  await f.t.app.inject({
    method: 'GET',
    url: `/v1/widget/${f.publicKey}/config`,
    headers: { origin: 'https://metrics.example.com' },
  });
  await f.t.app.tenantMetrics.flush();
  const text = (await f.t.call('GET', '/metrics', 'scrape-token-0123456789')).body;
  expect(text).toMatch(/upzento_tenant_metrics_flushes_total\{result="ok"\} 1/);
  expect(text).toMatch(/upzento_tenant_metrics_dropped_total 0/);
  for (const id of [f.clientId, f.agencyId, f.publicKey]) expect(text).not.toContain(id);
});

test('request durations are counted into cumulative buckets, a value on a bound in that bucket', async () => {
  const metrics = new Metrics();
  const observe = metrics.requestObserver('GET', '/route');
  for (const ms of [0.5, 1, 3, 3000]) observe(200, ms);
  observe(404, 1);
  const lines = (await metrics.registry.metrics()).split('\n');
  const value = (name: string, labels: string) =>
    lines.find((line) => line.startsWith(`upzento_http_request_duration_seconds_${name}{${labels}}`))?.split(' ')[1];
  const ok = 'method="GET",route="/route",status="200"';
  expect(value('bucket', `le="0.001",${ok}`)).toBe('2');
  expect(value('bucket', `le="0.0025",${ok}`)).toBe('2');
  expect(value('bucket', `le="0.005",${ok}`)).toBe('3');
  expect(value('bucket', `le="2.5",${ok}`)).toBe('3');
  expect(value('bucket', `le="+Inf",${ok}`)).toBe('4');
  expect(Number(value('sum', ok))).toBeCloseTo(3.0045, 6);
  expect(value('count', ok)).toBe('4');
  expect(value('count', 'method="GET",route="/route",status="404"')).toBe('1');

  // A reset zeroes the series in place: the recorder handed out before it still counts.
  metrics.registry.resetMetrics();
  observe(200, 2);
  const after = (await metrics.registry.metrics()).split('\n');
  expect(after).toContain(`upzento_http_request_duration_seconds_count{${ok}} 1`);
  expect(after).toContain(`upzento_http_request_duration_seconds_bucket{le="0.001",${ok}} 0`);
});
