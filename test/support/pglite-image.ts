/**
 * One embedded database migrated to the latest schema, dumped by PGlite's dumpDataDir, that each
 * test file on PGlite loads instead of starting an empty cluster and migrating it again. Made by
 * the vitest global setup (test/support/pglite-image-setup.ts), kept under node_modules/.cache
 * and named by a hash of everything that shapes it, so a changed migration makes a new one.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PglitePool } from '../../server/db/pglite-pool.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/upzento-test');

/** The environment variable through which test files find the image's path. */
export const PGLITE_IMAGE_ENV = 'UPZENTO_TEST_PGLITE_IMAGE';

/** The migrations, the code that applies them, and the versions of PGlite and Kysely. */
async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  const migrations = path.join(ROOT, 'server/db/migrations');
  const files = [
    ...(await readdir(migrations)).sort().map((name) => path.join(migrations, name)),
    path.join(ROOT, 'server/db/migrate.ts'),
    path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'),
    path.join(ROOT, 'node_modules/kysely/package.json'),
  ];
  for (const file of files)
    hash
      .update(path.relative(ROOT, file))
      .update('\0')
      .update(await readFile(file))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The image's path, made first when no image of these inputs exists yet. */
export async function ensurePgliteImage(): Promise<string> {
  const file = path.join(CACHE, `pglite-${await inputsHash()}.tar`);
  try {
    await access(file);
    return file;
  } catch {
    // not made yet
  }
  const pglite = new PGlite();
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new PglitePool(pglite) }) });
  try {
    await migrateToLatest(db);
    const image = await pglite.dumpDataDir('none');
    await mkdir(CACHE, { recursive: true });
    // Written beside and renamed: a run started at the same time never reads half an image.
    const scratch = `${file}.${process.pid}.tmp`;
    await writeFile(scratch, Buffer.from(await image.arrayBuffer()));
    await rename(scratch, file);
  } finally {
    await db.destroy();
    await pglite.close();
  }
  return file;
}

/** The image made by the global setup, or null where there is none (outside vitest, or on PostgreSQL). */
export async function loadPgliteImage(): Promise<Blob | null> {
  const file = process.env[PGLITE_IMAGE_ENV];
  return file ? new Blob([await readFile(file)]) : null;
}
