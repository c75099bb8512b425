/**
 * The embedded database's files are for this process's user alone: PGlite writes its files world
 * readable and writable (0666), and its WAL holds password hashes. Every directory becomes 0700 and
 * every file 0600; with the data dir itself 0700, a file PGlite creates later is out of other
 * users' reach whatever its own mode.
 */
import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function restrictToOwner(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  const pending = [dir];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        await chmod(full, 0o700);
        pending.push(full);
      } else if (entry.isFile()) {
        await chmod(full, 0o600);
      }
    }
  }
}
