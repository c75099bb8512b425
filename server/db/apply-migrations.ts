/**
 * Applies the migrations to the configured database (DATABASE_DIRECT_URL / DATABASE_URL, else the
 * embedded one in UPZENTO_DATA_DIR) and closes it: `npm run migrate` and `upzento migrate`.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { openDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

export interface MigrationRun {
  /** Names of the migrations applied now, in order; empty when the schema was up to date. */
  applied: string[];
  /** Where: `PostgreSQL (DATABASE_URL)` or `embedded PGlite (<data dir>)`. */
  database: string;
}

export async function applyMigrations(config: Config): Promise<MigrationRun> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.direct as Kysely<unknown>);
    return {
      applied,
      database: handle.kind === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)',
    };
  } finally {
    await handle.close();
  }
}
