/**
 * Audit entries written before migration 0010 hold personal values inside their hashed bytes. They
 * cannot change without breaking the chain, so an erasure lists them and the API masks them: the
 * email and the visitor's address no longer show, and the chain verifies as before.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/db/migrate.ts';
import type { Database } from '../../server/db/schema.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { expectStatus } from '../platform/provision.ts';

let database: TestDatabase;
let t: TestApp;
const agencyId = '5d3c2a10-0000-4000-8000-000000000001';
const clientId = '5d3c2a10-0000-4000-8000-000000000002';
const contactId = '5d3c2a10-0000-4000-8000-000000000003';
const submissionId = '5d3c2a10-0000-4000-8000-000000000004';
const email = 'legacy.person@example.test';

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  const direct = database.handle.direct as Kysely<unknown>;
  await migrateTo(direct, '0008-citus-ready');
  // Rows as the code before 0010 wrote them, through the privileged role the application used.
  await database.handle.db.connection().execute(async (db: Kysely<Database>) => {
    await sql.raw(`BEGIN; SET LOCAL ROLE upzento_system`).execute(db);
    await sql`INSERT INTO agencies (agency_id, name) VALUES (${agencyId}, 'Legacy agency')`.execute(db);
    await sql`INSERT INTO clients (agency_id, client_id, name, public_key) VALUES (${agencyId}, ${clientId}, 'Legacy client', 'pk_legacylegacylegacylegacy01')`.execute(
      db,
    );
    await sql`INSERT INTO contacts (agency_id, client_id, contact_id, email, name) VALUES (${agencyId}, ${clientId}, ${contactId}, ${email}, 'Legacy Person')`.execute(
      db,
    );
    await sql`INSERT INTO submissions (agency_id, client_id, submission_id, idempotency_key, payload_hash, contact_id, email, name, origin)
      VALUES (${agencyId}, ${clientId}, ${submissionId}, 'legacy-key-1', ${'0'.repeat(64)}, ${contactId}, ${email}, 'Legacy Person', 'https://shop.test')`.execute(
      db,
    );
    const append = (
      actorType: string,
      action: string,
      targetType: string,
      targetId: string,
      details: object,
      ip: string,
    ) =>
      sql`SELECT audit_append(${agencyId}::uuid, ${clientId}::uuid, 'client', ${actorType}, NULL, NULL, ${action}, ${targetType}, ${targetId},
        ${JSON.stringify(details)}::jsonb, 'req-legacy', ${ip})`.execute(db);
    await append('system', 'contact.created', 'contact', contactId, { email }, '198.51.100.1');
    await append(
      'anonymous',
      'submission.received',
      'submission',
      submissionId,
      { origin: 'https://shop.test', contactId, contactCreated: false },
      '203.0.113.7',
    );
    await sql.raw('COMMIT').execute(db);
  });
  await migrateToLatest(direct);
  t = await createTestApp({}, database);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await database?.close();
});

test('an erasure masks the personal values of entries written before 0010, and their chain still verifies', async () => {
  const log = async () =>
    (await t.call('GET', `/v1/clients/${clientId}/audit-log`, t.adminToken)).json().items as Array<Record<string, any>>;
  const before = await log();
  expect(before.find((e) => e.action === 'contact.created')?.details).toEqual({ email });
  expect(before.find((e) => e.action === 'submission.received')?.ip).toBe('203.0.113.7');

  const erased = await t.call('POST', `/v1/clients/${clientId}/contacts/${contactId}/erase`, t.adminToken);
  expectStatus(erased, 200);
  expect(erased.json()).toMatchObject({ contacts: 1, submissions: 1, auditEntries: 2 });

  const after = await log();
  expect(JSON.stringify(after)).not.toContain(email);
  expect(after.find((e) => e.action === 'contact.created')).toMatchObject({
    details: { personalData: 'erased' },
    ip: '198.51.100.1',
  });
  expect(after.find((e) => e.action === 'submission.received')).toMatchObject({
    details: { contactId, personalData: 'erased' },
    ip: null,
  });
  expect((await t.call('GET', `/v1/clients/${clientId}/audit-log/verify`, t.adminToken)).json()).toEqual({
    valid: true,
    rowsChecked: 3,
    firstBrokenSeq: null,
  });
});
