/**
 * Adding people without telling an admin who has an account elsewhere: invitations that the
 * person accepts with a one-time token, and user creation that answers an email taken in another
 * tenant exactly as a fresh one. In neither case does anyone gain access to the existing account.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import {
  createAgencyWithClient,
  createUser,
  decodeToken,
  expectStatus,
  marker,
  USER_PASSWORD,
  type CreatedUser,
} from './provision.ts';

let t: TestApp;
let agencyId: string;
let clientId: string;
let clientAdmin: CreatedUser;
/** A user of another agency: its email is the one a client admin must not learn about. */
let elsewhere: CreatedUser;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createAgencyWithClient(t);
  agencyId = tree.agencyId;
  clientId = tree.client.id;
  clientAdmin = await createUser(t, tree.agencyAdmin.token, 'clients', clientId, 'admin');
  const other = await createAgencyWithClient(t);
  elsewhere = await createUser(t, other.agencyAdmin.token, 'clients', other.client.id, 'member');
});
afterAll(() => t?.close());

const freshEmail = () => `${marker('person')}@example.test`;

/** Status, header names and body keys: what would differ if an answer told more than it should. */
function shape(response: LightMyRequestResponse) {
  const body = response.body ? response.json() : null;
  return {
    status: response.statusCode,
    headers: Object.keys(response.headers).sort(),
    keys: body ? Object.keys(body).sort() : null,
  };
}

async function platformAudit(): Promise<Array<{ action: string; details?: unknown }>> {
  const response = await t.call('GET', `/v1/agencies/${t.platformId}/audit-log?limit=500`, t.adminToken);
  expectStatus(response, 200);
  return response.json().items;
}

describe('an invitation', () => {
  test('is accepted with its token: only then is the account made, with the role and tenant invited to', async () => {
    const email = freshEmail();
    const created = await t.call('POST', `/v1/clients/${clientId}/invitations`, clientAdmin.token, {
      email,
      role: 'member',
    });
    expectStatus(created, 201);
    const invitation = created.json();
    expect(invitation).toMatchObject({ email, role: 'member', tenantId: clientId, tenantType: 'client' });
    expect(invitation.token).toMatch(/^inv_/);
    expectStatus(await t.call('POST', '/v1/auth/token', null, { email, password: 'the chosen password' }), 401);

    const listed = await t.call('GET', `/v1/clients/${clientId}/invitations`, clientAdmin.token);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(invitation.id);
    expect(listed.body).not.toContain(invitation.token);

    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, {
        token: invitation.token,
        password: 'the chosen password',
      }),
      204,
    );
    const token = await t.signIn(email, 'the chosen password');
    expect(decodeToken(token).payload).toMatchObject({ tid: clientId, pid: agencyId, tty: 'client', role: 'member' });
    const users = await t.call('GET', `/v1/clients/${clientId}/users`, clientAdmin.token);
    expect(users.json().items.map((item: { email: string }) => item.email)).toContain(email);
    const after = await t.call('GET', `/v1/clients/${clientId}/invitations`, clientAdmin.token);
    expect(after.json().items.map((item: { id: string }) => item.id)).not.toContain(invitation.id);

    // A token works once.
    const again = await t.call('POST', '/v1/invitations/accept', null, {
      token: invitation.token,
      password: 'another chosen password',
    });
    expectStatus(again, 404);
    expect(again.json().code).toBe('UPZ_INVITATION_INVALID');
  });

  test('withdrawn or expired, its token is refused; an unknown token too', async () => {
    const withdrawn = (
      await t.call('POST', `/v1/agencies/${agencyId}/invitations`, t.adminToken, {
        email: freshEmail(),
        role: 'viewer',
      })
    ).json();
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/invitations/${withdrawn.id}`, t.adminToken), 204);
    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, {
        token: withdrawn.token,
        password: 'a long enough password',
      }),
      404,
    );

    const expired = (
      await t.call('POST', `/v1/agencies/${agencyId}/invitations`, t.adminToken, {
        email: freshEmail(),
        role: 'viewer',
      })
    ).json();
    await t.data.privileged('test: let the invitation expire', (db) =>
      db
        .updateTable('invitations')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('invitation_id', '=', expired.id)
        .execute(),
    );
    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, {
        token: expired.token,
        password: 'a long enough password',
      }),
      404,
    );
    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, {
        token: `inv_${'x'.repeat(43)}`,
        password: 'a long enough password',
      }),
      404,
    );
  });

  test('of an email that has an account elsewhere is answered alike, and gives nobody that account', async () => {
    const fresh = await t.call('POST', `/v1/clients/${clientId}/invitations`, clientAdmin.token, {
      email: freshEmail(),
      role: 'viewer',
    });
    const taken = await t.call('POST', `/v1/clients/${clientId}/invitations`, clientAdmin.token, {
      email: elsewhere.email,
      role: 'viewer',
    });
    expect(shape(taken)).toEqual(shape(fresh));

    // Whoever holds the token and accepts it is answered as for a fresh email, and gets nothing.
    const acceptFresh = await t.call('POST', '/v1/invitations/accept', null, {
      token: fresh.json().token,
      password: 'a password for the invitee',
    });
    const acceptTaken = await t.call('POST', '/v1/invitations/accept', null, {
      token: taken.json().token,
      password: 'a password for the invitee',
    });
    expect(shape(acceptTaken)).toEqual(shape(acceptFresh));
    expectStatus(
      await t.call('POST', '/v1/auth/token', null, { email: elsewhere.email, password: 'a password for the invitee' }),
      401,
    );
    const own = await t.signIn(elsewhere.email, USER_PASSWORD);
    expect(decodeToken(own).payload.tid).not.toBe(clientId);
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/contacts`, own), 404);
    // To the inviting admin it looks like an invitation not accepted yet.
    const listed = await t.call('GET', `/v1/clients/${clientId}/invitations`, clientAdmin.token);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(taken.json().id);
    expect(await platformAudit()).toContainEqual(expect.objectContaining({ action: 'invitation.accept_withheld' }));
  });
});

