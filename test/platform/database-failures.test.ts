/**
 * The parts that make an outage a 503 rather than a crash or a 500, each without a database to
 * break: which errors are an outage, how the error handler answers them, that the log says so
 * once per kind, the start-up door, the wait for the database, and the time limits every tenant
 * transaction sets for itself. (The faults themselves, on PostgreSQL: database-faults.test.ts.)
 */
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { TenantDatabase } from '../../server/db/tenant-db.ts';
import { databaseFailureKind, PoolQueueFull } from '../../server/db/unavailable.ts';
import { DatabaseWaitExpired, waitForDatabase, type WaitProgress } from '../../server/db/wait-for-database.ts';
import { installErrorHandler } from '../../server/http/error-handler.ts';
import { FailureLog } from '../../server/http/failure-log.ts';
import { FrontDoor } from '../../server/http/front-door.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

function pgError(code: string, message = 'from the server'): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

describe('which errors are an outage', () => {
  test.each([
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'unreachable'],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'connection lost'],
    [Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), 'connection lost'],
    [Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'connect timeout'],
    [new Error('Connection terminated unexpectedly'), 'connection lost'],
    [
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
      'connect timeout',
    ],
    [new Error('timeout exceeded when trying to connect'), 'connect timeout'],
    [new Error('Query read timeout'), 'statement timeout'],
    [new Error('Client has encountered a connection error and is not queryable'), 'connection lost'],
    [pgError('08P01', 'server conn crashed?'), 'connection lost'],
    [pgError('08006'), 'connection lost'],
    [pgError('57P01', 'terminating connection due to administrator command'), 'connection lost'],
    [pgError('57P02'), 'connection lost'],
    [pgError('57P03', 'the database system is starting up'), 'unreachable'],
    [pgError('53300', 'too many connections for role'), 'too many connections'],
    [pgError('57014', 'canceling statement due to statement timeout'), 'statement timeout'],
    [pgError('55P03', 'canceling statement due to lock timeout'), 'lock timeout'],
    [new PoolQueueFull(8), 'pool queue full'],
    [new Error('wrapped', { cause: pgError('57P01') }), 'connection lost'],
  ])('%s → %s', (error, kind) => {
    expect(databaseFailureKind(error)).toBe(kind);
  });

  test.each([
    [pgError('23505', 'duplicate key value violates unique constraint')],
    [pgError('42P01', 'relation does not exist')],
    [pgError('42501', 'permission denied')],
    [new Error('transaction was rolled back')],
    [new TypeError('not a UUID')],
    [null],
    ['a string'],
  ])('%s is no outage', (error) => {
    expect(databaseFailureKind(error)).toBeNull();
  });
});

interface Captured {
  level: string;
  fields: Record<string, unknown>;
  msg: string;
}

function captureLog(): { log: FastifyBaseLogger; lines: Captured[] } {
  const lines: Captured[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) =>
    void lines.push({ level, fields, msg });
  const log = { warn: at('warn'), info: at('info'), error: at('error') } as unknown as FastifyBaseLogger;
  return { log, lines };
}

describe('the error handler and its log', () => {
  test('an outage is 503 UPZ_UNAVAILABLE with Retry-After in the documented shape; a constraint error keeps its 409', async () => {
    const app = Fastify();
    installErrorHandler(app);
    app.get('/refused', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
    });
    app.get('/statement', async () => {
      throw pgError('57014', 'canceling statement due to statement timeout');
    });
    app.get('/taken', async () => {
      throw pgError('23505', 'duplicate key value');
    });
    for (const [url, message] of [
      ['/refused', 'The database cannot be reached; try again shortly.'],
      ['/statement', 'The database did not answer in time; try again shortly.'],
    ] as const) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        statusCode: 503,
        code: 'UPZ_UNAVAILABLE',
        error: 'Service Unavailable',
        message,
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body).not.toContain('10.1.2.3');
    }
    expect((await app.inject({ method: 'GET', url: '/taken' })).statusCode).toBe(409);
    await app.close();
  });

  test('one line per kind of failure, then one summary with the count per interval', async () => {
    const { log, lines } = captureLog();
    const failures = new FailureLog(log, 100);
    for (let i = 0; i < 50; i++) failures.report('unreachable', { i }, 'database unavailable: unreachable');
    for (let i = 0; i < 3; i++) failures.report('statement timeout', { i }, 'database unavailable: statement timeout');
    expect(lines.map((line) => line.msg)).toEqual([
      'database unavailable: unreachable',
      'database unavailable: statement timeout',
    ]);
    await sleep(150);
    expect(lines.slice(2).map((line) => [line.fields.failure, line.fields.count])).toEqual([
      ['unreachable', 49],
      ['statement timeout', 2],
    ]);
    // Still failing in the next interval: summarized again, without a new first line.
    failures.report('unreachable', {}, 'database unavailable: unreachable');
    await sleep(150);
    expect(lines.slice(4).map((line) => [line.fields.failure, line.fields.count])).toEqual([['unreachable', 1]]);
    // Quiet for an interval: the next failure is a first line again.
    await sleep(150);
    failures.report('unreachable', {}, 'database unavailable: unreachable');
    expect(lines.at(-1)?.msg).toBe('database unavailable: unreachable');
    failures.close();
  });
});

