/**
 * The schema distributes on Citus as it stands (docs/scaling.md), and the rules that say so fail on
 * a migration that breaks one: each kind of breakage is applied to a scratch database here.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REFERENCE_TABLES } from '../../server/db/schema.ts';
import { citusViolations, documentedReferenceTables, runbookTables } from '../support/citus-rules.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let db: Kysely<any>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.direct as Kysely<any>;
});
afterAll(() => database.close());

test('the schema after every migration breaks no rule', async () => {
  expect(await citusViolations(db)).toEqual([]);
});

test('docs/scaling.md lists the reference tables that server/db/schema.ts names, and Kysely’s own', async () => {
  expect(await documentedReferenceTables()).toEqual(
    [...REFERENCE_TABLES, 'kysely_migration', 'kysely_migration_lock'].sort(),
  );
});

test('the runbook distributes every table with agency_id and makes every other table but Kysely’s a reference table', async () => {
  const { rows } = await sql<{ table: string; sharded: boolean }>`
    SELECT c.relname AS table,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped) AS sharded
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'kysely%'
    ORDER BY 1`.execute(db);
  const reference: readonly string[] = REFERENCE_TABLES;
  const runbook = await runbookTables();
  expect(runbook.reference).toEqual(rows.filter((row) => reference.includes(row.table)).map((row) => row.table));
  expect(runbook.distributed).toEqual(rows.filter((row) => !reference.includes(row.table)).map((row) => row.table));
});

/** Runs `migration` in a transaction that is rolled back, and returns the violations it introduced. */
async function violationsOf(migration: string): Promise<string[]> {
  const found: string[] = [];
  await db
    .transaction()
    .execute(async (trx) => {
      await sql.raw(migration).execute(trx);
      found.push(...(await citusViolations(trx)));
      throw new Error('roll back');
    })
    .catch((error: Error) => {
      if (error.message !== 'roll back') throw error;
    });
  return found;
}

describe('a migration that breaks a rule is caught', () => {
  test('a policy with a sub-select', async () => {
    const found = await violationsOf(`
      CREATE TABLE notes (agency_id uuid NOT NULL, note_id uuid NOT NULL, PRIMARY KEY (agency_id, note_id));
      ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON notes TO upzento_app
        USING (agency_id = (SELECT NULLIF(current_setting('upzento.agency_id', true), '')::uuid));`);
    expect(found).toEqual(['policy tenant_isolation on notes has a sub-select']);
  });

  test('a foreign key that sets agency_id’s companions to NULL', async () => {
    const found = await violationsOf(`
      CREATE TABLE notes (agency_id uuid NOT NULL, note_id uuid NOT NULL, client_id uuid, contact_id uuid,
        PRIMARY KEY (agency_id, note_id),
        FOREIGN KEY (agency_id, client_id, contact_id) REFERENCES contacts (agency_id, client_id, contact_id) ON DELETE SET NULL (contact_id));`);
    expect(found).toEqual([
      expect.stringMatching(/^foreign key notes_\w+ on notes sets NULL or DEFAULT, and includes agency_id$/),
    ]);
  });

  test('a trigger that reads another table, and one that calls a function of the row type', async () => {
    const found = await violationsOf(`
      CREATE FUNCTION count_clients() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM count(*) FROM clients; RETURN NEW; END $$;
      CREATE TRIGGER counting BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION count_clients();
      CREATE FUNCTION rehash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.hash := sha256(audit_row_content(NEW)); RETURN NEW; END $$;
      CREATE TRIGGER rehashing BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION rehash();`);
    expect(found.sort()).toEqual([
      'trigger counting on contacts reads or writes a table',
      'trigger rehashing on audit_log calls audit_row_content(), which takes a row type',
    ]);
  });

  test('a table without agency_id that docs/scaling.md does not list', async () => {
    const found = await violationsOf(`CREATE TABLE sessions (session_id uuid PRIMARY KEY, user_id uuid NOT NULL);`);
    expect(found).toEqual(['table sessions has no agency_id and is not a reference table in docs/scaling.md']);
  });

  test('the append-only triggers of the audit log pass: they read nothing and take no row', async () => {
    const { rows } = await sql<{ trigger: string }>`
      SELECT tgname AS trigger FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY 1`.execute(
      db,
    );
    expect(rows.map((row) => row.trigger)).toEqual(['audit_log_append_only', 'audit_log_no_truncate']);
  });
});

test('the policies’ tenant condition, without sub-selects, is still an index condition', async () => {
  const { TenantDatabase } = await import('../../server/db/tenant-db.ts');
  const data = new TenantDatabase(database.handle.db);
  const scope = { agencyId: '00000000-0000-4000-8000-000000000001', clientId: '00000000-0000-4000-8000-000000000002' };
  const actor = { type: 'system' as const, id: null, requestId: null, ip: null };
  // No filter of the application's own: only row-level security narrows this query. Sequential
  // scans are priced out so that the plan shows whether the index can serve the policy at all.
  const plan = await data.scoped(scope, actor, async (q) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(q.unfiltered);
    const { rows } = await sql<{
      'QUERY PLAN': string;
    }>`EXPLAIN SELECT contact_id FROM contacts ORDER BY created_at DESC LIMIT 50`.execute(q.unfiltered);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
  expect(plan).toMatch(/(Bitmap )?Index (Only )?Scan (using|on) contacts_\w+/);
  expect(plan).toMatch(/Index Cond: \(+agency_id = \(NULLIF\(current_setting\('upzento\.agency_id'/);
  expect(plan).not.toMatch(/SubPlan|InitPlan/);
});
