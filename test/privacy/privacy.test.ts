/**
 * Export, erasure, suppression and retention of a contact's data, through the API, on the suite's
 * database (PGlite, or PostgreSQL with DATABASE_URL). An erasure is checked the way a person would
 * want it checked: every response of the API that could show the email or name is searched, and so
 * is the text of every row of every table, through the privileged path.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RETENTION_LOCK_KEY } from '../../server/privacy/retention.ts';
import { createDomainFixture, FakeClock, type DomainFixture } from '../support/domain-fixture.ts';
import { onPostgres } from '../support/test-database.ts';
import type { TestApp } from '../support/test-app.ts';
import { createUser, expectStatus, marker } from '../platform/provision.ts';

const DAY = 86_400_000;
const ORIGIN = 'https://shop.test';

let f: DomainFixture;
let t: TestApp;
let clientAdmin: string;
const clock = new FakeClock(Date.now());

beforeAll(async () => {
  f = await createDomainFixture({ now: clock.now });
  t = f.t;
  await f.verifiedDomain('shop.test');
  clientAdmin = (await createUser(t, t.adminToken, 'clients', f.clientId, 'admin')).token;
}, 60_000);
afterAll(() => f?.close());

function submit(publicKey: string, body: Record<string, unknown>, key = marker('idem')) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/widget/${publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': key },
    payload: body,
  });
}

/** A person who sent two leads through the widget and was then given a phone number by staff. */
async function person(clientId = f.clientId, publicKey = f.publicKey) {
  const email = `${marker('Person')}@Example.test`;
  const name = marker('name');
  const message = marker('message');
  expectStatus(await submit(publicKey, { email, name, message, fields: { company: marker('company') } }), 201);
  expectStatus(await submit(publicKey, { email: email.toLowerCase(), name, message: 'again' }), 201);
  const contacts = (
    await t.call('GET', `/v1/clients/${clientId}/contacts?q=${encodeURIComponent(email.toLowerCase())}`, t.adminToken)
  ).json().items;
  expect(contacts).toHaveLength(1);
  const id = contacts[0].id as string;
  expectStatus(
    await t.call('PATCH', `/v1/clients/${clientId}/contacts/${id}`, t.adminToken, { phone: '+1 555 0100' }),
    200,
  );
  return { id, email, name, message };
}

/** Every GET of the API that could show a contact's data, as the client's admin and the platform admin. */
async function everyResponse(clientId: string, contactId: string): Promise<string[]> {
  const paths = [
    `/v1/clients/${clientId}/contacts?limit=200`,
    `/v1/clients/${clientId}/contacts/${contactId}`,
    `/v1/clients/${clientId}/contacts/${contactId}/export`,
    `/v1/clients/${clientId}/submissions?limit=200`,
    `/v1/clients/${clientId}/audit-log?limit=500`,
    `/v1/agencies/${f.agencyId}/audit-log?limit=500`,
    `/v1/agencies/${t.platformId}/audit-log?limit=500`,
    `/v1/clients/${clientId}/privacy`,
    `/v1/clients/${clientId}/settings`,
  ];
  const bodies: string[] = [];
  for (const path of paths) {
    for (const token of [clientAdmin, t.adminToken]) bodies.push(`${path} ${(await t.call('GET', path, token)).body}`);
  }
  return bodies;
}

/** Tables (and row counts) whose text holds `needle`, read through the privileged path. */
async function tablesHolding(needle: string): Promise<string[]> {
  return t.data.privileged('test: scan every table for a value', async (db) => {
    const { rows } = await sql<{ table: string; readable: boolean }>`
      SELECT c.relname AS table, has_table_privilege('upzento_system', c.oid, 'SELECT') AS readable
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
    // Only Kysely's own bookkeeping is out of the privileged path's reach.
    expect(rows.filter((row) => !row.readable).map((row) => row.table)).toEqual([
      'kysely_migration',
      'kysely_migration_lock',
    ]);
    const found: string[] = [];
    for (const { table } of rows.filter((row) => row.readable)) {
      const hit = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(table)} t WHERE t::text ILIKE ${`%${needle}%`}`.execute(db);
      if ((hit.rows[0]?.n ?? 0) > 0) found.push(`${table} (${hit.rows[0]?.n})`);
    }
    return found;
  });
}