describe('the front door', () => {
  let door: FrontDoor;
  let base: string;
  beforeAll(async () => {
    door = new FrontDoor();
    await new Promise<void>((resolve) => door.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(door.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => door.server.close(() => resolve())));

  test('while starting: /healthz 200, /readyz 503 with the reason, the API 503 UPZ_UNAVAILABLE with Retry-After', async () => {
    door.starting('waiting for the database');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'waiting for the database' });
    const api = await fetch(`${base}/v1/agencies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ statusCode: 503, code: 'UPZ_UNAVAILABLE', error: 'Service Unavailable' });
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('opened: the application answers; closing: 503 again, with Connection: close', async () => {
    door.serverFactory((_request, response) => response.end('from the app'));
    door.open();
    expect(await (await fetch(`${base}/v1/anything`)).text()).toBe('from the app');
    door.closing();
    const late = await fetch(`${base}/v1/anything`);
    expect(late.status).toBe(503);
    expect(late.headers.get('connection')).toBe('close');
    expect((await late.json()).code).toBe('UPZ_UNAVAILABLE');
  });
});

describe('waiting for the database at start', () => {
  test('asks with backoff, says so once per band of attempts (1, 2, 4 …), and gives up with a clear error', async () => {
    // Port 1 on loopback: nothing listens, every connect is refused at once.
    const handle = await openDatabase({
      databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
      databaseDirectUrl: null,
      dataDir: 'memory:',
    });
    const told: WaitProgress[] = [];
    try {
      const started = Date.now();
      const waited = waitForDatabase(handle.direct as Kysely<unknown>, {
        maxWaitMs: 700,
        firstDelayMs: 20,
        maxDelayMs: 80,
        onWaiting: (p) => told.push(p),
      });
      await expect(waited).rejects.toThrow(DatabaseWaitExpired);
      await expect(waited).rejects.toThrow(/did not answer within 1 s \(\d+ attempts; last: unreachable/);
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(2000);
      expect(told.map((p) => p.attempt)).toEqual(told.map((_, i) => 2 ** i));
      expect(told.length).toBeGreaterThanOrEqual(3);
      expect(told.every((p) => p.kind === 'unreachable')).toBe(true);
    } finally {
      await handle.close();
    }
  });

  test('an abort (a shutdown while waiting) ends the wait at once', async () => {
    const handle = await openDatabase({
      databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
      databaseDirectUrl: null,
      dataDir: 'memory:',
    });
    try {
      const stop = new AbortController();
      const waited = waitForDatabase(handle.direct as Kysely<unknown>, {
        maxWaitMs: 60_000,
        firstDelayMs: 5000,
        signal: stop.signal,
      });
      await sleep(100);
      stop.abort(new Error('SIGTERM'));
      await expect(waited).rejects.toThrow('SIGTERM');
    } finally {
      await handle.close();
    }
  });
});

describe('time limits of tenant transactions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  test('statement_timeout and lock_timeout are set in the transaction, and only there', async () => {
    const data = new TenantDatabase(db.handle.db, undefined, { statementTimeoutMs: 1234, lockTimeoutMs: 567 });
    const shown = await data.privileged('read the time limits', async (trx) => {
      const statement = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(trx);
      const lock = await sql<{ lock_timeout: string }>`SHOW lock_timeout`.execute(trx);
      return [statement.rows[0]?.statement_timeout, lock.rows[0]?.lock_timeout];
    });
    expect(shown).toEqual(['1234ms', '567ms']);
    // SET LOCAL: the next user of the pooled connection does not inherit them.
    const after = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(db.handle.db);
    expect(after.rows[0]?.statement_timeout).toBe('0');
  });

  test('the handle carries the defaults: 10 s per statement, 5 s per lock wait', () => {
    expect(db.handle.limits).toEqual({ statementTimeoutMs: 10_000, lockTimeoutMs: 5000 });
  });
});
