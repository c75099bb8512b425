/**
 * The audit log: one row per change, append-only for the application's roles, and a hash chain
 * that the verify route checks, so an edit or a removal made behind the application's back shows.
 */
import { sql, type Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../server/db/schema.ts';
import type { Actor } from '../../server/db/tenant-db.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from '../support/test-app.ts';
import {
  auditRowCount,
  createClient,
  createAgencyWithClient,
  createContact,
  createTestAppWithDns,
  createUser,
  decodeToken,
  expectStatus,
  marker,
  USER_PASSWORD,
  type CreatedUser,
} from './provision.ts';

let t: TestApp;
let agencyId: string;
let clientId: string;
let publicKey: string;
let agencyAdmin: CreatedUser;
let clientAdmin: CreatedUser;
let clientViewer: CreatedUser;
let platformAdminId: string;

beforeAll(async () => {
  t = await createTestAppWithDns();
  platformAdminId = decodeToken(t.adminToken).payload.sub as string;
  ({
    agencyId,
    agencyAdmin,
    client: { id: clientId, publicKey },
  } = await createAgencyWithClient(t));
  clientAdmin = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
  clientViewer = await createUser(t, clientAdmin.token, 'clients', clientId, 'viewer');
});
afterAll(() => t?.close());

interface AuditRow {
  audit_id: number;
  agency_id: string;
  tenant_id: string;
  tenant_type: string;
  seq: number;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown>;
}

async function newestAuditId(): Promise<number> {
  const row = await t.data.privileged('test: newest audit row', (db) =>
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('audit_id').as('id'))
      .executeTakeFirst(),
  );
  return Number(row?.id ?? 0);
}

async function rowsAfter(id: number): Promise<AuditRow[]> {
  const rows = await t.data.privileged('test: audit rows since', (db) =>
    db
      .selectFrom('audit_log')
      .select([
        'audit_id',
        'agency_id',
        'tenant_id',
        'tenant_type',
        'seq',
        'actor_type',
        'actor_id',
        'action',
        'target_type',
        'target_id',
        'details',
      ])
      .where(sql<boolean>`audit_id > ${id}`)
      .orderBy('audit_id')
      .execute(),
  );
  return rows.map((row) => ({ ...row, audit_id: Number(row.audit_id), seq: Number(row.seq) }) as AuditRow);
}

/** Runs one request and returns it with the audit rows it left (counted before and after as well). */
async function audited(
  request: () => Promise<LightMyRequestResponse>,
): Promise<{ response: LightMyRequestResponse; rows: AuditRow[] }> {
  const countBefore = await auditRowCount(t);
  const idBefore = await newestAuditId();
  const response = await request();
  const rows = await rowsAfter(idBefore);
  expect(await auditRowCount(t), 'rows counted before and after').toBe(countBefore + rows.length);
  return { response, rows };
}

async function exactlyOne(
  request: () => Promise<LightMyRequestResponse>,
  status: number,
): Promise<{ response: LightMyRequestResponse; row: AuditRow }> {
  const { response, rows } = await audited(request);
  expectStatus(response, status);
  expect(
    rows.map((row) => row.action),
    response.body,
  ).toHaveLength(1);
  return { response, row: rows[0] as AuditRow };
}

