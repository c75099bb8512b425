/**
 * Builds the server for production: server/main.ts and the command-line tools bundled by esbuild
 * into build/server/ as ES modules that plain `node` runs, with source maps and without the
 * dependencies (they load from node_modules as usual). No type check here: `npm run typecheck` is
 * that step, and esbuild builds in under a second what tsc emits in 13–22 s (docs/deployment.md).
 *
 *   node build-server.mjs [--outdir build/server]
 */
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds into `outdir` (what an earlier build left there is removed): main.js (`npm start`), migrate.js (`npm run migrate`),
 * verify-audit.js (`npm run verify-audit`), and the chunks they share; and the `upzento` command
 * line into `cliOutdir` (bin/upzento.mjs runs build/cli/main.js when it is there).
 */
export async function buildServer({ outdir = join(root, 'build/server'), cliOutdir = join(root, 'build/cli') } = {}) {
  await Promise.all([
    bundle(
      {
        main: 'server/main.ts',
        migrate: 'server/db/migrate-cli.ts',
        'verify-audit': 'server/audit/verify-audit-cli.ts',
      },
      outdir,
    ),
    bundle({ main: 'cli/main.ts' }, cliOutdir),
  ]);
}

/**
 * Bundles into outdir, then removes what an earlier build left there. Not emptied first: a build/ that
 * is run while it is rebuilt (npm start, the upzento command, a test beside one that builds) then
 * never finds its entry gone, only, at worst, one file newer than the other.
 */
async function bundle(entryPoints, outdir) {
  const { metafile } = await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.11',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  const written = new Set(Object.keys(metafile.outputs).map((file) => resolve(root, file)));
  const found = await readdir(outdir, { recursive: true, withFileTypes: true });
  await Promise.all(
    found
      .filter((entry) => entry.isFile() && !written.has(join(entry.parentPath ?? entry.path, entry.name)))
      .map((entry) => rm(join(entry.parentPath ?? entry.path, entry.name), { force: true })),
  );
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const flag = process.argv.indexOf('--outdir');
  const outdir = flag === -1 ? undefined : resolve(process.argv[flag + 1] ?? '');
  const started = performance.now();
  buildServer(outdir ? { outdir, cliOutdir: join(outdir, '..', 'cli') } : {}).then(
    () =>
      console.log(
        `server: ${outdir ?? join(root, 'build/server')} (built in ${Math.round(performance.now() - started)} ms)`,
      ),
    (error) => {
      console.error(error.message ?? error);
      process.exitCode = 1;
    },
  );
}
