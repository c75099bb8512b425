/**
 * User management and tokens that stop working: listing, role changes, removal, password changes
 * and resets, each acting only on the tenant or below; and every token of a user who was removed,
 * lowered or given a new password answering 401, on this instance and on another one within a
 * second. Claims that no longer match the database (unknown sub, wrong pid) are 401 too.
 */
import { createHmac, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { onPostgres } from '../support/test-database.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { openDatabase } from '../../server/db/connect.ts';
import {
  createAgency,
  createAgencyWithClient,
  createClient,
  createUser,
  decodeToken,
  expectStatus,
  marker,
  USER_PASSWORD,
  type CreatedUser,
} from './provision.ts';

let t: TestApp;
/** A second server instance on the same database. */
let b: TestApp;
let agencyId: string;
let clientId: string;
let siblingId: string;
let agencyAdmin: CreatedUser;

beforeAll(async () => {
  t = await createTestApp();
  b = await createTestApp({ jwtSecret: t.jwtSecret }, { ...t.db, handle: await t.db.reopen(), close: async () => {} });
  const tree = await createAgencyWithClient(t);
  ({ agencyId, agencyAdmin } = tree);
  clientId = tree.client.id;
  siblingId = (await createClient(t, agencyAdmin.token, agencyId)).id;
});
afterAll(async () => {
  await b?.close();
  await t?.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(payload: object): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', t.jwtSecret).update(head).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

/** A route any signed-in user of the client may call. */
const clientRoute = () => `/v1/clients/${clientId}/contacts`;

function expect401(response: { statusCode: number; body: string; json(): any }) {
  expect(response.statusCode, response.body).toBe(401);
  expect(response.json()).toMatchObject({ code: 'UPZ_UNAUTHORIZED', error: 'Unauthorized' });
}

describe('listing', () => {
  test('an agency lists its own users, a client its own; no secrets, no users of other levels', async () => {
    const member = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
    const agencyList = await t.call('GET', `/v1/agencies/${agencyId}/users`, agencyAdmin.token);
    expectStatus(agencyList, 200);
    const agencyIds = agencyList.json().items.map((item: { id: string }) => item.id);
    expect(agencyIds).toContain(agencyAdmin.id);
    expect(agencyIds).not.toContain(member.id);
    const clientList = await t.call('GET', `/v1/clients/${clientId}/users`, agencyAdmin.token);
    expectStatus(clientList, 200);
    const item = clientList.json().items.find((entry: { id: string }) => entry.id === member.id);
    expect(item).toMatchObject({
      id: member.id,
      email: member.email,
      role: 'member',
      tenantId: clientId,
      tenantType: 'client',
    });
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'email', 'id', 'role', 'tenantId', 'tenantType']);
    expect(clientList.body).not.toMatch(/scrypt|password|hash|version/i);
  });

  test('a member may not list users; a client admin may not list its sibling or its agency', async () => {
    const member = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
    expectStatus(await t.call('GET', `/v1/clients/${clientId}/users`, member.token), 403);
    const clientAdmin = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
    expectStatus(await t.call('GET', `/v1/clients/${siblingId}/users`, clientAdmin.token), 404);
    expectStatus(await t.call('GET', `/v1/agencies/${agencyId}/users`, clientAdmin.token), 404);
  });
});

describe('removal', () => {
  test("a removed admin's token can no longer create an admin, and the removed admin cannot sign in", async () => {
    const first = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
    const second = await createUser(t, first.token, 'clients', clientId, 'admin');
    // Removed by the agency's admin, above it (a fellow admin may not: see 'peers').
    expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/users/${first.id}`, agencyAdmin.token), 204);
    const attempt = await t.call('POST', `/v1/clients/${clientId}/users`, first.token, {
      email: `${marker('sneak')}@example.test`,
      password: USER_PASSWORD,
      role: 'admin',
    });
    expect401(attempt);
    expect401(await t.call('GET', clientRoute(), first.token));
    expectStatus(await t.call('POST', '/v1/auth/token', null, { email: first.email, password: USER_PASSWORD }), 401);
    const list = await t.call('GET', `/v1/clients/${clientId}/users`, second.token);
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(first.id);
    // Its email is free again.
    expectStatus(
      await t.call('POST', `/v1/clients/${clientId}/users`, second.token, {
        email: first.email,
        password: USER_PASSWORD,
        role: 'viewer',
      }),
      201,
    );
  });

  test('removal is audited, and a user of another tenant is not found under this one', async () => {
    const victim = await createUser(t, agencyAdmin.token, 'clients', siblingId, 'viewer');
    const clientAdmin = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
    expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/users/${victim.id}`, clientAdmin.token), 404);
    expectStatus(await t.call('DELETE', `/v1/clients/${siblingId}/users/${victim.id}`, clientAdmin.token), 404);
    expectStatus(await t.call('DELETE', `/v1/agencies/${agencyId}/users/${victim.id}`, agencyAdmin.token), 404);
    expectStatus(await t.call('GET', clientRoute().replace(clientId, siblingId), victim.token), 200);
    expectStatus(await t.call('DELETE', `/v1/clients/${siblingId}/users/${victim.id}`, agencyAdmin.token), 204);
    const audit = await t.call('GET', `/v1/clients/${siblingId}/audit-log?limit=500`, agencyAdmin.token);
    expect(audit.json().items).toContainEqual(
      expect.objectContaining({ action: 'user.removed', target: expect.objectContaining({ id: victim.id }) }),
    );
  });

  test('the last admin of a tenant can be neither removed nor lowered, by anyone', async () => {
    const agency = (await createAgency(t)).id;
    const only = await createUser(t, t.adminToken, 'agencies', agency, 'admin');
    for (const token of [only.token, t.adminToken]) {
      const removed = await t.call('DELETE', `/v1/agencies/${agency}/users/${only.id}`, token);
      expectStatus(removed, 409);
      expect(removed.json().code).toBe('UPZ_LAST_ADMIN');
      expectStatus(await t.call('PATCH', `/v1/agencies/${agency}/users/${only.id}`, token, { role: 'member' }), 409);
    }
    // With a second admin, the first may step down; its own token ends with it.
    const other = await createUser(t, only.token, 'agencies', agency, 'admin');
    const lowered = await t.call('PATCH', `/v1/agencies/${agency}/users/${only.id}`, only.token, { role: 'viewer' });
    expectStatus(lowered, 200);
    expect(lowered.json()).toMatchObject({ id: only.id, role: 'viewer', tenantId: agency, tenantType: 'agency' });
    expect401(await t.call('GET', `/v1/agencies/${agency}/clients`, only.token));
    expectStatus(await t.call('DELETE', `/v1/agencies/${agency}/users/${other.id}`, other.token), 409);
  });
});

