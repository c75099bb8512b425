/**
 * Per-tenant metrics (docs/metrics.md): widget and API requests counted in memory, flushed to the
 * rollups and read back through the API by those who may see the tenant, and nobody else; the
 * health view's statuses and reasons; retention; a flush while the database is gone.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TenantDatabase } from '../../server/db/tenant-db.ts';
import { TenantMetrics } from '../../server/tenant-metrics/tenant-metrics.ts';
import { createDomainFixture, HOUR, type DomainFixture } from '../support/domain-fixture.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/test-database.ts';
import { createAgencyWithClient, createUser, expectStatus, type CreatedUser } from '../platform/provision.ts';

const HOSTNAME = 'shop.example.com';
let f: DomainFixture;
let clientUser: CreatedUser;
let agencyAdmin: CreatedUser;
let other: Awaited<ReturnType<typeof createAgencyWithClient>>;
let otherClientUser: CreatedUser;

function widget(method: 'GET' | 'POST', origin: string, body?: unknown) {
  const path = method === 'GET' ? 'config' : 'submissions';
  return f.t.app.inject({
    method,
    url: `/v1/widget/${f.publicKey}/${path}`,
    headers: { origin, ...(body !== undefined && { 'idempotency-key': `key-${Math.random().toString(36).slice(2)}` }) },
    ...(body !== undefined && { payload: body as object }),
  });
}

beforeAll(async () => {
  f = await createDomainFixture({ healthSummaryMaxAgeMs: 0 });
  await f.verifiedDomain(HOSTNAME);
  clientUser = await createUser(f.t, f.t.adminToken, 'clients', f.clientId, 'viewer');
  agencyAdmin = await createUser(f.t, f.t.adminToken, 'agencies', f.agencyId, 'admin');
  other = await createAgencyWithClient(f.t);
  otherClientUser = await createUser(f.t, other.agencyAdmin.token, 'clients', other.client.id, 'viewer');
  // What the set-up itself counted (the domain's check, the users' requests) is written now.
  await f.t.app.tenantMetrics.flush();
}, 60_000);
afterAll(() => f?.close());

describe('recording, flushing and reading', () => {
  test("a client's widget and API requests come back as counts and percentiles", async () => {
    const origin = `https://${HOSTNAME}`;
    for (let i = 0; i < 3; i += 1) expectStatus(await widget('GET', origin), 200);
    for (let i = 0; i < 2; i += 1) expectStatus(await widget('GET', 'https://elsewhere.example'), 403);
    expectStatus(await widget('POST', origin, { email: 'lead@example.test' }), 201);
    expectStatus(await f.t.call('GET', `/v1/clients/${f.clientId}/contacts`, clientUser.token), 200);
    expectStatus(
      await f.t.call('GET', `/v1/clients/${f.clientId}/contacts/${crypto.randomUUID()}`, clientUser.token),
      404,
    );
    await f.t.app.tenantMetrics.flush();

    const response = await f.t.call('GET', `/v1/clients/${f.clientId}/metrics?resolution=minute`, clientUser.token);
    expectStatus(response, 200);
    const body = response.json();
    expect(body.buckets).toHaveLength(60);
    const total = (pick: (bucket: any) => number) => body.buckets.reduce((sum: number, b: any) => sum + pick(b), 0);
    expect(total((b) => b.widgetRequests)).toBe(6);
    expect(total((b) => b.refusals.origin)).toBe(2);
    expect(total((b) => b.submissions)).toBe(1);
    expect(total((b) => b.apiRequests)).toBe(2);
    expect(total((b) => b.api4xx)).toBe(1);
    expect(total((b) => b.domainChecks.matched)).toBeGreaterThanOrEqual(1);
    const busy = body.buckets.find((b: any) => b.widgetRequests > 0);
    expect(busy.widgetLatencyMs.p50).toBeGreaterThan(0);
    expect(busy.widgetLatencyMs.p95).toBeGreaterThanOrEqual(busy.widgetLatencyMs.p50);

    // The hour rollup holds the same counts; the agency's series adds its clients' up.
    const hourly = await f.t.call('GET', `/v1/agencies/${f.agencyId}/metrics`, agencyAdmin.token);
    expectStatus(hourly, 200);
    const hours = hourly.json().buckets;
    expect(hours).toHaveLength(24);
    expect(hours.reduce((sum: number, b: any) => sum + b.widgetRequests, 0)).toBe(6);
    const own = await f.t.call('GET', `/v1/agencies/${f.agencyId}/metrics?tenants=own`, agencyAdmin.token);
    expect(own.json().buckets.reduce((sum: number, b: any) => sum + b.widgetRequests, 0)).toBe(0);
  });

  test('a range the rollups do not keep, or backwards, is refused with the field named', async () => {
    const url = `/v1/clients/${f.clientId}/metrics?resolution=minute&from=2025-01-01T00:00:00Z`;
    const response = await f.t.call('GET', url, clientUser.token);
    expectStatus(response, 400);
    expect(response.json().field).toBe('from');
  });
});

describe('who may read', () => {
  test("another agency's or client's users get 404, the platform admin sees everything", async () => {
    expectStatus(await f.t.call('GET', `/v1/clients/${f.clientId}/metrics`, otherClientUser.token), 404);
    expectStatus(await f.t.call('GET', `/v1/clients/${f.clientId}/metrics`, other.agencyAdmin.token), 404);
    expectStatus(await f.t.call('GET', `/v1/agencies/${f.agencyId}/metrics`, other.agencyAdmin.token), 404);
    expectStatus(await f.t.call('GET', `/v1/agencies/${f.agencyId}/health`, other.agencyAdmin.token), 404);
    expectStatus(await f.t.call('GET', `/v1/agencies/${f.agencyId}/health`, clientUser.token), 404);
    expectStatus(await f.t.call('GET', '/v1/platform/health', agencyAdmin.token), 403);
    expectStatus(await f.t.call('GET', `/v1/clients/${f.clientId}/metrics`, f.t.adminToken), 200);

    const agencyView = (await f.t.call('GET', `/v1/agencies/${f.agencyId}/health`, agencyAdmin.token)).json();
    const ids = agencyView.items.map((item: any) => item.tenantId);
    expect(ids).toContain(f.clientId);
    expect(ids).toContain(f.agencyId);
    expect(ids).not.toContain(other.client.id);
    const platformView = (await f.t.call('GET', '/v1/platform/health?limit=500', f.t.adminToken)).json();
    const all = platformView.items.map((item: any) => item.tenantId);
    expect(all).toEqual(expect.arrayContaining([f.clientId, f.agencyId, other.client.id, other.agencyId]));
  });
});

describe('health', () => {
  test('a failing domain makes its client unhealthy, an unresolved alert shows, filters and sorts apply', async () => {
    const view = async (query = '') =>
      (await f.t.call('GET', `/v1/agencies/${f.agencyId}/health${query}`, agencyAdmin.token)).json();
    const before = (await view()).items.find((item: any) => item.tenantId === f.clientId);
    expect(before.domains.verified).toBe(1);
    expect(before.widgetRequests).toBe(6);
    expect(before.lastActivity).not.toBeNull();

    await f.t.data.privileged('test: a domain whose record went away', (db) =>
      db
        .updateTable('domains')
        .set({ status: 'failing', failing_since: new Date() })
        .where('client_id', '=', f.clientId)
        .execute(),
    );
    await f.t.data.privileged('test: an alert about the client', (db) =>
      db
        .insertInto('alerts')
        .values({
          kind: 'refused_origins',
          severity: 'warning',
          tenant_type: 'client',
          tenant_id: f.clientId,
          dedupe_key: f.clientId,
          details: JSON.stringify({}),
        })
        .execute(),
    );
    const after = await view('?status=unhealthy');
    expect(after.items.map((item: any) => item.tenantId)).toEqual([f.clientId]);
    const client = after.items[0];
    expect(client.status).toBe('unhealthy');
    expect(client.reasons).toEqual(expect.arrayContaining(['domain_failing', 'open_alert']));
    expect(client.openAlerts).toBe(1);
    expect(client.domains.failing).toBe(1);
    expect(after.counts.unhealthy).toBe(1);

    const byName = await view(`?sort=name&q=${encodeURIComponent(client.name.slice(0, 8))}`);
    expect(byName.items.map((item: any) => item.tenantId)).toEqual([f.clientId]);
    const paged = await view('?limit=1');
    expect(paged.items).toHaveLength(1);
    expect(paged.nextCursor).not.toBeNull();
    const next = await view(`?limit=1&cursor=${paged.nextCursor}`);
    expect(next.items[0].tenantId).not.toBe(paged.items[0].tenantId);
  });
});

describe('retention', () => {
  test('minute rows older than a day and hour rows older than 90 days are deleted, newer ones kept', async () => {
    const now = f.clock.now().getTime();
    const zeros = Array.from({ length: 13 }, () => 0);
    const row = (start: number) => ({
      agency_id: f.agencyId,
      tenant_id: f.clientId,
      client_id: f.clientId,
      bucket_start: new Date(start - (start % HOUR)),
      api_latency: zeros,
      widget_latency: zeros,
    });
    await f.t.data.privileged('test: old rollups', async (db) => {
      await db
        .insertInto('tenant_metrics_minute')
        .values([row(now - 25 * HOUR), row(now - 23 * HOUR)])
        .execute();
      await db
        .insertInto('tenant_metrics_hour')
        .values([row(now - 91 * 24 * HOUR), row(now - 89 * 24 * HOUR)])
        .execute();
    });
    const run = await f.t.app.tenantMetrics.pruneOnce();
    expect(run).toMatchObject({ ran: true, minuteRows: 1, hourRows: 1 });
    const left = await f.t.data.privileged('test: what is left', (db) =>
      sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM tenant_metrics_minute WHERE bucket_start < ${new Date(now - 22 * HOUR)}`.execute(
        db,
      ),
    );
    expect(left.rows[0]?.n).toBe(1);
  });
});

describe('a flush while the database is gone', () => {
  test('keeps its counts for the next flush, never throws, and the counting goes on', async () => {
    let down = true;
    const data = new Proxy(f.t.data, {
      get(target, property) {
        if (property === 'privilegedForAgencies' && down) return () => Promise.reject(new Error('connection lost'));
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as TenantDatabase;
    const flushes: Array<[boolean, number]> = [];
    const metrics = new TenantMetrics({
      onFlush: (ok, dropped) => flushes.push([ok, dropped]),
      data,
      lockDb: null,
      now: f.clock.now,
      counters: { now: () => f.clock.now().getTime() },
    });
    const client = { agencyId: other.agencyId, clientId: other.client.id };
    metrics.counters.widgetAnswered(client, 'served', 3);
    await expect(metrics.flush()).resolves.toBeUndefined();
    metrics.counters.widgetAnswered(client, 'submitted', 4);
    down = false;
    await metrics.flush();
    const response = await f.t.call('GET', `/v1/clients/${other.client.id}/metrics?resolution=minute`, f.t.adminToken);
    const buckets = response.json().buckets;
    expect(buckets.reduce((sum: number, b: any) => sum + b.widgetRequests, 0)).toBe(2);
    expect(buckets.reduce((sum: number, b: any) => sum + b.submissions, 0)).toBe(1);
    expect(flushes).toEqual([
      [false, 0],
      [true, 0],
    ]);
  });
});

describe.skipIf(!onPostgres)('with an agency in a database of its own', () => {
  let shared: TestDatabase;
  let silo: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    shared = await createTestDatabase();
    silo = await createTestDatabase();
    t = await createTestApp({ databases: new Map([['silo', silo.handle]]), healthSummaryMaxAgeMs: 0 }, shared);
  });
  afterAll(async () => {
    await t?.close();
    await silo?.close();
    await shared?.close();
  });

  test("its counts are written there and read from there; the platform's view has every database's tenants", async () => {
    const moved = await createAgencyWithClient(t);
    const stays = await createAgencyWithClient(t);
    expectStatus(
      await t.call('PUT', `/v1/agencies/${moved.agencyId}/placement`, t.adminToken, { database: 'silo' }),
      200,
    );
    const movedUser = await createUser(t, moved.agencyAdmin.token, 'clients', moved.client.id, 'viewer');
    const stayingUser = await createUser(t, stays.agencyAdmin.token, 'clients', stays.client.id, 'viewer');
    for (let i = 0; i < 3; i += 1) {
      expectStatus(await t.call('GET', `/v1/clients/${moved.client.id}/contacts`, movedUser.token), 200);
      expectStatus(await t.call('GET', `/v1/clients/${stays.client.id}/contacts`, stayingUser.token), 200);
    }
    await t.app.tenantMetrics.flush();

    // As upzento_system, whose policies admit every row: the tables' owner is held back by forced RLS.
    const rowsIn = (database: TestDatabase, clientId: string) =>
      database.handle.direct.transaction().execute(async (trx) => {
        await sql`SET LOCAL ROLE upzento_system`.execute(trx);
        const { rows } = await sql<{ n: number }>`
          SELECT coalesce(sum(api_requests), 0)::int AS n FROM tenant_metrics_hour WHERE tenant_id = ${clientId}`.execute(
          trx,
        );
        return rows[0]?.n;
      });
    expect(await rowsIn(silo, moved.client.id)).toBe(3);
    expect(await rowsIn(shared, moved.client.id)).toBe(0);

    const series = await t.call('GET', `/v1/clients/${moved.client.id}/metrics`, movedUser.token);
    expect(series.json().buckets.reduce((sum: number, b: any) => sum + b.apiRequests, 0)).toBe(3);
    const platform = (await t.call('GET', '/v1/platform/health?sort=name&limit=500', t.adminToken)).json();
    const requests = (id: string) => platform.items.find((item: any) => item.tenantId === id)?.apiRequests;
    expect(requests(moved.client.id)).toBe(3);
    expect(requests(stays.client.id)).toBe(3);
  });
});
