/**
 * Exports of a whole tenant, and exports and erasures too large for one request, as jobs with a
 * status: through the API, on the suite's database (PGlite, or PostgreSQL with DATABASE_URL). The
 * round is run by hand (app.privacyJobs.runOnce()), on a fake clock.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import type { TestApp } from '../support/test-app.ts';
import { createAgencyWithClient, createUser, expectStatus, marker } from '../platform/provision.ts';
import { exportedTables, NOT_EXPORTED, SECRET_COLUMNS } from '../../server/privacy/tenant-export.ts';
import { SCOPED_TABLES, type ScopedTable } from '../../server/db/tenant-db.ts';

const DAY = 86_400_000;
const ORIGIN = 'https://jobs.test';

let f: DomainFixture;
let t: TestApp;
let clientAdmin: string;
let agencyAdmin: string;

beforeAll(async () => {
  // Two submissions fit in a request; a third makes an erasure or a contact export a job.
  f = await createDomainFixture({ privacyInlineLimit: 2 });
  t = f.t;
  await f.verifiedDomain('jobs.test');
  clientAdmin = (await createUser(t, t.adminToken, 'clients', f.clientId, 'admin')).token;
  agencyAdmin = (await createUser(t, t.adminToken, 'agencies', f.agencyId, 'admin')).token;
}, 60_000);
afterAll(() => f?.close());

function submit(body: Record<string, unknown>, publicKey = f.publicKey) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/widget/${publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': marker('idem') },
    payload: body,
  });
}

/** A person with `leads` submissions through the widget. */
async function person(leads: number) {
  const email = `${marker('person')}@example.test`;
  const name = marker('Name');
  for (let i = 0; i < leads; i++) expectStatus(await submit({ email, name, message: `lead ${i}` }), 201);
  const found = (
    await t.call('GET', `/v1/clients/${f.clientId}/contacts?q=${encodeURIComponent(email)}`, t.adminToken)
  ).json().items;
  expect(found).toHaveLength(1);
  return { id: found[0].id as string, email, name };
}

interface Line {
  type: string;
  [key: string]: unknown;
}

async function download(url: string, token: string) {
  const response = await t.call('GET', url, token);
  expectStatus(response, 200);
  const bytes = response.rawPayload;
  const lines = gunzipSync(bytes)
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((text) => JSON.parse(text) as Line);
  return { response, bytes, lines, text: gunzipSync(bytes).toString('utf8') };
}

async function done(path: string, token: string) {
  // Time moves on between a request and the round: an erasure in the same millisecond as an export's
  // start counts as coming after it, and would have the export made again.
  f.clock.advance(1000);
  await t.app.privacyJobs.runOnce();
  const response = await t.call('GET', path, token);
  expectStatus(response, 200);
  return response.json();
}

