/**
 * Migration 0015: agencies that existed before it are pinned to 2026-12-01, the version whose shapes the
 * API answered in until then, and the table holds only version dates.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/db/migrate.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { asSystem, createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { expectStatus } from '../platform/provision.ts';

let database: TestDatabase;
let t: TestApp;
const agencyId = '5d3c2a10-0000-4000-8000-000000000151';
const clientId = '5d3c2a10-0000-4000-8000-000000000152';

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  const direct = database.handle.direct as Kysely<unknown>;
  await migrateTo(direct, '0013-privacy-jobs');
  await asSystem(database, async (db) => {
    await sql`INSERT INTO agencies (agency_id, name) VALUES (${agencyId}, 'Before 0015')`.execute(db);
    await sql`INSERT INTO clients (agency_id, client_id, name, public_key) VALUES (${agencyId}, ${clientId}, 'Before 0015', 'pk_before0015before0015before01')`.execute(
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

test('an agency from before 0015 is pinned to 2026-12-01, and its client follows it', async () => {
  const agency = await t.call('GET', `/v1/agencies/${agencyId}/api-version`, t.adminToken);
  expectStatus(agency, 200);
  expect(agency.json()).toMatchObject({ version: '2026-12-01', source: 'agency', rollbackTo: null });
  const client = await t.call('GET', `/v1/clients/${clientId}/api-version`, t.adminToken);
  expect(client.json()).toMatchObject({ version: '2026-12-01', source: 'agency', pinnedAt: null });
});

test('the table refuses a version that is not a date, and a client row of another agency', async () => {
  const insert = (version: string, tenant = clientId, agency = agencyId) =>
    asSystem(database, (db) =>
      db
        .insertInto('api_version_pins')
        .values({ agency_id: agency, tenant_id: tenant, client_id: tenant, version })
        .execute(),
    );
  await expect(insert('latest')).rejects.toThrow(/check constraint/);
  const other = '5d3c2a10-0000-4000-8000-000000000159';
  await asSystem(database, (db) => sql`INSERT INTO agencies (agency_id, name) VALUES (${other}, 'Other')`.execute(db));
  await expect(insert('2026-12-01', clientId, other)).rejects.toThrow(/foreign key/);
});
