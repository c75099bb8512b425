/**
 * Data migrations per agency (docs/data-migrations.md): the shipped one moves client settings into a
 * document while the widget and the settings API are read at every pause of the run, and test-only
 * migrations fail one agency, count how many run at once, and are rolled back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DataMigration, DataMigrationState } from '../../server/data-migrations/data-migration.ts';
import { SHIPPED_DATA_MIGRATIONS } from '../../server/data-migrations/registry.ts';
import { readClientSettings } from '../../server/embedding/client-settings.ts';
import type { Actor } from '../../server/db/tenant-db.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { onPostgres } from '../support/test-database.ts';
import { createAgency, createClient, createUser, expectStatus, marker } from '../platform/provision.ts';

const SYSTEM: Actor = { type: 'system', id: null, requestId: 'data-migrations-test', ip: null };
const BASE = '/v1/platform/data-migrations';
const LOCAL_ORIGIN = 'http://localhost:5173';

/** Agencies whose forward step of `test-failing` throws. */
const failFor = new Set<string>();
const failing: DataMigration = {
  name: 'test-failing',
  description: 'Fails for the agencies the test names.',
  forward: async (q) => {
    if (failFor.has(q.scope.agencyId)) throw new Error(`injected failure for ${q.scope.agencyId}`);
    return { touched: 1 };
  },
  backward: async () => ({ touched: 1 }),
};

/** How many forward steps of `test-probe` ran at once, at most. */
let inFlight = 0;
let mostAtOnce = 0;
const probe: DataMigration = {
  name: 'test-probe',
  description: 'Counts the steps that run at once.',
  forward: async () => {
    inFlight++;
    mostAtOnce = Math.max(mostAtOnce, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 15));
    inFlight--;
    return {};
  },
  backward: async () => ({}),
};

/** Every wait between batches, and what the test does there before the run goes on. */
const pauses: number[] = [];
let atPause: () => Promise<void> = async () => {};

let t: TestApp;
interface Tenant {
  agencyId: string;
  clientId: string;
  publicKey: string;
  title: string;
}
const tenants: Tenant[] = [];

beforeAll(async () => {
  t = await createTestApp({
    dataMigrations: {
      migrations: [...SHIPPED_DATA_MIGRATIONS, failing, probe],
      sleep: (ms) => {
        pauses.push(ms);
        return atPause();
      },
    },
  });
  for (let i = 0; i < 7; i++) {
    const agencyId = (await createAgency(t)).id;
    const client = await createClient(t, t.adminToken, agencyId);
    // Settings of its own per client, loopback origins on, so the widget config can be read from a test.
    const title = marker('title');
    expectStatus(
      await t.call('PATCH', `/v1/clients/${client.id}/settings`, t.adminToken, {
        widget: { title },
        allowLocalhost: true,
      }),
      200,
    );
    tenants.push({ agencyId, clientId: client.id, publicKey: client.publicKey, title });
  }
}, 120_000);
afterAll(() => t?.close());
beforeEach(() => {
  pauses.length = 0;
  atPause = async () => {};
  failFor.clear();
});

const status = async (name: string) => {
  const response = await t.call('GET', `${BASE}/${name}`, t.adminToken);
  expectStatus(response, 200);
  return response.json() as {
    active: string | null;
    counts: Record<string, number>;
    tenants: {
      agencyId: string;
      state: string;
      canary: boolean;
      batch: number | null;
      attempts: number;
      finishedAt: string | null;
      durationMs: number | null;
      lastError: string | null;
    }[];
  };
};
const stateOf = async (name: string) =>
  new Map((await status(name)).tenants.map((tenant) => [tenant.agencyId, tenant.state]));

/** A tenant's settings through the API and its widget configuration, read fresh from the database. */
async function expectTenantServed(tenant: Tenant): Promise<void> {
  t.app.verdicts.invalidate(tenant.clientId);
  const settings = await t.call('GET', `/v1/clients/${tenant.clientId}/settings`, t.adminToken);
  expectStatus(settings, 200);
  expect(settings.json().widget.title).toBe(tenant.title);
  expect(settings.json().allowLocalhost).toBe(true);
  // Refused unless allowLocalhost was read as true, from whichever shape served it.
  const config = await t.app.inject({
    method: 'GET',
    url: `/v1/widget/${tenant.publicKey}/config`,
    headers: { origin: LOCAL_ORIGIN },
  });
  expectStatus(config, 200);
  expect(config.json().title).toBe(tenant.title);
}