test('two admins stepping down at once, on two instances: one goes, the other stays, nothing fails', async () => {
  const agency = (await createAgency(t)).id;
  const first = await createUser(t, t.adminToken, 'agencies', agency, 'admin');
  const second = await createUser(t, t.adminToken, 'agencies', agency, 'admin');
  const answers = await Promise.all([
    t.call('DELETE', `/v1/agencies/${agency}/users/${first.id}`, first.token),
    b.call('DELETE', `/v1/agencies/${agency}/users/${second.id}`, second.token),
  ]);
  const statuses = answers.map((answer) => answer.statusCode).sort();
  // The one that waited finds itself the last admin.
  expect(statuses, answers.map((answer) => answer.body).join(' ')).toEqual([204, 409]);
  const list = await t.call('GET', `/v1/agencies/${agency}/users`, t.adminToken);
  expect(list.json().items.filter((item: { role: string }) => item.role === 'admin')).toHaveLength(1);
});

describe('peers', () => {
  test('an admin neither lowers nor removes a fellow admin, so cannot take over its account; an admin above may', async () => {
    const agency = (await createAgency(t)).id;
    const client = (await createClient(t, t.adminToken, agency)).id;
    const first = await createUser(t, t.adminToken, 'clients', client, 'admin');
    const second = await createUser(t, t.adminToken, 'clients', client, 'admin');
    const url = `/v1/clients/${client}/users/${second.id}`;
    expectStatus(await t.call('PATCH', url, first.token, { role: 'viewer' }), 403);
    expectStatus(await t.call('DELETE', url, first.token), 403);
    expectStatus(
      await t.call('POST', `${url}/password`, first.token, { newPassword: 'taken over, if it worked' }),
      403,
    );
    // Nothing changed: the fellow admin still works with its own token.
    expectStatus(await t.call('GET', `/v1/clients/${client}/users`, second.token), 200);
    // A member below is the admin's to change; the agency's admin above may change either admin.
    const member = await createUser(t, first.token, 'clients', client, 'member');
    expectStatus(
      await t.call('PATCH', `/v1/clients/${client}/users/${member.id}`, first.token, { role: 'viewer' }),
      200,
    );
    expectStatus(await t.call('PATCH', url, t.adminToken, { role: 'member' }), 200);
  });

  test('invitations a removed or lowered admin sent can no longer be accepted', async () => {
    const agency = (await createAgency(t)).id;
    const client = (await createClient(t, t.adminToken, agency)).id;
    const inviter = await createUser(t, t.adminToken, 'clients', client, 'admin');
    // Another admin, so that the inviter can be lowered and removed.
    await createUser(t, t.adminToken, 'clients', client, 'admin');
    const invite = async (role: string) => {
      const response = await t.call('POST', `/v1/clients/${client}/invitations`, inviter.token, {
        email: `${marker('invited')}@example.test`,
        role,
      });
      expectStatus(response, 201);
      return response.json().token as string;
    };
    const asAdmin = await invite('admin');
    const asViewer = await invite('viewer');
    // Lowered to member: the admin invitation goes, the viewer one stays.
    expectStatus(
      await t.call('PATCH', `/v1/clients/${client}/users/${inviter.id}`, t.adminToken, { role: 'member' }),
      200,
    );
    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, { token: asAdmin, password: 'a long enough password' }),
      404,
    );
    const relowered = await t.signIn(inviter.email, USER_PASSWORD);
    expect(relowered).toBeTruthy();
    // Removed: every invitation it sent goes.
    expectStatus(await t.call('DELETE', `/v1/clients/${client}/users/${inviter.id}`, t.adminToken), 204);
    expectStatus(
      await t.call('POST', '/v1/invitations/accept', null, { token: asViewer, password: 'a long enough password' }),
      404,
    );
    const audit = await t.call('GET', `/v1/clients/${client}/audit-log?limit=100`, t.adminToken);
    expect(
      audit.json().items.filter((item: { action: string }) => item.action === 'invitation.withdrawn'),
    ).toHaveLength(2);
  });
});

