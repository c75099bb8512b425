/**
 * Sign-in: the answer does not tell which emails exist, repeated failures are braked, and no
 * password or hash ever leaves the server.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SignInBrake } from '../../server/auth/sign-in-brake.ts';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgency, createClient, expectStatus, marker } from './provision.ts';

/** The brake's clock, moved by the tests. */
let clock = Date.parse('2030-01-01T00:00:00Z');
const FREE_FAILURES = 2;

let t: TestApp;
let agencyId: string;
let clientId: string;
/** Every response of the user and sign-in routes, searched for secrets at the end. */
const responses: LightMyRequestResponse[] = [];
/** Every password sent. */
const passwords: string[] = [ADMIN_PASSWORD];

async function call(
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  const response = await t.call(method, url, token, body);
  responses.push(response);
  return response;
}

async function signIn(email: string, password: string) {
  return call('POST', '/v1/auth/token', null, { email, password });
}

async function newUser(
  level: 'agencies' | 'clients',
  tenantId: string,
  role: 'admin' | 'member' | 'viewer',
  token = t.adminToken,
) {
  const email = `${marker(role)}@example.test`;
  const password = `${marker('pw')} ${marker('pw')}`;
  passwords.push(password);
  const response = await call('POST', `/v1/${level}/${tenantId}/users`, token, { email, password, role });
  expectStatus(response, 201);
  return { email, password, id: response.json().id as string };
}

beforeAll(async () => {
  t = await createTestApp({
    brake: new SignInBrake({
      freeFailures: FREE_FAILURES,
      maxDelaySeconds: 60,
      freeFailuresPerIp: 1000,
      now: () => clock,
    }),
  });
  agencyId = (await createAgency(t)).id;
  clientId = (await createClient(t, t.adminToken, agencyId)).id;
});
afterAll(() => t?.close());

describe('wrong credentials', () => {
  test('a wrong password and an unknown email get the same 401', async () => {
    const user = await newUser('agencies', agencyId, 'member');
    const wrongPassword = await signIn(user.email, 'not the right password');
    const unknownEmail = await signIn(`${marker('nobody')}@example.test`, 'not the right password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual({
      statusCode: 401,
      code: 'UPZ_BAD_CREDENTIALS',
      error: 'Unauthorized',
      message: 'Email or password is wrong',
    });
    expect(unknownEmail.body).toBe(wrongPassword.body);
    // Nor do the headers differ, apart from the request id.
    const { 'x-request-id': _a, date: _d1, ...wrongHeaders } = wrongPassword.headers;
    const { 'x-request-id': _b, date: _d2, ...unknownHeaders } = unknownEmail.headers;
    expect(unknownHeaders).toEqual(wrongHeaders);
  });

  test('the email is matched without regard to case or surrounding space; the password is not', async () => {
    const user = await newUser('clients', clientId, 'viewer');
    expectStatus(await signIn(`  ${user.email.toUpperCase()} `, user.password), 200);
    expectStatus(await signIn(user.email, user.password.toUpperCase()), 401);
  });

  test('an account whose tenant membership is missing cannot sign in', async () => {
    const user = await newUser('agencies', agencyId, 'viewer');
    await t.data.privileged('test: remove the membership', (db) =>
      db.deleteFrom('users').where('user_id', '=', user.id).execute(),
    );
    const response = await signIn(user.email, user.password);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UPZ_BAD_CREDENTIALS');
  });
});

