/**
 * The alerts whose signals come from the widget and the domain lifecycle (docs/alerts.md):
 * a spike of one client's widget requests refused for their Origin, and a verified domain that a
 * re-check turns failing. Each provoked from outside, through the widget routes and the scheduler.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDomainFixture, HOUR, TIMINGS, type DomainFixture } from '../support/domain-fixture.ts';

const REFUSALS = { max: 4, windowMs: 60_000 };

let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture({ alerts: { refusedOrigins: REFUSALS } });
});
afterAll(() => f?.close());

async function alertsOf(kind: string): Promise<Array<Record<string, any>>> {
  await f.t.app.alerts.settled();
  const response = await f.t.call('GET', `/v1/platform/alerts?kind=${kind}`, f.t.adminToken);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

function widgetConfig(publicKey: string, origin: string) {
  return f.t.app.inject({ method: 'GET', url: `/v1/widget/${publicKey}/config`, headers: { origin } });
}

test("more refusals for the Origin than the threshold raise one warning for that client, without the callers' origins", async () => {
  await f.verifiedDomain('shop.example.com');
  const other = await f.anotherClient('Quiet client');
  // Its own site is served, and does not count.
  expect((await widgetConfig(f.publicKey, 'https://shop.example.com')).statusCode).toBe(200);
  for (let i = 0; i < REFUSALS.max; i += 1) {
    expect((await widgetConfig(f.publicKey, `https://copy-${i}.example.net`)).statusCode).toBe(403);
  }
  // Another client's refusals are counted for it alone.
  expect((await widgetConfig(other.publicKey, 'https://copy-0.example.net')).statusCode).toBe(403);
  expect(await alertsOf('refused_origin_spike')).toEqual([]);

  for (let i = 0; i < 3; i += 1) {
    expect((await widgetConfig(f.publicKey, 'https://copy-last.example.net')).statusCode).toBe(403);
  }
  const alerts = await alertsOf('refused_origin_spike');
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({
    severity: 'warning',
    tenantType: 'client',
    tenantId: f.clientId,
    count: 1,
    details: { refusals: REFUSALS.max + 1, windowSeconds: 60 },
  });
  expect(JSON.stringify(alerts[0])).not.toContain('example.net');
});

test('a verified domain a re-check turns failing raises one warning for its client; the later checks add none', async () => {
  const id = await f.verifiedDomain('lost.example.com');
  f.dns.remove('_upzento-challenge.lost.example.com');
  f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
  await f.t.app.scheduler.runOnce();
  const alerts = (await alertsOf('domain_failing')).filter((item) => item.details.domainId === id);
  expect(alerts).toMatchObject([
    {
      severity: 'warning',
      tenantType: 'client',
      tenantId: f.clientId,
      count: 1,
      details: { hostname: 'lost.example.com' },
    },
  ]);
  // Still failing an hour later: no new occurrence, since it did not turn failing again.
  f.clock.advance(2 * HOUR);
  await f.t.app.scheduler.runOnce();
  expect((await alertsOf('domain_failing')).filter((item) => item.details.domainId === id)).toMatchObject([
    { count: 1 },
  ]);
});
