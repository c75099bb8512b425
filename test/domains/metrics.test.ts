/** /metrics: absent without a scrape token; behind it, counts what the widget routes decided. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { createTestApp } from '../support/test-app.ts';

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
  expect(text).toMatch(/upzento_http_request_duration_seconds_count\{method="GET",route="\/v1\/widget\/:publicKey\/config",status="200"\} 2/);

  // Counts kept outside prom-client are totals at every scrape, neither reset nor added twice.
  await f.t.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin: 'https://metrics.example.com' } });
  const again = (await f.t.call('GET', '/metrics', 'scrape-token-0123456789')).body;
  expect(again).toMatch(/upzento_widget_verdicts_total\{verdict="allowed"\} 3/);
  expect(again).toMatch(/upzento_widget_verdicts_total\{verdict="refused"\} 1/);
  expect(again).toMatch(/upzento_widget_cache_lookups_total\{cache="verdict",result="hit"\} 2/);
});
