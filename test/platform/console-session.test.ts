/**
 * The console's session: sign-in sets an HttpOnly, SameSite=Strict cookie that only the session routes
 * receive; the cookie renews the access token, follows the user's current role, ends with a password
 * change or sign-out, and never passes as an access token (nor an access token as it).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SESSION_COOKIE } from '../../server/auth/console-session.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgencyWithClient, createUser, decodeToken, expectStatus, USER_PASSWORD } from './provision.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function sessionCookie(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

async function openSession(email: string, password: string) {
  const response = await t.call('POST', '/v1/auth/session', null, { email, password });
  expectStatus(response, 200);
  const cookie = sessionCookie(response);
  if (!cookie) throw new Error('no session cookie');
  return { accessToken: response.json().accessToken as string, cookie: cookie.value, set: cookie };
}

function refresh(cookie: string | null) {
  return t.app.inject({
    method: 'POST',
    url: '/v1/auth/session/refresh',
    ...(cookie !== null && { cookies: { [SESSION_COOKIE]: cookie } }),
  });
}

describe('console session', () => {
  test('sign-in sets a cookie no script can read and no other site can send', async () => {
    const { set, accessToken } = await openSession(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth/session' });
    expect(set.maxAge).toBeGreaterThan(3600);
    expectStatus(await t.call('GET', '/v1/agencies', accessToken), 200);
  });

  test('the cookie is Secure but on a loopback address over plain http, behind a TLS proxy too', async () => {
    const secureFor = async (host: string) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/session',
        headers: { host },
        payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      });
      expectStatus(response, 200);
      return sessionCookie(response)?.secure ?? false;
    };
    expect(await secureFor('localhost:3000')).toBe(false);
    expect(await secureFor('127.0.0.1:3000')).toBe(false);
    expect(await secureFor('crm.example.com')).toBe(true);
  });

  test('the cookie renews the access token and is itself renewed', async () => {
    const { cookie } = await openSession(ADMIN_EMAIL, ADMIN_PASSWORD);
    const renewed = await refresh(cookie);
    expectStatus(renewed, 200);
    expect(renewed.json()).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(decodeToken(renewed.json().accessToken).payload).toMatchObject({ tty: 'platform', role: 'admin' });
    expectStatus(await t.call('GET', '/v1/agencies', renewed.json().accessToken), 200);
    expect(sessionCookie(renewed)?.value).toBeTruthy();
  });

  test('no cookie, a forged cookie or an access token as cookie is 401', async () => {
    const { accessToken } = await openSession(ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const cookie of [null, 'not-a-token', accessToken]) {
      const response = await refresh(cookie);
      expectStatus(response, 401);
      expect(response.json().code).toBe('UPZ_UNAUTHORIZED');
    }
  });

  test('the session cookie does not pass as an access token', async () => {
    const { cookie } = await openSession(ADMIN_EMAIL, ADMIN_PASSWORD);
    const response = await t.call('GET', '/v1/agencies', cookie);
    expectStatus(response, 401);
  });

  test('a lowered role or a password change ends the session, as it ends tokens', async () => {
    const { agencyId } = await createAgencyWithClient(t);
    const lowered = await createUser(t, t.adminToken, 'agencies', agencyId, 'admin');
    const first = await openSession(lowered.email, USER_PASSWORD);
    expectStatus(await refresh(first.cookie), 200);
    expectStatus(
      await t.call('PATCH', `/v1/agencies/${agencyId}/users/${lowered.id}`, t.adminToken, { role: 'viewer' }),
      200,
    );
    expectStatus(await refresh(first.cookie), 401);

    const changed = await createUser(t, t.adminToken, 'agencies', agencyId, 'member');
    const second = await openSession(changed.email, USER_PASSWORD);
    const renewed = await refresh(second.cookie);
    expect(decodeToken(renewed.json().accessToken).payload).toMatchObject({ tty: 'agency', role: 'member' });
    expectStatus(
      await t.call('POST', '/v1/auth/password', renewed.json().accessToken, {
        currentPassword: USER_PASSWORD,
        newPassword: 'another long enough password',
      }),
      204,
    );
    const ended = await refresh(second.cookie);
    expectStatus(ended, 401);
    expect(sessionCookie(ended)?.maxAge).toBe(0);
  });

  test('sign-out clears the cookie; a wrong password sets none', async () => {
    const out = await t.app.inject({ method: 'DELETE', url: '/v1/auth/session' });
    expectStatus(out, 204);
    expect(sessionCookie(out)).toMatchObject({ value: '', maxAge: 0, path: '/v1/auth/session' });
    const wrong = await t.call('POST', '/v1/auth/session', null, { email: ADMIN_EMAIL, password: 'wrong password' });
    expectStatus(wrong, 401);
    expect(sessionCookie(wrong)).toBeUndefined();
  });
});