describe('roles', () => {
  test('a lowered role ends the tokens issued before; signing in again gives the new role', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
    const contact = { email: `${marker('c')}@example.test` };
    expectStatus(await t.call('POST', clientRoute(), user.token, contact), 201);
    expectStatus(
      await t.call('PATCH', `/v1/clients/${clientId}/users/${user.id}`, agencyAdmin.token, { role: 'viewer' }),
      200,
    );
    expect401(await t.call('GET', clientRoute(), user.token));
    const fresh = await t.signIn(user.email, USER_PASSWORD);
    expect(decodeToken(fresh).payload.role).toBe('viewer');
    expectStatus(await t.call('POST', clientRoute(), fresh, { email: `${marker('c')}@example.test` }), 403);
    // Raised again, the token issued while lowered keeps working with the role it names.
    expectStatus(
      await t.call('PATCH', `/v1/clients/${clientId}/users/${user.id}`, agencyAdmin.token, { role: 'member' }),
      200,
    );
    expectStatus(await t.call('GET', clientRoute(), fresh), 200);
    // And the token from before the lowering stays ended.
    expect401(await t.call('GET', clientRoute(), user.token));
  });

  test('a role outside the three is refused; the role of a user of another tenant is not found', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    expectStatus(
      await t.call('PATCH', `/v1/clients/${clientId}/users/${user.id}`, agencyAdmin.token, { role: 'owner' }),
      400,
    );
    expectStatus(
      await t.call('PATCH', `/v1/clients/${siblingId}/users/${user.id}`, agencyAdmin.token, { role: 'admin' }),
      404,
    );
    const siblingAdmin = await createUser(t, agencyAdmin.token, 'clients', siblingId, 'admin');
    expectStatus(
      await t.call('PATCH', `/v1/clients/${clientId}/users/${user.id}`, siblingAdmin.token, { role: 'admin' }),
      404,
    );
    expectStatus(await t.call('GET', clientRoute(), user.token), 200);
  });
});

