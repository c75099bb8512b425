/**
 * `upzento migrate` applies the migrations as `npm run migrate` does: to DATABASE_URL when it is
 * set, else to the embedded database in UPZENTO_DATA_DIR; a second run finds nothing to do.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { cliRunner, type CliRunner } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let cli: CliRunner | null = null;
let database: TestDatabase | null = null;
let dataDir = '';

afterAll(async () => {
  await cli?.close();
  await database?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function tablesOf(env: NodeJS.ProcessEnv): Promise<string[]> {
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL ?? null,
    databaseDirectUrl: env.DATABASE_URL ?? null,
    dataDir: env.UPZENTO_DATA_DIR ?? 'memory:',
  });
  try {
    const db = handle.direct as Kysely<unknown>;
    const tables = await db.introspection.getTables();
    return tables.map((table) => table.name);
  } finally {
    await handle.close();
  }
}

test('migrate applies every migration to a fresh database, then finds the schema up to date', async () => {
  let env: NodeJS.ProcessEnv;
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase({ migrate: false });
    // The test database's own handle stays open; the command opens its own connections.
    env = { DATABASE_URL: database.url as string };
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'upzento-cli-migrate-'));
    env = { UPZENTO_DATA_DIR: dataDir };
  }
  cli = await cliRunner(env);

  const first = await cli.run(['migrate', '--json'], { timeoutMs: 120_000 });
  expect(first.code, first.stderr).toBe(0);
  const run = JSON.parse(first.stdout);
  expect(run.applied.length).toBeGreaterThan(5);
  expect(run.applied[0]).toMatch(/^0001/);
  expect(run.database).toMatch(process.env.DATABASE_URL ? /PostgreSQL/ : /embedded PGlite/);

  const tables = await tablesOf(env);
  expect(tables).toEqual(expect.arrayContaining(['agencies', 'clients', 'domains', 'audit_log']));

  const second = await cli.run(['migrate'], { timeoutMs: 120_000 });
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toBe('schema is up to date\n');
}, 240_000);

test('a database that does not answer exits 6 and says which setting to check', async () => {
  const down = await cliRunner({
    DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
    UPZENTO_DB_CONNECT_TIMEOUT_MS: '2000',
  });
  try {
    const result = await down.run(['migrate'], { timeoutMs: 120_000 });
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).toContain('Cannot reach the database (ECONNREFUSED)');
    expect(result.stderr).toContain('DATABASE_URL');
  } finally {
    await down.close();
  }
}, 180_000);