describe("a whole tenant's export", () => {
  test('a client export is a job: 202 with its Location, then an archive of every table, without secrets', async () => {
    const p = await person(1);
    const webhook = await t.call('POST', `/v1/clients/${f.clientId}/webhooks`, clientAdmin, {
      url: 'https://hooks.example.test/in',
      events: ['submission.created'],
    });
    expectStatus(webhook, 201);
    const secret = webhook.json().secret as string;

    const queued = await t.call('POST', `/v1/clients/${f.clientId}/exports`, clientAdmin);
    expectStatus(queued, 202);
    const job = queued.json();
    expect(job).toMatchObject({ kind: 'tenant_export', status: 'queued', tenantId: f.clientId, archive: null });
    expect(queued.headers.location).toBe(`/v1/clients/${f.clientId}/exports/${job.id}`);
    // Not made yet: the archive is not there to download.
    const early = await t.call('GET', `${queued.headers.location}/archive`, clientAdmin);
    expectStatus(early, 409);
    expect(early.json().code).toBe('UPZ_EXPORT_NOT_READY');

    const status = await done(queued.headers.location as string, clientAdmin);
    expect(status.status).toBe('done');
    expect(status.archive.url).toBe(`${queued.headers.location}/archive`);
    expect(status.progress.contacts).toBeGreaterThanOrEqual(1);

    const { response, bytes, lines, text } = await download(status.archive.url, clientAdmin);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="upzento-export-/);
    expect(Number(response.headers['content-length'])).toBe(bytes.length);
    expect(status.archive.bytes).toBe(bytes.length);
    const sha256 = createHash('sha256').update(bytes).digest();
    expect(response.headers['repr-digest']).toBe(`sha-256=:${sha256.toString('base64')}:`);
    expect(status.archive.sha256).toBe(sha256.toString('hex'));

    expect(lines[0]).toMatchObject({ type: 'export', tenant: { id: f.clientId, type: 'client' } });
    const end = lines.at(-1) as Line;
    expect(end.type).toBe('end');
    const rows = lines.filter((line) => line.type === 'row') as unknown as Array<{
      table: string;
      row: Record<string, unknown>;
    }>;
    const contact = rows.find((line) => line.table === 'contacts' && line.row.contact_id === p.id);
    expect(contact?.row).toMatchObject({ email: p.email, name: p.name });
    expect(rows.filter((line) => line.table === 'submissions').length).toBe(
      (end.rows as Record<string, number>).submissions,
    );
    // A client's export holds that client only: no agency row, nothing of another client.
    expect(rows.some((line) => line.table === 'agencies')).toBe(false);
    for (const line of rows) if ('client_id' in line.row) expect(line.row.client_id).toBe(f.clientId);
    const entries = lines.filter((line) => line.type === 'auditEntry');
    expect(entries.length).toBe((end.rows as Record<string, number>).audit_entries);
    expect(entries.length).toBeGreaterThan(3);
    // Secrets stay behind.
    expect(text).not.toContain(secret);
    expect(text).not.toContain('scrypt');
    expect(rows.filter((line) => line.table === 'accounts').length).toBeGreaterThan(0);
    for (const line of rows.filter((line) => line.table === 'accounts'))
      expect(line.row).not.toHaveProperty('password_hash');
    const webhookRow = rows.find((line) => line.table === 'webhooks');
    expect(Object.keys(webhookRow?.row ?? {})).not.toContain('secret');

    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=500`, clientAdmin)).json().items;
    const actions = log.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['export.requested', 'export.completed', 'export.downloaded']));
    const requested = log.find((entry: { action: string }) => entry.action === 'export.requested');
    expect(requested.actor.type).toBe('user');
    // An auditor finds the export among the period's data requests.
    // The period in the database's time, which the audit rows carry (the app's clock here is a fake one).
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const report = (
      await t.call('GET', `/v1/clients/${f.clientId}/compliance-report?from=${from}&to=${to}`, clientAdmin)
    ).json();
    const reported = report.dataRequests.exports.events.map((entry: { action: string }) => entry.action);
    expect(reported).toEqual(expect.arrayContaining(['export.requested', 'export.completed', 'export.downloaded']));
  });

  test("an agency's export holds the agency and every client of it", async () => {
    const second = await f.anotherClient(marker('second'));
    const queued = await t.call('POST', `/v1/agencies/${f.agencyId}/exports`, agencyAdmin);
    expectStatus(queued, 202);
    expect(queued.headers.location).toBe(`/v1/agencies/${f.agencyId}/exports/${queued.json().id}`);
    const status = await done(queued.headers.location as string, agencyAdmin);
    const { lines } = await download(status.archive.url, agencyAdmin);
    const rows = lines.filter((line) => line.type === 'row') as unknown as Array<{
      table: string;
      row: Record<string, unknown>;
    }>;
    expect(rows.filter((line) => line.table === 'agencies').map((line) => line.row.name)).toEqual(['Agency']);
    const clients = rows.filter((line) => line.table === 'clients').map((line) => line.row.client_id);
    expect(clients).toEqual(expect.arrayContaining([f.clientId, second.clientId]));
    const tenants = new Set(
      lines.filter((line) => line.type === 'auditEntry').map((line) => (line.entry as { tenantId: string }).tenantId),
    );
    expect(tenants).toEqual(new Set([f.agencyId, f.clientId, second.clientId]));

    const listed = (await t.call('GET', `/v1/agencies/${f.agencyId}/exports`, agencyAdmin)).json().items;
    expect(listed.map((job: { id: string }) => job.id)).toContain(status.id);
  });

  test('no exported column of any tenant table holds a secret', async () => {
    const exported = exportedTables('agency');
    expect(exported.length + Object.keys(NOT_EXPORTED).length).toBe(SCOPED_TABLES.length);
    const columns = await t.data.privileged('test: read the catalog', async (db) => {
      const { rows } = await sql<{ table: string; column: string }>`
        SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ANY (${exported}::text[])
           AND column_name ~ '(secret|token|hash|salt|password|key)'`.execute(db);
      return rows;
    });
    // Public by design, or times: the DNS challenge, a digest of a lead's body, the widget's public key,
    // the signed digests of the audit chains (made to be handed out), when a secret was made or stops.
    const PUBLIC = [
      'domains.challenge_token',
      'submissions.payload_hash',
      'submissions.idempotency_key',
      'clients.public_key',
      'accounts.token_version',
      'webhooks.previous_secret_until',
      'identity_settings.secret_created_at',
      'identity_settings.previous_secret_until',
      'audit_digests.head_hash',
      'audit_digests.previous_digest_hash',
      'audit_digests.digest_hash',
      'audit_digests.key_id',
    ];
    const unlisted = columns
      .filter(({ table, column }) => !(SECRET_COLUMNS[table as ScopedTable] ?? []).includes(column))
      .map(({ table, column }) => `${table}.${column}`)
      .filter((name) => !PUBLIC.includes(name));
    expect(unlisted).toEqual([]);
  });

  test('another tenant reads no export of this one, and a client cannot export its agency', async () => {
    const queued = await t.call('POST', `/v1/agencies/${f.agencyId}/exports`, agencyAdmin);
    const path = queued.headers.location as string;
    await t.app.privacyJobs.runOnce();
    const other = await createAgencyWithClient(t);
    const outsider = (await createUser(t, t.adminToken, 'agencies', other.agencyId, 'admin')).token;
    for (const url of [path, `${path}/archive`]) {
      expect([403, 404]).toContain((await t.call('GET', url, outsider)).statusCode);
      expect([403, 404]).toContain((await t.call('GET', url, clientAdmin)).statusCode);
    }
    // The same export id under the other agency's path is not found: ids are not a way across.
    const foreign = await t.call('GET', `/v1/agencies/${other.agencyId}/exports/${queued.json().id}`, outsider);
    expectStatus(foreign, 404);
    expect([403, 404]).toContain((await t.call('POST', `/v1/agencies/${f.agencyId}/exports`, clientAdmin)).statusCode);
    const member = (await createUser(t, t.adminToken, 'clients', f.clientId, 'member')).token;
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/exports`, member), 403);
  });

  test('an archive expires after seven days and then answers 410', async () => {
    const queued = await t.call('POST', `/v1/clients/${f.clientId}/exports`, clientAdmin);
    const status = await done(queued.headers.location as string, clientAdmin);
    expect(new Date(status.archive.expiresAt).getTime() - new Date(status.finishedAt).getTime()).toBe(7 * DAY);
    f.clock.advance(7 * DAY + 1000);
    expect((await t.app.privacyJobs.runOnce()).expired).toBeGreaterThan(0);
    const gone = await t.call('GET', `${queued.headers.location}/archive`, clientAdmin);
    expectStatus(gone, 410);
    expect(gone.json()).toMatchObject({ code: 'UPZ_EXPORT_GONE' });
    expect(gone.json().message).toMatch(/expired/);
    const after = (await t.call('GET', queued.headers.location as string, clientAdmin)).json();
    expect(after).toMatchObject({ status: 'done', archive: null, archiveRemoved: { reason: 'expired' } });
    const parts = await t.data.privileged('test: count parts', (db) =>
      db.selectFrom('export_parts').select('part').where('job_id', '=', status.id).execute(),
    );
    expect(parts).toEqual([]);
  });
});

