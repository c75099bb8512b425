/**
 * What Citus needs of the schema to distribute it by agency_id as it stands (docs/scaling.md), read
 * from the catalog: Citus is not installed where the tests run, so its rules are held here, and the
 * catalog test fails on a migration that breaks one. Each violation is one sentence naming the object.
 */
import { readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';

const SCALING_DOC = new URL('../../docs/scaling.md', import.meta.url);

/** The tables docs/scaling.md lists as reference tables: the backticked names in its "Reference tables" table. */
export async function documentedReferenceTables(): Promise<string[]> {
  const text = await readFile(SCALING_DOC, 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('Reference tables'));
  if (!section) throw new Error('docs/scaling.md has no "Reference tables" section');
  const names: string[] = [];
  for (const line of section.split('\n')) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (first) for (const match of first.matchAll(/`([a-z_][a-z0-9_]*)`/g)) names.push(match[1]!);
  }
  return names.sort();
}

/** The tables the runbook in docs/scaling.md makes reference tables, and those it distributes. */
export async function runbookTables(): Promise<{ reference: string[]; distributed: string[] }> {
  const text = await readFile(SCALING_DOC, 'utf8');
  const names = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!).sort();
  return {
    reference: names(/create_reference_table\('([a-z_]+)'\)/g),
    distributed: names(/create_distributed_table(?:_concurrently)?\('([a-z_]+)'/g),
  };
}

export async function citusViolations(db: Kysely<any>): Promise<string[]> {
  const violations: string[] = [];

  // Citus: "Subqueries are not supported in policies on distributed tables".
  const policies = await sql<{ table: string; policy: string; expression: string }>`
    SELECT c.relname AS table, p.polname AS policy,
           coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') AS expression
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema()`.execute(db);
  for (const row of policies.rows) {
    if (/\bSELECT\b/i.test(row.expression)) violations.push(`policy ${row.policy} on ${row.table} has a sub-select`);
  }

  // Citus: "SET NULL or SET DEFAULT is not supported … when distribution key is included in the foreign key constraint".
  const keys = await sql<{ table: string; name: string }>`
    SELECT c.relname AS table, k.conname AS name
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) AND a.attname = 'agency_id'
    WHERE n.nspname = current_schema() AND k.contype = 'f'
      AND (k.confdeltype IN ('n', 'd') OR k.confupdtype IN ('n', 'd'))`.execute(db);
  for (const row of keys.rows)
    violations.push(`foreign key ${row.name} on ${row.table} sets NULL or DEFAULT, and includes agency_id`);

  // On a shard a trigger sees the shard's row type and runs where other tables' rows are not: a
  // trigger of a distributed table may neither read a table nor call a function of a row type.
  const rowTypeFunctions = await sql<{ name: string }>`
    SELECT DISTINCT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema()
      AND EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = ANY (p.proargtypes::oid[]) AND c.relkind IN ('r', 'p'))`.execute(
    db,
  );
  const triggers = await sql<{ table: string; trigger: string; source: string }>`
    SELECT c.relname AS table, t.tgname AS trigger, p.prosrc AS source
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_proc p ON p.oid = t.tgfoid
    WHERE n.nspname = current_schema() AND NOT t.tgisinternal
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped)`.execute(
    db,
  );
  for (const row of triggers.rows) {
    const code = row.source.replace(/'(?:[^']|'')*'/g, "''");
    if (/\b(FROM|JOIN|INTO|UPDATE|DELETE|TABLE)\b/i.test(code))
      violations.push(`trigger ${row.trigger} on ${row.table} reads or writes a table`);
    for (const fn of rowTypeFunctions.rows) {
      if (new RegExp(`\\b${fn.name}\\s*\\(`, 'i').test(code))
        violations.push(`trigger ${row.trigger} on ${row.table} calls ${fn.name}(), which takes a row type`);
    }
  }

  // A table without agency_id is a reference table, and docs/scaling.md says why it is one. (A
  // reference table may still carry an agency_id that is not its key, as accounts does.)
  const all = await sql<{ table: string; sharded: boolean }>`
    SELECT c.relname AS table,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped) AS sharded
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    ORDER BY 1`.execute(db);
  const documented = await documentedReferenceTables();
  for (const { table, sharded } of all.rows) {
    if (!sharded && !documented.includes(table))
      violations.push(`table ${table} has no agency_id and is not a reference table in docs/scaling.md`);
  }
  for (const table of documented) {
    if (!all.rows.some((row) => row.table === table))
      violations.push(`docs/scaling.md lists ${table} as a reference table, but there is no such table`);
  }
  return violations;
}
