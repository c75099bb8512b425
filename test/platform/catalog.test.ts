/**
 * The live schema, read from pg_catalog after the migrations: the promises the contract makes
 * about roles, row-level security and the shard key hold for every table, including tables added
 * later (a new table without RLS or without agency_id in its keys fails here).
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REFERENCE_TABLES, type Database } from '../../server/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The keys of the Database interface in server/db/schema.ts; keep in step with it. */
const DATABASE_TABLES = [
  'platform',
  'system_settings',
  'agencies',
  'clients',
  'accounts',
  'users',
  'client_settings',
  'feature_flags',
  'contacts',
  'submissions',
  'domains',
  'audit_log',
  'audit_chain_heads',
  'sign_in_brake',
  'invitations',
  'webhooks',
  'webhook_deliveries',
  'audit_personal',
  'audit_redactions',
  'privacy_settings',
  'erasure_suppressions',
  'identity_settings',
  'audit_digests',
  'privacy_jobs',
  'export_parts',
  'tenant_limits',
  'server_instances',
  'api_version_pins',
  'platform_flags',
  'platform_templates',
  'agency_templates',
  'tenant_deletions',
  'agency_placements',
  'tenant_data_migrations',
  'alerts',
  'tenant_metrics_minute',
  'tenant_metrics_hour',
] as const satisfies readonly (keyof Database)[];

/** Kysely's own bookkeeping, not part of the Database interface. */
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

const reference: readonly string[] = REFERENCE_TABLES;
const TENANT_TABLES = DATABASE_TABLES.filter((table) => !reference.includes(table));

let database: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
});
afterAll(() => database?.close());

interface TableRow {
  name: string;
  rls: boolean;
  forced: boolean;
  owner: string;
  policies: number;
}

async function tables(): Promise<TableRow[]> {
  const { rows } = await sql<TableRow>`
    SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
           pg_get_userbyid(c.relowner) AS owner,
           (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`.execute(db);
  return rows;
}

/** Column names of a key: a constraint's columns, or an index's plain columns (expressions are left out). */
interface KeyRow {
  table: string;
  name: string;
  kind: string;
  columns: string[];
  referenced: string | null;
  referencedColumns: string[] | null;
}

async function keys(): Promise<KeyRow[]> {
  const constraints = await sql<KeyRow>`
    SELECT c.relname AS table, k.conname AS name, k.contype::text AS kind,
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum ORDER BY key.position) AS columns,
           r.relname AS referenced,
           CASE WHEN k.contype = 'f' THEN
             ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS key(attnum, position)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = key.attnum ORDER BY key.position)
           END AS "referencedColumns"
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class r ON r.oid = k.confrelid
    WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'f')`.execute(db);
  const uniqueIndexes = await sql<KeyRow>`
    SELECT c.relname AS table, i.relname AS name, 'index' AS kind,
           ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) AS key(attnum)
                 JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = key.attnum) AS columns,
           NULL AS referenced, NULL AS "referencedColumns"
    FROM pg_index x
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND x.indisunique`.execute(db);
  return [...constraints.rows, ...uniqueIndexes.rows];
}

test("the live schema has exactly the tables of the Database interface, and Kysely's own", async () => {
  const live = (await tables()).map((table) => table.name).sort();
  expect(live).toEqual([...DATABASE_TABLES, ...MIGRATION_TABLES].sort());
  for (const table of REFERENCE_TABLES) expect(DATABASE_TABLES).toContain(table);
});

