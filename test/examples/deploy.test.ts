/**
 * The deployment examples in examples/deploy/, checked with the tools that read them where this machine
 * has them (each test says so loudly when it skips; under CI=true a missing tool fails instead, as .ci/run
 * installs nginx and systemd-analyze comes with systemd):
 *
 * - upzento.service: `systemd-analyze verify` finds nothing to say about it, and its settings load.
 * - nginx.conf: `nginx -t` accepts it (with a test certificate and free ports put in), and a request
 *   through a running nginx reaches a Fastify built with the project's server options and the unit's
 *   UPZENTO_TRUST_PROXY as the caller's own address, over https, to the caller's host, whatever
 *   X-Forwarded-For the caller sent.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { serverOptions } from '../../server/http/server-options.ts';
import { createTestCertificate } from '../support/browser.ts';
import { listen } from '../support/test-app.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const unitFile = path.join(root, 'examples/deploy/upzento.service');
const nginxFile = path.join(root, 'examples/deploy/nginx.conf');

/** The first of `candidates` that exists, or null after a loud notice (an error under CI=true). */
function tool(name: string, candidates: string[], what: string): string | null {
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  const message = `${what}: no ${name} here (${candidates.join(', ')})`;
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true, so this fails instead of skipping.`);
  console.warn(`\n!!! SKIPPED ${message}. Install it to run this check.\n`);
  return null;
}

/** The unit's Environment= assignments, as the service's environment. */
async function unitEnvironment(): Promise<Record<string, string>> {
  const unit = await readFile(unitFile, 'utf8');
  const env: Record<string, string> = {};
  for (const line of unit.split('\n')) {
    if (!line.startsWith('Environment=')) continue;
    for (const pair of line.slice('Environment='.length).split(/\s+/).filter(Boolean)) {
      const [key, ...value] = pair.split('=');
      env[key as string] = value.join('=');
    }
  }
  return env;
}

describe('examples/deploy/upzento.service', () => {
  const analyze = tool('systemd-analyze', ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'], 'systemd unit check');

  test.skipIf(!analyze)('systemd-analyze verify has nothing to say about it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'upzento-unit-'));
    try {
      // Verified under its own name, as installed; the unit runs /usr/bin/node, which verify requires to exist.
      const file = path.join(dir, 'upzento.service');
      const unit = await readFile(unitFile, 'utf8');
      await writeFile(file, existsSync('/usr/bin/node') ? unit : unit.replace('/usr/bin/node', process.execPath));
      const result = await run(analyze as string, ['verify', file]).then(
        ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({
          code: error.code,
          output: error.stdout + error.stderr,
        }),
      );
      expect(result.output.split('\n').filter((line) => line.includes('upzento.service'))).toEqual([]);
      expect(result.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('its environment is a valid configuration that trusts the proxy on this host alone', async () => {
    const config = loadConfig(await unitEnvironment());
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      trustProxy: ['127.0.0.1'],
      dataDir: '/var/lib/upzento',
    });
  });
});

describe('examples/deploy/nginx.conf', () => {
  const nginx = tool('nginx', ['/usr/sbin/nginx', '/usr/bin/nginx'], 'nginx example check');
  let dir = '';
  let proxy: ChildProcess | null = null;
  let app: FastifyInstance | null = null;
  let httpsPort = 0;
  let httpPort = 0;
  let mainConf = '';

  /** A port that was free a moment ago. */
  async function freePort(): Promise<number> {
    const probe = Fastify();
    const url = await listen(probe);
    await probe.close();
    return Number(new URL(url).port);
  }

  beforeAll(async () => {
    if (!nginx) return;
    dir = await mkdtemp(path.join(tmpdir(), 'upzento-nginx-'));
    // The application side: the project's server options with the unit's trust-proxy setting.
    const config = loadConfig(await unitEnvironment());
    app = Fastify(serverOptions(false, config.trustProxy));
    app.get('/whoami', async (request) => ({ ip: request.ip, protocol: request.protocol, host: request.host }));
    const appPort = Number(new URL(await listen(app)).port);
    [httpsPort, httpPort] = [await freePort(), await freePort()];

    const certificate = await createTestCertificate(['upzento.example.com']);
    await writeFile(path.join(dir, 'cert.pem'), certificate.cert);
    await writeFile(path.join(dir, 'key.pem'), certificate.key, { mode: 0o600 });
    // Only addresses, ports and certificate paths change; IPv6 listeners go, as this host may have no ::1.
    const site = (await readFile(nginxFile, 'utf8'))
      .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${appPort};`)
      .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
      .replace('/etc/letsencrypt/live/upzento.example.com/fullchain.pem', path.join(dir, 'cert.pem'))
      .replace('/etc/letsencrypt/live/upzento.example.com/privkey.pem', path.join(dir, 'key.pem'));
    const directives = site
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n');
    expect(directives).not.toMatch(/:3000|letsencrypt|listen (80|443)\b/);
    await writeFile(path.join(dir, 'upzento.conf'), site);
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) await mkdir(path.join(dir, temp));
    mainConf = path.join(dir, 'nginx.conf');
    await writeFile(
      mainConf,
      [
        `pid ${dir}/nginx.pid;`,
        'error_log stderr warn;',
        'events {}',
        'http {',
        '  access_log off;',
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (temp) => `  ${temp === 'body' ? 'client_body' : temp}_temp_path ${dir}/${temp};`,
        ),
        `  include ${dir}/upzento.conf;`,
        '}',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    if (proxy?.exitCode === null) {
      const exited = new Promise((done) => proxy?.once('exit', done));
      proxy.kill('SIGTERM');
      await exited;
    }
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test.skipIf(!nginx)('nginx -t accepts it', async () => {
    const { stderr } = await run(nginx as string, ['-t', '-p', dir, '-c', mainConf]);
    expect(stderr).toContain('test is successful');
  });

  test.skipIf(!nginx)('through nginx, Upzento sees the caller, not the proxy or a forged X-Forwarded-For', async () => {
    proxy = spawn(nginx as string, ['-p', dir, '-c', mainConf, '-g', 'daemon off; master_process off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    proxy.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const get = (options: { port: number; tls: boolean }) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const send = options.tls ? request : httpRequest;
        const req = send(
          {
            host: '127.0.0.1',
            port: options.port,
            path: '/whoami',
            // From another loopback address than nginx's own way to the app, so the two cannot be confused.
            localAddress: '127.0.0.2',
            servername: 'upzento.example.com',
            rejectUnauthorized: false,
            headers: { host: 'upzento.example.com', 'x-forwarded-for': '203.0.113.66', 'x-forwarded-proto': 'http' },
          },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    let answer: Awaited<ReturnType<typeof get>> | null = null;
    for (let attempt = 0; attempt < 100 && !answer; attempt += 1) {
      answer = await get({ port: httpsPort, tls: true }).catch(() => null);
      if (!answer) await sleep(50);
    }
    expect(answer, `nginx did not answer: ${errors}`).not.toBeNull();
    expect(answer?.status).toBe(200);
    expect(JSON.parse(answer?.body ?? '')).toEqual({ ip: '127.0.0.2', protocol: 'https', host: 'upzento.example.com' });

    const plain = await get({ port: httpPort, tls: false });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('https://upzento.example.com/whoami');
  });
});
