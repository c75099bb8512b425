/**
 * The README's quick start, run as a new user would: `npm start` on a fresh data dir, the printed
 * admin credentials, then the README's own shell block (the `upzento` command line), unchanged but
 * for the port. Without a terminal, `upzento login` takes the password from UPZENTO_PASSWORD.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let server: ChildProcess | null = null;
let dataDir = '';
let configDir = '';

// `npm install` built the server once (prepare); built again here, the test runs the source as it is now.
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['build-server.mjs'], { cwd: root });
});

afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

function startServer(env: NodeJS.ProcessEnv): Promise<{ url: string; output: () => string; exited: Promise<string> }> {
  return new Promise((resolve, reject) => {
    // Its own process group, like a terminal's foreground job: Ctrl-C signals npm and the server alike.
    const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    server = child;
    let output = '';
    const exited = new Promise<string>((done) => child.on('exit', (code, signal) => done(signal ?? String(code))));
    const timer = setTimeout(() => reject(new Error(`npm start did not listen in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match && /password:/.test(output)) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

test('npm start on a fresh data dir, then the README quick start', async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'upzento-quickstart-'));
  const env: NodeJS.ProcessEnv = { ...process.env, UPZENTO_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.DATABASE_DIRECT_URL;
  delete env.UPZENTO_ADMIN_EMAIL;
  delete env.UPZENTO_ADMIN_PASSWORD;
  const started = await startServer(env);

  const email = /email:\s+(\S+)/.exec(started.output())?.[1];
  const password = /password:\s+(\S+)/.exec(started.output())?.[1];
  expect(email).toBeTruthy();
  expect(password).toBeTruthy();

  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const block = /<!-- quickstart:start -->\s*```sh\n([\s\S]*?)```\s*<!-- quickstart:end -->/.exec(readme)?.[1];
  expect(block, 'README quick start block').toBeTruthy();
  expect(block).toContain('UPZENTO=http://127.0.0.1:3000');
  const script = (block as string).replace('UPZENTO=http://127.0.0.1:3000', `UPZENTO=${started.url}`);

  configDir = await mkdtemp(path.join(tmpdir(), 'upzento-quickstart-config-'));
  const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: root,
    env: {
      ...process.env,
      ADMIN_EMAIL: email,
      UPZENTO_PASSWORD: password,
      XDG_CONFIG_HOME: configDir,
      UPZENTO_URL: '',
    },
    timeout: 120_000,
  });
  expect(stdout).toContain(`<script async src="${started.url}/widget.js" data-key="pk_`);
  expect(stdout).toMatch(/data-key="pk_[A-Za-z0-9_-]{22}"><\/script>/);
  expect(stdout).toMatch(/^record name: +_upzento-challenge\.bakery\.example$/m);
  expect(stdout).toMatch(/^record value: +upzento-verification=\S+$/m);

  // Ctrl-C: the server finishes what is in flight, closes the database and says so (npm itself
  // then ends by the same signal, as a shell expects of a job interrupted by Ctrl-C).
  process.kill(-(server?.pid as number), 'SIGINT');
  expect(['0', 'SIGINT']).toContain(await started.exited);
  expect(started.output()).toContain('Upzento stopped: requests in flight finished, database closed.');
  expect(started.output()).not.toMatch(/did not stop cleanly|cannot start/);
  server = null;
}, 150_000);