async function expectServedCorrectly(): Promise<void> {
  for (const tenant of tenants) await expectTenantServed(tenant);
}

async function shapes(): Promise<string[]> {
  const out: string[] = [];
  for (const tenant of tenants)
    out.push(
      (await t.data.scoped({ agencyId: tenant.agencyId, clientId: tenant.clientId }, SYSTEM, readClientSettings)).shape,
    );
  return out;
}

async function run(name: string, body: Record<string, unknown>) {
  const response = await t.call('POST', `${BASE}/${name}/runs`, t.adminToken, body);
  expectStatus(response, 202);
  return t.app.dataMigrations.idle(name);
}

describe('the shipped migration, client-settings-document', () => {
  test('serves every tenant its settings at every pause of a run, from the shape its state says', async () => {
    const name = 'client-settings-document';
    const seen: string[][] = [];
    atPause = async () => {
      const states = await stateOf(name);
      await expectServedCorrectly();
      const now = await shapes();
      // Done agencies are read from the document, every other from the columns.
      expect(now).toEqual(tenants.map((tenant) => (states.get(tenant.agencyId) === 'done' ? 'document' : 'columns')));
      seen.push(now);
    };
    await expectServedCorrectly();
    expect(await shapes()).toEqual(tenants.map(() => 'columns'));

    const canary = tenants[2] as Tenant;
    const outcome = await run(name, { canaries: [canary.agencyId], batchSize: 3, concurrency: 2, pauseMs: 25 });
    expect(outcome).toMatchObject({ kind: 'run', done: 7, failed: 0, stopped: false });
    // The canary alone, then batches of 3 and 3, one pause before each batch after the first.
    expect(pauses).toEqual([25, 25]);
    expect(seen.map((shape) => shape.filter((s) => s === 'document').length)).toEqual([1, 4]);
    expect(seen[0]?.[2]).toBe('document');

    await expectServedCorrectly();
    expect(await shapes()).toEqual(tenants.map(() => 'document'));
    const after = await status(name);
    expect(after.counts).toMatchObject({ done: 7, pending: 0, failed: 0 });
    const canaryRow = after.tenants.find((row) => row.agencyId === canary.agencyId);
    expect(canaryRow).toMatchObject({ canary: true, batch: 0, attempts: 1, lastError: null });
    expect(after.tenants.filter((row) => !row.canary).map((row) => row.batch)).toEqual([1, 1, 1, 2, 2, 2]);
    for (const row of after.tenants) expect(row.durationMs).toBeGreaterThanOrEqual(0);

    // Audited in each agency's own log.
    const log = await t.call('GET', `/v1/agencies/${canary.agencyId}/audit-log`, t.adminToken);
    expect(log.json().items).toContainEqual(
      expect.objectContaining({ action: 'data_migration.applied', target: expect.anything() }),
    );
  });

  test('reads by the state, not by which shape holds something', async () => {
    const [migrated, other] = tenants as [Tenant, Tenant];
    // A document differing from the columns under an agency that is not done is not served, and
    // columns differing from the document under one that is done are not either.
    await t.data.privileged('test: mark one agency pending again', (db) =>
      db
        .updateTable('tenant_data_migrations')
        .set({ state: 'pending' })
        .where('agency_id', '=', other.agencyId)
        .where('migration', '=', 'client-settings-document')
        .execute(),
    );
    await t.data.privileged('test: diverge the shapes', async (db) => {
      await db
        .updateTable('client_settings')
        .set({ document: JSON.stringify({ version: 1, widget: { title: 'only in the document' }, embedding: {} }) })
        .where('client_id', '=', other.clientId)
        .execute();
      await db
        .updateTable('client_settings')
        .set({ widget: JSON.stringify({ title: 'only in the columns' }) })
        .where('client_id', '=', migrated.clientId)
        .execute();
    });
    const read = async (tenant: Tenant) =>
      (await t.call('GET', `/v1/clients/${tenant.clientId}/settings`, t.adminToken)).json().widget.title;
    expect(await read(other)).toBe(other.title);
    expect(await read(migrated)).toBe(migrated.title);
    // Put back as they were: a write writes both shapes.
    for (const tenant of [migrated, other])
      expectStatus(
        await t.call('PATCH', `/v1/clients/${tenant.clientId}/settings`, t.adminToken, {
          widget: { title: tenant.title },
        }),
        200,
      );
    expect(await read(migrated)).toBe(migrated.title);
  });

  test('a change during the window is written in both shapes, and a rollback serves the columns again', async () => {
    const name = 'client-settings-document';
    const tenant = tenants[4] as Tenant;
    tenant.title = marker('changed');
    expectStatus(
      await t.call('PATCH', `/v1/clients/${tenant.clientId}/settings`, t.adminToken, {
        widget: { title: tenant.title },
      }),
      200,
    );
    const row = await t.data.privileged('test: the stored shapes', (db) =>
      db
        .selectFrom('client_settings')
        .select(['widget', 'document'])
        .where('client_id', '=', tenant.clientId)
        .executeTakeFirstOrThrow(),
    );
    expect((row.widget as { title: string }).title).toBe(tenant.title);
    expect((row.document as { widget: { title: string } }).widget.title).toBe(tenant.title);

    expectStatus(await t.call('POST', `${BASE}/${name}/rollback`, t.adminToken, {}), 202);
    expect(await t.app.dataMigrations.idle(name)).toMatchObject({ kind: 'rollback', failed: 0, stopped: false });
    const after = await status(name);
    expect(after.counts.rolled_back).toBe(6);
    expect(after.counts.pending).toBe(1);
    expect(await shapes()).toEqual(tenants.map(() => 'columns'));
    await expectServedCorrectly();
    // Cleared for every agency rolled back; the one put back to pending by hand was not touched.
    const documents = await t.data.privileged('test: documents left', (db) =>
      db.selectFrom('client_settings').select('client_id').where('document', 'is not', null).execute(),
    );
    expect(documents).toEqual([{ client_id: (tenants[1] as Tenant).clientId }]);
    const log = await t.call('GET', `/v1/agencies/${tenant.agencyId}/audit-log`, t.adminToken);
    expect(log.json().items).toContainEqual(
      expect.objectContaining({ action: 'data_migration.rolled_back', target: { type: 'data_migration', id: name } }),
    );
  });
});

