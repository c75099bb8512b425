/**
 * Migration 0012: a submission stored before it reads with an empty context and no consent, and the table
 * itself refuses context and consent values that the API would refuse, so nothing written past the API can
 * make a later read fail.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/db/migrate.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { asSystem, createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { expectStatus } from './provision.ts';

let database: TestDatabase;
let t: TestApp;
const agencyId = '5d3c2a10-0000-4000-8000-000000000011';
const clientId = '5d3c2a10-0000-4000-8000-000000000012';
const submissionId = '5d3c2a10-0000-4000-8000-000000000014';

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  const direct = database.handle.direct as Kysely<unknown>;
  await migrateTo(direct, '0010-privacy');
  await asSystem(database, async (db) => {
    await sql`INSERT INTO agencies (agency_id, name) VALUES (${agencyId}, 'Before 0012')`.execute(db);
    await sql`INSERT INTO clients (agency_id, client_id, name, public_key) VALUES (${agencyId}, ${clientId}, 'Before 0012', 'pk_before0012before0012before01')`.execute(
      db,
    );
    await sql`INSERT INTO submissions (agency_id, client_id, submission_id, idempotency_key, payload_hash, email, origin)
      VALUES (${agencyId}, ${clientId}, ${submissionId}, 'before-0012-key', ${'0'.repeat(64)}, 'old@example.test', 'https://shop.test')`.execute(
      db,
    );
  });
  await migrateToLatest(direct);
  t = await createTestApp({}, database);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await database?.close();
});

test('a submission from before 0012 reads with every context value null and no consent', async () => {
  const response = await t.call('GET', `/v1/clients/${clientId}/submissions`, t.adminToken);
  expectStatus(response, 200);
  expect(response.json().items).toEqual([
    expect.objectContaining({
      id: submissionId,
      context: {
        pageUrl: null,
        referrer: null,
        utm: { source: null, medium: null, campaign: null, term: null, content: null },
      },
      consent: null,
    }),
  ]);
});

test.each([
  ['a page URL that is no http(s) URL', { page_url: 'javascript:alert(1)' }],
  ['a page URL over 2048 characters', { page_url: `https://shop.test/${'a'.repeat(2040)}` }],
  ['a referrer that is no http(s) URL', { referrer: 'android-app://x' }],
  ['a UTM value over 200 characters', { utm_term: 'x'.repeat(201) }],
  ['consent text without its time', { consent_text: 'I agree' }],
  ['a time of consent without its text', { consented_at: new Date() }],
  ['an empty consent text', { consent_text: '', consented_at: new Date() }],
])('the table refuses %s', async (_what, values) => {
  const insert = asSystem(database, (db) =>
    db
      .insertInto('submissions')
      .values({
        agency_id: agencyId,
        client_id: clientId,
        idempotency_key: `check-${Math.random()}`,
        payload_hash: '0'.repeat(64),
        email: 'x@example.test',
        fields: '{}',
        origin: '',
        ...values,
      })
      .execute(),
  );
  await expect(insert).rejects.toMatchObject({ code: '23514' });
});
