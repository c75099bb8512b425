/**
 * Isolation-breach alerts (docs/alerts.md): each kind provoked from outside where it can be, then
 * found as a row, counted once per occurrence on one open alert, sent once to the platform's
 * webhook with a signature that verifies, and acknowledged and resolved by the platform admin.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { MissingTenantContext, type TenantScope } from '../../server/db/tenant-db.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createAgency,
  createAgencyWithClient,
  createContact,
  createUser,
  expectStatus,
  marker,
} from '../platform/provision.ts';

const SECRET = 'alert-webhook-test-secret';
const DENIALS = { max: 3, windowMs: 60_000 };

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let receiver: http.Server;
const received: Received[] = [];
let t: TestApp;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`);
  t = await createTestApp({ alerts: { webhook: { url, secret: SECRET }, crossTenantDenials: DENIALS } });
});
afterAll(async () => {
  await t?.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
  await t.app.alerts.settled();
  received.length = 0;
});

/** Every alert of a kind, through the API, once the raises in flight are done. */
async function alertsOf(kind: string): Promise<Array<Record<string, any>>> {
  await t.app.alerts.settled();
  const response = await t.call('GET', `/v1/platform/alerts?kind=${kind}`, t.adminToken);
  expectStatus(response, 200);
  return response.json().items;
}

/** Runs SQL as the owner of the tables (the connection that migrated), to break what the test breaks. */
async function asOwner(text: string): Promise<void> {
  await sql.raw(text).execute(t.db.handle.direct);
}

function sentOf(kind: string): Array<{ headers: http.IncomingHttpHeaders; event: Record<string, any> }> {
  return received
    .map((request) => ({ headers: request.headers, event: JSON.parse(request.body) }))
    .filter((sent) => sent.event.data.kind === kind);
}

describe('database_privilege_denied', () => {
  test('a grant taken from the tenant role: the 403 raises one critical alert naming the caller, counted on each repeat', async () => {
    const { agencyAdmin, client } = await createAgencyWithClient(t);
    await asOwner('REVOKE SELECT ON contacts FROM upzento_app');
    try {
      for (let i = 0; i < 2; i += 1) {
        const response = await t.call('GET', `/v1/clients/${client.id}/contacts`, agencyAdmin.token);
        expectStatus(response, 403);
        expect(response.json().code).toBe('UPZ_DB_42501');
      }
    } finally {
      await asOwner('GRANT SELECT ON contacts TO upzento_app');
    }
    const [alert, ...others] = (await alertsOf('database_privilege_denied')).filter(
      (item) => item.details.route === '/v1/clients/:clientId/contacts',
    );
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      severity: 'critical',
      tenantType: 'agency',
      tenantId: expect.any(String),
      count: 2,
      status: 'open',
      details: { method: 'GET', pgCode: '42501', userId: agencyAdmin.id },
    });
    // The caller's tenant: the agency whose admin asked, not the client in the path.
    const agencyId = (await t.call('GET', `/v1/clients/${client.id}`, agencyAdmin.token)).json().agencyId;
    expect(alert?.tenantId).toBe(agencyId);
    expect(JSON.stringify(alert?.details)).not.toContain(client.id);
    // Sent once: on the first occurrence, not on the repeat.
    expect(sentOf('database_privilege_denied')).toHaveLength(1);
  });

  test('a row a policy refuses ("new row violates row-level security policy") raises it too', async () => {
    const { agencyAdmin, client } = await createAgencyWithClient(t);
    await asOwner(
      'CREATE POLICY alerts_test_wall ON contacts AS RESTRICTIVE FOR INSERT TO upzento_app WITH CHECK (false)',
    );
    try {
      const response = await t.call('POST', `/v1/clients/${client.id}/contacts`, agencyAdmin.token, {
        email: `${marker('c')}@example.test`,
      });
      expectStatus(response, 403);
    } finally {
      await asOwner('DROP POLICY alerts_test_wall ON contacts');
    }
    const alerts = (await alertsOf('database_privilege_denied')).filter(
      (item) => item.details.route === '/v1/clients/:clientId/contacts' && item.details.method === 'POST',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical', count: 1, details: { userId: agencyAdmin.id } });
  });
});