async function verified(path: string) {
  const response = await t.call('GET', path, t.adminToken);
  expectStatus(response, 200);
  return response.json();
}

describe('export', () => {
  test('holds the contact, its submissions, the audit entries about it, and is audited without personal data', async () => {
    const p = await person();
    const response = await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}/export`, clientAdmin);
    expectStatus(response, 200);
    const body = response.json();
    expect(body.contact).toMatchObject({
      id: p.id,
      email: p.email.toLowerCase() === body.contact.email ? body.contact.email : p.email,
      name: p.name,
      phone: '+1 555 0100',
    });
    expect(body.submissions.map((s: { message: string }) => s.message).sort()).toEqual([p.message, 'again'].sort());
    const actions = body.auditEntries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['submission.received', 'submission.received', 'contact.updated']);
    // The visitor's address is the person's own; the staff member's is not.
    expect(body.auditEntries[0].ip).toBe('127.0.0.1');
    expect(body.auditEntries[2].ip).toBeNull();
    expect(body.webhookDeliveries).toEqual([]);

    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log`, clientAdmin)).json().items;
    const exported = log.find((e: { action: string }) => e.action === 'contact.exported');
    expect(exported).toMatchObject({ target: { type: 'contact', id: p.id }, actor: { type: 'user' } });
    expect(JSON.stringify(exported)).not.toContain(p.email.toLowerCase());
  });

  test('a contact created through the API: its contact.created entry shows the email it was created with', async () => {
    const email = `${marker('api')}@example.test`;
    const created = await t.call('POST', `/v1/clients/${f.clientId}/contacts`, clientAdmin, {
      email,
      name: 'Api Person',
    });
    expectStatus(created, 201);
    const body = (
      await t.call('GET', `/v1/clients/${f.clientId}/contacts/${created.json().id}/export`, clientAdmin)
    ).json();
    expect(body.auditEntries).toMatchObject([{ action: 'contact.created', details: { email } }]);
    // The hashed row holds a reference, not the email.
    const row = await t.data.privileged('test: the hashed row', (db) =>
      db
        .selectFrom('audit_log')
        .select('details')
        .where('target_id', '=', created.json().id)
        .where('action', '=', 'contact.created')
        .executeTakeFirstOrThrow(),
    );
    expect(JSON.stringify(row.details)).not.toContain(email);
  });
});

test('an entry whose hashed details hold a malformed reference is read, not a failed page', async () => {
  await t.data.privileged('test: a stray reference', (db) =>
    sql`SELECT audit_append(${f.agencyId}::uuid, ${f.clientId}::uuid, 'client', 'system', NULL, NULL, 'test.recorded', 'test', NULL,
      ${JSON.stringify({ personalRef: 'not a uuid' })}::jsonb, NULL, NULL)`.execute(db),
  );
  const page = await t.call('GET', `/v1/clients/${f.clientId}/audit-log`, clientAdmin);
  expectStatus(page, 200);
  expect(page.json().items[0]).toMatchObject({ action: 'test.recorded', details: { personalData: 'erased' } });
});