describe('user creation with an email that has an account', () => {
  test('in another tenant: answered as for a fresh email, nothing made, the account untouched', async () => {
    const fresh = await t.call('POST', `/v1/clients/${clientId}/users`, clientAdmin.token, {
      email: freshEmail(),
      password: 'a password the admin set',
      role: 'viewer',
    });
    const taken = await t.call('POST', `/v1/clients/${clientId}/users`, clientAdmin.token, {
      email: elsewhere.email.toUpperCase(),
      password: 'a password the admin set',
      role: 'viewer',
    });
    expect(shape(taken)).toEqual(shape(fresh));
    expect(taken.json()).toMatchObject({
      email: elsewhere.email,
      role: 'viewer',
      tenantId: clientId,
      tenantType: 'client',
    });
    expect(taken.json().id).not.toBe(elsewhere.id);
    // Nobody gets the existing account: the admin's password does not open it; its own still does.
    expectStatus(
      await t.call('POST', '/v1/auth/token', null, { email: elsewhere.email, password: 'a password the admin set' }),
      401,
    );
    await t.signIn(elsewhere.email, USER_PASSWORD);
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/contacts`, elsewhere.token), 404);
    expect(await platformAudit()).toContainEqual(expect.objectContaining({ action: 'user.creation_withheld' }));
  });

  test("in the caller's own tenant or below, where the caller can list it anyway: still a 409", async () => {
    const mine = await createUser(t, clientAdmin.token, 'clients', clientId, 'viewer');
    const again = await t.call('POST', `/v1/clients/${clientId}/users`, clientAdmin.token, {
      email: mine.email,
      password: 'a password the admin set',
      role: 'viewer',
    });
    expectStatus(again, 409);
    expect(again.json().message).toMatch(/^email/);
    // The platform admin sees every tenant: to it a taken email is a 409 wherever it is.
    const platform = await t.call('POST', `/v1/clients/${clientId}/users`, t.adminToken, {
      email: elsewhere.email,
      password: 'a password the admin set',
      role: 'viewer',
    });
    expectStatus(platform, 409);
  });
});
