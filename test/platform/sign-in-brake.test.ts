/**
 * The sign-in brake does not lock out the rightful user: it counts per address and per
 * address-and-email, never per email alone, and its counts are in the database, so two server
 * instances on one database brake as one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { SignInBrake } from '../../server/auth/sign-in-brake.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createAgencyWithClient,
  createUser,
  expectStatus,
  marker,
  USER_PASSWORD,
  type CreatedUser,
} from './provision.ts';

let clock = Date.parse('2031-01-01T00:00:00Z');
const FREE = 3;
const FREE_PER_IP = 8;
const options = () => ({
  brake: new SignInBrake({ freeFailures: FREE, freeFailuresPerIp: FREE_PER_IP, maxDelaySeconds: 60, now: () => clock }),
});

let a: TestApp;
let b: TestApp;
let user: CreatedUser;

beforeAll(async () => {
  a = await createTestApp(options());
  b = await createTestApp(
    { ...options(), jwtSecret: a.jwtSecret },
    { ...a.db, handle: await a.db.reopen(), close: async () => {} },
  );
  const tree = await createAgencyWithClient(a);
  user = await createUser(a, tree.agencyAdmin.token, 'clients', tree.client.id, 'member');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

function signIn(app: TestApp, address: string, email: string, password: string): Promise<LightMyRequestResponse> {
  return app.app.inject({
    method: 'POST',
    url: '/v1/auth/token',
    remoteAddress: address,
    payload: { email, password },
  });
}

describe('the rightful user', () => {
  test('signs in from its own address while someone else fails on its email, on either instance', async () => {
    for (let i = 0; i < FREE + 3; i++) await signIn(i % 2 ? a : b, '203.0.113.66', user.email, `guess ${i}`);
    expectStatus(await signIn(a, '203.0.113.66', user.email, USER_PASSWORD), 429);
    expectStatus(await signIn(b, '203.0.113.66', user.email, USER_PASSWORD), 429);
    // The rightful user, elsewhere: not refused for someone else's failures.
    expectStatus(await signIn(a, '198.51.100.7', user.email, USER_PASSWORD), 200);
    expectStatus(await signIn(b, '198.51.100.7', user.email, USER_PASSWORD), 200);
    clock += 3600_000;
  });

  test('a wrong password of its own on one instance still brakes it on the other', async () => {
    const address = '198.51.100.20';
    for (let i = 0; i < FREE; i++) expectStatus(await signIn(a, address, user.email, `typo ${i}`), 401);
    // The failure that exhausts the free ones is still answered; from then on both instances brake.
    expectStatus(await signIn(b, address, user.email, 'one more typo'), 401);
    const braked = await signIn(b, address, user.email, USER_PASSWORD);
    expectStatus(braked, 429);
    const wait = Number(braked.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expectStatus(await signIn(a, address, user.email, USER_PASSWORD), 429);
    clock += wait * 1000;
    expectStatus(await signIn(a, address, user.email, USER_PASSWORD), 200);
    // A success starts the pair afresh, on both.
    expectStatus(await signIn(b, address, user.email, 'typo after success'), 401);
    expectStatus(await signIn(b, address, user.email, USER_PASSWORD), 200);
    clock += 3600_000;
  });
});

describe('one address', () => {
  test('is braked across emails after its own free failures, on both instances; other addresses are not', async () => {
    const address = '192.0.2.99';
    for (let i = 0; i < FREE_PER_IP + 1; i++) {
      const response = await signIn(i % 2 ? a : b, address, `${marker('spray')}@example.test`, 'password123');
      expectStatus(response, 401);
    }
    expectStatus(await signIn(a, address, `${marker('spray')}@example.test`, 'password123'), 429);
    expectStatus(await signIn(b, address, user.email, USER_PASSWORD), 429);
    expectStatus(await signIn(b, '192.0.2.100', user.email, USER_PASSWORD), 200);
    clock += 3600_000;
  });

  test('attempts sent at once to both instances are counted one by one', async () => {
    const address = '192.0.2.150';
    const email = `${marker('burst')}@example.test`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(i % 2 ? a : b, address, email, 'not it')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(FREE + 1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - FREE - 1);
    clock += 3600_000;
  });
});

test('counts are kept for a day of quiet, then forgotten and their rows deleted by later sign-ins', async () => {
  const count = () =>
    a.data.privileged('test: count brake rows', (db) =>
      db
        .selectFrom('sign_in_brake')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
  const before = Number((await count()).n);
  expect(before).toBeGreaterThan(4);
  clock += 25 * 3600_000;
  // Each sign-in deletes a few stale rows: enough of them empty the table of what went before.
  for (let i = 0; i < Math.ceil(before / 10) + 1; i++) await signIn(a, '203.0.113.1', user.email, USER_PASSWORD);
  expect(Number((await count()).n)).toBeLessThanOrEqual(1);
  // And the address that sprayed emails a day ago starts afresh.
  expectStatus(await signIn(b, '192.0.2.99', user.email, USER_PASSWORD), 200);
});

describe('callers returning after a day', () => {
  test('sign in at once on two instances without waiting on each other: no deadlock, no 5xx', async () => {
    // Every address failed once, then fell quiet for more than a day: its rows are stale, and each
    // attempt that sweeps stale rows may pick another returning caller's.
    const addresses = Array.from({ length: 8 }, (_, i) => `198.51.100.${100 + i}`);
    const statuses: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const address of addresses) await signIn(a, address, user.email, 'a wrong password');
      clock += 25 * 3600 * 1000;
      const answers = await Promise.all(
        addresses.map((address, i) => signIn(i % 2 ? a : b, address, user.email, USER_PASSWORD)),
      );
      statuses.push(...answers.map((answer) => answer.statusCode));
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  }, 90_000);
});