describe('row-level security', () => {
  test.each(TENANT_TABLES)('%s has RLS enabled, forced, and at least one policy', async (name) => {
    const table = (await tables()).find((row) => row.name === name);
    expect(table).toMatchObject({ rls: true, forced: true });
    expect(table?.policies).toBeGreaterThan(0);
  });

  test.each([...REFERENCE_TABLES])('reference table %s also has RLS enabled and forced', async (name) => {
    const table = (await tables()).find((row) => row.name === name);
    expect(table).toMatchObject({ rls: true, forced: true });
  });

  test('the connecting role may SET ROLE to upzento_app, upzento_system and upzento_audit but inherits none', async () => {
    // A policy TO a role applies to every role with that role's privileges; the connecting role
    // reaches the two only through upzento_gate, which does not inherit (see 0001).
    const { rows } = await sql<{ gate_inherits: boolean; direct: number; via_gate: boolean }>`
      SELECT (SELECT rolinherit FROM pg_roles WHERE rolname = 'upzento_gate') AS gate_inherits,
             (SELECT count(*)::int FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
               WHERE r.rolname IN ('upzento_app', 'upzento_system')
                 AND m.member = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS direct,
             pg_has_role(current_user, 'upzento_gate', 'MEMBER') AS via_gate`.execute(db);
    expect(rows[0]).toEqual({ gate_inherits: false, direct: 0, via_gate: true });
    const members = await sql<{ role: string }>`
      SELECT r.rolname AS role FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
      WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = 'upzento_gate') ORDER BY 1`.execute(db);
    expect(members.rows.map((row) => row.role)).toEqual(['upzento_app', 'upzento_audit', 'upzento_system']);
  });

  test('no permissive policy lets PUBLIC in', async () => {
    const { rows } = await sql<{ table: string; policy: string }>`
      SELECT c.relname AS table, p.polname AS policy FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
      WHERE p.polpermissive AND '0'::oid = ANY (p.polroles)`.execute(db);
    expect(rows).toEqual([]);
  });
});

describe('the shard key', () => {
  test.each(TENANT_TABLES)('%s has agency_id, and it is in the primary key', async (name) => {
    const { rows } = await sql<{ column: string }>`
      SELECT column_name AS column FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${name}`.execute(db);
    expect(rows.map((row) => row.column)).toContain('agency_id');
    const primary = (await keys()).filter((key) => key.table === name && key.kind === 'p');
    expect(primary).toHaveLength(1);
    expect(primary[0]?.columns).toContain('agency_id');
  });

  test.each(TENANT_TABLES)('%s has agency_id in every unique constraint and unique index', async (name) => {
    const unique = (await keys()).filter((key) => key.table === name && (key.kind === 'u' || key.kind === 'index'));
    expect(unique.length).toBeGreaterThan(0);
    for (const key of unique) expect(key.columns, `${key.name} on ${name}`).toContain('agency_id');
  });

  test.each(TENANT_TABLES)('%s has agency_id on both sides of every foreign key', async (name) => {
    for (const key of (await keys()).filter((row) => row.table === name && row.kind === 'f')) {
      expect(key.columns, `${key.name} on ${name}`).toContain('agency_id');
      expect(key.referencedColumns, `${key.name} → ${key.referenced}`).toContain('agency_id');
      // And at the same position, so the key pairs agency with agency.
      expect(key.referencedColumns?.[key.columns.indexOf('agency_id')]).toBe('agency_id');
    }
  });

  test('the key reader sees composite keys as they are declared (so the checks above are not vacuous)', async () => {
    const all = await keys();
    const toClients = all.find((key) => key.table === 'contacts' && key.kind === 'f' && key.referenced === 'clients');
    expect(toClients).toMatchObject({
      columns: ['agency_id', 'client_id'],
      referencedColumns: ['agency_id', 'client_id'],
    });
    const email = all.find((key) => key.name === 'contacts_email_idx');
    // An expression index: its plain columns are listed, lower(email) is not.
    expect(email?.columns).toEqual(['agency_id', 'client_id']);
    expect(all.filter((key) => key.kind === 'f').length).toBeGreaterThanOrEqual(10);
  });

  test('no tenant table references a reference table, and no reference table references a tenant table', async () => {
    const crossing = (await keys()).filter(
      (key) =>
        key.kind === 'f' &&
        key.referenced !== null &&
        reference.includes(key.table) !== reference.includes(key.referenced),
    );
    expect(crossing.map((key) => `${key.table}.${key.name} → ${key.referenced}`)).toEqual([]);
  });
});

