/**
 * The server survives its database. An app reaches PostgreSQL through a TCP proxy of the test's own
 * (test/support/fault-proxy.ts) that cuts, freezes and refuses connections, so nothing stops the
 * shared server. Under each fault the process lives, callers get 503 UPZ_UNAVAILABLE with
 * Retry-After within the time limits, cached widget configurations keep being served, nothing
 * acknowledged is lost, and everything works again without a restart once the database is back.
 *
 * PostgreSQL only: PGlite runs inside the process, so there is no connection to lose.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect.ts';
import { TenantDatabase } from '../../server/db/tenant-db.ts';
import { databaseFailureKind } from '../../server/db/unavailable.ts';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { createTestApp, ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/test-database.ts';

const root = path.resolve(import.meta.dirname, '../..');
const ORIGIN = 'https://faults.example.com';
/** The proxied app's limits: small, so that each fault is over in about a second. */
const LIMITS = { poolSize: 4, connectTimeoutMs: 1000, statementTimeoutMs: 1000, lockTimeoutMs: 400, queueLimit: 8 };

interface LogLine {
  level: number;
  msg: string;
  failure?: string;
  count?: number;
  err?: unknown;
}

let direct: TestDatabase;
let proxy: FaultProxy;
let proxied: DatabaseHandle;
let f: DomainFixture;
let other: TestApp;
let domainId: string;
const logs: LogLine[] = [];

const describeOnPostgres = describe.skipIf(!onPostgres);

beforeAll(async () => {
  if (!onPostgres) {
    console.log('database-faults: skipped on PGlite (in-process, no connection to lose); set DATABASE_URL to run it');
    return;
  }
  direct = await createTestDatabase();
  proxy = await startFaultProxy(direct.url as string);
  proxied = await openDatabase({ databaseUrl: proxy.url, databaseDirectUrl: proxy.url, dataDir: 'memory:', ...LIMITS });
  const viaProxy: TestDatabase = {
    handle: proxied,
    url: proxy.url,
    reopen: async () => proxied,
    close: () => proxied.close(),
  };
  f = await createDomainFixture(
    {
      submissionsPerMinute: 1_000_000,
      logger: { level: 'info', stream: { write: (line: string) => void logs.push(JSON.parse(line)) } },
    },
    viaProxy,
  );
  domainId = await f.verifiedDomain('faults.example.com');
  // A second instance, straight to the database, whose changes the first must hear about.
  other = await createTestApp({}, direct);
});

afterAll(async () => {
  await other?.close();
  await f?.close();
  await proxied?.close();
  await proxy?.close();
  await direct?.close();
});

const config = () =>
  f.t.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin: ORIGIN } });