describe('an erasure removes every archive that may hold what it erased', () => {
  test("the client's and its agency's archives go; the erased person is in no archive made after", async () => {
    const p = await person(1);
    const clientExport = await t.call('POST', `/v1/clients/${f.clientId}/exports`, clientAdmin);
    const agencyExport = await t.call('POST', `/v1/agencies/${f.agencyId}/exports`, agencyAdmin);
    await t.app.privacyJobs.runOnce();
    const before = await download(`${clientExport.headers.location}/archive`, clientAdmin);
    expect(before.text).toContain(p.email);

    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, clientAdmin), 200);
    for (const [location, token] of [
      [clientExport.headers.location, clientAdmin],
      [agencyExport.headers.location, agencyAdmin],
    ] as const) {
      const gone = await t.call('GET', `${location}/archive`, token);
      expectStatus(gone, 410);
      expect(gone.json().message).toMatch(/erasure/);
      expect((await t.call('GET', location as string, token)).json().archiveRemoved.reason).toBe('erasure');
    }
    const again = await t.call('POST', `/v1/clients/${f.clientId}/exports`, clientAdmin);
    f.clock.advance(1000);
    const status = await done(again.headers.location as string, clientAdmin);
    const after = await download(status.archive.url, clientAdmin);
    expect(after.text).not.toContain(p.email);
    expect(after.text).not.toContain(p.name);
  });

  test('an export overtaken by an erasure while it was made is made again', async () => {
    const p = await person(1);
    const queued = await t.call('POST', `/v1/clients/${f.clientId}/exports`, clientAdmin);
    // An erasure that finished after the export started, as if it ran during it.
    await t.data.privileged('test: an erasure during the export', (db) =>
      db
        .insertInto('privacy_jobs')
        .values({
          agency_id: f.agencyId,
          tenant_id: f.clientId,
          client_id: f.clientId,
          kind: 'contact_erasure',
          contact_id: p.id,
          status: 'done',
          finished_at: new Date(f.clock.now().getTime() + 500),
        })
        .execute(),
    );
    await t.app.privacyJobs.runOnce();
    const first = (await t.call('GET', queued.headers.location as string, clientAdmin)).json();
    expect(first).toMatchObject({ status: 'queued', archive: null });
    f.clock.advance(1000);
    const second = await done(queued.headers.location as string, clientAdmin);
    expect(second.status).toBe('done');
  });
});