describe('passwords', () => {
  test('a user changes its own password: the old one and every older token stop working', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    const wrong = await t.call('POST', '/v1/auth/password', user.token, {
      currentPassword: 'not my password',
      newPassword: 'a brand new password',
    });
    expectStatus(wrong, 403);
    expect(wrong.json().code).toBe('UPZ_WRONG_PASSWORD');
    expectStatus(await t.call('GET', clientRoute(), user.token), 200);
    expectStatus(
      await t.call('POST', '/v1/auth/password', user.token, {
        currentPassword: USER_PASSWORD,
        newPassword: 'a brand new password',
      }),
      204,
    );
    expect401(await t.call('GET', clientRoute(), user.token));
    expectStatus(await t.call('POST', '/v1/auth/token', null, { email: user.email, password: USER_PASSWORD }), 401);
    const fresh = await t.signIn(user.email, 'a brand new password');
    expectStatus(await t.call('GET', clientRoute(), fresh), 200);
  });

  test('the platform admin changes its own password too', async () => {
    const admin = await createTestApp();
    try {
      expectStatus(
        await admin.call('POST', '/v1/auth/password', admin.adminToken, {
          currentPassword: 'correct horse battery staple',
          newPassword: 'another horse battery staple',
        }),
        204,
      );
      expect401(await admin.call('GET', '/v1/agencies', admin.adminToken));
      await admin.signIn('admin@platform.test', 'another horse battery staple');
    } finally {
      await admin.close();
    }
  });

  test('an admin resets the password of a user below it, never of a fellow admin or its own', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
    const clientAdmin = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
    const fellow = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
    expectStatus(
      await t.call('POST', `/v1/clients/${clientId}/users/${user.id}/password`, clientAdmin.token, {
        newPassword: 'reset by the admin',
      }),
      204,
    );
    expect401(await t.call('GET', clientRoute(), user.token));
    await t.signIn(user.email, 'reset by the admin');
    expectStatus(
      await t.call('POST', `/v1/clients/${clientId}/users/${fellow.id}/password`, clientAdmin.token, {
        newPassword: 'taking it over',
      }),
      403,
    );
    expectStatus(
      await t.call('POST', `/v1/clients/${clientId}/users/${clientAdmin.id}/password`, clientAdmin.token, {
        newPassword: 'my own, sideways',
      }),
      403,
    );
    // The agency's admin is above the client: it may reset the client's admin.
    expectStatus(
      await t.call('POST', `/v1/clients/${clientId}/users/${fellow.id}/password`, agencyAdmin.token, {
        newPassword: 'reset from above',
      }),
      204,
    );
    expect401(await t.call('GET', clientRoute(), fellow.token));
    // Never sideways or up.
    expectStatus(
      await t.call('POST', `/v1/clients/${siblingId}/users/${user.id}/password`, agencyAdmin.token, {
        newPassword: 'wrong tenant path',
      }),
      404,
    );
    expectStatus(
      await t.call('POST', `/v1/agencies/${agencyId}/users/${agencyAdmin.id}/password`, clientAdmin.token, {
        newPassword: 'upwards attempt',
      }),
      404,
    );
  });
});

describe('claims the database no longer backs', () => {
  test('a token whose sub names no user is 401', async () => {
    const claims = { ...decodeToken(agencyAdmin.token).payload, sub: randomUUID(), iat: now(), exp: now() + 600 };
    expect401(await t.call('GET', `/v1/agencies/${agencyId}/clients`, sign(claims)));
  });

  test('a client token whose pid is not its agency is 401, not 500', async () => {
    const viewer = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    const otherAgency = (await createAgency(t)).id;
    const claims = { ...decodeToken(viewer.token).payload, pid: otherAgency, iat: now(), exp: now() + 600 };
    expect401(await t.call('GET', clientRoute(), sign(claims)));
    expect401(await t.call('GET', `/v1/clients/${clientId}`, sign({ ...claims, pid: randomUUID() })));
  });

  test('a token naming another tenant or a higher role than the user has is 401', async () => {
    const viewer = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    const claims = { ...decodeToken(viewer.token).payload, iat: now(), exp: now() + 600 };
    expect401(await t.call('GET', clientRoute(), sign({ ...claims, role: 'admin' })));
    expect401(await t.call('GET', clientRoute().replace(clientId, siblingId), sign({ ...claims, tid: siblingId })));
  });

  test('a token issued before token versions (no ver claim) works until the user changes', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    const { ver, ...old }: Record<string, unknown> = {
      ...decodeToken(user.token).payload,
      iat: now(),
      exp: now() + 600,
    };
    expect(ver).toBe(0);
    expectStatus(await t.call('GET', clientRoute(), sign(old)), 200);
    expectStatus(
      await t.call('POST', `/v1/clients/${clientId}/users/${user.id}/password`, agencyAdmin.token, {
        newPassword: 'a reset password',
      }),
      204,
    );
    expect401(await t.call('GET', clientRoute(), sign(old)));
  });
});

