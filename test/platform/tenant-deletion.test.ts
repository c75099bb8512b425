/**
 * Deleting a client or an agency: asking suspends it at once on every instance (tokens and widget
 * 403), queues its export and schedules the purge; cancelling within the grace period brings it
 * back. Once the grace period is over and the export made, the deletion round removes every row
 * of the tenant in every tenant table but what docs/tenants.md says stays (the audit chain, which
 * still verifies, its values cleared; tombstones; the deletion's export until it expires), and
 * nothing of any other tenant.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clientColumnOf, SCOPED_TABLES, type ScopedTable } from '../../server/db/tenant-db.ts';
import { KEPT_IN_PURGE } from '../../server/tenants/tenant-purge.ts';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import type { TestApp } from '../support/test-app.ts';
import { createAgencyWithClient, createContact, createUser, expectStatus } from './provision.ts';

const DAY = 86_400_000;
const ORIGIN = 'https://shop.example';
/** The deleted client's contacts: two made through the API, one by the widget's lead. */
const CONTACTS = 3;

let f: DomainFixture;
let t: TestApp;
/** A second server instance on the same database. */
let b: TestApp;
let agencyToken: string;
let clientToken: string;
/** Another client of the same agency, and another agency: neither may lose a row. */
let sibling: { clientId: string; publicKey: string };
let other: Awaited<ReturnType<typeof createAgencyWithClient>>;

beforeAll(async () => {
  f = await createDomainFixture();
  t = f.t;
  const { createTestApp } = await import('../support/test-app.ts');
  b = await createTestApp({ jwtSecret: t.jwtSecret }, { ...t.db, handle: await t.db.reopen(), close: async () => {} });
  await f.verifiedDomain('shop.example');
  agencyToken = (await createUser(t, t.adminToken, 'agencies', f.agencyId, 'admin')).token;
  clientToken = (await createUser(t, t.adminToken, 'clients', f.clientId, 'admin')).token;
  sibling = await f.anotherClient('Sibling');
  other = await createAgencyWithClient(t);
  for (const clientId of [f.clientId, sibling.clientId]) {
    await createContact(t, agencyToken, clientId);
    await createContact(t, agencyToken, clientId);
    await createUser(t, agencyToken, 'clients', clientId, 'member');
  }
  await createContact(t, other.agencyAdmin.token, other.client.id);
  expectStatus(await submit('first-lead'), 201);
  expectStatus(
    await t.call('POST', `/v1/clients/${f.clientId}/webhooks`, agencyToken, {
      url: 'https://hooks.example.test/in',
      events: ['submission.created'],
    }),
    201,
  );
  expectStatus(await t.call('PATCH', `/v1/clients/${f.clientId}/limits`, agencyToken, { contacts: 500 }), 200);
});
afterAll(async () => {
  await b?.close();
  await f?.close();
});

const widgetConfig = (app: TestApp = t) =>
  app.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin: ORIGIN } });

function submit(key: string) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/widget/${f.publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': key },
    payload: { email: `${key}@visitor.example`, name: 'A visitor' },
  });
}

/** Each tenant table's rows of an agency, or of one client of it (tables of the agency alone left out). */
async function rowsOf(agencyId: string, clientId: string | null): Promise<Record<string, number>> {
  return t.data.privileged('test: count a tenant’s rows', async (db) => {
    const counts: Record<string, number> = {};
    for (const table of SCOPED_TABLES) {
      const column = clientColumnOf(table);
      if (clientId !== null && column === null) continue;
      let query = db
        .selectFrom(table as 'clients')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('agency_id', '=', agencyId);
      if (clientId !== null) query = query.where(column as 'client_id', '=', clientId);
      counts[table] = Number((await query.executeTakeFirstOrThrow()).n);
    }
    return counts;
  });
}

