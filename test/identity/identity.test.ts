/**
 * Visitor identity verification through the API and the widget route, on the suite's database:
 * the secret and its rotation, the three settings, a valid, invalid and too old identity, leads
 * without one, and what a verified lead says in the API and its webhook.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signIdentity } from '../../server/identity/identity-hash.ts';
import { createDomainFixture, HOUR, type DomainFixture } from '../support/domain-fixture.ts';
import type { TestApp } from '../support/test-app.ts';
import { createUser, expectStatus, marker } from '../platform/provision.ts';

const ORIGIN = 'https://shop.test';

let f: DomainFixture;
let t: TestApp;
let clientAdmin: string;
let viewer: string;
let receiver: http.Server;
const received: Array<Record<string, any>> = [];

beforeAll(async () => {
  f = await createDomainFixture({ webhooks: { allowPrivate: true }, identitySecretOverlapMs: 2 * HOUR });
  t = f.t;
  await f.verifiedDomain('shop.test');
  clientAdmin = (await createUser(t, t.adminToken, 'clients', f.clientId, 'admin')).token;
  viewer = (await createUser(t, t.adminToken, 'clients', f.clientId, 'viewer')).token;
  receiver = http.createServer((request, response) => {
    let body = '';
    request
      .on('data', (chunk) => (body += chunk))
      .on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(204).end();
      });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
}, 60_000);
afterAll(async () => {
  await f?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

const seconds = () => Math.floor(f.clock.now().getTime() / 1000);

function submit(body: Record<string, unknown>, key = marker('idem')) {
  return t.app.inject({
    method: 'POST',
    url: `/v1/widget/${f.publicKey}/submissions`,
    headers: { origin: ORIGIN, 'idempotency-key': key },
    payload: body,
  });
}

function lead(identity?: Record<string, unknown>) {
  return { email: `${marker('lead')}@example.test`, name: 'Lead', ...(identity && { identity }) };
}

async function setIdentity(change: Record<string, unknown>) {
  const response = await t.call('PATCH', `/v1/clients/${f.clientId}/identity`, clientAdmin, change);
  expectStatus(response, 200);
  return response.json();
}

async function newSecret(): Promise<{ secret: string; previousValidUntil: string | null }> {
  const response = await t.call('POST', `/v1/clients/${f.clientId}/identity-secret`, clientAdmin);
  expectStatus(response, 201);
  return response.json();
}

async function submissionOf(id: string) {
  const items = (await t.call('GET', `/v1/clients/${f.clientId}/submissions?limit=200`, clientAdmin)).json().items;
  return items.find((item: { id: string }) => item.id === id);
}

async function submissionCount(): Promise<number> {
  return (await t.call('GET', `/v1/clients/${f.clientId}/submissions?limit=200`, clientAdmin)).json().items.length;
}

function expectRefused(response: Awaited<ReturnType<typeof submit>>, status: number, code: string, field: string) {
  expectStatus(response, status);
  expect(response.json()).toMatchObject({ code });
  expect(response.json().message).toContain(field);
}

let secret: string;

describe('the secret and the setting', () => {
  test('off by default; verification cannot be turned on without a secret', async () => {
    expect((await t.call('GET', `/v1/clients/${f.clientId}/identity`, viewer)).json()).toEqual({
      verification: 'off',
      allowAnonymous: true,
      maxAgeSeconds: null,
      secret: null,
    });
    const refused = await t.call('PATCH', `/v1/clients/${f.clientId}/identity`, clientAdmin, {
      verification: 'optional',
    });
    expectStatus(refused, 409);
    expect(refused.json()).toMatchObject({ code: 'UPZ_IDENTITY_SECRET_MISSING' });
    expectStatus(
      await t.call('PATCH', `/v1/clients/${f.clientId}/identity`, clientAdmin, { verification: 'sometimes' }),
      400,
    );
    expectStatus(await t.call('PATCH', `/v1/clients/${f.clientId}/identity`, clientAdmin, { secret: 'x' }), 400);
    expectStatus(await t.call('PATCH', `/v1/clients/${f.clientId}/identity`, viewer, { allowAnonymous: false }), 403);
    expectStatus(await t.call('POST', `/v1/clients/${f.clientId}/identity-secret`, viewer), 403);
  });

  test('with the setting off, an identity is kept as the site’s unverified word', async () => {
    const created = await submit(lead({ userId: 'off-user', userHash: 'f'.repeat(64) }));
    expectStatus(created, 201);
    expect((await submissionOf(created.json().id)).identity).toEqual({
      verified: false,
      userId: 'off-user',
      email: null,
    });
  });

  test('a new secret is shown once: 201 with it, then no answer and no audit entry holds it', async () => {
    const made = await newSecret();
    secret = made.secret;
    expect(secret).toMatch(/^idsec_[A-Za-z0-9_-]{43}$/);
    expect(made.previousValidUntil).toBeNull();
    const settings = (await t.call('GET', `/v1/clients/${f.clientId}/identity`, clientAdmin)).json();
    expect(settings.secret).toEqual({ createdAt: expect.any(String), previousValidUntil: null });
    expect(await setIdentity({ verification: 'optional' })).toMatchObject({ verification: 'optional' });
    const reads = [
      `/v1/clients/${f.clientId}/identity`,
      `/v1/clients/${f.clientId}/settings`,
      `/v1/clients/${f.clientId}`,
      `/v1/clients/${f.clientId}/audit-log?limit=500`,
      `/v1/agencies/${f.agencyId}/audit-log?limit=500`,
    ];
    for (const path of reads) {
      const response = await t.call('GET', path, t.adminToken);
      expectStatus(response, 200);
      expect(response.body.includes(secret), path).toBe(false);
    }
    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log`, clientAdmin)).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['identity.secret_created', 'identity_settings.updated']),
    );
  });
});

describe('optional', () => {
  test('a valid hash of the user id: 201, the lead and its contact say verified, and so does the webhook', async () => {
    expectStatus(
      await t.call('POST', `/v1/clients/${f.clientId}/webhooks`, clientAdmin, {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        events: ['submission.created'],
      }),
      201,
    );
    const body = lead({
      userId: 'user-1',
      email: 'someone@example.test',
      name: 'Signed Name',
      userHash: signIdentity(secret, 'user-1'),
    });
    const created = await submit(body);
    expectStatus(created, 201);
    const stored = await submissionOf(created.json().id);
    // The email came with a user id: the hash vouches for the user id alone.
    expect(stored.identity).toEqual({ verified: true, userId: 'user-1', email: null });
    const contact = (await t.call('GET', `/v1/clients/${f.clientId}/contacts/${stored.contactId}`, clientAdmin)).json();
    expect(contact.identity).toMatchObject({
      verified: true,
      userId: 'user-1',
      email: null,
      verifiedAt: expect.any(String),
    });

    expect(await t.app.webhooks.runOnce()).toMatchObject({ delivered: 1 });
    const event = received.find((e) => e.data.id === created.json().id);
    expect(event?.data.identity).toEqual({ verified: true, userId: 'user-1', email: null });
  });

  test('a valid hash of the email, when there is no user id', async () => {
    const created = await submit(
      lead({ email: 'Signed@Example.test', userHash: signIdentity(secret, 'Signed@Example.test') }),
    );
    expectStatus(created, 201);
    expect((await submissionOf(created.json().id)).identity).toEqual({
      verified: true,
      userId: null,
      email: 'signed@example.test',
    });
  });

  test('an invalid hash is refused with 403 UPZ_IDENTITY_INVALID, and nothing is stored', async () => {
    const before = await submissionCount();
    expectRefused(
      await submit(lead({ userId: 'user-1', userHash: signIdentity(secret, 'user-2') })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );
    expectRefused(
      await submit(lead({ userId: 'user-1', userHash: signIdentity('idsec_someone-elses', 'user-1') })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );
    expectRefused(
      await submit(lead({ userHash: signIdentity(secret, 'user-1') })),
      400,
      'UPZ_INVALID_INPUT',
      'body/identity',
    );
    expect(await submissionCount()).toBe(before);
  });

  test('leads without an identity are taken', async () => {
    const created = await submit(lead());
    expectStatus(created, 201);
    expect((await submissionOf(created.json().id)).identity).toBeNull();
  });
});

describe('replay: a maximum age', () => {
  test('issuedAt becomes required; one too old is refused; a retry of a stored lead is not', async () => {
    await setIdentity({ maxAgeSeconds: 600 });
    expectRefused(
      await submit(lead({ userId: 'user-1', userHash: signIdentity(secret, 'user-1') })),
      400,
      'UPZ_INVALID_INPUT',
      'body/identity/issuedAt',
    );

    const fresh = seconds() - 60;
    const key = marker('idem');
    const body = lead({ userId: 'user-1', userHash: signIdentity(secret, 'user-1', fresh), issuedAt: fresh });
    const created = await submit(body, key);
    expectStatus(created, 201);
    expect((await submissionOf(created.json().id)).identity).toMatchObject({ verified: true, userId: 'user-1' });

    const old = seconds() - 601;
    expectRefused(
      await submit(lead({ userId: 'user-1', userHash: signIdentity(secret, 'user-1', old), issuedAt: old })),
      403,
      'UPZ_IDENTITY_EXPIRED',
      'identity.issuedAt',
    );
    // The issue time is signed: a fresh time on an old hash does not pass.
    expectRefused(
      await submit(lead({ userId: 'user-1', userHash: signIdentity(secret, 'user-1', old), issuedAt: fresh })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );

    // The same lead again an hour later (a widget retrying from its outbox): the same id, not a refusal.
    f.clock.advance(HOUR);
    const again = await submit(body, key);
    expectStatus(again, 201);
    expect(again.json().id).toBe(created.json().id);
    // A new lead with that identity is too old now.
    expectRefused(
      await submit(lead({ userId: 'user-1', userHash: signIdentity(secret, 'user-1', fresh), issuedAt: fresh })),
      403,
      'UPZ_IDENTITY_EXPIRED',
      'identity.issuedAt',
    );
    await setIdentity({ maxAgeSeconds: null });
  });
});

describe('rotation', () => {
  test('the replaced secret verifies during the overlap, then is refused; the rotation is audited without either secret', async () => {
    const old = secret;
    const rotated = await newSecret();
    secret = rotated.secret;
    expect(new Date(rotated.previousValidUntil as string).getTime()).toBe(f.clock.now().getTime() + 2 * HOUR);
    expect((await t.call('GET', `/v1/clients/${f.clientId}/identity`, viewer)).json().secret.previousValidUntil).toBe(
      rotated.previousValidUntil,
    );

    expectStatus(await submit(lead({ userId: 'user-3', userHash: signIdentity(old, 'user-3') })), 201);
    expectStatus(await submit(lead({ userId: 'user-3', userHash: signIdentity(secret, 'user-3') })), 201);
    f.clock.advance(2 * HOUR + 1000);
    expectRefused(
      await submit(lead({ userId: 'user-3', userHash: signIdentity(old, 'user-3') })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );
    expectStatus(await submit(lead({ userId: 'user-3', userHash: signIdentity(secret, 'user-3') })), 201);
    expect(
      (await t.call('GET', `/v1/clients/${f.clientId}/identity`, viewer)).json().secret.previousValidUntil,
    ).toBeNull();

    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log?limit=500`, clientAdmin)).body;
    expect(log).toContain('identity.secret_rotated');
    expect(log.includes(old) || log.includes(secret)).toBe(false);
  });

  test('the replaced secret can be stopped at once (a leaked one)', async () => {
    const old = secret;
    secret = (await newSecret()).secret;
    expectStatus(await submit(lead({ userId: 'user-4', userHash: signIdentity(old, 'user-4') })), 201);
    expectStatus(await t.call('DELETE', `/v1/clients/${f.clientId}/identity-secret/previous`, clientAdmin), 204);
    expectRefused(
      await submit(lead({ userId: 'user-4', userHash: signIdentity(old, 'user-4') })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );
    expectStatus(await submit(lead({ userId: 'user-4', userHash: signIdentity(secret, 'user-4') })), 201);
    const log = (await t.call('GET', `/v1/clients/${f.clientId}/audit-log`, clientAdmin)).json().items;
    expect(log.map((e: { action: string }) => e.action)).toContain('identity.previous_secret_revoked');
  });
});

describe('required', () => {
  test('anonymous leads refused when the second setting says so, taken when it allows them', async () => {
    await setIdentity({ verification: 'required', allowAnonymous: false });
    expectRefused(await submit(lead()), 403, 'UPZ_IDENTITY_REQUIRED', 'identity');
    expectRefused(
      await submit(lead({ userId: 'user-5', userHash: signIdentity(secret, 'user-6') })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );
    const signed = await submit(lead({ userId: 'user-5', userHash: signIdentity(secret, 'user-5') }));
    expectStatus(signed, 201);
    expect((await submissionOf(signed.json().id)).identity).toEqual({ verified: true, userId: 'user-5', email: null });

    await setIdentity({ allowAnonymous: true });
    const anonymous = await submit(lead());
    expectStatus(anonymous, 201);
    expect((await submissionOf(anonymous.json().id)).identity).toBeNull();
    // Still required: an unverified identity is refused even though anonymous leads are taken.
    expectRefused(
      await submit(lead({ userId: 'user-5', userHash: '0'.repeat(64) })),
      403,
      'UPZ_IDENTITY_INVALID',
      'identity.userHash',
    );
    await setIdentity({ verification: 'off' });
  });
});

test('an erasure by a signed identity’s email takes the leads signed with it', async () => {
  await setIdentity({ verification: 'optional' });
  const email = `${marker('signed')}@example.test`;
  const created = await submit({
    email: `${marker('typed')}@example.test`,
    identity: { email, userHash: signIdentity(secret, email) },
  });
  expectStatus(created, 201);
  const erased = await t.call('POST', `/v1/clients/${f.clientId}/erasures`, clientAdmin, { email });
  expectStatus(erased, 200);
  expect(erased.json()).toMatchObject({ contacts: 1, submissions: 1 });
  expect(await submissionOf(created.json().id)).toBeUndefined();
});
