/**
 * Builds the widget: `dist/widget.js` (script tag, IIFE; the server sends it) and `dist/widget/index.js` with
 * its declarations (ESM), and the npm package `@upzento/widget` in `widget/dist/`: `index.js` (ESM),
 * `widget.js` (IIFE) and `types/` (declarations that need nothing but the package). Run as a script it fails
 * when widget.js exceeds its gzip budget; imported, it only exports.
 *
 *   node esbuild.config.mjs [--outdir dist] [--package-outdir widget/dist, or <outdir>/package with --outdir]
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

const budgets = JSON.parse(readFileSync(join(root, 'widget/size-budget.json'), 'utf8'));

/** Gzipped bytes that dist/widget.js may not exceed, Preact included: what a page pays before the launcher shows. */
export const WIDGET_GZIP_BUDGET = budgets['widget.js'].gzipBytes;

/** Gzipped bytes of dist/widget-panel.js, which loads after the launcher shows (on hover, focus, open or idle). */
export const PANEL_GZIP_BUDGET = budgets['widget-panel.js'].gzipBytes;

/**
 * Browsers of early 2023 on: Safari 16.4 is the first with constructable stylesheets, which the widget needs
 * for strict CSP, so nothing older would get the full widget anyway, and nothing newer needs a transform.
 */
const TARGET = ['chrome111', 'edge111', 'firefox111', 'safari16.4'];

/** Raw and gzipped size of a file; gzip at zlib's default level, as servers usually send it. */
export async function measure(file) {
  const bytes = await readFile(file);
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

/**
 * Builds both bundles and the declarations into `outdir`; resolves to the size of widget.js.
 * Everything is built into a scratch folder beside `outdir` first and then renamed into place
 * file by file, so a server reading dist/widget.js while a build runs never sees half a file.
 */
export async function buildWidget({ outdir = join(root, 'dist') } = {}) {
  const scratch = await mkdtemp(`${outdir}.build-`);
  try {
    await buildInto(scratch);
    // The panel first: a widget.js in place names a panel file that is already there.
    await mkdir(outdir, { recursive: true });
    await rename(join(scratch, 'widget-panel.js'), join(outdir, 'widget-panel.js'));
    await moveInto(scratch, outdir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const [widget, panel] = await Promise.all([
    measure(join(outdir, 'widget.js')),
    measure(join(outdir, 'widget-panel.js')),
  ]);
  return { ...widget, panel };
}

/** widget.js fetches the panel instead of carrying it: see widget/panel-loader-script.ts. */
const splitPlugin = {
  name: 'upzento-split',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/panel-loader\.js$/ }, () => ({
      path: join(root, 'widget/panel-loader-script.ts'),
    }));
  },
};

/** Renames every file under `from` to the same place under `to`; each rename replaces atomically. */
async function moveInto(from, to) {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { recursive: true });
      await moveInto(source, target);
    } else {
      await mkdir(to, { recursive: true });
      await rename(source, target);
    }
  }
}

/** Where `@upzento/widget` is built: the `files` of widget/package.json. */
export const PACKAGE_DIST = join(root, 'widget/dist');

/**
 * Builds the package `@upzento/widget` into `outdir` (replaced whole, so nothing of an earlier build stays);
 * resolves to the size of its ESM entry.
 */
export async function buildPackage({ outdir = PACKAGE_DIST } = {}) {
  await mkdir(dirname(outdir), { recursive: true });
  const scratch = await mkdtemp(`${outdir}.build-`);
  try {
    await Promise.all([
      build({
        ...commonOptions(),
        entryPoints: ['widget/package-entry.ts'],
        outfile: join(scratch, 'index.js'),
        format: 'esm',
      }),
      build({
        ...commonOptions(),
        entryPoints: ['widget/loader.ts'],
        outfile: join(scratch, 'widget.js'),
        format: 'iife',
      }),
      declarations(join(root, 'widget/tsconfig.package.json'), join(scratch, 'types')),
    ]);
    // shared/widget-wire.ts's declarations would import TypeBox, which the package does not ship. The widget
    // imports only types from it, and those, TypeBox-free, are in widget-wire-types (held equal by typecheck).
    await writeFile(join(scratch, 'types/shared/widget-wire.d.ts'), "export * from './widget-wire-types.js';\n");
    await rm(outdir, { recursive: true, force: true });
    await rename(scratch, outdir);
    // mkdtemp made the folder private to its owner; a package folder is readable by all.
    await chmod(outdir, 0o755);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return measure(join(outdir, 'index.js'));
}

function declarations(project, outdir) {
  return promisify(execFile)(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    project,
    '--outDir',
    outdir,
  ]);
}

function commonOptions() {
  return {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    target: TARGET,
    platform: 'browser',
    // Classic JSX with an injected `h` (see widget/jsx-factory.ts); tsconfig.json's react-jsx would win otherwise.
    tsconfigRaw: {
      compilerOptions: { jsx: 'react', jsxFactory: 'h', jsxFragmentFactory: 'Fragment', verbatimModuleSyntax: true },
    },
    inject: ['widget/jsx-factory.ts'],
    logLevel: 'warning',
  };
}