function expectPurged(counts: Record<string, number>, exportParts: number): void {
  for (const table of Object.keys(counts) as ScopedTable[]) {
    if (KEPT_IN_PURGE[table] !== undefined) continue;
    // The jobs of the tenant's deletions, and this deletion's archive until it expires.
    const kept = { privacy_jobs: counts.tenant_deletions, export_parts: exportParts } as Record<string, number>;
    const expected = kept[table] ?? 0;
    expect(counts[table], table).toBe(expected);
  }
}

async function expectChainValid(level: 'agencies' | 'clients', id: string, token: string): Promise<void> {
  const verified = await t.call('GET', `/v1/${level}/${id}/audit-log/verify`, token);
  expectStatus(verified, 200);
  expect(verified.json()).toMatchObject({ valid: true });
}

function expectSuspended(response: { statusCode: number; json(): any }): void {
  expect(response.statusCode).toBe(403);
  expect(response.json().code).toBe('UPZ_TENANT_SUSPENDED');
}

describe('deleting a client', () => {
  test('its own admin cannot; an agency admin cannot skip the grace period', async () => {
    const own = await t.call('POST', `/v1/clients/${f.clientId}/deletion`, clientToken, {});
    expectStatus(own, 403);
    expect(own.json().message).toMatch(/cannot delete itself/);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/deletion`, agencyToken, { graceDays: 0 }), 403);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/deletion`, agencyToken, { graceDays: 91 }), 400);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/deletion`, agencyToken, { purge: true }), 400);
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/deletion`, agencyToken), 404);
    // Nothing was suspended by the refusals.
    expectStatus(await widgetConfig(), 200);
  });

  test('asked for: 403 at once for its tokens and widget on both instances; cancelled: back as it was', async () => {
    for (const app of [t, b]) {
      expectStatus(await app.call('GET', `/v1/clients/${f.clientId}`, clientToken), 200);
      expectStatus(await widgetConfig(app), 200);
    }
    const asked = await t.call('POST', `/v1/clients/${f.clientId}/deletion`, agencyToken, { graceDays: 3 });
    expectStatus(asked, 202);
    expect(asked.headers.location).toBe(`/v1/clients/${f.clientId}/deletion`);
    expect(asked.json()).toMatchObject({
      tenantId: f.clientId,
      tenantType: 'client',
      status: 'exporting',
      requestedByLevel: 'agency',
      purgeAfter: new Date(f.clock.now().getTime() + 3 * DAY).toISOString(),
      export: { kind: 'tenant_export', status: 'queued', tenantId: f.clientId },
    });
    const started = performance.now();
    for (const app of [t, b]) {
      while ((await app.call('GET', `/v1/clients/${f.clientId}`, clientToken)).statusCode !== 403)
        expect(performance.now() - started, 'still served after 1 s').toBeLessThan(1000);
      expectSuspended(await app.call('GET', `/v1/clients/${f.clientId}`, clientToken));
      expectSuspended(await widgetConfig(app));
    }
    expectSuspended(await submit('while-scheduled'));
    // Asked twice, or lifted by the suspension route: refused, the deletion stands.
    const again = await t.call('POST', `/v1/clients/${f.clientId}/deletion`, agencyToken, {});
    expectStatus(again, 409);
    expect(again.json().code).toBe('UPZ_DELETION_SCHEDULED');
    const lift = await t.call('DELETE', `/v1/clients/${f.clientId}/suspension`, agencyToken);
    expectStatus(lift, 409);
    expect(lift.json().code).toBe('UPZ_DELETION_SCHEDULED');

    const cancelled = await t.call('DELETE', `/v1/clients/${f.clientId}/deletion`, agencyToken);
    expectStatus(cancelled, 200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledAt: f.clock.now().toISOString() });
    for (const app of [t, b]) {
      const until = performance.now() + 1000;
      while ((await app.call('GET', `/v1/clients/${f.clientId}`, clientToken)).statusCode !== 200)
        expect(performance.now()).toBeLessThan(until);
      expectStatus(await widgetConfig(app), 200);
    }
    expect((await t.call('GET', `/v1/clients/${f.clientId}`, agencyToken)).json()).toMatchObject({
      status: 'active',
      suspension: null,
    });
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/deletion`, agencyToken), 404);
    // The round has nothing to purge, however late it runs.
    f.clock.advance(4 * DAY);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 0 });
    expect((await rowsOf(f.agencyId, f.clientId)).contacts).toBe(CONTACTS);
    const audit = await t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=100`, agencyToken);
    const actions = audit.json().items.map((item: { action: string }) => item.action);
    expect(actions).toEqual(expect.arrayContaining(['client.deletion_requested', 'client.deletion_cancelled']));
  });

  test('after the grace period and the export: every row goes but the audit chain, which verifies; the export stays', async () => {
    const siblingBefore = await rowsOf(f.agencyId, sibling.clientId);
    const otherBefore = await rowsOf(other.agencyId, null);
    expect(siblingBefore.contacts).toBe(2);

    const asked = await t.call('POST', `/v1/clients/${f.clientId}/deletion`, agencyToken, { graceDays: 2 });
    expectStatus(asked, 202);
    const purgeAfter = Date.parse(asked.json().purgeAfter);
    await t.app.privacyJobs.runOnce();
    const ready = (await t.call('GET', `/v1/clients/${f.clientId}/deletion`, agencyToken)).json();
    expect(ready.status).toBe('export_ready');
    // Downloadable through the grace period and seven days after it.
    expect(Date.parse(ready.export.archive.expiresAt)).toBe(purgeAfter + 7 * DAY);
    // Before the grace period ends, nothing is purged.
    f.clock.advance(2 * DAY - 60_000);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 0 });
    expect((await rowsOf(f.agencyId, f.clientId)).contacts).toBe(CONTACTS);

    f.clock.advance(2 * 60_000);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 1 });
    const after = await rowsOf(f.agencyId, f.clientId);
    const parts = Number(
      (
        await t.data.privileged('test: count the export’s parts', (db) =>
          db
            .selectFrom('export_parts')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('job_id', '=', ready.export.id)
            .executeTakeFirstOrThrow(),
        )
      ).n,
    );
    expect(parts).toBeGreaterThan(0);
    expectPurged(after, parts);
    expect(after.audit_log).toBeGreaterThan(5);
    expect(after.tenant_deletions).toBe(2);
    expect(after.clients).toBe(1);
    const personal = await t.data.privileged('test: read the kept audit values', (db) =>
      db
        .selectFrom('audit_personal')
        .select(['email', 'ip', 'contact_id', 'details', 'erased_at'])
        .where('tenant_id', '=', f.clientId)
        .execute(),
    );
    expect(personal.length).toBeGreaterThan(0);
    for (const row of personal) expect(row).toMatchObject({ email: null, ip: null, contact_id: null, details: {} });
    await expectChainValid('clients', f.clientId, agencyToken);

    // Nobody else lost a row.
    expect(await rowsOf(f.agencyId, sibling.clientId)).toEqual(siblingBefore);
    expect(await rowsOf(other.agencyId, null)).toEqual(otherBefore);

    // The tombstone: no name, still refused to everyone below the agency.
    expect((await t.call('GET', `/v1/clients/${f.clientId}`, agencyToken)).json()).toMatchObject({
      name: 'Deleted client',
      status: 'suspended',
    });
    expect([401, 403]).toContain((await t.call('GET', `/v1/clients/${f.clientId}`, clientToken)).statusCode);
    expectSuspended(await widgetConfig());
    const purged = (await t.call('GET', `/v1/clients/${f.clientId}/deletion`, agencyToken)).json();
    expect(purged).toMatchObject({ status: 'purged', purgedAt: f.clock.now().toISOString() });
    expect(purged.purgedRows).toMatchObject({ contacts: CONTACTS, users: 2, accounts: 2, submissions: 1, webhooks: 1 });
    const underway = await t.call('DELETE', `/v1/clients/${f.clientId}/deletion`, agencyToken);
    expectStatus(underway, 409);
    expect(underway.json().code).toBe('UPZ_DELETION_UNDERWAY');
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/suspension`, agencyToken), 409);

    // The archive made before the purge is still there, whole.
    const archive = await t.app.inject({
      method: 'GET',
      url: purged.export.archive.url,
      headers: { authorization: `Bearer ${agencyToken}` },
    });
    expectStatus(archive, 200);
    const lines = gunzipSync(archive.rawPayload)
      .toString()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ type: 'end', rows: { contacts: CONTACTS, submissions: 1 } });
    // Until it expires like any archive.
    f.clock.advance(7 * DAY + 60_000);
    await t.app.privacyJobs.runOnce();
    expectStatus(await t.call('GET', purged.export.archive.url, agencyToken), 410);
    expect((await rowsOf(f.agencyId, f.clientId)).export_parts).toBe(0);
  });
});

describe('an export removed before the purge', () => {
  test('an erasure during the grace period removes the archive: the round exports again, and purges only after', async () => {
    const client = await f.anotherClient('Erased in grace');
    const contact = await createContact(t, agencyToken, client.clientId);
    expectStatus(await t.call('POST', `/v1/clients/${client.clientId}/deletion`, agencyToken, { graceDays: 1 }), 202);
    await t.app.privacyJobs.runOnce();
    const first = (await t.call('GET', `/v1/clients/${client.clientId}/deletion`, agencyToken)).json();
    expect(first.status).toBe('export_ready');
    // The level above still acts on a suspended client; the archive holds what it erases, so it goes.
    expectStatus(await t.call('POST', `/v1/clients/${client.clientId}/contacts/${contact.id}/erase`, agencyToken), 200);
    const removed = (await t.call('GET', `/v1/clients/${client.clientId}/deletion`, agencyToken)).json();
    expect(removed).toMatchObject({ status: 'export_failed', export: { archiveRemoved: { reason: 'erasure' } } });

    f.clock.advance(DAY + 60_000);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 0, exportsAgain: 1 });
    const again = (await t.call('GET', `/v1/clients/${client.clientId}/deletion`, agencyToken)).json();
    expect(again.status).toBe('exporting');
    expect(again.export.id).not.toBe(first.export.id);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 0, waiting: 1 });
    await t.app.privacyJobs.runOnce();
    const ready = (await t.call('GET', `/v1/clients/${client.clientId}/deletion`, agencyToken)).json();
    expect(ready.status).toBe('export_ready');
    expect(Date.parse(ready.export.archive.expiresAt)).toBe(f.clock.now().getTime() + 7 * DAY);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 1 });
    const after = await rowsOf(f.agencyId, client.clientId);
    expect(after.contacts).toBe(0);
    // The new archive stays; the first export, no longer the deletion's, was purged like the rest.
    expectStatus(await t.call('GET', ready.export.archive.url, agencyToken), 200);
    expectStatus(await t.call('GET', first.export.archive.url, agencyToken), 404);
  });
});

describe('a purge stopped part way', () => {
  test('is taken up by the next round, with the counts the stopped one saved', async () => {
    const client = await f.anotherClient('Stopped purge');
    await createContact(t, agencyToken, client.clientId);
    const asked = await t.call('POST', `/v1/clients/${client.clientId}/deletion`, agencyToken, { graceDays: 1 });
    expectStatus(asked, 202);
    await t.app.privacyJobs.runOnce();
    // As a process that stopped after two contacts' batches would have left it.
    await t.data.privileged('test: a purge left part way', (db) =>
      db
        .updateTable('tenant_deletions')
        .set({ status: 'purging', purge_started_at: f.clock.now(), purged_rows: JSON.stringify({ contacts: 2 }) })
        .where('deletion_id', '=', asked.json().id)
        .execute(),
    );
    expect((await t.call('GET', `/v1/clients/${client.clientId}/deletion`, agencyToken)).json().status).toBe('purging');
    expectStatus(await t.call('DELETE', `/v1/clients/${client.clientId}/deletion`, agencyToken), 409);
    f.clock.advance(DAY + 60_000);
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 1 });
    const purged = (await t.call('GET', `/v1/clients/${client.clientId}/deletion`, agencyToken)).json();
    expect(purged).toMatchObject({ status: 'purged', purgedRows: { contacts: 3 } });
    expect((await rowsOf(f.agencyId, client.clientId)).contacts).toBe(0);
  });
});

describe('deleting an agency', () => {
  test('the platform admin only; with no grace period it is purged once exported, its clients with it', async () => {
    const { agencyId, agencyAdmin, client } = await createAgencyWithClient(t);
    await createContact(t, agencyAdmin.token, client.id);
    const otherBefore = await rowsOf(other.agencyId, null);
    expectStatus(await t.call('POST', `/v1/agencies/${agencyId}/deletion`, agencyAdmin.token, {}), 403);
    const asked = await t.call('POST', `/v1/agencies/${agencyId}/deletion`, t.adminToken, { graceDays: 0 });
    expectStatus(asked, 202);
    expect(asked.json()).toMatchObject({ tenantType: 'agency', requestedByLevel: 'platform', status: 'exporting' });
    expectSuspended(await t.call('GET', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token));
    // Not exported yet: not purged.
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 0, waiting: 1 });
    await t.app.privacyJobs.runOnce();
    expect(await t.app.tenantDeletions.runOnce()).toMatchObject({ purged: 1 });

    const after = await rowsOf(agencyId, null);
    const deletion = (await t.call('GET', `/v1/agencies/${agencyId}/deletion`, t.adminToken)).json();
    expect(deletion).toMatchObject({ status: 'purged', purgedRows: { contacts: 1, users: 1 } });
    expectPurged(after, after.export_parts as number);
    expect(after.export_parts).toBeGreaterThan(0);
    expect(after.clients).toBe(1);
    expect((await t.call('GET', `/v1/agencies/${agencyId}/clients`, t.adminToken)).json().items).toMatchObject([
      { name: 'Deleted client' },
    ]);
    await expectChainValid('agencies', agencyId, t.adminToken);
    await expectChainValid('clients', client.id, t.adminToken);
    expect(await rowsOf(other.agencyId, null)).toEqual(otherBefore);
    expectStatus(await t.call('GET', deletion.export.archive.url, t.adminToken), 200);
  });

  test('cancelled by the platform: the agency is active again; an agency cannot cancel what the platform asked', async () => {
    const { agencyId, agencyAdmin } = await createAgencyWithClient(t);
    expectStatus(await t.call('POST', `/v1/agencies/${agencyId}/deletion`, t.adminToken, {}), 202);
    expect((await t.call('GET', `/v1/agencies/${agencyId}/deletion`, t.adminToken)).json().purgeAfter).toBe(
      new Date(f.clock.now().getTime() + 30 * DAY).toISOString(),
    );
    expectSuspended(await t.call('GET', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token));
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/deletion`, t.adminToken), 200);
    expectStatus(await t.call('GET', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token), 200);

    const client = await t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, { name: 'Kept' });
    const clientId = client.json().id as string;
    expectStatus(await t.call('POST', `/v1/clients/${clientId}/deletion`, t.adminToken, {}), 202);
    const refused = await t.call('DELETE', `/v1/clients/${clientId}/deletion`, agencyAdmin.token);
    expectStatus(refused, 403);
    expect(refused.json().message).toMatch(/only the platform admin can cancel/);
    expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/deletion`, t.adminToken), 200);
  });
});
