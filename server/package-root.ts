/**
 * The package's root folder (where package.json is), found from this module's own place, so that
 * paths to dist/ and esbuild.config.mjs hold both from source (server/) and from the build
 * (build/server/, one bundle whose modules all share one import.meta.url).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
