/**
 * Access tokens on a protected route. Tokens are built by hand with node:crypto, so each one is
 * exactly the attack it names; every one of them must get a 401 in Fastify's error shape.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createAgencyWithClient, createUser, decodeToken, USER_PASSWORD, type CreatedUser } from './provision.ts';

let t: TestApp;
let agencyId: string;
let clientId: string;
let viewer: CreatedUser;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createAgencyWithClient(t);
  ({
    agencyId,
    client: { id: clientId },
  } = tree);
  viewer = await createUser(t, tree.agencyAdmin.token, 'clients', clientId, 'viewer');
});
afterAll(() => t?.close());

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function sign(header: object, payload: object, secret: string): string {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const HS256 = { alg: 'HS256', typ: 'JWT' };

/** Claims of a real client viewer, freshly issued. */
function viewerClaims(): Record<string, unknown> {
  return { ...decodeToken(viewer.token).payload, iat: now(), exp: now() + 600 };
}

/** A route the viewer may call with a good token. */
const route = () => `/v1/clients/${clientId}/contacts`;

async function expect401(authorization: string | null, why: RegExp) {
  const response = await t.app.inject({
    method: 'GET',
    url: route(),
    headers: authorization === null ? {} : { authorization },
  });
  expect(response.statusCode, response.body).toBe(401);
  const body = response.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  expect(body).toMatchObject({ statusCode: 401, code: 'UPZ_UNAUTHORIZED', error: 'Unauthorized' });
  expect(body.message).toMatch(why);
  // Nothing of the route's data, and no hint of the secret or the verifier's internals.
  expect(response.body).not.toContain(t.jwtSecret);
  expect(response.body).not.toMatch(/stack|at .*\.js|\.ts:\d+/);
  return body;
}

test('the control: a token signed with the right key, as issued, is accepted', async () => {
  const response = await t.call('GET', route(), sign(HS256, viewerClaims(), t.jwtSecret));
  expect(response.statusCode, response.body).toBe(200);
});

describe('refused with 401', () => {
  test('no Authorization header', async () => {
    await expect401(null, /Authorization/);
  });

  test('a scheme other than Bearer, or Bearer with nothing after it', async () => {
    await expect401(`Basic ${Buffer.from('admin:password').toString('base64')}`, /./);
    await expect401('Bearer ', /./);
  });

  test('malformed tokens', async () => {
    for (const token of [
      'not-a-token',
      'a.b',
      'a.b.c',
      `${b64(HS256)}.${b64('not json')}.${b64('sig')}`,
      `${viewer.token}.extra`,
    ]) {
      await expect401(`Bearer ${token}`, /malformed|not valid/);
    }
  });

  test('alg none, with and without a signature', async () => {
    const claims = viewerClaims();
    await expect401(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`, /./);
    await expect401(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.${b64('x')}`, /./);
    await expect401(`Bearer ${b64({ alg: 'None' })}.${b64(claims)}.`, /./);
  });

  test('another algorithm than HS256, even with the right key', async () => {
    const head = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(viewerClaims())}`;
    const signature = createHmac('sha512', t.jwtSecret).update(head).digest('base64url');
    await expect401(`Bearer ${head}.${signature}`, /not valid/);
  });

  test('signed with a wrong key', async () => {
    await expect401(`Bearer ${sign(HS256, viewerClaims(), randomBytes(32).toString('hex'))}`, /not valid/);
    await expect401(`Bearer ${sign(HS256, viewerClaims(), '')}`, /not valid/);
  });

  test('claims edited after signing (the signature kept)', async () => {
    const [header, , signature] = viewer.token.split('.') as [string, string, string];
    const claims = decodeToken(viewer.token).payload;
    // Promote the viewer to admin, move it to another tenant, make it the platform admin.
    for (const edit of [
      { role: 'admin' },
      { tid: randomUUID() },
      { tty: 'platform', pid: null, role: 'admin', tid: t.platformId },
      { exp: now() + 86_400 },
    ]) {
      await expect401(`Bearer ${header}.${b64({ ...claims, ...edit })}.${signature}`, /not valid/);
    }
  });

  test('expired, signed with the right key', async () => {
    await expect401(
      `Bearer ${sign(HS256, { ...viewerClaims(), iat: now() - 1000, exp: now() - 100 }, t.jwtSecret)}`,
      /expired/,
    );
  });

  test('issued longer ago than the 15-minute lifetime, even though it claims a later expiry', async () => {
    await expect401(
      `Bearer ${sign(HS256, { ...viewerClaims(), iat: now() - 3600, exp: now() + 3600 }, t.jwtSecret)}`,
      /expired|not valid/,
    );
  });

  test('without exp or iat, signed with the right key', async () => {
    const { exp: _exp, ...noExp } = viewerClaims();
    await expect401(`Bearer ${sign(HS256, noExp, t.jwtSecret)}`, /not valid/);
    const { iat: _iat, ...noIat } = viewerClaims();
    await expect401(`Bearer ${sign(HS256, noIat, t.jwtSecret)}`, /not valid/);
  });

  test('a valid signature over claims that describe no tenant', async () => {
    const bad: Array<Record<string, unknown>> = [
      { tty: 'galaxy' },
      { tid: 'not-a-uuid' },
      { tid: null },
      { sub: 'root' },
      { role: 'owner' },
      { pid: null }, // a client without its agency
      { tty: 'platform', pid: null, role: 'viewer' }, // the platform has only its admin
      { tty: 'platform', pid: agencyId }, // the platform has no parent
    ];
    for (const edit of bad) {
      const body = await expect401(
        `Bearer ${sign(HS256, { ...viewerClaims(), ...edit }, t.jwtSecret)}`,
        /tenant context/,
      );
      expect(body.message).toBe('Sign in first: the token does not carry a tenant context');
    }
    const { tid: _tid, ...noTenant } = viewerClaims();
    await expect401(`Bearer ${sign(HS256, noTenant, t.jwtSecret)}`, /tenant context/);
  });
});

test('a token from sign-in lives at most 15 minutes and says so', async () => {
  const response = await t.call('POST', '/v1/auth/token', null, { email: viewer.email, password: USER_PASSWORD });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  expect(body.tokenType).toBe('Bearer');
  const { header, payload } = decodeToken(body.accessToken);
  expect(header.alg).toBe('HS256');
  expect(typeof payload.exp).toBe('number');
  expect(typeof payload.iat).toBe('number');
  const lifetime = (payload.exp as number) - (payload.iat as number);
  expect(lifetime).toBeGreaterThan(0);
  expect(lifetime).toBeLessThanOrEqual(900);
  expect(body.expiresIn).toBe(lifetime);
  // The claims carry the tenant context of the contract.
  expect(payload).toMatchObject({ sub: viewer.id, tid: clientId, tty: 'client', pid: agencyId, role: 'viewer' });
});