describe('the role every tenant transaction runs as', () => {
  interface RoleRow {
    rolsuper: boolean;
    rolcanlogin: boolean;
    rolbypassrls: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    owns: number;
  }

  async function role(name: string): Promise<RoleRow | undefined> {
    const { rows } = await sql<RoleRow>`
      SELECT r.rolsuper, r.rolcanlogin, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
             (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
      FROM pg_roles r WHERE r.rolname = ${name}`.execute(db);
    return rows[0];
  }

  test.each(['upzento_app', 'upzento_system'])(
    '%s exists, is no superuser, cannot log in, has no BYPASSRLS and owns nothing',
    async (name) => {
      expect(await role(name)).toEqual({
        rolsuper: false,
        rolcanlogin: false,
        rolbypassrls: false,
        rolcreaterole: false,
        rolcreatedb: false,
        owns: 0,
      });
    },
  );

  test("upzento_app can neither change nor remove audit rows, nor touch the platform's own tables or Kysely's", async () => {
    const { rows } = await sql<{ table: string; privilege: string }>`
      SELECT t.name AS table, p.privilege
      FROM unnest(ARRAY[${sql.join([...DATABASE_TABLES, ...MIGRATION_TABLES])}]::text[]) AS t(name)
      CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
      WHERE has_table_privilege('upzento_app', t.name, p.privilege)
      ORDER BY 1, 2`.execute(db);
    const granted = rows.map((row) => `${row.table}:${row.privilege}`);
    for (const forbidden of [
      'audit_log:UPDATE',
      'audit_log:DELETE',
      'audit_log:TRUNCATE',
      'agencies:INSERT',
      'agencies:UPDATE',
      'agencies:DELETE',
    ]) {
      expect(granted).not.toContain(forbidden);
    }
    for (const table of ['platform', 'system_settings', ...MIGRATION_TABLES]) {
      expect(granted.filter((entry) => entry.startsWith(`${table}:`))).toEqual([]);
    }
    // It can do its work: read and write CRM data, read the audit log and its heads.
    expect(granted).toEqual(
      expect.arrayContaining([
        'contacts:SELECT',
        'contacts:INSERT',
        'contacts:UPDATE',
        'contacts:DELETE',
        'audit_log:SELECT',
        'audit_chain_heads:SELECT',
      ]),
    );
  });

  test('neither application role writes the audit log or moves a chain head: only audit_append does, as upzento_audit', async () => {
    const { rows } = await sql<{ grant: string }>`
      SELECT r.name || ':' || t.name || ':' || p.privilege AS grant
      FROM unnest(ARRAY['upzento_app', 'upzento_system']) AS r(name)
      CROSS JOIN unnest(ARRAY['audit_log', 'audit_chain_heads']) AS t(name)
      CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS p(privilege)
      WHERE has_table_privilege(r.name, t.name, p.privilege)`.execute(db);
    expect(rows).toEqual([]);
    const fn = await sql<{ owner: string; definer: boolean; app: boolean; system: boolean; everyone: boolean }>`
      SELECT pg_get_userbyid(p.proowner) AS owner, p.prosecdef AS definer,
             has_function_privilege('upzento_app', p.oid, 'EXECUTE') AS app,
             has_function_privilege('upzento_system', p.oid, 'EXECUTE') AS system,
             (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')) AS everyone
      FROM pg_proc p WHERE p.proname = 'audit_append'`.execute(db);
    expect(fn.rows).toEqual([{ owner: 'upzento_audit', definer: true, app: true, system: true, everyone: false }]);
    const audit = await sql<{ login: boolean; owns: number }>`
      SELECT rolcanlogin AS login,
             (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns
      FROM pg_roles r WHERE rolname = 'upzento_audit'`.execute(db);
    expect(audit.rows).toEqual([{ login: false, owns: 0 }]);
  });
});

test("the scheduler's page order, (next_check_at, domain_id), has an index, so a page read stops at its page", async () => {
  const { rows } = await sql<{ definition: string }>`
    SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'domains'`.execute(
    db,
  );
  const definitions = rows.map((row) => row.definition);
  expect(definitions).toContainEqual(expect.stringContaining('(next_check_at, domain_id) WHERE'));
  expect(definitions.filter((definition) => definition.includes('(next_check_at)'))).toEqual([]);
});
