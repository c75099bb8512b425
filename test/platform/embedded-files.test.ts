/**
 * The embedded database's files belong to the server's user alone: its WAL holds password hashes,
 * and PGlite writes every file world-readable and -writable.
 */
import { mkdtemp, rm, stat, chmod, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { Kysely } from 'kysely';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Every entry below `dir` with its permission bits, as `0600 pgdata/base/1/1259`. */
async function modes(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      found.push(
        `${((await stat(full)).mode & 0o777).toString(8).padStart(4, '0')} ${entry.isDirectory() ? 'dir' : 'file'} ${path.relative(dir, full)}`,
      );
      if (entry.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  return found;
}

test('a new data dir, and one left world-readable by an earlier version, are owner-only once opened', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'upzento-files-'));
  made.push(dir);
  const dataDir = path.join(dir, 'data');
  const first = await openDatabase({ databaseUrl: null, databaseDirectUrl: null, dataDir });
  await migrateToLatest(first.direct as Kysely<unknown>);
  await first.close();

  // As an earlier version left it: everything open to everyone.
  for (const line of await modes(dataDir)) {
    const [, kind, relative] = line.split(' ') as [string, string, string];
    await chmod(path.join(dataDir, relative), kind === 'dir' ? 0o777 : 0o666);
  }
  await chmod(dataDir, 0o777);
  // A file of the operator's own beside the database is left as it is.
  await writeFile(path.join(dataDir, 'notes.txt'), 'mine');
  await chmod(path.join(dataDir, 'notes.txt'), 0o644);

  const again = await openDatabase({ databaseUrl: null, databaseDirectUrl: null, dataDir });
  try {
    const entries = await modes(dataDir);
    expect(entries.length).toBeGreaterThan(500);
    expect(((await stat(dataDir)).mode & 0o777).toString(8)).toBe('700');
    const open = entries.filter((line) => !line.startsWith('0700 dir') && !line.startsWith('0600 file'));
    expect(open).toEqual(['0644 file notes.txt']);
  } finally {
    await again.close();
  }
});
