/**
 * Flags when the database goes away (PostgreSQL only: PGlite is in-process and cannot lose a
 * connection). The app reaches PostgreSQL through the test's own fault proxy, with small limits
 * as in test/platform/database-faults.test.ts. While the database is cut, flag reads answer 503
 * UPZ_UNAVAILABLE within the limits, cached widget configurations (flags included) keep being
 * served, and nothing keeps the process so busy that its timers stop: the requests that fail are
 * many, and each waits for the database. Once it is back, a flag changed meanwhile by another
 * instance is served from the first look-ups.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect.ts';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/test-database.ts';

const ORIGIN = 'https://flag-faults.example.com';
const LIMITS = { poolSize: 4, connectTimeoutMs: 1000, statementTimeoutMs: 1000, lockTimeoutMs: 400, queueLimit: 8 };

let direct: TestDatabase;
let proxy: FaultProxy;
let proxied: DatabaseHandle;
let f: DomainFixture;
let other: TestApp;

beforeAll(async () => {
  if (!onPostgres) return;
  direct = await createTestDatabase();
  proxy = await startFaultProxy(direct.url as string);
  proxied = await openDatabase({ databaseUrl: proxy.url, databaseDirectUrl: proxy.url, dataDir: 'memory:', ...LIMITS });
  f = await createDomainFixture(
    { submissionsPerMinute: 1_000_000 },
    { handle: proxied, url: proxy.url, reopen: async () => proxied, close: () => proxied.close() },
  );
  await f.verifiedDomain('flag-faults.example.com');
  // A second instance, straight to the database, that changes flags while the first cannot hear.
  other = await createTestApp({}, direct);
}, 60_000);

afterAll(async () => {
  await other?.close();
  await f?.close();
  await proxied?.close();
  await proxy?.close();
  await direct?.close();
});

const config = () =>
  f.t.app.inject({ method: 'GET', url: `/v1/widget/${f.publicKey}/config`, headers: { origin: ORIGIN } });
const flags = () => f.t.call('GET', `/v1/clients/${f.clientId}/flags`, f.t.adminToken);
const submit = () =>
  f.t.app.inject({
    method: 'POST',
    url: `/v1/widget/${f.publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
    payload: { email: 'lead@example.test' },
  });

function expectUnavailable(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.json()).toMatchObject({ code: 'UPZ_UNAVAILABLE' });
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

describe.skipIf(!onPostgres)('flags and a lost database (PostgreSQL only)', () => {
  test('cut under load with every cache dropped: 503s that wait for the database, timers that keep running, then the flags of meanwhile', async () => {
    const flag = 'faults.public';
    expect(
      (await other.call('PUT', `/v1/platform/flags/${flag}`, other.adminToken, { state: 'on', public: true }))
        .statusCode,
    ).toBe(200);
    // Heard by the proxied instance before the cut.
    for (let i = 0; i < 50 && (await config()).json().flags?.[flag] !== true; i++) await sleep(50);
    expect((await config()).json().flags[flag]).toBe(true);
    expect((await flags()).statusCode).toBe(200);

    // Workers with a deadline read from the clock, not a timer: if failures stopped yielding to I/O,
    // timers would stop too, and the workers still end, for the tick count below to tell.
    const started = performance.now();
    const DEADLINE_MS = 8000;
    let requests = 0;
    let stop = false;
    const statuses = new Map<number, number>();
    const messages = new Map<string, number>();
    // A pause between requests only where a warm answer needs no I/O at all (a cached configuration
    // or flag list): without one, those workers alone would keep the timers from running.
    const worker = async (send: () => Promise<LightMyRequestResponse>, pauseMs = 0) => {
      while (!stop && performance.now() - started < DEADLINE_MS) {
        requests += 1;
        const response = await send();
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode >= 500) expectUnavailable(response);
        if (response.statusCode >= 500)
          messages.set(response.json().message, (messages.get(response.json().message) ?? 0) + 1);
        if (pauseMs > 0) await sleep(pauseMs);
      }
    };
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 50);
    const workers = [...Array.from({ length: 12 }, () => worker(submit)), worker(flags, 20), worker(config, 20)];
    await sleep(200);
    proxy.cutAll();
    await proxy.refuse();
    // Meanwhile the other instance kills the flag; this one cannot hear it.
    const killed = await other.call('PUT', `/v1/platform/flags/${flag}`, other.adminToken, {
      state: 'killed',
      public: true,
    });
    expect(killed.statusCode).toBe(200);
    await sleep(600);
    await proxy.accept();
    const accepted = performance.now();
    let back = false;
    while (!back && performance.now() - accepted < 5000) {
      const response = await config();
      back = response.statusCode === 200 && response.json().flags?.[flag] === false;
      if (!back) await sleep(25);
    }
    const backMs = Math.round(performance.now() - accepted);
    await sleep(300);
    stop = true;
    await Promise.all(workers);
    clearInterval(ticker);
    const elapsed = performance.now() - started;
    console.log(
      `flag-faults: ${requests} requests ${JSON.stringify(Object.fromEntries(statuses))}; ${ticks} timer ticks; ` +
        `killed flag served ${backMs} ms after the database accepted again ${JSON.stringify(Object.fromEntries(messages))}`,
    );
    expect(elapsed).toBeLessThan(DEADLINE_MS);
    // Timers kept running throughout: at least a third of the 50 ms ticks the time allowed.
    expect(ticks).toBeGreaterThan(elapsed / 50 / 3);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(back).toBe(true);
    expect(backMs).toBeLessThan(2000);
    const decided = (await flags()).json().items.find((item: { flag: string }) => item.flag === flag);
    expect(decided).toMatchObject({ enabled: false, decidedBy: 'platform' });
  });

  test('a frozen database: a flag read answers 503 within the time limits', async () => {
    f.t.app.flags.invalidateAll();
    proxy.freeze();
    try {
      const started = performance.now();
      const response = await flags();
      const ms = performance.now() - started;
      expectUnavailable(response);
      expect(ms).toBeLessThan(3000);
    } finally {
      proxy.thaw();
    }
    for (let i = 0; i < 100 && (await flags()).statusCode !== 200; i++) await sleep(50);
    expect((await flags()).statusCode).toBe(200);
  });
});