async function buildInto(outdir) {
  const common = commonOptions();
  const loader = join(outdir, 'widget.js');
  const panelFile = join(outdir, 'widget-panel.js');
  await build({
    ...common,
    entryPoints: ['widget/panel-entry.ts'],
    outfile: panelFile,
    format: 'iife',
    globalName: 'UPZENTO_PANEL',
    // Handed to widget.js through its command function; see widget/panel-loader-script.ts.
    banner: { js: 'Upzento("panel",function(){' },
    footer: { js: 'return UPZENTO_PANEL.default});' },
  });
  const version = createHash('sha256')
    .update(await readFile(panelFile))
    .digest('hex')
    .slice(0, 12);
  await Promise.all([
    build({
      ...common,
      entryPoints: ['widget/loader.ts'],
      outfile: loader,
      format: 'iife',
      define: { UPZENTO_PANEL_VERSION: JSON.stringify(version) },
      // No JSX and no Preact before the launcher: the injected factory would pull Preact in.
      inject: [],
      plugins: [splitPlugin],
    }),
    build({ ...common, entryPoints: ['widget/index.ts'], outfile: join(outdir, 'widget/index.js'), format: 'esm' }),
    declarations(join(root, 'widget/tsconfig.build.json'), outdir),
  ]);
}

/** Gzipped bytes the console's first load (entry script and stylesheet) may not exceed; later chunks are not counted. */
export const CONSOLE_GZIP_BUDGET = 51_200;

/** Where the console is built: its page and, under assets/, its bundle's files named by their content. */
export const CONSOLE_DIST = join(root, 'dist/console');

/**
 * Builds the web console (console/main.tsx) into `outdir`, replaced whole: `assets/` with the entry, its
 * stylesheet and the chunks loaded later (the widget preview), each named by a hash of its content, and
 * `index.html` naming the entry and stylesheet. Resolves to the size of what the first load fetches.
 */
export async function buildConsole({ outdir = CONSOLE_DIST } = {}) {
  await mkdir(dirname(outdir), { recursive: true });
  const scratch = await mkdtemp(`${outdir}.build-`);
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['console/main.tsx'],
      bundle: true,
      minify: true,
      target: TARGET,
      platform: 'browser',
      format: 'esm',
      splitting: true,
      outdir: join(scratch, 'assets'),
      entryNames: 'console-[hash]',
      chunkNames: 'chunk-[hash]',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact', verbatimModuleSyntax: true } },
      metafile: true,
      logLevel: 'warning',
    });
    const [script, entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint) ?? [];
    if (!script || !entry?.cssBundle) throw new Error('the console build made no entry script and stylesheet');
    const name = (file) => file.slice(file.lastIndexOf('/') + 1);
    await writeFile(join(scratch, 'index.html'), consolePage(name(script), name(entry.cssBundle)));
    await rm(outdir, { recursive: true, force: true });
    await rename(scratch, outdir);
    await chmod(outdir, 0o755);
    // The first load is the entry, the chunks it imports statically (code it shares with a later chunk), and
    // the stylesheet; chunks behind a dynamic import() load only on the pages that need them.
    const shared = entry.imports.filter((imported) => imported.kind === 'import-statement').map((i) => i.path);
    const sizes = await Promise.all(
      [script, ...shared, entry.cssBundle].map((file) => measure(join(outdir, 'assets', name(file)))),
    );
    return {
      bytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
      gzipBytes: sizes.reduce((sum, size) => sum + size.gzipBytes, 0),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function consolePage(script, stylesheet) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Upzento console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/assets/${stylesheet}">
<script type="module" src="/console/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
<noscript>The Upzento console needs JavaScript.</noscript>
</body>
</html>
`;
}

/** The value after `--name` on the command line, as an absolute path; undefined without the flag. */
function pathOption(name) {
  const flag = process.argv.indexOf(name);
  return flag === -1 ? undefined : resolve(process.argv[flag + 1] ?? '');
}

async function main() {
  const started = performance.now();
  const outdir = pathOption('--outdir');
  // A build into a folder of its own (a test's) leaves the package's widget/dist alone too.
  const packageOutdir = pathOption('--package-outdir') ?? (outdir && join(outdir, 'package'));
  const [{ bytes, gzipBytes, panel }, , consoleSize] = await Promise.all([
    buildWidget({ outdir }),
    buildPackage({ outdir: packageOutdir }),
    buildConsole({ outdir: outdir && join(outdir, 'console') }),
  ]);
  const verdict = (size, budget) => (size <= budget ? 'within' : 'OVER');
  console.log(
    `widget.js: ${bytes} B, ${gzipBytes} B gzipped, ${verdict(gzipBytes, WIDGET_GZIP_BUDGET)} the budget of ` +
      `${WIDGET_GZIP_BUDGET} B (built in ${Math.round(performance.now() - started)} ms)\n` +
      `widget-panel.js: ${panel.bytes} B, ${panel.gzipBytes} B gzipped, ${verdict(panel.gzipBytes, PANEL_GZIP_BUDGET)} ` +
      `the budget of ${PANEL_GZIP_BUDGET} B (loads after the launcher shows)\n` +
      `console: ${consoleSize.bytes} B, ${consoleSize.gzipBytes} B gzipped on first load (scripts and stylesheet), ` +
      `${verdict(consoleSize.gzipBytes, CONSOLE_GZIP_BUDGET)} the budget of ${CONSOLE_GZIP_BUDGET} B`,
  );
  if (
    gzipBytes > WIDGET_GZIP_BUDGET ||
    panel.gzipBytes > PANEL_GZIP_BUDGET ||
    consoleSize.gzipBytes > CONSOLE_GZIP_BUDGET
  )
    process.exitCode = 1;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  main().catch((error) => {
    // tsc reports its diagnostics on stdout; show them rather than only "Command failed".
    console.error(error.stdout || error.message || error);
    process.exitCode = 1;
  });
}
