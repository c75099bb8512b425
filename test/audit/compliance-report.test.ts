/**
 * The compliance report of a client and of its agency, as JSON and as a printable page, on the
 * suite's database: each section holds the events of the period with actor, time, address and
 * request id, and the chains of the scope are verified against their hashes and signed digests.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, HOUR, TIMINGS, type DomainFixture } from '../support/domain-fixture.ts';
import type { TestApp } from '../support/test-app.ts';
import { createUser, expectStatus, marker, USER_PASSWORD } from '../platform/provision.ts';

let f: DomainFixture;
let t: TestApp;
let clientAdmin: { id: string; email: string; token: string };
let agencyAdmin: { id: string; email: string; token: string };
let from: string;
let to: string;
let memberId: string;
let hostile: string;

beforeAll(async () => {
  f = await createDomainFixture();
  t = f.t;
  from = new Date(Date.now() - 1000).toISOString();
  agencyAdmin = await createUser(t, t.adminToken, 'agencies', f.agencyId, 'admin');
  clientAdmin = await createUser(t, t.adminToken, 'clients', f.clientId, 'admin');
  const member = await createUser(t, clientAdmin.token, 'clients', f.clientId, 'member');
  memberId = member.id;
  expectStatus(
    await t.call('PATCH', `/v1/clients/${f.clientId}/users/${member.id}`, clientAdmin.token, { role: 'viewer' }),
    200,
  );
  // A failed sign-in of a user of the client is in the client's chain; one for an unknown email is not.
  expectStatus(
    await t.call('POST', '/v1/auth/token', null, { email: clientAdmin.email, password: 'not the password' }),
    401,
  );
  expectStatus(
    await t.call('POST', '/v1/auth/token', null, {
      email: `${marker('nobody')}@example.test`,
      password: 'not the password',
    }),
    401,
  );
  await t.signIn(clientAdmin.email, USER_PASSWORD);
  // A domain verified, then gone from DNS: failing at the next check, revoked after the grace period.
  const domainId = await f.verifiedDomain('report.test');
  f.dns.setTxt('_upzento-challenge.report.test', []);
  f.clock.advance(TIMINGS.recheckIntervalMs + HOUR);
  await t.app.scheduler.runOnce();
  f.clock.advance(TIMINGS.gracePeriodMs + HOUR);
  await t.app.scheduler.runOnce();
  expect(
    (await t.call('GET', `/v1/clients/${f.clientId}/domains`, clientAdmin.token))
      .json()
      .items.find((d: { id: string }) => d.id === domainId).status,
  ).toBe('revoked');
  expectStatus(
    await t.call('PATCH', `/v1/clients/${f.clientId}/settings`, clientAdmin.token, { allowLocalhost: true }),
    200,
  );
  const contact = await t.call('POST', `/v1/clients/${f.clientId}/contacts`, clientAdmin.token, {
    email: `${marker('c')}@example.test`,
  });
  expectStatus(
    await t.call('GET', `/v1/clients/${f.clientId}/contacts/${contact.json().id}/export`, clientAdmin.token),
    200,
  );
  expectStatus(
    await t.call('POST', `/v1/clients/${f.clientId}/contacts/${contact.json().id}/erase`, clientAdmin.token),
    200,
  );
  hostile = `<script>alert("${marker('x')}")</script>`;
  expectStatus(await t.call('POST', `/v1/agencies/${f.agencyId}/clients`, agencyAdmin.token, { name: hostile }), 201);
  await t.app.auditDigests.runOnce();
  to = new Date(Date.now() + 1000).toISOString();
}, 90_000);
afterAll(() => f?.close());

const report = async (
  level: string,
  token: string,
  query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
) => {
  const response = await t.call('GET', `/v1/${level}/compliance-report?${query}`, token);
  expectStatus(response, 200);
  return response.json();
};

const actions = (section: { events: Array<{ action: string }> }) => section.events.map((e) => e.action);

describe('a client’s report', () => {
  test('users and their changes, sign-ins, domains, settings, exports and erasures, each event sampled whole', async () => {
    const body = await report(`clients/${f.clientId}`, clientAdmin.token);
    expect(body.tenant).toMatchObject({ id: f.clientId, type: 'client', name: 'Client' });
    expect(body.users.current.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([clientAdmin.id, memberId]),
    );
    expect(body.users.current.find((u: { id: string }) => u.id === memberId).role).toBe('viewer');
    expect(actions(body.users.changes)).toEqual(expect.arrayContaining(['user.created', 'user.role_changed']));
    const granted = body.users.changes.events.find((e: { action: string }) => e.action === 'user.role_changed');
    // Who granted what, when, from where, in which request.
    expect(granted).toMatchObject({
      actor: { type: 'user', id: clientAdmin.id },
      target: { id: memberId },
      details: { from: 'member', to: 'viewer' },
      ip: '127.0.0.1',
      requestId: expect.any(String),
    });
    expect(typeof granted.at).toBe('string');

    // Two users signed in when they were made, and the admin once more.
    expect(body.signIns).toMatchObject({ succeeded: 3, failed: 1 });
    const failed = body.signIns.events.events.find((e: { action: string }) => e.action === 'auth.sign_in_failed');
    expect(failed).toMatchObject({
      actor: { type: 'anonymous' },
      target: { id: clientAdmin.id },
      ip: '127.0.0.1',
      requestId: expect.any(String),
    });

    expect(actions(body.domains)).toEqual(
      expect.arrayContaining(['domain.registered', 'domain.verified', 'domain.failing', 'domain.revoked']),
    );
    expect(actions(body.settings)).toContain('settings.updated');
    expect(actions(body.dataRequests.exports)).toEqual(['contact.exported']);
    expect(actions(body.dataRequests.erasures)).toEqual(['contact.erased']);
    expect(body.isolation.alerts).toEqual([]);
    expect(body.isolation.note).toMatch(/No isolation-check failure is recorded/);
    expect(actions(body.isolation.checks)).toEqual(['client.created']);
    expect(body.isolation.checks.events[0].details.isolation).toMatchObject({ foreignRowsVisible: 0 });

    expect(body.auditChains).toHaveLength(1);
    expect(body.auditChains[0]).toMatchObject({
      tenantId: f.clientId,
      hashChain: { valid: true },
      digests: { valid: true, uncoveredRows: 0 },
    });
    expect(body.auditChains[0].rowsInPeriod).toBeGreaterThan(10);
    expect(body.auditChains[0].digests.digestsChecked).toBeGreaterThanOrEqual(1);
  });

  test('only the period: a period before everything holds nothing', async () => {
    const body = await report(`clients/${f.clientId}`, clientAdmin.token, 'from=2020-01-01&to=2020-02-01');
    expect(body.users.changes).toEqual({ total: 0, truncated: false, events: [] });
    expect(body.signIns).toMatchObject({ succeeded: 0, failed: 0 });
    expect(body.auditChains[0].rowsInPeriod).toBe(0);
    expect(body.period).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z' });
  });

  test('bad periods are a 400 naming the field; a member is refused; another agency gets 404', async () => {
    for (const [query, field] of [
      ['from=2021-01-01&to=2020-01-01', 'from'],
      ['from=yesterday', 'from'],
      ['from=2020-01-01&to=2022-01-01', 'from'],
      ['to=13/01/2020', 'to'],
    ]) {
      const response = await t.call('GET', `/v1/clients/${f.clientId}/compliance-report?${query}`, clientAdmin.token);
      expectStatus(response, 400);
      expect(response.json().message).toContain(field);
    }
    const member = await createUser(t, t.adminToken, 'clients', f.clientId, 'member');
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/compliance-report`, member.token), 403);
    const stranger = await createUser(
      t,
      t.adminToken,
      'agencies',
      (await t.call('POST', '/v1/agencies', t.adminToken, { name: 'Other' })).json().id,
      'admin',
    );
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/compliance-report`, stranger.token), 404);
  });
});

describe('an agency’s report', () => {
  test('its own events and its clients’, and every chain of the scope verified', async () => {
    const body = await report(`agencies/${f.agencyId}`, agencyAdmin.token);
    expect(body.tenant).toMatchObject({ id: f.agencyId, type: 'agency', name: 'Agency' });
    expect(actions(body.users.changes)).toEqual(expect.arrayContaining(['user.created', 'user.role_changed']));
    expect(actions(body.isolation.checks)).toEqual(['agency.created', 'client.created', 'client.created']);
    expect(body.auditChains.map((c: { tenantId: string }) => c.tenantId)).toEqual(
      expect.arrayContaining([f.agencyId, f.clientId]),
    );
    for (const chain of body.auditChains)
      expect(chain, chain.tenantId).toMatchObject({ hashChain: { valid: true }, digests: { valid: true } });
  });

  test('as a printable page: escaped, no script, a policy that allows only its style sheet', async () => {
    for (const request of [
      { url: `/v1/agencies/${f.agencyId}/compliance-report?format=html&from=${from}&to=${to}`, headers: {} },
      {
        url: `/v1/agencies/${f.agencyId}/compliance-report?from=${from}&to=${to}`,
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      },
    ]) {
      const response = await t.call('GET', request.url, agencyAdmin.token, undefined, request.headers);
      expectStatus(response, 200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/,
      );
      expect(response.body).toContain('<h1>Compliance report: Agency</h1>');
      expect(response.body).toContain('@media print');
      expect(response.body).not.toContain(hostile);
      // In the details' JSON, escaped for HTML.
      expect(response.body).toContain(`&lt;script&gt;alert(\\&quot;${hostile.slice(15, -11)}\\&quot;)&lt;/script&gt;`);
      expect(response.body).not.toMatch(/<script/i);
      expect(response.body).toContain('No isolation-check failure is recorded');
    }
    const json = await t.call('GET', `/v1/agencies/${f.agencyId}/compliance-report`, agencyAdmin.token, undefined, {
      accept: 'application/json',
    });
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });
});
