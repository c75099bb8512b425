/**
 * Feature flags through the API: set at the platform, an agency and a client, decided for each
 * tenant with the level that decided, a kill switch above that nothing below overrides, rollouts by
 * a stable bucket, access by level and role, the audit log, and the widget's configuration, which
 * carries only public flags and changes at once on this instance and on a second one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bucketOf } from '../../server/flags/flag-rules.ts';
import { createUser, expectStatus, type CreatedUser } from '../platform/provision.ts';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { onPostgres } from '../support/test-database.ts';

let f: DomainFixture;
let b: TestApp;
let agencyAdmin: CreatedUser;
let agencyViewer: CreatedUser;
let clientAdmin: CreatedUser;
let clientMember: CreatedUser;
let sibling: { clientId: string; publicKey: string };
const ORIGIN = 'https://flags.example.com';

beforeAll(async () => {
  f = await createDomainFixture();
  // Instance B: its own application and caches and (on PostgreSQL) its own pool and LISTEN connection.
  const bDatabase = { ...f.t.db, handle: await f.t.db.reopen(), close: async () => {} };
  b = await createTestApp({ resolver: f.resolver, jwtSecret: f.t.jwtSecret }, bDatabase);
  agencyAdmin = await createUser(f.t, f.t.adminToken, 'agencies', f.agencyId, 'admin');
  agencyViewer = await createUser(f.t, f.t.adminToken, 'agencies', f.agencyId, 'viewer');
  clientAdmin = await createUser(f.t, f.t.adminToken, 'clients', f.clientId, 'admin');
  clientMember = await createUser(f.t, f.t.adminToken, 'clients', f.clientId, 'member');
  sibling = await f.anotherClient('Sibling');
  await f.verifiedDomain('flags.example.com');
  await f.verifiedDomain('flags.example.com', false, sibling.clientId);
}, 60_000);
afterAll(async () => {
  await b?.close();
  await f?.close();
});

const put = (t: TestApp, path: string, token: string, body: unknown) => t.call('PUT', path, token, body);
const platformFlag = (flag: string) => `/v1/platform/flags/${flag}`;
const agencyFlag = (flag: string) => `/v1/agencies/${f.agencyId}/flags/${flag}`;
const clientFlag = (flag: string, clientId = f.clientId) => `/v1/clients/${clientId}/flags/${flag}`;
const config = (t: TestApp, key = f.publicKey) =>
  t.app.inject({ method: 'GET', url: `/v1/widget/${key}/config`, headers: { origin: ORIGIN } });

async function decided(t: TestApp, path: string, token = t.adminToken) {
  const response = await t.call('GET', path, token);
  expectStatus(response, 200);
  return response.json();
}

describe('setting and deciding', () => {
  test('each level sets a flag, and the nearest setting decides, naming its level', async () => {
    const flag = 'nearest';
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ flag, enabled: false, decidedBy: 'default' });

    const set = await put(f.t, platformFlag(flag), f.t.adminToken, { state: 'on' });
    expectStatus(set, 200);
    expect(set.json()).toMatchObject({
      flag,
      level: 'platform',
      tenantId: null,
      state: 'on',
      percent: null,
      public: false,
    });
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: true, decidedBy: 'platform' });
    expect(await decided(f.t, agencyFlag(flag))).toMatchObject({ enabled: true, decidedBy: 'platform' });

    expectStatus(await put(f.t, agencyFlag(flag), agencyAdmin.token, { state: 'off' }), 200);
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'agency' });

    const own = await put(f.t, clientFlag(flag), clientAdmin.token, { state: 'on' });
    expect(own.json()).toMatchObject({ level: 'client', tenantId: f.clientId, state: 'on' });
    expect(await decided(f.t, clientFlag(flag), clientAdmin.token)).toMatchObject({
      enabled: true,
      decidedBy: 'client',
      settings: {
        platform: { state: 'on', percent: null, public: false },
        agency: { state: 'off', percent: null, public: false },
        client: { state: 'on', percent: null, public: false },
      },
    });
    // The sibling client sets nothing of its own: the agency decides there.
    expect(await decided(f.t, clientFlag(flag, sibling.clientId))).toMatchObject({
      enabled: false,
      decidedBy: 'agency',
    });

    // Deleting a level's setting hands the decision back up.
    expectStatus(await f.t.call('DELETE', clientFlag(flag), clientAdmin.token), 204);
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'agency' });
    expectStatus(await f.t.call('DELETE', agencyFlag(flag), agencyAdmin.token), 204);
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: true, decidedBy: 'platform' });
    expectStatus(await f.t.call('DELETE', platformFlag(flag), f.t.adminToken), 204);
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'default' });
    // Deleting what is not set changes nothing, and says so the same way.
    expectStatus(await f.t.call('DELETE', platformFlag(flag), f.t.adminToken), 204);
  });

  test('a kill switch above turns the flag off for the whole subtree; settings below cannot override it', async () => {
    const flag = 'kill.switch';
    await put(f.t, clientFlag(flag), clientAdmin.token, { state: 'on' });
    await put(f.t, clientFlag(flag, sibling.clientId), agencyAdmin.token, { state: 'rollout', percent: 100 });
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: true, decidedBy: 'client' });

    expectStatus(await put(f.t, agencyFlag(flag), agencyAdmin.token, { state: 'killed' }), 200);
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'agency' });
    expect(await decided(f.t, clientFlag(flag, sibling.clientId))).toMatchObject({
      enabled: false,
      decidedBy: 'agency',
    });
    // The client may still change its own setting: the kill switch keeps deciding.
    expectStatus(await put(f.t, clientFlag(flag), clientAdmin.token, { state: 'on' }), 200);
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'agency' });

    // The platform's kill switch is above the agency's, and names itself.
    await put(f.t, platformFlag(flag), f.t.adminToken, { state: 'killed' });
    await put(f.t, agencyFlag(flag), agencyAdmin.token, { state: 'on' });
    expect(await decided(f.t, agencyFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'platform' });
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: false, decidedBy: 'platform' });

    // A plain off above is not a kill switch: the levels below decide again.
    await put(f.t, platformFlag(flag), f.t.adminToken, { state: 'off' });
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({ enabled: true, decidedBy: 'client' });
  });

  test('a rollout decides by the tenant’s stable bucket; a tenant in at a percentage stays in as it grows', async () => {
    const flag = 'gradual';
    const bucket = bucketOf(flag, f.clientId);
    const list = await decided(f.t, clientFlag(flag));
    expect(list.bucket).toBe(bucket);

    await put(f.t, platformFlag(flag), f.t.adminToken, { state: 'rollout', percent: bucket });
    expect(await decided(f.t, clientFlag(flag))).toMatchObject({
      enabled: false,
      decidedBy: 'rollout',
      rollout: { percent: bucket, setAt: 'platform' },
    });
    const agencyBucket = bucketOf(flag, f.agencyId);
    for (let percent = bucket + 1; percent <= 100; percent += 7) {
      await put(f.t, platformFlag(flag), f.t.adminToken, { state: 'rollout', percent });
      expect(await decided(f.t, clientFlag(flag)), `at ${percent} %`).toMatchObject({ enabled: true, bucket });
      // The agency is bucketed by its own id.
      expect((await decided(f.t, agencyFlag(flag))).enabled).toBe(agencyBucket < percent);
    }
  });

  test('the lists hold every flag the chain sets, decided, in name order', async () => {
    await put(f.t, platformFlag('list.a'), f.t.adminToken, { state: 'on' });
    await put(f.t, agencyFlag('list.b'), agencyAdmin.token, { state: 'on' });
    await put(f.t, clientFlag('list.c'), clientAdmin.token, { state: 'on' });
    const client = (await decided(f.t, `/v1/clients/${f.clientId}/flags`, clientMember.token)).items;
    const names = client.map((item: { flag: string }) => item.flag);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['list.a', 'list.b', 'list.c']));
    const agency = (await decided(f.t, `/v1/agencies/${f.agencyId}/flags`, agencyViewer.token)).items;
    const agencyNames = agency.map((item: { flag: string }) => item.flag);
    expect(agencyNames).toEqual(expect.arrayContaining(['list.a', 'list.b']));
    // A client's own setting is not its agency's, nor its sibling's.
    expect(agencyNames).not.toContain('list.c');
    const siblings = (await decided(f.t, `/v1/clients/${sibling.clientId}/flags`)).items;
    expect(siblings.map((item: { flag: string }) => item.flag)).not.toContain('list.c');
    const platform = (await decided(f.t, '/v1/platform/flags')).items;
    expect(platform.map((item: { flag: string }) => item.flag)).toContain('list.a');
  });
});

describe('access and input', () => {
  test('only an admin of the level or above sets its flags', async () => {
    const flag = 'access';
    const body = { state: 'on' };
    // The platform's flags are the platform admin's alone.
    expectStatus(await put(f.t, platformFlag(flag), agencyAdmin.token, body), 403);
    expectStatus(await f.t.call('GET', '/v1/platform/flags', agencyAdmin.token), 403);
    expectStatus(await f.t.call('DELETE', platformFlag(flag), clientAdmin.token), 403);
    // An agency's: its admins and the platform admin; not a client's admin (outside: 404), nor a viewer.
    expectStatus(await put(f.t, agencyFlag(flag), clientAdmin.token, body), 404);
    expectStatus(await put(f.t, agencyFlag(flag), agencyViewer.token, body), 403);
    expectStatus(await put(f.t, agencyFlag(flag), f.t.adminToken, body), 200);
    // A client's: its admins, its agency's admins, the platform admin; not a member.
    expectStatus(await put(f.t, clientFlag(flag), clientMember.token, body), 403);
    expectStatus(await put(f.t, clientFlag(flag, sibling.clientId), clientAdmin.token, body), 404);
    expectStatus(await put(f.t, clientFlag(flag), agencyAdmin.token, body), 200);
    expectStatus(await put(f.t, clientFlag(flag), f.t.adminToken, body), 200);
    // Reading decisions needs any role of the level or above.
    expectStatus(await f.t.call('GET', clientFlag(flag), clientMember.token), 200);
    expectStatus(await f.t.call('GET', clientFlag(flag, sibling.clientId), clientMember.token), 404);
    expectStatus(await f.t.call('GET', agencyFlag(flag), clientAdmin.token), 404);
    expectStatus(await f.t.call('GET', clientFlag(flag), null), 401);
  });

  test.each([
    ['an upper-case name', 'Beta'],
    ['a leading digit', '1beta'],
    ['a space', 'be%20ta'],
    ['65 characters', `a${'b'.repeat(64)}`],
    ['a slash', 'a%2Fb'],
  ])('a flag name with %s is a 400', async (_what, name) => {
    for (const path of [platformFlag(name), agencyFlag(name), clientFlag(name)]) {
      const response = await put(f.t, path, f.t.adminToken, { state: 'on' });
      expectStatus(response, 400);
      expect(response.json().message).toMatch(/flag/);
      expectStatus(await f.t.call('GET', path, f.t.adminToken), path.startsWith('/v1/platform') ? 404 : 400);
    }
  });

  test.each([
    [{ state: 'rollout' }, 'percent'],
    [{ state: 'on', percent: 10 }, 'percent'],
    [{ state: 'rollout', percent: 101 }, 'percent'],
    [{ state: 'rollout', percent: 2.5 }, 'percent'],
    [{ state: 'maybe' }, 'state'],
    [{ state: 'on', extra: true }, 'extra'],
    [{}, 'state'],
  ])('a setting %j is a 400 about %s, and stores nothing', async (body, field) => {
    for (const path of [platformFlag('bad.input'), agencyFlag('bad.input'), clientFlag('bad.input')]) {
      const response = await put(f.t, path, f.t.adminToken, body);
      expectStatus(response, 400);
      expect(response.json().message).toContain(field);
    }
    expect((await decided(f.t, clientFlag('bad.input'))).decidedBy).toBe('default');
  });
});

describe('audit', () => {
  test('every change is in the audit log of its level, with the setting it replaced', async () => {
    const flag = 'audited';
    await put(f.t, clientFlag(flag), clientAdmin.token, { state: 'on' });
    await put(f.t, clientFlag(flag), clientAdmin.token, { state: 'rollout', percent: 30, public: true });
    await f.t.call('DELETE', clientFlag(flag), clientAdmin.token);
    await f.t.call('DELETE', clientFlag(flag), clientAdmin.token); // nothing to delete: no entry
    const log = await decided(f.t, `/v1/clients/${f.clientId}/audit-log?limit=200`);
    const entries = log.items.filter((item: { target: { id: string } }) => item.target.id === flag);
    expect(entries.map((item: { action: string }) => item.action).sort()).toEqual([
      'flag.deleted',
      'flag.set',
      'flag.set',
    ]);
    const changed = entries.find(
      (item: { details?: { setting?: { state: string } } }) => item.details?.setting?.state === 'rollout',
    );
    expect(changed.details).toEqual({
      level: 'client',
      setting: { state: 'rollout', percent: 30, public: true },
      previous: { state: 'on', percent: null, public: false },
    });

    await put(f.t, agencyFlag(flag), agencyAdmin.token, { state: 'killed' });
    const agencyLog = await decided(f.t, `/v1/agencies/${f.agencyId}/audit-log?limit=200`);
    expect(
      agencyLog.items.some(
        (item: { action: string; target: { id: string } }) => item.action === 'flag.set' && item.target.id === flag,
      ),
    ).toBe(true);

    await put(f.t, platformFlag(flag), f.t.adminToken, { state: 'off' });
    await f.t.call('DELETE', platformFlag(flag), f.t.adminToken);
    const platformRows = await f.t.data.privileged('test: the platform audit rows of a flag', (db) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'tenant_type', 'actor_id'])
        .where('target_id', '=', flag)
        .where('tenant_type', '=', 'platform')
        .orderBy('seq')
        .execute(),
    );
    expect(platformRows.map((row) => row.action)).toEqual(['flag.set', 'flag.deleted']);
    expect(platformRows.every((row) => row.actor_id !== null)).toBe(true);
  });
});

describe('the widget', () => {
  test('its configuration carries the values of public flags only, and a change goes out at once', async () => {
    expect((await config(f.t)).json().flags).toEqual(expect.any(Object));
    await put(f.t, platformFlag('widget.public'), f.t.adminToken, { state: 'on', public: true });
    await put(f.t, platformFlag('widget.private'), f.t.adminToken, { state: 'on' });
    let flags = (await config(f.t)).json().flags;
    expect(flags['widget.public']).toBe(true);
    expect(flags).not.toHaveProperty('widget.private');

    // The agency's kill switch reaches every one of its clients' configurations at once.
    await put(f.t, agencyFlag('widget.public'), agencyAdmin.token, { state: 'killed' });
    expect((await config(f.t)).json().flags['widget.public']).toBe(false);
    expect((await config(f.t, sibling.publicKey)).json().flags['widget.public']).toBe(false);
    // A client's own public flag is its own.
    await put(f.t, clientFlag('widget.own'), clientAdmin.token, { state: 'on', public: true });
    flags = (await config(f.t)).json().flags;
    expect(flags['widget.own']).toBe(true);
    expect((await config(f.t, sibling.publicKey)).json().flags).not.toHaveProperty('widget.own');
    // Flags are not widget settings: the settings neither show nor take them.
    const settings = await f.t.call('GET', `/v1/clients/${f.clientId}/settings`, clientAdmin.token);
    expect(settings.json().widget).not.toHaveProperty('flags');
    const patched = await f.t.call('PATCH', `/v1/clients/${f.clientId}/settings`, clientAdmin.token, {
      widget: { flags: { 'widget.own': false } },
    });
    expectStatus(patched, 400);
  });

  test('a warm configuration request sends no query, flags included', async () => {
    await put(f.t, platformFlag('warm.flag'), f.t.adminToken, { state: 'on', public: true });
    expect((await config(f.t)).json().flags['warm.flag']).toBe(true);
    const stats = f.t.db.handle.stats;
    const before = stats.queries;
    for (let i = 0; i < 20; i += 1) expectStatus(await config(f.t), 200);
    expect(stats.queries - before).toBe(0);
    // And the cached configuration with its flags is frozen, as the route keeps its JSON.
    const cached = f.t.app.verdicts.peek(f.publicKey, ORIGIN)?.config;
    expect(Object.isFrozen(cached?.flags)).toBe(true);
  });

  test('a flag change on instance A is seen by instance B at once: its widget configuration and its API', async () => {
    const flag = 'two.instances';
    await put(f.t, clientFlag(flag), clientAdmin.token, { state: 'on', public: true });
    // Both cached on B.
    expect((await config(b)).json().flags[flag]).toBe(true);
    expect((await config(b)).json().flags[flag]).toBe(true);
    expect(await decided(b, clientFlag(flag))).toMatchObject({ enabled: true, decidedBy: 'client' });

    for (const [path, token, body, enabled, decidedBy] of [
      [clientFlag(flag), clientAdmin.token, { state: 'off', public: true }, false, 'client'],
      [agencyFlag(flag), agencyAdmin.token, { state: 'killed' }, false, 'agency'],
      [agencyFlag(flag), agencyAdmin.token, { state: 'on' }, false, 'client'],
      [platformFlag(flag), f.t.adminToken, { state: 'killed' }, false, 'platform'],
      [clientFlag(flag), clientAdmin.token, { state: 'on', public: true }, false, 'platform'],
      [platformFlag(flag), f.t.adminToken, { state: 'on' }, true, 'client'],
    ] as const) {
      const heard = heardOn(b);
      expectStatus(await put(f.t, path, token, body), 200);
      await heard;
      expect((await config(b)).json().flags[flag], `${path} ${JSON.stringify(body)}`).toBe(enabled);
      expect(await decided(b, clientFlag(flag))).toMatchObject({ enabled, decidedBy });
    }
  });

  test.runIf(onPostgres)('B really is a separate connection pool (PostgreSQL)', () => {
    expect(b.db.handle).not.toBe(f.t.db.handle);
  });
});

/** The next flag invalidation B hears of. */
function heardOn(t: TestApp, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no flag invalidation within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = t.app.flags.onInvalidate(() => {
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