describe('every mutating route leaves exactly one audit row', () => {
  test('POST /v1/agencies', async () => {
    const { response, row } = await exactlyOne(
      () => t.call('POST', '/v1/agencies', t.adminToken, { name: marker('agency') }),
      201,
    );
    const id = response.json().id;
    expect(row).toMatchObject({
      action: 'agency.created',
      agency_id: id,
      tenant_id: id,
      tenant_type: 'agency',
      actor_type: 'user',
      actor_id: platformAdminId,
      target_type: 'agency',
      target_id: id,
    });
  });

  test('POST /v1/agencies/:agencyId/users', async () => {
    const email = `${marker('member')}@example.test`;
    const { response, row } = await exactlyOne(
      () =>
        t.call('POST', `/v1/agencies/${agencyId}/users`, agencyAdmin.token, {
          email,
          password: USER_PASSWORD,
          role: 'member',
        }),
      201,
    );
    expect(row).toMatchObject({
      action: 'user.created',
      tenant_id: agencyId,
      actor_id: agencyAdmin.id,
      target_id: response.json().id,
      details: { email, role: 'member' },
    });
  });

  test('POST /v1/agencies/:agencyId/clients', async () => {
    const { response, row } = await exactlyOne(
      () => t.call('POST', `/v1/agencies/${agencyId}/clients`, agencyAdmin.token, { name: marker('client') }),
      201,
    );
    const id = response.json().id;
    expect(row).toMatchObject({
      action: 'client.created',
      agency_id: agencyId,
      tenant_id: id,
      tenant_type: 'client',
      actor_id: agencyAdmin.id,
      target_id: id,
    });
  });

  test('POST /v1/clients/:clientId/users', async () => {
    const email = `${marker('viewer')}@example.test`;
    const { response, row } = await exactlyOne(
      () =>
        t.call('POST', `/v1/clients/${clientId}/users`, clientAdmin.token, {
          email,
          password: USER_PASSWORD,
          role: 'viewer',
        }),
      201,
    );
    expect(row).toMatchObject({
      action: 'user.created',
      agency_id: agencyId,
      tenant_id: clientId,
      actor_id: clientAdmin.id,
      target_id: response.json().id,
    });
  });

  test('POST, PATCH and DELETE /v1/clients/:clientId/contacts', async () => {
    const email = `${marker('contact')}@example.test`;
    const created = await exactlyOne(
      () => t.call('POST', `/v1/clients/${clientId}/contacts`, clientAdmin.token, { email, name: 'Ada' }),
      201,
    );
    const contactId = created.response.json().id;
    expect(created.row).toMatchObject({
      action: 'contact.created',
      tenant_id: clientId,
      actor_id: clientAdmin.id,
      target_type: 'contact',
      target_id: contactId,
    });

    const patched = await exactlyOne(
      () => t.call('PATCH', `/v1/clients/${clientId}/contacts/${contactId}`, agencyAdmin.token, { name: 'Ada L.' }),
      200,
    );
    // An agency admin acting on its client writes to the client's log, as itself.
    expect(patched.row).toMatchObject({
      action: 'contact.updated',
      tenant_id: clientId,
      actor_id: agencyAdmin.id,
      target_id: contactId,
      details: { fields: ['name'] },
    });

    const deleted = await exactlyOne(
      () => t.call('DELETE', `/v1/clients/${clientId}/contacts/${contactId}`, clientAdmin.token),
      204,
    );
    expect(deleted.row).toMatchObject({ action: 'contact.deleted', tenant_id: clientId, target_id: contactId });
  });

  test('PATCH /v1/clients/:clientId/settings', async () => {
    const title = marker('title');
    const { response, row } = await exactlyOne(
      () => t.call('PATCH', `/v1/clients/${clientId}/settings`, clientAdmin.token, { widget: { title } }),
      200,
    );
    expect(response.json().widget.title).toBe(title);
    expect(row).toMatchObject({
      action: 'settings.updated',
      agency_id: agencyId,
      tenant_id: clientId,
      tenant_type: 'client',
      actor_type: 'user',
      actor_id: clientAdmin.id,
      target_type: 'client_settings',
      target_id: clientId,
      details: { changed: ['widget.title'] },
    });
  });

  test('POST, POST …/verify and DELETE /v1/clients/:clientId/domains', async () => {
    const hostname = `${marker('site')}.example.com`;
    const registered = await exactlyOne(
      () => t.call('POST', `/v1/clients/${clientId}/domains`, clientAdmin.token, { hostname }),
      201,
    );
    const domainId = registered.response.json().id;
    expect(registered.row).toMatchObject({
      action: 'domain.registered',
      tenant_id: clientId,
      actor_id: clientAdmin.id,
      target_type: 'domain',
      target_id: domainId,
      details: { hostname, includeSubdomains: false },
    });

    // The test DNS server knows no challenge: nothing found, and the domain stays pending.
    const checked = await exactlyOne(
      () => t.call('POST', `/v1/clients/${clientId}/domains/${domainId}/verify`, agencyAdmin.token),
      200,
    );
    expect(checked.response.json()).toMatchObject({
      id: domainId,
      status: 'pending',
      lastCheck: { outcome: 'not_found' },
    });
    expect(checked.row).toMatchObject({
      action: 'domain.checked',
      tenant_id: clientId,
      actor_id: agencyAdmin.id,
      target_type: 'domain',
      target_id: domainId,
      details: { hostname, from: 'pending', to: 'pending', outcome: 'not_found', reason: 'manual' },
    });

    const deleted = await exactlyOne(
      () => t.call('DELETE', `/v1/clients/${clientId}/domains/${domainId}`, clientAdmin.token),
      204,
    );
    expect(deleted.row).toMatchObject({
      action: 'domain.deleted',
      tenant_id: clientId,
      actor_id: clientAdmin.id,
      target_type: 'domain',
      target_id: domainId,
      details: { hostname, status: 'pending' },
    });
  });

  test('POST /v1/widget/:publicKey/submissions from an authorized origin; the same key again adds nothing', async () => {
    const origin = 'http://localhost:5173';
    // Loopback origins are authorized once the client allows them (a change that is audited too).
    const allowed = await exactlyOne(
      () => t.call('PATCH', `/v1/clients/${clientId}/settings`, clientAdmin.token, { allowLocalhost: true }),
      200,
    );
    expect(allowed.response.json().allowLocalhost).toBe(true);
    expect(allowed.row).toMatchObject({
      action: 'settings.updated',
      tenant_id: clientId,
      actor_id: clientAdmin.id,
      details: { changed: ['allowLocalhost'] },
    });

    const email = `${marker('lead')}@example.test`;
    const headers = { origin, 'idempotency-key': marker('idem') };
    const submit = () =>
      t.call('POST', `/v1/widget/${publicKey}/submissions`, null, { email, name: 'Grace', message: 'Hello' }, headers);
    const received = await exactlyOne(submit, 201);
    expect(received.response.headers['access-control-allow-origin']).toBe(origin);
    const submissionId = received.response.json().id;
    expect(received.row).toMatchObject({
      action: 'submission.received',
      agency_id: agencyId,
      tenant_id: clientId,
      tenant_type: 'client',
      actor_type: 'anonymous',
      actor_id: null,
      target_type: 'submission',
      target_id: submissionId,
      details: { origin, contactCreated: true },
    });

    // The same key again: the same submission, and nothing changed, so nothing is audited.
    const replayed = await audited(submit);
    expectStatus(replayed.response, 201);
    expect(replayed.response.json().id).toBe(submissionId);
    expect(replayed.rows).toEqual([]);
  });

  test('POST /v1/auth/token: a sign-in, a wrong password and an unknown email', async () => {
    const success = await exactlyOne(
      () => t.call('POST', '/v1/auth/token', null, { email: clientViewer.email, password: USER_PASSWORD }),
      200,
    );
    expect(success.row).toMatchObject({
      action: 'auth.signed_in',
      tenant_id: clientId,
      actor_type: 'user',
      actor_id: clientViewer.id,
      target_id: clientViewer.id,
    });

    const wrong = await exactlyOne(
      () => t.call('POST', '/v1/auth/token', null, { email: clientViewer.email, password: 'not the password' }),
      401,
    );
    expect(wrong.row).toMatchObject({
      action: 'auth.sign_in_failed',
      tenant_id: clientId,
      actor_type: 'anonymous',
      actor_id: null,
      target_id: clientViewer.id,
    });

    const unknown = await exactlyOne(
      () => t.call('POST', '/v1/auth/token', null, { email: 'nobody@example.test', password: 'whatever it is' }),
      401,
    );
    expect(unknown.row).toMatchObject({
      action: 'auth.sign_in_failed',
      tenant_id: t.platformId,
      tenant_type: 'platform',
      actor_type: 'anonymous',
      target_id: null,
      details: { personalRef: expect.any(String) },
    });
    // The email is kept beside the hashed row, where an erasure can reach it (docs/privacy.md).
    expect(JSON.stringify(unknown.row.details)).not.toContain('nobody@example.test');

    const platform = await exactlyOne(
      () => t.call('POST', '/v1/auth/token', null, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      200,
    );
    expect(platform.row).toMatchObject({
      action: 'auth.signed_in',
      tenant_id: t.platformId,
      actor_id: platformAdminId,
    });
  });
});

describe('what is refused, or only read, leaves no audit row', () => {
  test.each([
    [
      'a viewer creating a contact (403)',
      () => t.call('POST', `/v1/clients/${clientId}/contacts`, clientViewer.token, { email: 'v@example.test' }),
      403,
    ],
    [
      'a client admin creating an agency (403)',
      () => t.call('POST', '/v1/agencies', clientAdmin.token, { name: 'nope' }),
      403,
    ],
    [
      'a change to a contact that does not exist (404)',
      () =>
        t.call('PATCH', `/v1/clients/${clientId}/contacts/00000000-0000-4000-8000-000000000000`, clientAdmin.token, {
          name: 'x',
        }),
      404,
    ],
    [
      'a contact without email (400)',
      () => t.call('POST', `/v1/clients/${clientId}/contacts`, clientAdmin.token, { name: 'x' }),
      400,
    ],
    [
      'no token (401)',
      () => t.call('POST', `/v1/clients/${clientId}/contacts`, null, { email: 'x@example.test' }),
      401,
    ],
  ] as const)('%s', async (_name, request, status) => {
    const { response, rows } = await audited(request);
    expectStatus(response, status);
    expect(rows).toEqual([]);
  });

  test('a duplicate contact (409): the insert and its audit row roll back together', async () => {
    const email = `${marker('dupe')}@example.test`;
    await createContact(t, clientAdmin.token, clientId, { email });
    const { response, rows } = await audited(() =>
      t.call('POST', `/v1/clients/${clientId}/contacts`, clientAdmin.token, { email: email.toUpperCase() }),
    );
    expectStatus(response, 409);
    expect(rows).toEqual([]);
  });

  test('reads', async () => {
    for (const url of [
      `/v1/clients/${clientId}`,
      `/v1/clients/${clientId}/contacts`,
      `/v1/clients/${clientId}/audit-log`,
      `/v1/clients/${clientId}/audit-log/verify`,
      `/v1/agencies/${agencyId}/clients`,
    ]) {
      const { response, rows } = await audited(() => t.call('GET', url, agencyAdmin.token));
      expectStatus(response, 200);
      expect(rows, url).toEqual([]);
    }
  });
});

describe('the application cannot rewrite history', () => {
  const actor: Actor = { type: 'system', id: null, requestId: null, ip: null };

  async function refused(work: (db: Kysely<Database>) => Promise<unknown>, how: 'scoped' | 'privileged') {
    const run =
      how === 'scoped'
        ? t.data.scoped({ agencyId, clientId }, actor, (q) => work(q.unfiltered))
        : t.data.privileged('test: try to rewrite the audit log', work);
    await expect(run).rejects.toMatchObject({ code: '42501' });
  }

  test.each(['scoped', 'privileged'] as const)('as %s: no UPDATE, no DELETE, no TRUNCATE', async (how) => {
    await refused(
      (db) =>
        db
          .updateTable('audit_log')
          .set({ details: JSON.stringify({ rewritten: true }) })
          .execute(),
      how,
    );
    await refused((db) => db.deleteFrom('audit_log').execute(), how);
    await refused((db) => sql`TRUNCATE audit_log`.execute(db), how);
  });

  test('even the table owner is stopped by the append-only trigger', async () => {
    for (const statement of [
      sql`UPDATE audit_log SET details = '{}'::jsonb WHERE tenant_id = ${clientId}`,
      sql`DELETE FROM audit_log WHERE tenant_id = ${clientId}`,
    ]) {
      await expect(asOwner({ triggerOff: false }, (db) => statement.execute(db))).rejects.toThrow(/append-only/);
    }
  });
});

/**
 * Acts as the connecting role, which owns the tables: what someone with the owner's rights could
 * do behind the application's back. A connecting role that is no superuser owns audit_log but,
 * with RLS forced and no policy of its own, sees no rows; lifting FORCE for this one transaction
 * lets it reach them (a superuser, as on PGlite, reaches them anyway). With triggerOff the
 * append-only trigger is disabled too, as `ALTER TABLE audit_log DISABLE TRIGGER` would.
 */
async function asOwner<R>(options: { triggerOff: boolean }, work: (db: Kysely<Database>) => Promise<R>): Promise<R> {
  return t.db.handle.db.connection().execute(async (connection) => {
    const trigger = options.triggerOff ? 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;' : '';
    await sql.raw(`BEGIN; ${trigger} ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY`).execute(connection);
    try {
      const result = await work(connection);
      const restore = options.triggerOff ? 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;' : '';
      await sql.raw(`ALTER TABLE audit_log FORCE ROW LEVEL SECURITY; ${restore} COMMIT`).execute(connection);
      return result;
    } catch (error) {
      await sql.raw('ROLLBACK').execute(connection);
      throw error;
    }
  });
}

describe('tampering breaks GET /v1/clients/:clientId/audit-log/verify', () => {
  let victim: string;

  beforeAll(async () => {
    victim = (await createClient(t, agencyAdmin.token, agencyId)).id;
    const contact = await createContact(t, agencyAdmin.token, victim);
    await createContact(t, agencyAdmin.token, victim);
    expectStatus(
      await t.call('PATCH', `/v1/clients/${victim}/contacts/${contact.id}`, agencyAdmin.token, {
        phone: '+1 555 0100',
      }),
      200,
    );
  });

  const verify = async () => {
    const response = await t.call('GET', `/v1/clients/${victim}/audit-log/verify`, agencyAdmin.token);
    expectStatus(response, 200);
    return response.json() as { valid: boolean; rowsChecked: number; firstBrokenSeq: number | null };
  };

  const behindTheBack = <R>(work: (db: Kysely<Database>) => Promise<R>) => asOwner({ triggerOff: true }, work);

  async function chain(): Promise<Array<{ seq: number; details: Record<string, unknown> }>> {
    const rows = await t.data.privileged('test: the victim chain', (db) =>
      db.selectFrom('audit_log').select(['seq', 'details']).where('tenant_id', '=', victim).orderBy('seq').execute(),
    );
    return rows.map((row) => ({ seq: Number(row.seq), details: row.details }));
  }

  test('the untouched chain verifies', async () => {
    const rows = await chain();
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(await verify()).toEqual({ valid: true, rowsChecked: 4, firstBrokenSeq: null });
  });

  test("editing one row's details: broken at that row; putting them back: whole again", async () => {
    const target = (await chain())[1] as { seq: number; details: Record<string, unknown> };
    const edited = await behindTheBack((db) =>
      sql`UPDATE audit_log SET details = ${JSON.stringify({ ...target.details, email: 'someone-else@example.test' })}::jsonb
          WHERE tenant_id = ${victim} AND seq = ${target.seq}`.execute(db),
    );
    expect(Number(edited.numAffectedRows)).toBe(1);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenSeq: target.seq });

    // The hash covers the content, not the act of writing: the original content verifies again.
    await behindTheBack((db) =>
      sql`UPDATE audit_log SET details = ${JSON.stringify(target.details)}::jsonb WHERE tenant_id = ${victim} AND seq = ${target.seq}`.execute(
        db,
      ),
    );
    expect(await verify()).toEqual({ valid: true, rowsChecked: 4, firstBrokenSeq: null });
  });

  test('the trigger is back on after tampering, and FORCE too', async () => {
    await expect(
      asOwner({ triggerOff: false }, (db) => sql`DELETE FROM audit_log WHERE tenant_id = ${victim}`.execute(db)),
    ).rejects.toThrow(/append-only/);
    const { rows } = await sql<{
      forced: boolean;
    }>`SELECT relforcerowsecurity AS forced FROM pg_class WHERE relname = 'audit_log'`.execute(t.db.handle.db);
    expect(rows[0]?.forced).toBe(true);
  });

  test('deleting the newest row: broken where the chain should go on', async () => {
    const newest = (await chain()).at(-1)?.seq as number;
    const removed = await behindTheBack((db) =>
      sql`DELETE FROM audit_log WHERE tenant_id = ${victim} AND seq = ${newest}`.execute(db),
    );
    expect(Number(removed.numAffectedRows)).toBe(1);
    expect(await verify()).toEqual({ valid: false, rowsChecked: newest - 1, firstBrokenSeq: newest });
    // Other tenants' chains are untouched.
    const other = await t.call('GET', `/v1/clients/${clientId}/audit-log/verify`, agencyAdmin.token);
    expect(other.json()).toMatchObject({ valid: true });
  });
});

