// @vitest-environment jsdom
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as wire from '../../shared/widget-wire.js';
import * as apiVersion from '../../shared/api-version.js';
import budget from '../../widget/size-budget.json';
import * as local from '../../widget/wire-constants.js';
import { fakeFetch, fillValidForm, hostOf, part, submitForm } from '../support/widget-fixtures.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
let outdir: string;
let stdout: string;

beforeAll(async () => {
  // Inside the repository (test-artifacts/ is ignored), so the declarations resolve the package's dependencies.
  await mkdir(join(root, 'test-artifacts'), { recursive: true });
  outdir = await mkdtemp(join(root, 'test-artifacts/widget-build-'));
  ({ stdout } = await run(process.execPath, ['esbuild.config.mjs', '--outdir', outdir], { cwd: root }));
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('widget bundle', () => {
  it('keeps widget.js within its gzip budget, and the build says so', async () => {
    const gzipBytes = gzipSync(await readFile(join(outdir, 'widget.js'))).length;
    expect(budget['widget.js'].gzipBytes).toBe(10240);
    expect(gzipBytes).toBeLessThanOrEqual(budget['widget.js'].gzipBytes);
    expect(stdout).toContain(`${gzipBytes} B gzipped, within the budget of 10240 B`);
  });

  it('keeps the panel out of widget.js: a second file within its own budget, with Preact, loaded after the launcher', async () => {
    const [widget, panel] = await Promise.all([
      readFile(join(outdir, 'widget.js'), 'utf8'),
      readFile(join(outdir, 'widget-panel.js'), 'utf8'),
    ]);
    const gzipBytes = gzipSync(panel).length;
    expect(gzipBytes).toBeLessThanOrEqual(budget['widget-panel.js'].gzipBytes);
    expect(stdout).toContain(
      `widget-panel.js: ${Buffer.byteLength(panel)} B, ${gzipBytes} B gzipped, within the budget`,
    );
    // Preact's vnode fields: in the panel, not in what the page loads before the launcher shows.
    expect(panel).toMatch(/__k/);
    expect(widget).not.toMatch(/__k/);
    expect(panel.startsWith('Upzento("panel",function(){')).toBe(true);
  });

  it('leaves TypeBox out and uses neither eval nor new Function', async () => {
    for (const file of ['widget.js', 'widget-panel.js', 'widget/index.js']) {
      const code = await readFile(join(outdir, file), 'utf8');
      expect(code).not.toMatch(/TypeBox|sinclair/);
      expect(code).not.toMatch(/\beval\(|new Function\b|Function\(/);
    }
  });

  it('bundles Preact into the ESM build, which exports createWidget', async () => {
    const esm = await readFile(join(outdir, 'widget/index.js'), 'utf8');
    expect(esm).not.toMatch(/from\s*"preact/);
    expect(esm).toMatch(/export\s*\{[^}]*\bcreateWidget\b/);
  });

  it('emits declarations a NodeNext consumer can type-check against', async () => {
    const consumer = join(outdir, 'consumer.ts');
    await writeFile(
      consumer,
      [
        `import { createWidget, type WidgetEventMap, type WidgetConfig } from './widget/index.js';`,
        `const widget = createWidget({ publicKey: 'pk', apiBase: 'https://crm.example.com', retry: { attempts: 2 } });`,
        `const off: () => void = widget.on('submit', (e) => { const key: string = e.idempotencyKey; void key; });`,
        `widget.on('ready', ({ config }: WidgetEventMap['ready']) => { const c: WidgetConfig = config; void c; });`,
        `// @ts-expect-error unknown events are a type error`,
        `widget.on('nope', () => {});`,
        `off(); widget.open(); widget.close(); widget.destroy();`,
      ].join('\n'),
    );
    await writeFile(join(outdir, 'package.json'), '{ "type": "module" }');
    const compilerOptions = {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      // Our declarations are checked by use below; checking TypeBox's and the DOM's own would triple the time.
      skipLibCheck: true,
    };
    await writeFile(join(outdir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', outdir]).catch(
      (error: { stdout?: string }) => {
        throw new Error(`consumer did not type-check:\n${error.stdout}`);
      },
    );
  }, 60_000);

  it('works as shipped: the built widget.js boots from its script tag and submits', async () => {
    const server = fakeFetch();
    vi.stubGlobal('fetch', server.fetch);
    const tag = document.createElement('script');
    tag.src = 'https://crm.example.test/widget.js';
    tag.dataset.key = 'pk_test';
    document.head.append(tag);
    try {
      // The test evaluates the artifact the way a browser would run the tag; the widget itself never evals.
      new Function(await readFile(join(outdir, 'widget.js'), 'utf8'))();
      await vi.waitFor(() => expect(part('launcher').textContent).toBe('Contact'));
      window.Upzento!('open');
      // widget.js asks for its panel next to itself, by the version it was built with.
      const panel = await readFile(join(outdir, 'widget-panel.js'));
      const version = createHash('sha256').update(panel).digest('hex').slice(0, 12);
      const panelTag = document.head.querySelector<HTMLScriptElement>('script[src*="widget-panel.js"]');
      expect(panelTag?.src).toBe(`https://crm.example.test/widget-panel.js?v=${version}`);
      expect(() => part('panel')).toThrow();
      new Function(panel.toString('utf8'))();
      await vi.waitFor(() => expect(part('panel').hidden).toBe(false));
      expect(hostOf('pk_test')!.shadowRoot!.activeElement?.getAttribute('name')).toBe('name');
      fillValidForm();
      submitForm();
      await vi.waitFor(() => expect(part('status').textContent).toBe('Thanks, we got it!'));
      expect(server.submissions()[0]!.body).toMatchObject({ email: 'ada@example.com' });
    } finally {
      window.Upzento?.('destroy');
      delete window.Upzento;
      tag.remove();
      vi.unstubAllGlobals();
    }
  });

  it('copies the wire constants it cannot import without TypeBox', () => {
    expect(local.IDEMPOTENCY_HEADER).toBe(wire.IDEMPOTENCY_HEADER);
    expect(local.API_VERSION_HEADER).toBe(apiVersion.API_VERSION_HEADER);
    expect(local.WIDGET_API_VERSION).toBe(apiVersion.WIDGET_API_VERSION);
  });
});