const submit = (key: string) =>
  f.t.app.inject({
    method: 'POST',
    url: `/v1/widget/${f.publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': key, 'content-type': 'application/json' },
    payload: { email: `lead-${key.slice(0, 8)}@example.test`, message: 'Call me back' },
  });
const contacts = () => f.t.call('GET', `/v1/clients/${f.clientId}/contacts`, f.t.adminToken);

/** The checks every 503 of an outage must pass: the documented shape, a code, Retry-After, no internals. */
function expectUnavailable(response: LightMyRequestResponse): string {
  expect(response.statusCode, response.body).toBe(503);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  expect(body).toMatchObject({ statusCode: 503, code: 'UPZ_UNAVAILABLE', error: 'Service Unavailable' });
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  for (const leak of ['ECONN', '127.0.0.1', 'SELECT', ' at ', '.ts:', 'Connection terminated'])
    expect(body.message).not.toContain(leak);
  return body.message as string;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
}

/** Waits until the proxied app serves a database-backed request again. */
async function recovered(): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await contacts()).statusCode === 200) return Math.round(performance.now() - started);
    if (performance.now() - started > 10_000) throw new Error('the app did not recover within 10 s');
    await sleep(50);
  }
}

async function countStored(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const data = new TenantDatabase(direct.handle.db);
  const rows = await data.privileged('count what the fault suite stored', (db) =>
    db
      .selectFrom('submissions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('submission_id', 'in', ids)
      .execute(),
  );
  return Number(rows[0]?.n ?? 0);
}

describeOnPostgres('database faults (PostgreSQL only: PGlite is in-process and cannot lose a connection)', () => {
  test('connections in use cut under load: 503 UPZ_UNAVAILABLE, then 201 again, nothing acknowledged lost', async () => {
    expect((await config()).statusCode).toBe(200);
    const firstLog = logs.length;
    const acknowledged: string[] = [];
    const failures = new Map<string, number>();
    let other5xx = 0;
    let configDuringOutage = { ok: 0, total: 0 };
    let cutAt = 0;
    let acceptedAt = 0;
    let firstAfterAccept = 0;
    let stop = false;

    const worker = async () => {
      while (!stop) {
        const response = await submit(randomUUID());
        if (response.statusCode === 201) {
          acknowledged.push(response.json().id);
          if (acceptedAt && !firstAfterAccept) firstAfterAccept = performance.now();
        } else if (response.statusCode === 503) {
          const message = expectUnavailable(response);
          failures.set(message, (failures.get(message) ?? 0) + 1);
        } else {
          other5xx += 1;
          expect.fail(`unexpected ${response.statusCode}: ${response.body}`);
        }
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    await sleep(300);
    const beforeCut = acknowledged.length;
    cutAt = performance.now();
    proxy.cutAll();
    await proxy.refuse();
    for (let i = 0; i < 10; i++) {
      const response = await config();
      configDuringOutage = {
        ok: configDuringOutage.ok + (response.statusCode === 200 ? 1 : 0),
        total: configDuringOutage.total + 1,
      };
      await sleep(50);
    }
    await proxy.accept();
    acceptedAt = performance.now();
    while (!firstAfterAccept && performance.now() - acceptedAt < 5000) await sleep(20);
    await sleep(300);
    stop = true;
    await Promise.all(workers);

    const stored = await countStored(acknowledged);
    const unavailable = [...failures.values()].reduce((a, b) => a + b, 0);
    const outageLines = logs.slice(firstLog).filter((line) => line.msg.startsWith('database unavailable:'));
    const stackLines = logs.slice(firstLog).filter((line) => line.msg === 'request failed');
    console.log(
      `database-faults/cut under load: ${acknowledged.length} acknowledged (${beforeCut} before the cut), ${stored} of them stored; ` +
        `${unavailable} × 503 UPZ_UNAVAILABLE ${JSON.stringify(Object.fromEntries(failures))}, ${other5xx} other 5xx; ` +
        `first 201 ${Math.round(firstAfterAccept - acceptedAt)} ms after the database accepted again (${Math.round(acceptedAt - cutAt)} ms outage); ` +
        `widget config during the outage ${configDuringOutage.ok}/${configDuringOutage.total} × 200; ` +
        `log lines: ${outageLines.length} outage lines (${outageLines.map((line) => line.failure).join(', ')}), ${stackLines.length} with a stack`,
    );
    expect(unavailable).toBeGreaterThan(0);
    expect(other5xx).toBe(0);
    expect(firstAfterAccept).toBeGreaterThan(0);
    expect(firstAfterAccept - acceptedAt).toBeLessThan(2000);
    expect(stored).toBe(acknowledged.length);
    expect(acknowledged.length).toBeGreaterThan(beforeCut);
    expect(configDuringOutage.ok).toBe(configDuringOutage.total);
    // One line per kind of failure, not one per request, and no stacks.
    const kinds = outageLines.map((line) => line.failure);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(outageLines.length).toBeLessThan(unavailable);
    expect(stackLines).toEqual([]);
  });

  test('a connection idle in transaction terminated by pg_terminate_backend: the transaction fails, the process lives', async () => {
    const admin = new pg.Client({ connectionString: direct.url as string });
    await admin.connect();
    try {
      const data = f.t.app.data;
      const scope = { agencyId: f.agencyId, clientId: f.clientId };
      const actor = { type: 'system' as const, id: null, requestId: null, ip: null };
      const attempt = data.scoped(scope, actor, async (q) => {
        await q.selectFrom('contacts').select('contact_id').execute();
        const { rows } = await admin.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'upzento' AND state = 'idle in transaction'`,
        );
        expect(rows.length).toBe(1);
        // The server's FATAL reaches the client while no query is running on it.
        await sleep(200);
        return q.selectFrom('contacts').select('contact_id').execute();
      });
      const error = await attempt.then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(databaseFailureKind(error)).toBe('connection lost');
    } finally {
      await admin.end();
    }
    expect((await contacts()).statusCode).toBe(200);
  });

  test('a lock held longer than lock_timeout: 503 within the limit, not a wait', async () => {
    const admin = new pg.Client({ connectionString: direct.url as string });
    await admin.connect();
    try {
      await admin.query('BEGIN; LOCK TABLE contacts IN ACCESS EXCLUSIVE MODE');
      const { value: response, ms } = await timed(() =>
        f.t.call('POST', `/v1/clients/${f.clientId}/contacts`, f.t.adminToken, {
          email: `locked-${randomUUID()}@example.test`,
        }),
      );
      const message = expectUnavailable(response);
      console.log(`database-faults/lock: 503 after ${ms} ms (lock_timeout ${LIMITS.lockTimeoutMs} ms): "${message}"`);
      expect(ms).toBeLessThan(LIMITS.lockTimeoutMs + 1500);
    } finally {
      await admin.query('ROLLBACK');
      await admin.end();
    }
  });

  test('a statement that outlives statement_timeout is cancelled by the server, and the connection is reused', async () => {
    const scope = { agencyId: f.agencyId, clientId: f.clientId };
    const actor = { type: 'system' as const, id: null, requestId: null, ip: null };
    const { value: error, ms } = await timed(() =>
      f.t.app.data
        .scoped(scope, actor, (q) => sql`SELECT pg_sleep(5)`.execute(q.unfiltered))
        .then(
          () => null,
          (failure: unknown) => failure,
        ),
    );
    console.log(
      `database-faults/statement timeout: ${(error as { code?: string })?.code} after ${ms} ms (statement_timeout ${LIMITS.statementTimeoutMs} ms)`,
    );
    expect((error as { code?: string }).code).toBe('57014');
    expect(databaseFailureKind(error)).toBe('statement timeout');
    expect(ms).toBeLessThan(LIMITS.statementTimeoutMs + 1000);
    expect((await contacts()).statusCode).toBe(200);
  });

  test('a frozen database: every request answers within the time limits, cached configs are served, then all is well', async () => {
    expect((await contacts()).statusCode).toBe(200);
    expect((await config()).statusCode).toBe(200);
    proxy.freeze();
    try {
      const { value: cached, ms: cachedMs } = await timed(config);
      expect(cached.statusCode).toBe(200);
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const response = await contacts();
          return { response, ms: Math.round(performance.now() - started) };
        }),
      );
      const ready = await timed(() => f.t.app.inject({ method: 'GET', url: '/readyz' }));
      const slowest = Math.max(...answers.map((answer) => answer.ms));
      console.log(
        `database-faults/frozen: ${answers.length} requests answered 503 within ${slowest} ms (times ${answers.map((a) => a.ms).join(', ')}); ` +
          `/readyz ${ready.value.statusCode} in ${ready.ms} ms; cached widget config 200 in ${cachedMs} ms`,
      );
      for (const { response } of answers) expectUnavailable(response);
      expect(ready.value.statusCode).toBe(503);
      // A key nothing has cached needs the database: its 503 is readable by the page, so the widget
      // knows to try again rather than take it for a refused origin.
      const undecided = await f.t.app.inject({
        method: 'GET',
        url: `/v1/widget/pk_${'u'.repeat(22)}/config`,
        headers: { origin: ORIGIN },
      });
      expectUnavailable(undecided);
      expect(undecided.headers['access-control-allow-origin']).toBe('*');
      // A statement's limit plus the client's grace, plus one wait for a connection.
      expect(slowest).toBeLessThan(LIMITS.statementTimeoutMs + 1000 + LIMITS.connectTimeoutMs + 1000);
    } finally {
      proxy.thaw();
    }
    const recovery = await recovered();
    console.log(`database-faults/frozen: 200 again ${recovery} ms after the thaw`);
  });

  test('the pool queue is bounded: past it, 503 at once', async () => {
    // Widget submissions: each one its own transaction, no shared look-up in front of it.
    expect((await submit(randomUUID())).statusCode).toBe(201);
    proxy.freeze();
    try {
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const response = await submit(randomUUID());
          return { response, ms: performance.now() - started };
        }),
      );
      // Well before the connect timeout, which is what a queued request would wait for.
      const fast = answers.filter((answer) => answer.ms < LIMITS.connectTimeoutMs / 2);
      for (const { response } of answers) expectUnavailable(response);
      const queueFull = answers.filter((answer) => answer.response.json().message.includes('waiting for the database'));
      console.log(
        `database-faults/queue: of 30 requests on a frozen database (pool ${LIMITS.poolSize}, queue ${LIMITS.queueLimit}), ` +
          `${fast.length} answered 503 within ${LIMITS.connectTimeoutMs / 2} ms (the fastest in ${Math.round(Math.min(...answers.map((a) => a.ms)))} ms), ${queueFull.length} of them "queue full"; slowest ${Math.round(Math.max(...answers.map((a) => a.ms)))} ms`,
      );
      expect(queueFull.length).toBeGreaterThanOrEqual(30 - LIMITS.poolSize - LIMITS.queueLimit);
      expect(fast.length).toBeGreaterThanOrEqual(queueFull.length);
    } finally {
      proxy.thaw();
    }
    await recovered();
  });

  test('the LISTEN connection comes back within 1 s: a domain deleted meanwhile by another instance stops being served', async () => {
    expect((await config()).statusCode).toBe(200);
    const firstLog = logs.length;
    proxy.cutAll();
    await proxy.refuse();
    const deleted = await other.call('DELETE', `/v1/clients/${f.clientId}/domains/${domainId}`, other.adminToken);
    expect(deleted.statusCode, deleted.body).toBe(204);
    await sleep(1000);
    // Still the cached verdict: the notification was lost, and the database cannot be asked.
    expect((await config()).statusCode).toBe(200);
    await proxy.accept();
    const accepted = performance.now();
    let status = 200;
    while (status === 200 && performance.now() - accepted < 5000) {
      status = (await config()).statusCode;
      if (status === 200) await sleep(25);
    }
    const ms = Math.round(performance.now() - accepted);
    const listenerLines = logs.slice(firstLog).filter((line) => line.msg.startsWith('database LISTEN connection'));
    console.log(
      `database-faults/listen: deleted domain refused ${ms} ms after the database accepted again; listener log lines: ${listenerLines.length}`,
    );
    expect(status).toBe(403);
    expect(ms).toBeLessThan(1000);
    // Lost once, restored once: not a line per reconnect attempt.
    expect(listenerLines.map((line) => line.msg.split(':')[0])).toEqual([
      'database LISTEN connection lost',
      'database LISTEN connection restored',
    ]);
  });

  test('a caller whose API version pin is not cached, while the database is cut: 503 UPZ_UNAVAILABLE, not a hang', async () => {
    const email = `pinned-${randomUUID()}@example.test`;
    const made = await f.t.call('POST', `/v1/agencies/${f.agencyId}/users`, f.t.adminToken, {
      email,
      password: 'a long enough test password',
      role: 'viewer',
    });
    expect(made.statusCode, made.body).toBe(201);
    const token = await f.t.signIn(email, 'a long enough test password');
    const route = `/v1/agencies/${f.agencyId}/clients`;
    expect((await f.t.call('GET', route, token)).headers['upzento-version']).toBe('2026-12-01');
    // Its pin must be read again (its credentials too, once the cut ends the LISTEN connection).
    f.t.app.versionPins.invalidate(f.agencyId);
    proxy.cutAll();
    await proxy.refuse();
    try {
      const started = performance.now();
      const cut = await f.t.call('GET', route, token);
      expect(cut.statusCode, cut.body).toBe(503);
      expect(cut.json().code).toBe('UPZ_UNAVAILABLE');
      expect(cut.headers['retry-after']).toBeDefined();
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await proxy.accept();
    }
    await recovered();
    const back = await f.t.call('GET', route, token);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.headers['upzento-version']).toBe('2026-12-01');
  });

  test('the server entry with the database absent at start: /healthz 200 and /readyz 503 while it waits, then it serves', async () => {
    const startProxy = await startFaultProxy(direct.url as string);
    await startProxy.refuse();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: startProxy.url,
        DATABASE_DIRECT_URL: '',
        PORT: '0',
        LOG_LEVEL: 'warn',
        UPZENTO_SCHEDULER: 'off',
        UPZENTO_DNS_SERVERS: '127.0.0.1:9',
        UPZENTO_ADMIN_EMAIL: ADMIN_EMAIL,
        UPZENTO_ADMIN_PASSWORD: ADMIN_PASSWORD,
        UPZENTO_DB_WAIT_SECONDS: '30',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const waitFor = async (pattern: RegExp, ms: number) => {
      const until = Date.now() + ms;
      while (!pattern.test(output)) {
        if (Date.now() > until || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${output}`);
        await sleep(50);
      }
      return pattern.exec(output) as RegExpExecArray;
    };
    try {
      const base = (await waitFor(/answers on (http:\/\/\S+),/, 20_000))[1] as string;
      const health = await fetch(`${base}/healthz`);
      const ready = await fetch(`${base}/readyz`);
      const api = await fetch(`${base}/v1/agencies`);
      const apiBody = await api.json();
      expect(health.status).toBe(200);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: 'waiting for the database' });
      expect(api.status).toBe(503);
      expect(apiBody).toMatchObject({ statusCode: 503, code: 'UPZ_UNAVAILABLE', error: 'Service Unavailable' });
      expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
      await sleep(1500);
      const accepted = Date.now();
      await startProxy.accept();
      await waitFor(/listening on http/, 20_000);
      const startedIn = Date.now() - accepted;
      const waitLines = output.split('\n').filter((line) => line.includes('is waiting for the database'));
      const attempts = waitLines.map((line) => Number(/attempt (\d+)/.exec(line)?.[1]));
      console.log(
        `database-faults/absent at start: ${waitLines.length} waiting lines (attempts ${attempts.join(', ')}); serving ${startedIn} ms after the database accepted`,
      );
      // Once per band of attempts (1, 2, 4, 8 …), not once per attempt.
      for (const attempt of attempts) expect(attempt & (attempt - 1)).toBe(0);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const token = await fetch(`${base}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      expect(token.status).toBe(200);
      const { accessToken } = await token.json();
      expect((await fetch(`${base}/v1/agencies`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(
        200,
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await startProxy.close();
    }
  }, 60_000);

  test('the server entry gives up after UPZENTO_DB_WAIT_SECONDS with a clear message', async () => {
    const startProxy = await startFaultProxy(direct.url as string);
    await startProxy.refuse();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: startProxy.url,
          DATABASE_DIRECT_URL: '',
          PORT: '0',
          LOG_LEVEL: 'warn',
          UPZENTO_DB_WAIT_SECONDS: '1',
          UPZENTO_DNS_SERVERS: '127.0.0.1:9',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(1);
      expect(output).toMatch(
        /Upzento cannot start: the database did not answer within 1 s \(\d+ attempts; last: unreachable/,
      );
    } finally {
      await startProxy.close();
    }
  }, 60_000);
});