describe('large erasures and contact exports are jobs', () => {
  test('an erasure past the limit answers 202, and the job removes everything and says what', async () => {
    const p = await person(3);
    const response = await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, clientAdmin);
    expectStatus(response, 202);
    const job = response.json();
    expect(job).toMatchObject({ kind: 'contact_erasure', status: 'queued', contactId: p.id });
    expect(response.headers.location).toBe(`/v1/clients/${f.clientId}/erasures/${job.id}`);

    const status = await done(response.headers.location as string, clientAdmin);
    expect(status).toMatchObject({ status: 'done', progress: { contacts: 1, submissions: 3 } });
    expect(status.progress.auditEntries).toBeGreaterThanOrEqual(3);

    const responses = [
      await t.call('GET', `/v1/clients/${f.clientId}/contacts?limit=200`, clientAdmin),
      await t.call('GET', `/v1/clients/${f.clientId}/submissions?limit=200`, clientAdmin),
      await t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=500`, clientAdmin),
    ];
    for (const r of responses) {
      expect(r.body).not.toContain(p.email);
      expect(r.body).not.toContain(p.name);
    }
    const verify = await t.call('GET', `/v1/clients/${f.clientId}/audit-log/verify`, clientAdmin);
    expect(verify.json().valid).toBe(true);
    const log = responses[2]?.json().items as Array<{ action: string; actor: { type: string }; details: object }>;
    const requested = log.find((entry) => entry.action === 'erasure.requested');
    const erased = log.find(
      (entry) => entry.action === 'contact.erased' && JSON.stringify(entry.details).includes(job.id),
    );
    expect(requested?.actor.type).toBe('user');
    expect(erased?.actor.type).toBe('system');
    expect(erased?.details).toMatchObject({ erasureId: job.id, submissions: 3, contacts: 1 });
  });

  test('an erasure by email with Prefer: respond-async is a job; the email is kept only until it ran', async () => {
    const p = await person(1);
    const response = await t.app.inject({
      method: 'POST',
      url: `/v1/clients/${f.clientId}/erasures`,
      headers: { authorization: `Bearer ${clientAdmin}`, prefer: 'respond-async' },
      payload: { email: p.email.toUpperCase() },
    });
    expectStatus(response, 202);
    const id = response.json().id as string;
    const held = () =>
      t.data.privileged('test: read a job row', (db) =>
        db.selectFrom('privacy_jobs').select('subject_email').where('job_id', '=', id).executeTakeFirstOrThrow(),
      );
    expect((await held()).subject_email).toBe(p.email);
    const status = await done(`/v1/clients/${f.clientId}/erasures/${id}`, clientAdmin);
    expect(status).toMatchObject({ kind: 'email_erasure', status: 'done', progress: { contacts: 1, submissions: 1 } });
    expect((await held()).subject_email).toBeNull();
    const listed = (await t.call('GET', `/v1/clients/${f.clientId}/erasures`, clientAdmin)).json().items;
    expect(listed.map((job: { id: string }) => job.id)).toContain(id);
  });

  test('a small erasure is done in the request and has a status too', async () => {
    const p = await person(1);
    const response = await t.call('POST', `/v1/clients/${f.clientId}/contacts/${p.id}/erase`, clientAdmin);
    expectStatus(response, 200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'done', contacts: 1, submissions: 1 });
    const status = (await t.call('GET', `/v1/clients/${f.clientId}/erasures/${body.erasureId}`, clientAdmin)).json();
    expect(status).toMatchObject({
      kind: 'contact_erasure',
      status: 'done',
      progress: { contacts: 1, submissions: 1 },
    });
  });

  test("a contact export past the limit is a job whose archive holds the contact's data", async () => {
    const p = await person(3);
    const response = await t.call('GET', `/v1/clients/${f.clientId}/contacts/${p.id}/export`, clientAdmin);
    expectStatus(response, 202);
    expect(response.headers['preference-applied']).toBe('respond-async');
    const status = await done(response.headers.location as string, clientAdmin);
    expect(status, JSON.stringify(status)).toMatchObject({ kind: 'contact_export', contactId: p.id, status: 'done' });
    const { lines } = await download(status.archive.url, clientAdmin);
    expect(lines.map((line) => line.type)).toEqual([
      'export',
      'contact',
      'submission',
      'submission',
      'submission',
      ...lines.slice(5).map((line) => line.type),
    ]);
    expect((lines[1] as Line & { contact: { email: string } }).contact.email).toBe(p.email);
    expect(lines.at(-1)).toMatchObject({ type: 'end', rows: { submissions: 3 } });
  });

  test('a job the database could not finish is tried again, then reported failed in plain words', async () => {
    const p = await person(1);
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/clients/${f.clientId}/contacts/${p.id}/export`,
      headers: { authorization: `Bearer ${clientAdmin}`, prefer: 'respond-async' },
    });
    expectStatus(response, 202);
    // The contact goes before the round: the export has nothing to hold.
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/contacts/${p.id}`, clientAdmin), 204);
    const status = await done(response.headers.location as string, clientAdmin);
    expect(status).toMatchObject({ status: 'failed', archive: null });
    expect(status.error).toMatch(/erased or deleted before its export/);
    const n = await t.data.privileged('test: count parts', async (db) => {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM export_parts WHERE job_id = ${status.id}`.execute(db);
      return rows[0]?.n;
    });
    expect(n).toBe(0);
  });
});
