/**
 * The examples in examples/ run as a customer would run them. (The customer page is served to Chromium
 * by test/browser/widget.browser.test.ts.)
 *
 * - provision.ts against a real listening app whose DNS is the suite's own server: the record it prints
 *   is published only once it has reported a failed check, so its waiting loop is exercised too.
 * - The npm package @upzento/widget as a fresh project gets it: `npm pack` of the widget/ workspace, the
 *   bundler project copied out of the repository and installed from the tarball (alone: no dependencies),
 *   type-checked strictly against the shipped declarations and bundled for the browser; tiny consumers
 *   type-checked with each moduleResolution; the ESM entry imported in Node with no DOM.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, listen } from '../support/test-app.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx examples/provision.ts` with this environment; `onOutput` sees stdout as it grows. */
function provision(env: Record<string, string>, onOutput: (stdout: string) => void = () => {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/provision.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`provision.ts did not finish in time.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onOutput(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('examples/provision.ts', () => {
  let fixture: DomainFixture;
  let url: string;

  beforeAll(async () => {
    fixture = await createDomainFixture();
    url = await listen(fixture.t.app);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('provisions a client, waits for the TXT record to be published, and prints the widget snippet', async () => {
    const domain = 'bakery.customer.test';
    let published: { name: string; value: string } | undefined;
    const finished = await provision(
      {
        UPZENTO_URL: `${url}/`,
        UPZENTO_ADMIN_EMAIL: ADMIN_EMAIL,
        UPZENTO_ADMIN_PASSWORD: ADMIN_PASSWORD,
        DOMAIN: domain,
        CLIENT_NAME: 'Corner Bakery',
        VERIFY_INTERVAL_MS: '100',
        VERIFY_ATTEMPTS: '50',
      },
      (stdout) => {
        const name = /^ {2}name: {2}(\S+)$/m.exec(stdout)?.[1];
        const value = /^ {2}value: (\S+)$/m.exec(stdout)?.[1];
        // Published like a person would: after reading it, and after the script found it missing once.
        if (!published && name && value && /not verified yet/.test(stdout)) {
          published = { name, value };
          fixture.dns.setTxt(name, [value]);
        }
      },
    );

    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    expect(published?.name).toBe(`_upzento-challenge.${domain}`);
    expect(published?.value).toMatch(/^upzento-verification=\S+$/);
    expect(finished.stdout).toContain(
      `Check 1/50: not verified yet (not_found: No TXT record at _upzento-challenge.${domain} `,
    );
    expect(finished.stdout).toContain(`${domain} is verified.`);
    const clientId = /Client "Corner Bakery": ([0-9a-f-]{36}), widget key (pk_\S+)/.exec(finished.stdout);
    expect(clientId).not.toBeNull();
    const [, id, publicKey] = clientId as RegExpExecArray;
    expect(finished.stdout.trimEnd().split('\n').at(-1)).toBe(
      `<script async src="${url}/widget.js" data-key="${publicKey}"></script>`,
    );

    // What the script reported is what the API holds.
    const domains = await fixture.t.call('GET', `/v1/clients/${id}/domains`, fixture.t.adminToken);
    expect(domains.json().items).toEqual([
      expect.objectContaining({ hostname: domain, status: 'verified', challenge: expect.objectContaining(published) }),
    ]);
    const client = await fixture.t.call('GET', `/v1/clients/${id}`, fixture.t.adminToken);
    expect(client.json()).toMatchObject({ name: 'Corner Bakery', publicKey });
  });

  it('stops with exit code 1 and a message naming what is missing or wrong', async () => {
    const env = { UPZENTO_URL: url, UPZENTO_ADMIN_EMAIL: ADMIN_EMAIL, UPZENTO_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const missing = await provision(env);
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'provision: DOMAIN is required\n' });

    const wrongPassword = await provision({
      ...env,
      UPZENTO_ADMIN_PASSWORD: 'not the password',
      DOMAIN: 'x.customer.test',
    });
    expect(wrongPassword.code).toBe(1);
    expect(wrongPassword.stderr).toMatch(/^provision: POST \/v1\/auth\/token answered 401: /);

    // Never published: the script gives up after its attempts and says how to carry on.
    const never = await provision({
      ...env,
      DOMAIN: 'never.customer.test',
      VERIFY_INTERVAL_MS: '0',
      VERIFY_ATTEMPTS: '2',
    });
    expect(never.code).toBe(1);
    expect(never.stdout).toContain('Check 2/2: not verified yet');
    expect(never.stderr).toMatch(/never\.customer\.test is still pending after 2 checks\. .*\/verify\n$/);
  });
});

/** Total bytes of the files under `dir`. */
async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const tsc = (project: string) =>
  run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project]).catch(
    (error: { stdout?: string; message: string }) => {
      throw new Error(`tsc -p ${project} failed:\n${error.stdout || error.message}`);
    },
  );

describe('the npm package @upzento/widget (widget/package.json), as a fresh project gets it', () => {
  let work: string;
  let project: string;
  let tarball: string;
  /** What `npm install` of the example wrote on stderr. */
  let installWarnings: string;
  const timings: string[] = [];
  let started = 0;
  const lap = (what: string) => timings.push(`${what} ${Math.round(performance.now() - started)} ms`);

  beforeAll(async () => {
    started = performance.now();
    work = await mkdtemp(path.join(tmpdir(), 'upzento-pack-'));
    // `prepack` builds widget/dist first, as it does for npm publish.
    const { stdout } = await run('npm', ['pack', '--workspace', 'widget', '--pack-destination', work, '--json'], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    // The build's own line comes first on stdout, then npm's JSON.
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
      filename: string;
      size: number;
      unpackedSize: number;
      files: Array<{ path: string }>;
    }>;
    tarball = path.join(work, packed!.filename);
    console.info(
      `@upzento/widget tarball: ${packed!.size} B, ${packed!.unpackedSize} B unpacked, ${packed!.files.length} files: ${packed!.files.map((file) => file.path).join(', ')}`,
    );
    lap('pack');

    project = path.join(work, 'project');
    await cp(path.join(root, 'examples/bundler-project'), project, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
    });
    const manifestPath = path.join(project, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
    // What `npm pack` in widget/ makes, so the example installs as it is once the tarball is there.
    expect(manifest.dependencies).toEqual({ '@upzento/widget': `file:../../widget/${packed!.filename}` });
    manifest.dependencies['@upzento/widget'] = `file:${tarball}`;
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    // The example's own esbuild and TypeScript are left out: the repository's are used below.
    installWarnings = (
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn'], {
        cwd: project,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, npm_config_update_notifier: 'false' },
      })
    ).stderr;
    lap('install');
  }, 300_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
    console.info(`npm pack → install → tsc → esbuild: ${timings.join(', ')}`);
  });

  it('holds only the built widget: ESM, the script-tag build, declarations', async () => {
    const { stdout: listing } = await run('tar', ['-tzf', tarball]);
    const files = listing.trim().split('\n').sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/widget.js',
        'package/dist/types/widget/package-entry.d.ts',
      ]),
    );
    expect(files.filter((file) => !/^package\/dist\/(index\.js|widget\.js|types\/.+\.d\.ts)$/.test(file))).toEqual([
      'package/README.md',
      'package/package.json',
    ]);
    const { stdout: manifest } = await run('tar', ['-xzOf', tarball, 'package/package.json']);
    const pkg = JSON.parse(manifest) as Record<string, unknown>;
    expect(pkg.name).toBe('@upzento/widget');
    expect(pkg).not.toHaveProperty('dependencies');
    expect(pkg).not.toHaveProperty('peerDependencies');
    expect(pkg).not.toHaveProperty('engines');
    expect(Object.keys((pkg.scripts as object | undefined) ?? {})).not.toContain('prepare');
  });

  it('installs alone: no dependencies, no engine warning, well under 500 KB', async () => {
    const installed = JSON.parse(
      await readFile(path.join(project, 'node_modules/@upzento/widget/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(JSON.parse(await readFile(path.join(root, 'widget/package.json'), 'utf8')).version);
    expect(installWarnings).not.toMatch(/EBADENGINE|WARN/);
    const packages = (await readdir(path.join(project, 'node_modules'))).filter((name) => !name.startsWith('.'));
    expect(packages).toEqual(['@upzento']);
    expect(await readdir(path.join(project, 'node_modules/@upzento'))).toEqual(['widget']);
    const bytes = await sizeOf(path.join(project, 'node_modules'));
    console.info(`@upzento/widget installed: ${packages.length} package, ${bytes} B`);
    expect(bytes).toBeLessThan(500 * 1024);
  }, 120_000);

  it('type-checks strictly against its declarations and bundles (examples/bundler-project)', async () => {
    // strict, moduleResolution bundler, no skipLibCheck; main.ts's @ts-expect-error proves the types are not any.
    expect((await tsc(project)).stdout).toBe('');
    lap('tsc');
    const bundled = await build({
      absWorkingDir: project,
      entryPoints: ['src/main.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    lap('esbuild');
    const code = bundled.outputFiles[0]!.text;
    // Bundled, not left as an import (esbuild's path comments may still name the package).
    expect(code).not.toMatch(/(from|import)\s*\(?\s*["']@upzento\/widget/);
    // createWidget's own code, with Preact inside it, is in the bundle.
    expect(code).toContain('data-upzento-widget');
    expect(code).toContain('upzento:outbox:');
    expect(code).toContain('createWidget needs both publicKey and apiBase');
  }, 120_000);

  it.each(['node16', 'nodenext', 'bundler'] as const)(
    'types resolve with moduleResolution %s, window.Upzento typed, without skipLibCheck',
    async (resolution) => {
      const consumer = path.join(work, `consumer-${resolution}`);
      await cp(path.join(project, 'node_modules'), path.join(consumer, 'node_modules'), { recursive: true });
      await writeFile(
        path.join(consumer, 'package.json'),
        JSON.stringify({ name: `consumer-${resolution}`, private: true, type: 'module' }),
      );
      await writeFile(
        path.join(consumer, 'main.ts'),
        [
          `import { createWidget, type Widget, type WidgetConfig, type UpzentoCommand, type WidgetErrorBody } from '@upzento/widget';`,
          `const widget: Widget = createWidget({ publicKey: 'pk_x', apiBase: 'https://crm.example.com' });`,
          `widget.on('ready', ({ config }) => { const c: WidgetConfig = config; const size: number | undefined = c.launcher?.size; void size; });`,
          `// @ts-expect-error the events are typed`,
          `widget.on('nope', () => {});`,
          `const queue: UpzentoCommand | undefined = window.Upzento;`,
          `window.Upzento?.('open');`,
          `// @ts-expect-error the commands are typed`,
          `window.Upzento?.('explode');`,
          `const body: WidgetErrorBody = { statusCode: 400, code: 'UPZ_INVALID_EMAIL', error: 'Bad Request', message: '', field: 'email' };`,
          `void queue; void body;`,
        ].join('\n'),
      );
      const module = resolution === 'bundler' ? 'esnext' : resolution;
      const compilerOptions = {
        strict: true,
        noEmit: true,
        module,
        moduleResolution: resolution,
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: [],
        skipLibCheck: false,
      };
      await writeFile(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['main.ts'] }));
      expect((await tsc(consumer)).stdout).toBe('');
    },
    120_000,
  );

  it('imports in Node with no DOM without touching a browser global; createWidget there throws plainly', async () => {
    const script = path.join(project, 'ssr.mjs');
    await writeFile(
      script,
      [
        `const touched = [];`,
        `for (const name of ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'CSSStyleSheet', 'HTMLElement', 'customElements', 'matchMedia', 'requestAnimationFrame', 'fetch']) {`,
        `  Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return undefined; } });`,
        `}`,
        `const widget = await import('@upzento/widget');`,
        `const atImport = [...touched];`,
        `let thrown = null;`,
        `try { widget.createWidget({ publicKey: 'pk_x', apiBase: 'https://crm.example.com' }); } catch (error) { thrown = { name: error.name, message: error.message }; }`,
        `console.log(JSON.stringify({ exports: Object.keys(widget), atImport, thrown }));`,
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, [script], { cwd: project });
    const result = JSON.parse(stdout) as {
      exports: string[];
      atImport: string[];
      thrown: { name: string; message: string } | null;
    };
    expect(result.exports).toContain('createWidget');
    expect(result.atImport).toEqual([]);
    expect(result.thrown).toEqual({
      name: 'TypeError',
      message: expect.stringMatching(/needs a browser document.*server-side rendering/),
    });
  }, 60_000);
});