describe('provisioning_isolation_failed', () => {
  test("a policy that lets a new client see another client's contacts fails the provisioning and raises a critical alert", async () => {
    const first = await createAgencyWithClient(t);
    await createContact(t, first.agencyAdmin.token, first.client.id);
    const other = await createAgencyWithClient(t);
    await asOwner('CREATE POLICY alerts_test_leak ON contacts TO upzento_app USING (true)');
    let response;
    try {
      response = await t.call('POST', `/v1/agencies/${other.agencyId}/clients`, other.agencyAdmin.token, {
        name: marker('client'),
      });
    } finally {
      await asOwner('DROP POLICY alerts_test_leak ON contacts');
    }
    expectStatus(response, 500);
    const alerts = await alertsOf('provisioning_isolation_failed');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      severity: 'critical',
      tenantType: 'agency',
      tenantId: other.agencyId,
      details: { route: '/v1/agencies/:agencyId/clients', breach: expect.stringMatching(/rows of other tenants/) },
    });
    // Counts and the tenant being made, never the other agency or its contact.
    const details = JSON.stringify(alerts[0]?.details);
    expect(details).not.toContain(first.agencyId);
    expect(details).not.toContain(first.client.id);
  });
});

describe('token_after_user_removed', () => {
  test("a token of a removed user is refused and raises a warning for the user's tenant", async () => {
    const agencyId = (await createAgency(t)).id;
    const user = await createUser(t, t.adminToken, 'agencies', agencyId, 'member');
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/users/${user.id}`, t.adminToken), 204);
    for (let i = 0; i < 3; i += 1) expectStatus(await t.call('GET', '/v1/agencies', user.token), 401);
    const alerts = (await alertsOf('token_after_user_removed')).filter((item) => item.details.userId === user.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'warning', tenantType: 'agency', tenantId: agencyId, count: 3 });
  });

  test('a token whose role was lowered is refused without this alert: its user still exists', async () => {
    const agencyId = (await createAgency(t)).id;
    const user = await createUser(t, t.adminToken, 'agencies', agencyId, 'admin');
    await createUser(t, t.adminToken, 'agencies', agencyId, 'admin');
    expectStatus(
      await t.call('PATCH', `/v1/agencies/${agencyId}/users/${user.id}`, t.adminToken, { role: 'viewer' }),
      200,
    );
    expectStatus(await t.call('GET', '/v1/agencies', user.token), 401);
    expect((await alertsOf('token_after_user_removed')).filter((item) => item.details.userId === user.id)).toEqual([]);
  });
});

describe('cross_tenant_denials', () => {
  test('more than the threshold of answers outside the caller’s subtree raise one warning for that caller', async () => {
    const mine = await createAgencyWithClient(t);
    const theirs = await createAgencyWithClient(t);
    const probes = [
      `/v1/agencies/${theirs.agencyId}/clients`,
      `/v1/clients/${theirs.client.id}/contacts`,
      '/v1/platform/alerts',
    ];
    for (let i = 0; i < DENIALS.max; i += 1) {
      const response = await t.call('GET', probes[i % probes.length] as string, mine.agencyAdmin.token);
      expect([403, 404]).toContain(response.statusCode);
    }
    // Its own tenant's answers do not count.
    expectStatus(await t.call('GET', `/v1/agencies/${mine.agencyId}/clients`, mine.agencyAdmin.token), 200);
    const mineOnly = (items: Array<Record<string, any>>) =>
      items.filter((item) => item.details.userId === mine.agencyAdmin.id);
    expect(mineOnly(await alertsOf('cross_tenant_denials'))).toEqual([]);

    expectStatus(await t.call('GET', probes[0] as string, mine.agencyAdmin.token), 404);
    expectStatus(await t.call('GET', probes[0] as string, mine.agencyAdmin.token), 404);
    const alerts = mineOnly(await alertsOf('cross_tenant_denials'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      severity: 'warning',
      tenantType: 'agency',
      tenantId: mine.agencyId,
      count: 1,
      details: { denials: DENIALS.max + 1, windowSeconds: 60 },
    });
    expect(JSON.stringify(alerts[0])).not.toContain(theirs.agencyId);
  });
});

describe('scoped_without_context', () => {
  // Not reachable through the API: every scope comes from a verified token or a resolved client. A
  // handler that called request.scoped() on a route with no tenant in its path would ask for one.
  const actor = { type: 'system' as const, id: null, requestId: 'test-request', ip: null };

  test('a tenant transaction without a context is refused before it is sent, and raises a critical alert', async () => {
    const agencyId = (await createAgency(t)).id;
    let ran = false;
    const run = async () => {
      ran = true;
    };
    await expect(t.app.data.scoped(null as unknown as TenantScope, actor, run)).rejects.toThrow(MissingTenantContext);
    // A client left undefined would widen a client's transaction to its whole agency.
    await expect(
      t.app.data.scoped({ agencyId, clientId: undefined } as unknown as TenantScope, actor, run),
    ).rejects.toThrow(MissingTenantContext);
    expect(ran).toBe(false);
    const alerts = await alertsOf('scoped_without_context');
    expect(alerts.map((item) => [item.severity, item.tenantType, item.tenantId, item.details.clientId])).toEqual(
      expect.arrayContaining([
        ['critical', null, null, 'undefined'],
        ['critical', 'agency', agencyId, 'undefined'],
      ]),
    );
    expect(alerts.find((item) => item.tenantId === agencyId)?.details.stack).toEqual(
      expect.arrayContaining([expect.stringContaining('alerts.test.ts')]),
    );
  });

  test('a whole context is let through, and raises nothing', async () => {
    const before = (await alertsOf('scoped_without_context')).reduce((sum, item) => sum + item.count, 0);
    const agencyId = (await createAgency(t)).id;
    const names = await t.app.data.scoped({ agencyId, clientId: null }, actor, (q) =>
      q.selectFrom('agencies').select('agency_id').execute(),
    );
    expect(names).toEqual([{ agency_id: agencyId }]);
    const after = (await alertsOf('scoped_without_context')).reduce((sum, item) => sum + item.count, 0);
    expect(after).toBe(before);
  });
});

describe('the platform webhook', () => {
  test('a new alert is sent once, as a tenant webhook is, with a signature over its body that verifies', async () => {
    const agencyId = (await createAgency(t)).id;
    const user = await createUser(t, t.adminToken, 'agencies', agencyId, 'viewer');
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/users/${user.id}`, t.adminToken), 204);
    expectStatus(await t.call('GET', '/v1/agencies', user.token), 401);
    await t.app.alerts.settled();
    const [sent, ...more] = sentOf('token_after_user_removed');
    expect(more).toEqual([]);
    expect(sent?.event).toMatchObject({
      type: 'alert.raised',
      data: { kind: 'token_after_user_removed', tenantId: agencyId, count: 1, status: 'open' },
    });
    expect(sent?.headers['upzento-event-id']).toBe(sent?.event.id);
    const header = String(sent?.headers['upzento-signature']);
    const [, t0, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
    const body = received.find((request) => request.headers['upzento-signature'] === header)?.body;
    expect(v1).toBe(createHmac('sha256', SECRET).update(`${t0}.${body}`).digest('hex'));
  });

  test('without a configured webhook nothing is sent, and the alert is still stored', async () => {
    const quiet = await createTestApp({}, undefined);
    try {
      const agencyId = (await createAgency(quiet)).id;
      const user = await createUser(quiet, quiet.adminToken, 'agencies', agencyId, 'viewer');
      expectStatus(await quiet.call('DELETE', `/v1/agencies/${agencyId}/users/${user.id}`, quiet.adminToken), 204);
      expectStatus(await quiet.call('GET', '/v1/agencies', user.token), 401);
      await quiet.app.alerts.settled();
      const listed = await quiet.call('GET', '/v1/platform/alerts', quiet.adminToken);
      expect(listed.json().items).toHaveLength(1);
      expect(received).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  test('a webhook that never answers neither delays nor fails the request that raised the alert', async () => {
    // Accepts the connection, then says nothing: the send waits out its whole time limit.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/alerts`);
    const slow = await createTestApp({ alerts: { webhook: { url, secret: SECRET }, timeoutMs: 3_000 } });
    try {
      const agencyId = (await createAgency(slow)).id;
      const user = await createUser(slow, slow.adminToken, 'agencies', agencyId, 'viewer');
      expectStatus(await slow.call('DELETE', `/v1/agencies/${agencyId}/users/${user.id}`, slow.adminToken), 204);
      const started = performance.now();
      expectStatus(await slow.call('GET', '/v1/agencies', user.token), 401);
      expect(performance.now() - started).toBeLessThan(1_000);
      const sending = performance.now();
      await slow.app.alerts.settled();
      // The send did wait for its limit, after the answer had gone.
      expect(performance.now() - sending).toBeGreaterThan(1_500);
      const listed = await slow.call('GET', '/v1/platform/alerts', slow.adminToken);
      expect(listed.json().items).toMatchObject([{ kind: 'token_after_user_removed', count: 1 }]);
    } finally {
      await slow.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('acknowledge and resolve', () => {
  async function raisedAlert(): Promise<{ id: string; agencyId: string; token: string }> {
    const agencyId = (await createAgency(t)).id;
    const user = await createUser(t, t.adminToken, 'agencies', agencyId, 'viewer');
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/users/${user.id}`, t.adminToken), 204);
    expectStatus(await t.call('GET', '/v1/agencies', user.token), 401);
    const alert = (await alertsOf('token_after_user_removed')).find((item) => item.tenantId === agencyId);
    if (!alert) throw new Error('no alert raised');
    return { id: alert.id, agencyId, token: user.token };
  }

  test('acknowledged keeps counting on the alert; resolved closes it, and the next occurrence opens and sends a new one', async () => {
    const { id, agencyId, token } = await raisedAlert();
    const acknowledged = await t.call('POST', `/v1/platform/alerts/${id}/acknowledge`, t.adminToken);
    expectStatus(acknowledged, 200);
    expect(acknowledged.json()).toMatchObject({ status: 'acknowledged', acknowledgedAt: expect.any(String) });

    expectStatus(await t.call('GET', '/v1/agencies', token), 401);
    let listed = (await alertsOf('token_after_user_removed')).filter((item) => item.tenantId === agencyId);
    expect(listed).toMatchObject([{ id, status: 'acknowledged', count: 2 }]);

    const resolved = await t.call('POST', `/v1/platform/alerts/${id}/resolve`, t.adminToken);
    expectStatus(resolved, 200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    // Again: nothing changes.
    expectStatus(await t.call('POST', `/v1/platform/alerts/${id}/resolve`, t.adminToken), 200);
    const late = await t.call('POST', `/v1/platform/alerts/${id}/acknowledge`, t.adminToken);
    expectStatus(late, 409);
    expect(late.json().code).toBe('UPZ_ALERT_RESOLVED');

    received.length = 0;
    expectStatus(await t.call('GET', '/v1/agencies', token), 401);
    listed = (await alertsOf('token_after_user_removed')).filter((item) => item.tenantId === agencyId);
    expect(listed.map((item) => [item.status, item.count])).toEqual([
      ['open', 1],
      ['resolved', 2],
    ]);
    expect(sentOf('token_after_user_removed')).toHaveLength(1);

    const open = await t.call('GET', '/v1/platform/alerts?status=open&kind=token_after_user_removed', t.adminToken);
    expect(open.json().items.every((item: { status: string }) => item.status === 'open')).toBe(true);
    expect(open.json().items.map((item: { id: string }) => item.id)).not.toContain(id);

    // Each change once in the platform's audit chain, by the platform admin.
    const audit = await t.data.privileged('test: the platform audit of one alert', (db) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'actor_type', 'tenant_type'])
        .where('tenant_id', '=', t.platformId)
        .where('target_id', '=', id)
        .orderBy('seq')
        .execute(),
    );
    expect(audit).toEqual([
      { action: 'alert.acknowledged', actor_type: 'user', tenant_type: 'platform' },
      { action: 'alert.resolved', actor_type: 'user', tenant_type: 'platform' },
    ]);
  });

  test('only the platform admin lists or changes alerts; an unknown alert is 404', async () => {
    const { id } = await raisedAlert();
    const { agencyAdmin } = await createAgencyWithClient(t);
    expectStatus(await t.call('GET', '/v1/platform/alerts', agencyAdmin.token), 403);
    expectStatus(await t.call('POST', `/v1/platform/alerts/${id}/resolve`, agencyAdmin.token), 403);
    expectStatus(await t.call('GET', '/v1/platform/alerts', null), 401);
    expectStatus(
      await t.call('POST', '/v1/platform/alerts/00000000-0000-4000-8000-000000000000/resolve', t.adminToken),
      404,
    );
  });

  test('the list pages newest first with a cursor, and refuses a kind it does not know', async () => {
    await raisedAlert();
    await raisedAlert();
    const first = await t.call('GET', '/v1/platform/alerts?limit=1', t.adminToken);
    expectStatus(first, 200);
    const page = first.json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = (await t.call('GET', `/v1/platform/alerts?limit=1&cursor=${page.nextCursor}`, t.adminToken)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(page.items[0].id);
    expect(Date.parse(second.items[0].firstSeenAt)).toBeLessThanOrEqual(Date.parse(page.items[0].firstSeenAt));
    expectStatus(await t.call('GET', '/v1/platform/alerts?kind=nothing_like_it', t.adminToken), 400);
  });
});