describe('the audit items', () => {
  test('have at, actor, tenantId, action and target, newest first', async () => {
    const response = await t.call('GET', `/v1/clients/${clientId}/audit-log`, clientAdmin.token);
    expectStatus(response, 200);
    const { items, nextCursor } = response.json();
    expect(items.length).toBeGreaterThan(3);
    expect(nextCursor).toBeNull();
    for (const item of items) {
      expect(new Date(item.at).toISOString()).toBe(item.at);
      expect(item.actor).toEqual({
        type: expect.stringMatching(/^(user|system|anonymous)$/),
        id: item.actor.type === 'user' ? expect.any(String) : null,
      });
      expect(item.tenantId).toBe(clientId);
      expect(item.action).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(Object.keys(item.target).sort()).toEqual(['id', 'type']);
      expect(typeof item.target.type).toBe('string');
      expect(item.target.id === null || typeof item.target.id === 'string').toBe(true);
    }
    const seqs = items.map((item: { seq: number }) => item.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(items.map((item: { action: string }) => item.action)).toEqual(
      expect.arrayContaining(['client.created', 'user.created', 'contact.created', 'auth.signed_in']),
    );
  });

  test('page with limit and cursor without losing or repeating an item', async () => {
    const all = (await t.call('GET', `/v1/clients/${clientId}/audit-log`, clientAdmin.token))
      .json()
      .items.map((item: { id: string }) => item.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await t.call(
        'GET',
        `/v1/clients/${clientId}/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        clientAdmin.token,
      );
      expectStatus(response, 200);
      const page = response.json();
      paged.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  test('narrow by action or its family, by actor and by period, and page within the filter', async () => {
    const read = async (query: string) => {
      const response = await t.call('GET', `/v1/clients/${clientId}/audit-log?${query}`, clientAdmin.token);
      expectStatus(response, 200);
      return response.json() as {
        items: { id: string; action: string; actor: { id: string | null }; at: string }[];
        nextCursor: string | null;
      };
    };
    const all = (await read('limit=500')).items;

    const created = (await read('action=contact.created')).items;
    expect(created.length).toBeGreaterThan(0);
    expect(created.map((item) => item.id)).toEqual(
      all.filter((item) => item.action === 'contact.created').map((item) => item.id),
    );
    const family = (await read('action=contact')).items;
    expect(family.map((item) => item.id)).toEqual(
      all.filter((item) => item.action.startsWith('contact.')).map((item) => item.id),
    );
    expect(new Set(family.map((item) => item.action)).size).toBeGreaterThan(1);
    // `_` is a LIKE wildcard: `auth_signed` must not match `auth.signed_in`.
    expect((await read('action=auth_signed')).items).toEqual([]);

    const byAdmin = (await read(`actorId=${clientAdmin.id}`)).items;
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((item) => item.actor.id === clientAdmin.id)).toBe(true);
    expect(byAdmin.length).toBeLessThan(all.length);

    const middle = all[Math.floor(all.length / 2)]!;
    const since = (await read(`from=${encodeURIComponent(middle.at)}`)).items;
    expect(since.map((item) => item.id)).toEqual(all.filter((item) => item.at >= middle.at).map((item) => item.id));
    const before = (await read(`to=${encodeURIComponent(middle.at)}`)).items;
    expect(before.map((item) => item.id)).toEqual(all.filter((item) => item.at < middle.at).map((item) => item.id));

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await read(
        `action=contact&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(family.map((item) => item.id));
  });

  test('a filter it cannot read is refused with the field named, and stores nothing', async () => {
    for (const [query, field] of [
      ['action=contact%25', 'action'],
      ['actorId=nobody', 'actorId'],
      ['from=yesterday', 'from'],
      ['from=2030-01-02&to=2030-01-01', 'from'],
    ] as const) {
      const response = await t.call('GET', `/v1/clients/${clientId}/audit-log?${query}`, clientAdmin.token);
      expectStatus(response, 400);
      expect(response.json().message).toContain(field);
    }
  });

  test("an agency's log holds its clients' events too; a client's holds only its own", async () => {
    const agencyLog = (await t.call('GET', `/v1/agencies/${agencyId}/audit-log?limit=500`, agencyAdmin.token)).json()
      .items;
    const tenantIds = new Set(agencyLog.map((item: { tenantId: string }) => item.tenantId));
    expect(tenantIds.has(agencyId)).toBe(true);
    expect(tenantIds.has(clientId)).toBe(true);
    expect(tenantIds.has(t.platformId)).toBe(false);
  });
});