describe('erasure', () => {
  test('a contact: every copy goes, no response shows the email or name, and every chain still verifies', async () => {
    const p = await person();
    const beforeBodies = (await everyResponse(f.clientId, p.id)).join('\n');
    expect(beforeBodies).toContain(p.email.toLowerCase());
    expect(beforeBodies).toContain(p.name);
    // A sign-in attempt with the email lands in the platform's chain: not the client's data, see docs/privacy.md.

    const erased = await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, clientAdmin);
    expectStatus(erased, 200);
    expect(erased.json()).toMatchObject({ contacts: 1, submissions: 2, suppressed: false });
    expect(erased.json().auditEntries).toBeGreaterThanOrEqual(2);

    for (const body of await everyResponse(f.clientId, p.id)) {
      for (const value of [p.email, p.email.toLowerCase(), p.name, p.message])
        expect(body.includes(value), `${value} in ${body}`).toBe(false);
    }
    for (const value of [p.email.toLowerCase(), p.name, p.message])
      expect(await tablesHolding(value), value).toEqual([]);
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}`, clientAdmin), 404);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, clientAdmin), 404);

    for (const path of [
      `/v1/clients/${f.clientId}/audit-log/verify`,
      `/v1/agencies/${f.agencyId}/audit-log/verify`,
      `/v1/agencies/${t.platformId}/audit-log/verify`,
    ]) {
      expect(await verified(path), path).toMatchObject({ valid: true, firstBrokenSeq: null });
    }
    // The log keeps that it happened, who asked and when; the entries about the person say their data is gone.
    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=500`, clientAdmin)).json().items;
    const entry = log.find(
      (e: { action: string; target: { id: string } }) => e.action === 'contact.erased' && e.target.id === p.id,
    );
    expect(entry).toMatchObject({ actor: { type: 'user' }, details: { contacts: 1, submissions: 2 } });
    expect(typeof entry.at).toBe('string');
    const received = log.filter(
      (e: { action: string; details: { contactId?: string } }) =>
        e.action === 'submission.received' && e.details.contactId === p.id,
    );
    expect(received).toHaveLength(2);
    for (const e of received) expect(e).toMatchObject({ ip: null, details: { personalData: 'erased' } });
  });

  test('by email across a client: contacts, unlinked submissions and audit values of any case', async () => {
    const p = await person();
    // Deleted the plain way first: its submissions stay, linked to no contact.
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/contacts/${p.id}`, clientAdmin), 204);
    const other = await t.call('POST', `/v1/clients/${f.clientId}/contacts`, clientAdmin, {
      email: p.email.toUpperCase(),
      name: p.name,
    });
    expectStatus(other, 201);
    expect((await tablesHolding(p.email.toLowerCase())).length).toBeGreaterThan(0);

    const erased = await t.call('POST', `/v1/clients/${f.clientId}/erasures`, clientAdmin, { email: p.email });
    expectStatus(erased, 200);
    expect(erased.json()).toMatchObject({ contacts: 1, submissions: 2 });
    for (const value of [p.email.toLowerCase(), p.name, p.message])
      expect(await tablesHolding(value), value).toEqual([]);
    for (const body of await everyResponse(f.clientId, other.json().id))
      expect(body.toLowerCase().includes(p.email.toLowerCase())).toBe(false);
    expect(await verified(`/v1/clients/${f.clientId}/audit-log/verify`)).toMatchObject({ valid: true });
    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log`, clientAdmin)).json().items;
    expect(log.find((e: { action: string }) => e.action === 'email.erased')).toMatchObject({
      target: { type: 'erasure', id: erased.json().erasureId },
    });
  });

  test('another client of the same agency is untouched, and its admin gets 404 for this client’s contact', async () => {
    const second = await f.anotherClient(marker('second'));
    await f.verifiedDomain(`${marker('second')}.test`, false, second.clientId);
    const secondAdmin = (await createUser(t, t.adminToken, 'clients', second.clientId, 'admin')).token;
    const p = await person();
    for (const [method, path] of [
      ['GET', `/v1/clients/${f.clientId}/contacts/${p.id}/export`],
      ['POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`],
      ['GET', `/v1/clients/${second.clientId}/contacts/${p.id}/export`],
      ['POST', `/v1/clients/${second.clientId}/contacts/${p.id}/erase`],
    ] as const) {
      const response = await t.call(method, path, secondAdmin);
      expect([403, 404], `${method} ${path}`).toContain(response.statusCode);
      expect(response.body).not.toContain(p.email.toLowerCase());
    }
    // Erasing the email in the second client leaves the first client's contact as it was.
    expectStatus(await t.call('POST', `/v1/clients/${second.clientId}/erasures`, secondAdmin, { email: p.email }), 200);
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}`, clientAdmin), 200);
    expect(
      (await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}/export`, clientAdmin)).json().submissions,
    ).toHaveLength(2);
  });

  test('roles: a viewer may not export, a member may export but not erase', async () => {
    const p = await person();
    const viewer = (await createUser(t, clientAdmin, 'clients', f.clientId, 'viewer')).token;
    const member = (await createUser(t, clientAdmin, 'clients', f.clientId, 'member')).token;
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}/export`, viewer), 403);
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}/export`, member), 200);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, member), 403);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/erasures`, member, { email: p.email }), 403);
    expectStatus(
      await t.call('PATCH', `/v1/clients/${f.clientId}/privacy`, member, { suppressErasedEmails: true }),
      403,
    );
    expectStatus(await t.call('GET', `/v1/clients/${f.clientId}/privacy`, viewer), 200);
  });
});

describe('suppression', () => {
  test('off by default: an erased email comes back through the widget', async () => {
    expect(await verified(`/v1/clients/${f.clientId}/privacy`)).toEqual({
      suppressErasedEmails: false,
      retention: { submissionsDays: 365, inactiveContactsDays: 730, ipAddressesDays: 30 },
    });
    const p = await person();
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, clientAdmin), 200);
    expectStatus(await submit(f.publicKey, { email: p.email }), 201);
    expect(
      (
        await t.call(
          'GET',
          `/v1/clients/${f.clientId}/contacts?q=${encodeURIComponent(p.email.toLowerCase())}`,
          clientAdmin,
        )
      ).json().items,
    ).toHaveLength(1);
  });

  test('on: the widget answers 201 and stores nothing of an erased email; off again forgets the list', async () => {
    const second = await f.anotherClient(marker('suppressing'));
    await f.verifiedDomain('shop.test', false, second.clientId);
    const on = await t.call('PATCH', `/v1/clients/${second.clientId}/privacy`, t.adminToken, {
      suppressErasedEmails: true,
    });
    expectStatus(on, 200);
    expect(on.json().suppressErasedEmails).toBe(true);
    const p = await person(second.clientId, second.publicKey);
    const erased = await t.call('POST', `/v1/clients/${second.clientId}/contacts/${p.id}/erase`, t.adminToken);
    expect(erased.json()).toMatchObject({ suppressed: true });

    const key = marker('again');
    const again = await submit(second.publicKey, { email: p.email.toUpperCase(), name: p.name }, key);
    expectStatus(again, 201);
    // The same key: the same id, as for a stored submission.
    expect((await submit(second.publicKey, { email: p.email.toUpperCase(), name: p.name }, key)).json().id).toBe(
      again.json().id,
    );
    expect((await t.call('GET', `/v1/clients/${second.clientId}/contacts`, t.adminToken)).json().items).toEqual([]);
    expect((await t.call('GET', `/v1/clients/${second.clientId}/submissions`, t.adminToken)).json().items).toEqual([]);
    for (const value of [p.email.toLowerCase(), p.name]) expect(await tablesHolding(value), value).toEqual([]);
    const log = (await t.call('GET', `/v1/clients/${second.clientId}/audit-log`, t.adminToken)).json().items;
    expect(log.find((e: { action: string }) => e.action === 'submission.suppressed')).toMatchObject({
      ip: null,
      details: {},
    });

    expectStatus(
      await t.call('PATCH', `/v1/clients/${second.clientId}/privacy`, t.adminToken, { suppressErasedEmails: false }),
      200,
    );
    const count = await t.data.privileged('test: suppression rows', (db) =>
      db
        .selectFrom('erasure_suppressions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('client_id', '=', second.clientId)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(0);
    expectStatus(await submit(second.publicKey, { email: p.email }), 201);
    expect((await t.call('GET', `/v1/clients/${second.clientId}/contacts`, t.adminToken)).json().items).toHaveLength(1);
  });

  test('settings take only their documented properties and ranges', async () => {
    for (const body of [
      { retention: { submissionsDays: 0 } },
      { retention: { other: 1 } },
      { other: true },
      {},
      { retention: {} },
    ]) {
      expectStatus(await t.call('PATCH', `/v1/clients/${f.clientId}/privacy`, clientAdmin, body), 400);
    }
  });
});

describe('retention, on a fake clock', () => {
  test('IP addresses, then submissions, then idle contacts go when their periods pass; each client is audited', async () => {
    const third = await f.anotherClient(marker('retained'));
    await f.verifiedDomain('shop.test', false, third.clientId);
    const keeper = await f.anotherClient(marker('keeper'));
    await f.verifiedDomain('shop.test', false, keeper.clientId);
    expectStatus(
      await t.call('PATCH', `/v1/clients/${keeper.clientId}/privacy`, t.adminToken, {
        retention: { submissionsDays: null, inactiveContactsDays: null, ipAddressesDays: null },
      }),
      200,
    );
    const p = await person(third.clientId, third.publicKey);
    const kept = await person(keeper.clientId, keeper.publicKey);
    const start = clock.now().getTime();
    const at = (days: number) => {
      clock.advance(start + days * DAY - clock.now().getTime());
    };
    const exportOf = async (clientId: string, id: string) =>
      (await t.call('GET', `/v1/clients/${clientId}/contacts/${id}/export`, t.adminToken)).json();

    at(1);
    expect(await t.app.retention.runOnce()).toMatchObject({ ran: true, failed: 0 });
    expect((await exportOf(third.clientId, p.id)).auditEntries[0].ip).toBe('127.0.0.1');

    at(31);
    const ips = await t.app.retention.runOnce();
    expect(ips.ipAddresses).toBeGreaterThanOrEqual(2);
    expect((await exportOf(third.clientId, p.id)).auditEntries[0].ip).toBe('127.0.0.0');
    expect((await exportOf(keeper.clientId, kept.id)).auditEntries[0].ip).toBe('127.0.0.1');

    at(366);
    const submissions = await t.app.retention.runOnce();
    expect(submissions.submissions).toBeGreaterThanOrEqual(2);
    const after = await exportOf(third.clientId, p.id);
    expect(after.submissions).toEqual([]);
    expect(after.contact.id).toBe(p.id);

    at(731);
    const contacts = await t.app.retention.runOnce();
    expect(contacts.contacts).toBeGreaterThanOrEqual(1);
    expectStatus(await t.call('GET', `/v1/clients/${third.clientId}/contacts/${p.id}`, t.adminToken), 404);
    expect(await tablesHolding(p.email.toLowerCase())).toEqual([]);
    // The client with no periods kept everything.
    expect((await exportOf(keeper.clientId, kept.id)).submissions).toHaveLength(2);

    const log = (await t.call('GET', `/v1/clients/${third.clientId}/audit-log`, t.adminToken)).json().items;
    const applied = log.filter((e: { action: string }) => e.action === 'retention.applied');
    expect(applied).toHaveLength(3);
    expect(applied[0]).toMatchObject({ actor: { type: 'system' }, details: { contacts: 1 } });
    expect(
      log.filter(
        (e: { action: string; tenantId: string }) => e.action === 'retention.applied' && e.tenantId !== third.clientId,
      ),
    ).toEqual([]);
    expect(
      (await t.call('GET', `/v1/clients/${keeper.clientId}/audit-log`, t.adminToken))
        .json()
        .items.some((e: { action: string }) => e.action === 'retention.applied'),
    ).toBe(false);
    expect(await verified(`/v1/clients/${third.clientId}/audit-log/verify`)).toMatchObject({ valid: true });
  }, 60_000);

  test.runIf(onPostgres)('one run at a time across processes: the advisory lock', async () => {
    const other = new pg.Client({ connectionString: t.db.url as string });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1::bigint)', [RETENTION_LOCK_KEY.toString()]);
      expect(await t.app.retention.runOnce()).toMatchObject({ ran: false });
      await other.query('SELECT pg_advisory_unlock($1::bigint)', [RETENTION_LOCK_KEY.toString()]);
      expect(await t.app.retention.runOnce()).toMatchObject({ ran: true });
    } finally {
      await other.end();
    }
  });
});