describe('reads while agencies are being migrated', () => {
  test('are served correctly throughout a run, read one after another from before it starts until it ends', async () => {
    const name = 'client-settings-document';
    // Real waits between batches of one, so the run outlasts many reads.
    atPause = () => new Promise((resolve) => setTimeout(resolve, 20));
    // Reading from before the run starts until it has ended; a read counts when the run was on at its start or end.
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      for (let i = 0; reading; i++) {
        const before = t.app.dataMigrations.activeOperation(name) !== null;
        await expectTenantServed(tenants[i % tenants.length] as Tenant);
        if (before || t.app.dataMigrations.activeOperation(name) !== null) reads++;
        // PGlite answers without a turn of the event loop: let timers fire between reads.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    expectStatus(await t.call('POST', `${BASE}/${name}/runs`, t.adminToken, { batchSize: 1, pauseMs: 20 }), 202);
    await t.app.dataMigrations.idle(name);
    reading = false;
    await reader;
    expect(await t.app.dataMigrations.idle(name)).toMatchObject({ kind: 'run', failed: 0 });
    expect(reads).toBeGreaterThan(0);
    await expectServedCorrectly();
    expect(await shapes()).toEqual(tenants.map(() => 'document'));
  });
});

describe('a failing agency', () => {
  test('is retried, reported and audited, and does not stop the others', async () => {
    const bad = tenants[5] as Tenant;
    failFor.add(bad.agencyId);
    const outcome = await run('test-failing', { batchSize: 2, concurrency: 2, pauseMs: 0, retries: 2 });
    expect(outcome).toMatchObject({ done: 6, failed: 1, stopped: false });
    const after = await status('test-failing');
    expect(after.counts).toMatchObject({ done: 6, failed: 1 });
    const row = after.tenants.find((tenant) => tenant.agencyId === bad.agencyId);
    expect(row).toMatchObject({ state: 'failed', attempts: 3 });
    expect(row?.lastError).toContain('injected failure');
    const log = await t.call('GET', `/v1/agencies/${bad.agencyId}/audit-log`, t.adminToken);
    const failures = (log.json().items as { action: string }[]).filter((e) => e.action === 'data_migration.failed');
    expect(failures).toHaveLength(3);

    // Retried alone once the cause is gone; a done agency is not retried.
    failFor.clear();
    const retried = await t.call('POST', `${BASE}/test-failing/tenants/${bad.agencyId}/retry`, t.adminToken);
    expectStatus(retried, 200);
    expect(retried.json()).toMatchObject({ agencyId: bad.agencyId, state: 'done', attempts: 4, lastError: null });
    const again = await t.call('POST', `${BASE}/test-failing/tenants/${bad.agencyId}/retry`, t.adminToken);
    expectStatus(again, 409);
    expect(again.json().code).toBe('UPZ_DATA_MIGRATION_STATE');

    // Rolled back alone: the others stay done.
    const back = await t.call('POST', `${BASE}/test-failing/tenants/${bad.agencyId}/rollback`, t.adminToken);
    expectStatus(back, 200);
    expect(back.json().state).toBe('rolled_back');
    expect((await status('test-failing')).counts).toMatchObject({ done: 6, rolled_back: 1 });
  });

  test('as a canary stops the run before the other agencies', async () => {
    const bad = tenants[1] as Tenant;
    failFor.add(bad.agencyId);
    await t.data.privileged('test: start test-failing over', (db) =>
      db.deleteFrom('tenant_data_migrations').where('migration', '=', 'test-failing').execute(),
    );
    const stopped = await run('test-failing', { canaries: [bad.agencyId], retries: 1, pauseMs: 0 });
    expect(stopped).toMatchObject({ done: 0, failed: 1, stopped: true });
    const after = await status('test-failing');
    expect(after.counts).toMatchObject({ failed: 1, pending: 6, done: 0 });
  });
});

describe('the runner', () => {
  test('runs at most `concurrency` agencies at once, and rolls back only the done ones, newest first', async () => {
    mostAtOnce = 0;
    const outcome = await run('test-probe', { batchSize: 4, concurrency: 2, pauseMs: 0, retries: 0 });
    expect(outcome).toMatchObject({ done: 7, failed: 0 });
    expect(mostAtOnce).toBeLessThanOrEqual(2);
    // PGlite has one connection, so its transactions take turns; PostgreSQL's pool runs two at once.
    if (onPostgres) expect(mostAtOnce).toBe(2);

    // In the database's microseconds, ties broken as the rollback breaks them: the API's milliseconds can tie.
    const byFinish = (state: DataMigrationState) =>
      t.data.privileged('test: agencies in the order they finished', async (db) =>
        (
          await db
            .selectFrom('tenant_data_migrations')
            .select('agency_id')
            .where('migration', '=', 'test-probe')
            .where('state', '=', state)
            .orderBy('finished_at')
            .orderBy('agency_id')
            .execute()
        ).map((row) => row.agency_id),
      );
    const done = await byFinish('done');
    // One agency put back to pending by hand, one rolled back alone: neither is touched by the rollback.
    const [first, second] = done as [string, string];
    await t.data.privileged('test: one agency pending', (db) =>
      db
        .updateTable('tenant_data_migrations')
        .set({ state: 'pending' })
        .where('agency_id', '=', first)
        .where('migration', '=', 'test-probe')
        .execute(),
    );
    const rolledFirst = await t.call('POST', `${BASE}/test-probe/tenants/${second}/rollback`, t.adminToken);
    expectStatus(rolledFirst, 200);
    const untouched = await status('test-probe');
    const secondAt = untouched.tenants.find((tenant) => tenant.agencyId === second)?.finishedAt;

    expectStatus(await t.call('POST', `${BASE}/test-probe/rollback`, t.adminToken, {}), 202);
    await t.app.dataMigrations.idle('test-probe');
    const after = await status('test-probe');
    expect(after.counts).toMatchObject({ pending: 1, rolled_back: 6, done: 0 });
    expect(after.tenants.find((tenant) => tenant.agencyId === second)?.finishedAt).toBe(secondAt);
    const order = (await byFinish('rolled_back')).filter((agencyId) => agencyId !== second);
    expect(order).toEqual(done.slice(2).reverse());
  });

  test('takes up an agency left running by a server that stopped', async () => {
    const name = 'test-probe';
    const [left] = tenants as [Tenant];
    await t.data.privileged('test: an agency left running', (db) =>
      db
        .updateTable('tenant_data_migrations')
        .set({ state: 'running', attempts: 1 })
        .where('agency_id', '=', left.agencyId)
        .where('migration', '=', name)
        .execute(),
    );
    await run(name, { pauseMs: 0 });
    const row = (await status(name)).tenants.find((tenant) => tenant.agencyId === left.agencyId);
    expect(row).toMatchObject({ state: 'done', attempts: 2 });
  });

  test('answers 409 to a second operation while one is in progress', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    atPause = () => held;
    await t.data.privileged('test: start test-probe over', (db) =>
      db.deleteFrom('tenant_data_migrations').where('migration', '=', 'test-probe').execute(),
    );
    expectStatus(await t.call('POST', `${BASE}/test-probe/runs`, t.adminToken, { batchSize: 2, pauseMs: 1 }), 202);
    while (pauses.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const listed = await t.call('GET', BASE, t.adminToken);
    expect(listed.json().items).toContainEqual(expect.objectContaining({ name: 'test-probe', active: 'run' }));
    const second = await t.call('POST', `${BASE}/test-probe/rollback`, t.adminToken, {});
    expectStatus(second, 409);
    expect(second.json().code).toBe('UPZ_DATA_MIGRATION_BUSY');
    release();
    expect(await t.app.dataMigrations.idle('test-probe')).toMatchObject({ done: 7, failed: 0 });
  });
});

describe('the API', () => {
  test('is the platform admin’s alone, and names a canary that is no agency', async () => {
    const agencyId = (tenants[0] as Tenant).agencyId;
    const agencyAdmin = await createUser(t, t.adminToken, 'agencies', agencyId, 'admin');
    expectStatus(await t.call('GET', BASE, agencyAdmin.token), 403);
    expectStatus(await t.call('POST', `${BASE}/test-probe/runs`, agencyAdmin.token, {}), 403);
    expectStatus(await t.call('GET', BASE, null), 401);

    const missing = '00000000-0000-4000-8000-000000000000';
    const refused = await t.call('POST', `${BASE}/test-failing/runs`, t.adminToken, { canaries: [missing] });
    expectStatus(refused, 400);
    expect(refused.json().field).toBe('canaries.0');
    expect(t.app.dataMigrations.activeOperation('test-failing')).toBeNull();
    const extra = await t.call('POST', `${BASE}/test-failing/runs`, t.adminToken, { batchSize: 5, parallel: 3 });
    expectStatus(extra, 400);
    expectStatus(await t.call('POST', `${BASE}/no-such-migration/runs`, t.adminToken, {}), 404);
    expectStatus(await t.call('GET', `${BASE}/no-such-migration`, t.adminToken), 404);
  });
});

// Last: a stopped runner starts nothing more.
describe('stopping the server', () => {
  test('ends a pause between batches at once, and leaves the agencies not reached pending', async () => {
    atPause = () => new Promise<void>(() => {});
    await t.data.privileged('test: start test-probe over', (db) =>
      db.deleteFrom('tenant_data_migrations').where('migration', '=', 'test-probe').execute(),
    );
    expectStatus(
      await t.call('POST', `${BASE}/test-probe/runs`, t.adminToken, { batchSize: 3, pauseMs: 3_600_000 }),
      202,
    );
    while (pauses.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await t.app.dataMigrations.stop();
    expect(await t.app.dataMigrations.idle('test-probe')).toMatchObject({ done: 3, stopped: true });
    expect((await status('test-probe')).counts).toMatchObject({ done: 3, pending: 4 });
    const refused = await t.call('POST', `${BASE}/test-probe/runs`, t.adminToken, {});
    expectStatus(refused, 409);
    expect(refused.json().message).toContain('shutting down');
  });
});