describe('on another instance', () => {
  /** Calls `route` on instance B with the token until it answers 401; returns the milliseconds it took. */
  async function until401(token: string, route: string, since: number): Promise<number> {
    for (;;) {
      const response = await b.call('GET', route, token);
      if (response.statusCode === 401) return performance.now() - since;
      expect(response.statusCode, response.body).toBe(200);
      if (performance.now() - since > 5000) throw new Error('the token still works on instance B after 5 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  test.each(['removed', 'lowered', 'given a new password'] as const)(
    'a user %s on instance A: its token answers 401 on instance B within 1 s',
    async (change) => {
      const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
      // Instance B has the user's credentials cached: it answers without asking the database.
      expectStatus(await b.call('GET', clientRoute(), user.token), 200);
      expectStatus(await b.call('GET', `/v1/clients/${clientId}`, b.adminToken), 200);
      const statements = async (token: string) => {
        const before = b.db.handle.stats.queries;
        expectStatus(await b.call('GET', `/v1/clients/${clientId}`, token), 200);
        return b.db.handle.stats.queries - before;
      };
      // As many statements as the route's own transaction takes for a caller known for long.
      expect(await statements(user.token)).toBe(await statements(b.adminToken));
      const url = `/v1/clients/${clientId}/users/${user.id}`;
      if (change === 'removed') expectStatus(await t.call('DELETE', url, agencyAdmin.token), 204);
      if (change === 'lowered') expectStatus(await t.call('PATCH', url, agencyAdmin.token, { role: 'viewer' }), 200);
      if (change === 'given a new password')
        expectStatus(
          await t.call('POST', `${url}/password`, agencyAdmin.token, { newPassword: 'a password from A' }),
          204,
        );
      // From A's answer, when the change has committed.
      const ms = await until401(user.token, clientRoute(), performance.now());
      console.log(`token of a user ${change} on instance A: 401 on instance B ${ms.toFixed(1)} ms after A answered`);
      expect(ms).toBeLessThan(1000);
    },
  );

  test.runIf(onPostgres)(
    'after its LISTEN session is lost, an instance forgets every user and hears changes again',
    async () => {
      const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
      expectStatus(await b.call('GET', clientRoute(), user.token), 200);
      const forgotten = new Promise<void>((resolve) => {
        const off = b.app.credentials.onInvalidate((userId) => {
          if (userId !== '*') return;
          off();
          resolve();
        });
      });
      const admin = new pg.Client({ connectionString: t.db.url as string });
      await admin.connect();
      try {
        const killed = await admin.query(
          `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = 'upzento-listen' AND datname = current_database()`,
        );
        expect(killed.rows.length).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      await forgotten;
      expectStatus(await b.call('GET', clientRoute(), user.token), 200);
      expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/users/${user.id}`, agencyAdmin.token), 204);
      const ms = await until401(user.token, clientRoute(), performance.now());
      expect(ms).toBeLessThan(1000);
    },
  );

  test.runIf(onPostgres)(
    "while an instance cannot listen, it reads every request's credentials: a removal still ends a token within 1 s",
    async () => {
      // Instance C queries the database directly, but listens through a proxy that is about to fail.
      const proxy = await startFaultProxy(t.db.url as string);
      const handle = await openDatabase({
        databaseUrl: t.db.url,
        databaseDirectUrl: proxy.url,
        dataDir: 'memory:',
        poolSize: 4,
      });
      const c = await createTestApp({ jwtSecret: t.jwtSecret }, { ...t.db, handle, close: async () => {} });
      try {
        const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
        expectStatus(await c.call('GET', clientRoute(), user.token), 200);
        const lost = new Promise<void>((resolve) => {
          const off = c.app.credentials.onInvalidate((userId) => {
            if (userId !== '*') return;
            off();
            resolve();
          });
        });
        await proxy.refuse();
        proxy.cutAll();
        await lost;
        expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/users/${user.id}`, agencyAdmin.token), 204);
        const since = performance.now();
        const refused = await c.call('GET', clientRoute(), user.token);
        expect401(refused);
        expect(performance.now() - since).toBeLessThan(1000);
      } finally {
        await c.close();
        await handle.close();
        await proxy.close();
      }
    },
  );

  test('a password the user changes itself on A ends its token on B', async () => {
    const user = await createUser(t, agencyAdmin.token, 'clients', clientId, 'viewer');
    expectStatus(await b.call('GET', clientRoute(), user.token), 200);
    expectStatus(
      await t.call('POST', '/v1/auth/password', user.token, {
        currentPassword: USER_PASSWORD,
        newPassword: 'changed on instance A',
      }),
      204,
    );
    const ms = await until401(user.token, clientRoute(), performance.now());
    console.log(
      `token of a user who changed its password on instance A: 401 on instance B ${ms.toFixed(1)} ms after A answered`,
    );
    expect(ms).toBeLessThan(1000);
    await b.signIn(user.email, 'changed on instance A');
  });
});
