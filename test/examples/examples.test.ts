/**
 * The examples in examples/ run as a customer would run them. (The customer page is served to Chromium
 * by test/browser/widget.browser.test.ts.)
 *
 * - provision.ts against a real listening app whose DNS is the suite's own server: the record it prints
 *   is published only once it has reported a failed check, so its waiting loop is exercised too.
 * - The npm package as a fresh project gets it: `npm pack` at the root, the bundler project copied out of
 *   the repository and installed from the tarball, type-checked strictly against the shipped declarations
 *   and bundled for the browser.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect(finished.stdout).toContain(`Check 1/50: not verified yet (not_found: No TXT record at _upzento-challenge.${domain} `);
    expect(finished.stdout).toContain(`${domain} is verified.`);
    const clientId = /Client "Corner Bakery": ([0-9a-f-]{36}), widget key (pk_\S+)/.exec(finished.stdout);
    expect(clientId).not.toBeNull();
    const [, id, publicKey] = clientId as RegExpExecArray;
    expect(finished.stdout.trimEnd().split('\n').at(-1)).toBe(`<script async src="${url}/widget.js" data-key="${publicKey}"></script>`);

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

    const wrongPassword = await provision({ ...env, UPZENTO_ADMIN_PASSWORD: 'not the password', DOMAIN: 'x.customer.test' });
    expect(wrongPassword.code).toBe(1);
    expect(wrongPassword.stderr).toMatch(/^provision: POST \/v1\/auth\/token answered 401: /);

    // Never published: the script gives up after its attempts and says how to carry on.
    const never = await provision({ ...env, DOMAIN: 'never.customer.test', VERIFY_INTERVAL_MS: '0', VERIFY_ATTEMPTS: '2' });
    expect(never.code).toBe(1);
    expect(never.stdout).toContain('Check 2/2: not verified yet');
    expect(never.stderr).toMatch(/never\.customer\.test is still pending after 2 checks\. .*\/verify\n$/);
  });
});

describe('the npm package in a fresh bundler project (examples/bundler-project)', () => {
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'upzento-pack-'));
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('installs from the tarball, type-checks strictly against its declarations, and bundles', async () => {
    const started = performance.now();
    const timings: string[] = [];
    const lap = (what: string) => timings.push(`${what} ${Math.round(performance.now() - started)} ms`);

    // `prepare` builds dist/ first, as it does for npm publish.
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
    await run('npm', ['pack', '--pack-destination', work], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const tarballs = (await readdir(work)).filter((name) => name.endsWith('.tgz'));
    expect(tarballs).toEqual([`upzento-${version}.tgz`]);
    const tarball = path.join(work, tarballs[0]!);
    lap('pack');
    const { stdout: listing } = await run('tar', ['-tzf', tarball]);
    const files = listing.trim().split('\n').sort();
    expect(files).toEqual(expect.arrayContaining(['package/dist/widget.js', 'package/dist/widget/index.js', 'package/dist/widget/index.d.ts']));
    // Only the built widget (and npm's README and package.json): no server code, tests or data.
    expect(files.filter((file) => !file.startsWith('package/dist/'))).toEqual(['package/README.md', 'package/package.json']);

    const project = path.join(work, 'project');
    await cp(path.join(root, 'examples/bundler-project'), project, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist)$/.test(source),
    });
    const manifestPath = path.join(project, 'package.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { dependencies: Record<string, string> };
    // What `npm pack` at the root makes, so the example installs as it is once the tarball is there.
    expect(manifest.dependencies.upzento).toBe(`file:../../upzento-${version}.tgz`);
    manifest.dependencies.upzento = `file:${tarball}`;
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

    // The example's own esbuild and TypeScript are left out: the repository's are used below.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev'], {
      cwd: project,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    lap('install');
    const installed = JSON.parse(await readFile(path.join(project, 'node_modules/upzento/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(version);

    // strict, moduleResolution bundler, no skipLibCheck; main.ts's @ts-expect-error proves the types are not any.
    const tsc = await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project]).catch(
      (error: { stdout?: string; message: string }) => {
        throw new Error(`tsc failed:\n${error.stdout || error.message}`);
      },
    );
    expect(tsc.stdout).toBe('');
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
    expect(code).not.toContain('upzento/widget');
    // createWidget's own code, with Preact inside it, is in the bundle.
    expect(code).toContain('data-upzento-widget');
    expect(code).toContain('upzento:outbox:');
    expect(code).toContain('createWidget needs both publicKey and apiBase');
    console.info(`npm pack → install → tsc → esbuild: ${timings.join(', ')}`);
  }, 300_000);
});
