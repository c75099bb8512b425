/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by default (loaded from
 * the image the global setup migrated once, see pglite-image.ts), or a new
 * database on the PostgreSQL server named by DATABASE_URL (created here, dropped on close), so
 * test files running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.ts';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { loadPgliteImage } from './pglite-image.ts';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The URL of the fresh PostgreSQL database, or null on PGlite. */
  url: string | null;
  /** Opens another handle on the same database (a second server instance). */
  reopen(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TestDatabaseOptions {
  /** Migrate the fresh database to the latest schema; default true. False leaves it empty. */
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (process.env.UPZENTO_TEST_TIER === 'unit') {
    throw new Error('a unit test opens no database: take this file out of UNIT in vitest.config.ts');
  }
  const base = process.env.DATABASE_URL;
  const migrate = options.migrate ?? true;
  if (!base) {
    // A migrated image loads in a fraction of the time a new cluster takes to start and migrate.
    const image = migrate ? await loadPgliteImage() : null;
    const handle = await openDatabase({
      databaseUrl: null,
      databaseDirectUrl: null,
      dataDir: 'memory:',
      ...(image ? { pgliteImage: image } : {}),
    });
    if (migrate && !image) await migrateToLatest(handle.direct as Kysely<unknown>);
    return {
      handle,
      url: null,
      reopen: async () => handle,
      close: () => handle.close(),
    };
  }
  const name = `upzento_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  // A pooler in front (DATABASE_URL through PgBouncer) serves the pooled connection; migrations
  // and LISTEN go to the direct server.
  const direct = process.env.DATABASE_DIRECT_URL ?? base;
  const url = withDatabase(base, name);
  const directUrl = withDatabase(direct, name);
  const open = () => openDatabase({ databaseUrl: url, databaseDirectUrl: directUrl, dataDir: 'memory:', poolSize: 10 });
  const handle = await open();
  if (migrate) await migrateToLatest(handle.direct as Kysely<unknown>);
  const extra: DatabaseHandle[] = [];
  return {
    handle,
    url,
    async reopen() {
      const another = await open();
      extra.push(another);
      return another;
    },
    async close() {
      for (const another of extra) await another.close();
      await handle.close();
      const cleanup = new pg.Client({ connectionString: directUrl.replace(`/${name}`, new URL(direct).pathname) });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs `run` in one transaction as the privileged role, as the code of an earlier migration wrote
 * its rows: for tests that migrate part of the way, write rows, then migrate on.
 */
export async function asSystem(database: TestDatabase, run: (db: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await database.handle.db.connection().execute(async (db: Kysely<Database>) => {
    await sql.raw('BEGIN; SET LOCAL ROLE upzento_system').execute(db);
    try {
      await run(db);
      await sql.raw('COMMIT').execute(db);
    } catch (error) {
      await sql.raw('ROLLBACK').execute(db);
      throw error;
    }
  });
}