describe('the brake', () => {
  test(`after ${FREE_FAILURES} free failures it answers 429 with Retry-After, even to the right password`, async () => {
    const user = await newUser('clients', clientId, 'member');
    for (let i = 0; i < FREE_FAILURES; i++) expectStatus(await signIn(user.email, `wrong ${i}`), 401);
    // The failure that exhausts the free ones is still answered; the brake engages after it.
    expectStatus(await signIn(user.email, 'wrong again'), 401);
    const braked = await signIn(user.email, user.password);
    expect(braked.statusCode, braked.body).toBe(429);
    expect(braked.json()).toMatchObject({ statusCode: 429, code: 'UPZ_TOO_MANY_ATTEMPTS', error: 'Too Many Requests' });
    const retryAfter = Number(braked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(braked.json().message).toContain(String(retryAfter));

    // Once the wait is over the right password works, and success clears the count.
    clock += retryAfter * 1000;
    expectStatus(await signIn(user.email, user.password), 200);
    expectStatus(await signIn(user.email, 'wrong after success'), 401);
    expectStatus(await signIn(user.email, user.password), 200);
  });

  test('each further failure doubles the wait, up to the ceiling', async () => {
    const email = `${marker('target')}@example.test`;
    const waits: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 8; i++) {
      const response = await signIn(email, 'wrong');
      if (response.statusCode === 429) {
        waits.push(Number(response.headers['retry-after']));
        clock += Number(response.headers['retry-after']) * 1000;
        expectStatus(await signIn(email, 'wrong'), 401);
      }
    }
    expect(waits.length).toBeGreaterThan(3);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] as number);
    expect(Math.max(...waits)).toBe(60);
  });

  test('attempts sent all at once are braked too: each counts before its password is checked', async () => {
    const email = `${marker('burst')}@example.test`;
    const answers = await Promise.all(Array.from({ length: 12 }, () => signIn(email, 'not the password')));
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(FREE_FAILURES + 1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - FREE_FAILURES - 1);
  });

  test('an unknown email is braked exactly like a known one', async () => {
    const known = await newUser('agencies', agencyId, 'viewer');
    const unknown = `${marker('ghost')}@example.test`;
    const statuses = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < FREE_FAILURES + 2; i++) {
      statuses.known.push((await signIn(known.email, 'wrong')).statusCode);
      statuses.unknown.push((await signIn(unknown, 'wrong')).statusCode);
    }
    expect(statuses.unknown).toEqual(statuses.known);
    expect(statuses.known).toContain(429);
  });

  test('another email from the same address is not braked by this one', async () => {
    const user = await newUser('clients', clientId, 'viewer');
    const victim = `${marker('braked')}@example.test`;
    for (let i = 0; i < FREE_FAILURES + 2; i++) await signIn(victim, 'wrong');
    expectStatus(await signIn(victim, 'wrong'), 429);
    expectStatus(await signIn(user.email, user.password), 200);
  });
});

describe('no password or hash in any response', () => {
  test('user creation at every level and role, duplicates, sign-ins and audit logs', async () => {
    const agencyAdmin = await newUser('agencies', agencyId, 'admin');
    const agencyToken = (await signIn(agencyAdmin.email, agencyAdmin.password)).json().accessToken;
    const clientAdmin = await newUser('clients', clientId, 'admin', agencyToken);
    const clientToken = (await signIn(clientAdmin.email, clientAdmin.password)).json().accessToken;
    for (const role of ['admin', 'member', 'viewer'] as const) {
      const created = await newUser('clients', clientId, role, clientToken);
      const body = responses.at(-1)?.json();
      expect(Object.keys(body).sort()).toEqual(['createdAt', 'email', 'id', 'role', 'tenantId', 'tenantType']);
      expect(body).toMatchObject({
        id: created.id,
        email: created.email,
        role,
        tenantId: clientId,
        tenantType: 'client',
      });
      expectStatus(await signIn(created.email, created.password), 200);
    }
    await newUser('agencies', agencyId, 'member', agencyToken);
    // A taken email, with a new password: 409, and that password is not echoed either.
    const duplicate = await call('POST', `/v1/agencies/${agencyId}/users`, agencyToken, {
      email: agencyAdmin.email,
      password: 'a brand new password 123',
      role: 'viewer',
    });
    passwords.push('a brand new password 123');
    expectStatus(duplicate, 409);
    expect(duplicate.json().message).toMatch(/^email/);
    // A password that is too short: 400 that names the field, not the value.
    const short = await call('POST', `/v1/clients/${clientId}/users`, clientToken, {
      email: 'short@example.test',
      password: 'tiny-secret',
      role: 'viewer',
    });
    passwords.push('tiny-secret');
    expectStatus(short, 400);
    expect(short.json().message).toContain('password');
    // The logs record user creation and sign-ins; they must not record what was typed.
    expectStatus(await call('GET', `/v1/agencies/${agencyId}/audit-log?limit=500`, agencyToken), 200);
    expectStatus(await call('GET', `/v1/clients/${clientId}/audit-log?limit=500`, clientToken), 200);
    expectStatus(await call('GET', `/v1/agencies/${t.platformId}/audit-log?limit=500`, t.adminToken), 200);

    expect(responses.length).toBeGreaterThan(20);
    for (const response of responses) {
      for (const password of passwords)
        expect(response.body, `${response.statusCode} ${response.body}`).not.toContain(password);
      expect(response.body).not.toContain('scrypt$');
      expect(response.body).not.toMatch(/password_?hash|passwordHash/i);
    }
  });
});
