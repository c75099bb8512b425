/**
 * API versions end to end: the header on every answer, unknown versions, pins per agency and client
 * (upgrade, rollback within 72 hours, client pins), the contacts API in the old version (requests
 * moved forward, answers moved back), deprecation headers, and pins seen at once by another instance.
 */
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, listen, type TestApp } from '../support/test-app.ts';
import { request } from '../../cli/api.ts';
import {
  createAgency,
  createClient,
  createUser,
  expectStatus,
  marker,
  type CreatedUser,
} from '../platform/provision.ts';

const OLD = '2026-06-01';
const NEW = '2026-12-01';
const HOUR = 3_600_000;

let t: TestApp;
let b: TestApp;
let clock = new Date('2027-01-10T12:00:00Z');
let agencyId: string;
let clientId: string;
let agencyAdmin: CreatedUser;
let clientAdmin: CreatedUser;
let clientMember: CreatedUser;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  b = await createTestApp({ jwtSecret: t.jwtSecret }, { ...t.db, handle: await t.db.reopen(), close: async () => {} });
  agencyId = (await createAgency(t)).id;
  agencyAdmin = await createUser(t, t.adminToken, 'agencies', agencyId, 'admin');
  clientId = (await createClient(t, agencyAdmin.token, agencyId)).id;
  clientAdmin = await createUser(t, agencyAdmin.token, 'clients', clientId, 'admin');
  clientMember = await createUser(t, agencyAdmin.token, 'clients', clientId, 'member');
}, 60_000);

afterAll(async () => {
  await b?.close();
  await t?.close();
});

const version = (response: LightMyRequestResponse) => response.headers['upzento-version'];
const contacts = () => `/v1/clients/${clientId}/contacts`;
const named = (v: string) => ({ 'upzento-version': v });

/** Pins the agency to a version behind the API's back, as a database migrated from before pins could hold. */
async function pinAgencyDirectly(v: string, previous: string | null = null): Promise<void> {
  await t.data.privileged('test: pin an agency', (db) =>
    db
      .updateTable('api_version_pins')
      .set({ version: v, previous_version: previous, pinned_at: clock })
      .where('tenant_id', '=', agencyId)
      .execute(),
  );
  t.app.versionPins.invalidate(agencyId);
  b.app.versionPins.invalidate(agencyId);
}

async function auditActions(path: string): Promise<Array<{ action: string; details: Record<string, unknown> }>> {
  const response = await t.call('GET', `${path}/audit-log?limit=200`, t.adminToken);
  expectStatus(response, 200);
  return response.json().items;
}

describe('every /v1 answer says its version', () => {
  test('the platform admin without a header is served the newest', async () => {
    const response = await t.call('GET', '/v1/agencies', t.adminToken);
    expectStatus(response, 200);
    expect(version(response)).toBe(NEW);
    expect(response.headers.deprecation).toBeUndefined();
    expect(response.headers.sunset).toBeUndefined();
  });

  test('errors too: a 401, a 404 and a validation 400', async () => {
    const unsigned = await t.call('GET', contacts(), null);
    expectStatus(unsigned, 401);
    expect(version(unsigned)).toBe(NEW);
    const missing = await t.call(
      'GET',
      `${contacts()}/00000000-0000-4000-8000-000000000000`,
      clientMember.token,
      undefined,
      named(OLD),
    );
    expectStatus(missing, 404);
    expect(version(missing)).toBe(OLD);
    const nowhere = await t.call('GET', '/v1/no-such-route', null, undefined, named(OLD));
    expectStatus(nowhere, 404);
    expect(version(nowhere)).toBe(OLD);
    expect(version(await t.call('GET', '/v1/no-such-route', null))).toBe(NEW);
    const bad = await t.call('GET', `${contacts()}?limit=0`, clientMember.token);
    expectStatus(bad, 400);
    expect(version(bad)).toBe(NEW);
  });

  test.each(['2026-06-02', '2026-6-1', 'latest', ''])(
    '%j is no version: 400 UPZ_UNKNOWN_VERSION naming the known ones',
    async (v) => {
      const response = await t.call('GET', contacts(), clientMember.token, undefined, named(v));
      expectStatus(response, 400);
      expect(response.json().code).toBe('UPZ_UNKNOWN_VERSION');
      expect(response.json().message).toContain(`${OLD}, ${NEW}`);
      expect(version(response)).toBe(NEW);
      // Refused before the token is even read: a public route answers alike.
      const open = await t.call('GET', '/v1/versions', null, undefined, named(v));
      expect(open.json().code).toBe('UPZ_UNKNOWN_VERSION');
    },
  );

  test('GET /v1/versions lists the versions, their changes, deprecation and sunset', async () => {
    const response = await t.call('GET', '/v1/versions', null);
    expectStatus(response, 200);
    const list = response.json();
    expect(list.newest).toBe(NEW);
    expect(list.items.map((item: { version: string }) => item.version)).toEqual([NEW, OLD]);
    expect(list.items[0]).toMatchObject({ newest: true, deprecatedOn: null, sunsetOn: null });
    expect(list.items[0].changes[0].description).toMatch(/fullName.*name/);
    expect(list.items[1]).toMatchObject({
      newest: false,
      deprecatedOn: '2026-12-01',
      sunsetOn: '2027-12-01',
      changes: [],
    });
  });

  test('a deprecated version answers with Deprecation, Sunset and a Link to the versions', async () => {
    const response = await t.call('GET', contacts(), clientMember.token, undefined, named(OLD));
    expectStatus(response, 200);
    expect(response.headers.deprecation).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
    expect(response.headers.sunset).toBe('Wed, 01 Dec 2027 00:00:00 GMT');
    expect(response.headers.link).toBe('</v1/versions>; rel="deprecation"; type="application/json"');
  });
});

describe('contacts in 2026-06-01: fullName on the wire, name in the handlers', () => {
  test('POST, GET, list and PATCH take and answer fullName', async () => {
    const email = `${marker('old')}@example.test`;
    const created = await t.call(
      'POST',
      contacts(),
      clientMember.token,
      { email, fullName: 'Ada Lovelace' },
      named(OLD),
    );
    expectStatus(created, 201);
    expect(version(created)).toBe(OLD);
    const body = created.json();
    expect(body.fullName).toBe('Ada Lovelace');
    expect(body).not.toHaveProperty('name');
    // Stored as the newest version names it.
    const newest = await t.call('GET', `${contacts()}/${body.id}`, clientMember.token, undefined, named(NEW));
    expect(newest.json()).toMatchObject({ name: 'Ada Lovelace' });
    expect(newest.json()).not.toHaveProperty('fullName');

    const one = await t.call('GET', `${contacts()}/${body.id}`, clientMember.token, undefined, named(OLD));
    expect(one.json()).toMatchObject({ id: body.id, fullName: 'Ada Lovelace', email });
    expect(one.json()).not.toHaveProperty('name');

    const changed = await t.call(
      'PATCH',
      `${contacts()}/${body.id}`,
      clientMember.token,
      { fullName: 'Ada King' },
      named(OLD),
    );
    expectStatus(changed, 200);
    expect(changed.json()).toMatchObject({ fullName: 'Ada King' });
    // Clearing it does in 2026-06-01 whatever clearing `name` does in the newest version.
    const cleared = await t.call(
      'PATCH',
      `${contacts()}/${body.id}`,
      clientMember.token,
      { fullName: null },
      named(OLD),
    );
    expectStatus(cleared, 200);
    const clearedNew = await t.call(
      'PATCH',
      `${contacts()}/${body.id}`,
      clientMember.token,
      { name: null },
      named(NEW),
    );
    expect(cleared.json().fullName).toBe(clearedNew.json().name);

    const page = await t.call(
      'GET',
      `${contacts()}?q=${email.slice(0, 10)}`,
      clientMember.token,
      undefined,
      named(OLD),
    );
    expectStatus(page, 200);
    expect(Object.keys(page.json())).toEqual(['items', 'nextCursor']);
    expect(page.json().items).toEqual([expect.objectContaining({ id: body.id, fullName: clearedNew.json().name })]);
    expect(page.json().items[0]).not.toHaveProperty('name');
  });

  test("each version refuses the other's field name, and a bad fullName is a 400 naming fullName", async () => {
    const email = `${marker('mix')}@example.test`;
    const newName = await t.call('POST', contacts(), clientMember.token, { email, name: 'New' }, named(OLD));
    expectStatus(newName, 400);
    expect(newName.json().field).toBe('name');
    const oldName = await t.call('POST', contacts(), clientMember.token, { email, fullName: 'Old' }, named(NEW));
    expectStatus(oldName, 400);
    expect(oldName.json().field).toBe('fullName');
    const long = await t.call('POST', contacts(), clientMember.token, { email, fullName: 'x'.repeat(201) }, named(OLD));
    expectStatus(long, 400);
    expect(long.json()).toMatchObject({ code: 'FST_ERR_VALIDATION', field: 'fullName' });
    expect(long.json().message).toContain('body/fullName');
    const empty = await t.call(
      'PATCH',
      `${contacts()}/00000000-0000-4000-8000-000000000000`,
      clientMember.token,
      {},
      named(OLD),
    );
    expectStatus(empty, 400);
  });

  test('the contact export answers in the old shape too', async () => {
    const created = await t.call(
      'POST',
      contacts(),
      clientAdmin.token,
      { email: `${marker('exp')}@example.test`, fullName: 'Exported' },
      named(OLD),
    );
    const exported = await t.call(
      'GET',
      `${contacts()}/${created.json().id}/export`,
      clientAdmin.token,
      undefined,
      named(OLD),
    );
    expectStatus(exported, 200);
    expect(exported.json().contact).toMatchObject({ fullName: 'Exported' });
    expect(exported.json().contact).not.toHaveProperty('name');
  });
});

describe('pins', () => {
  test('a new agency is pinned to the newest version, and its creation audited with it', async () => {
    const fresh = (await createAgency(t)).id;
    const pin = await t.call('GET', `/v1/agencies/${fresh}/api-version`, t.adminToken);
    expectStatus(pin, 200);
    expect(pin.json()).toMatchObject({ version: NEW, source: 'agency', rollbackTo: null, rollbackUntil: null });
    const audit = await auditActions(`/v1/agencies/${fresh}`);
    expect(audit.find((entry) => entry.action === 'agency.created')?.details).toMatchObject({ apiVersion: NEW });
  });

  test("a request without a header is served in its agency's pin; a header wins over it", async () => {
    await pinAgencyDirectly(OLD);
    const listed = await t.call('GET', contacts(), clientMember.token);
    expect(version(listed)).toBe(OLD);
    expect(listed.headers.deprecation).toBeDefined();
    const asAgency = await t.call('GET', contacts(), agencyAdmin.token);
    expect(version(asAgency)).toBe(OLD);
    const created = await t.call('POST', contacts(), clientMember.token, {
      email: `${marker('p')}@example.test`,
      fullName: 'Pinned',
    });
    expectStatus(created, 201);
    expect(created.json().fullName).toBe('Pinned');
    const named2 = await t.call('GET', contacts(), clientMember.token, undefined, named(NEW));
    expect(version(named2)).toBe(NEW);
    // The platform admin has no pin: the newest.
    expect(version(await t.call('GET', contacts(), t.adminToken))).toBe(NEW);
  });

  test('an agency admin upgrades, rolls back within 72 hours, and not after; each change audited', async () => {
    await pinAgencyDirectly(OLD);
    const path = `/v1/agencies/${agencyId}/api-version`;
    // Nothing to roll back to from a pin that no upgrade made.
    const down = await t.call('PUT', path, agencyAdmin.token, { version: OLD });
    expectStatus(down, 200);
    expect(down.json()).toMatchObject({ version: OLD });

    const up = await t.call('PUT', path, agencyAdmin.token, { version: NEW });
    expectStatus(up, 200);
    expect(up.json()).toMatchObject({ version: NEW, source: 'agency', rollbackTo: OLD });
    expect(new Date(up.json().rollbackUntil).getTime()).toBe(clock.getTime() + 72 * HOUR);
    expect(version(await t.call('GET', contacts(), clientMember.token))).toBe(NEW);

    clock = new Date(clock.getTime() + 71 * HOUR);
    const back = await t.call('PUT', path, agencyAdmin.token, { version: OLD });
    expectStatus(back, 200);
    expect(back.json()).toMatchObject({ version: OLD, rollbackTo: null, rollbackUntil: null });
    expect(version(await t.call('GET', contacts(), clientMember.token))).toBe(OLD);
    // A rollback cannot itself be rolled back down further, nor again after the next upgrade's window.
    expectStatus(await t.call('PUT', path, agencyAdmin.token, { version: NEW }), 200);
    clock = new Date(clock.getTime() + 72 * HOUR + 1000);
    const late = await t.call('PUT', path, agencyAdmin.token, { version: OLD });
    expectStatus(late, 409);
    expect(late.json().code).toBe('UPZ_VERSION_DOWNGRADE');
    expect(late.json().message).toMatch(/closed/);
    const after = await t.call('GET', path, agencyAdmin.token);
    expect(after.json()).toMatchObject({ version: NEW, rollbackTo: null, rollbackUntil: null });

    const audit = await auditActions(`/v1/agencies/${agencyId}`);
    const pinned = audit.filter((entry) => entry.action === 'api_version.pinned').map((entry) => entry.details);
    expect(pinned.slice(0, 3)).toEqual([
      { from: OLD, to: NEW, move: 'upgrade' },
      { from: NEW, to: OLD, move: 'rollback' },
      { from: OLD, to: NEW, move: 'upgrade' },
    ]);
  });

  test('an unknown version in the body is 400 naming version; only admins pin', async () => {
    const path = `/v1/agencies/${agencyId}/api-version`;
    const unknown = await t.call('PUT', path, agencyAdmin.token, { version: '2025-01-01' });
    expectStatus(unknown, 400);
    expect(unknown.json()).toMatchObject({ code: 'UPZ_UNKNOWN_VERSION', field: 'version' });
    expectStatus(await t.call('PUT', path, agencyAdmin.token, { version: NEW, extra: 1 }), 400);
    const viewer = await createUser(t, agencyAdmin.token, 'agencies', agencyId, 'viewer');
    expectStatus(await t.call('PUT', path, viewer.token, { version: NEW }), 403);
    expectStatus(await t.call('PUT', path, clientAdmin.token, { version: NEW }), 404);
    expectStatus(await t.call('PUT', `/v1/clients/${clientId}/api-version`, clientMember.token, { version: NEW }), 403);
  });

  test('a client admin pins its client, and removes the pin to follow its agency again', async () => {
    await pinAgencyDirectly(OLD);
    const path = `/v1/clients/${clientId}/api-version`;
    expect((await t.call('GET', path, clientMember.token)).json()).toMatchObject({
      version: OLD,
      source: 'agency',
      pinnedAt: null,
    });
    const pinned = await t.call('PUT', path, clientAdmin.token, { version: NEW });
    expectStatus(pinned, 200);
    expect(pinned.json()).toMatchObject({ version: NEW, source: 'client', rollbackTo: null });
    const listed = await t.call('GET', contacts(), clientMember.token);
    expect(version(listed)).toBe(NEW);
    expect(listed.json().items[0]).toHaveProperty('name');
    // The agency's own callers still follow the agency.
    expect(version(await t.call('GET', contacts(), agencyAdmin.token))).toBe(OLD);

    expectStatus(await t.call('DELETE', path, clientAdmin.token), 204);
    expect((await t.call('GET', path, clientAdmin.token)).json()).toMatchObject({ version: OLD, source: 'agency' });
    expect(version(await t.call('GET', contacts(), clientMember.token))).toBe(OLD);
    expectStatus(await t.call('DELETE', path, clientAdmin.token), 204);

    const audit = await auditActions(`/v1/clients/${clientId}`);
    const actions = audit.map((entry) => entry.action);
    expect(actions).toContain('api_version.unpinned');
    expect(audit.find((entry) => entry.action === 'api_version.pinned')?.details).toEqual({
      from: OLD,
      to: NEW,
      move: 'pin',
    });
    expect(actions.filter((action) => action === 'api_version.unpinned')).toHaveLength(1);
  });

  test('a pin changed on one instance is seen by another at once', async () => {
    await pinAgencyDirectly(NEW);
    // Instance B has the agency's pin cached.
    expect(version(await b.call('GET', contacts(), agencyAdmin.token))).toBe(NEW);
    expect(version(await b.call('GET', contacts(), agencyAdmin.token))).toBe(NEW);
    await pinAgencyDirectly(OLD, null);
    await pinAgencyDirectly(NEW, null);
    const heard = new Promise<void>((resolve) => {
      const off = b.app.versionPins.onInvalidate((id) => {
        if (id !== clientId) return;
        off();
        resolve();
      });
    });
    const pinned = await t.call('PUT', `/v1/clients/${clientId}/api-version`, clientAdmin.token, { version: NEW });
    expectStatus(pinned, 200);
    await heard;
    expect((await b.call('GET', `/v1/clients/${clientId}/api-version`, clientMember.token)).json().source).toBe(
      'client',
    );
    expectStatus(await t.call('DELETE', `/v1/clients/${clientId}/api-version`, clientAdmin.token), 204);
    // The agency rolls its pin (in its window) on A; B serves the client the old version at once after the NOTIFY.
    await pinAgencyDirectly(NEW, OLD);
    expect(version(await b.call('GET', contacts(), clientMember.token))).toBe(NEW);
    const agencyHeard = new Promise<void>((resolve) => {
      const off = b.app.versionPins.onInvalidate((id) => {
        if (id !== agencyId) return;
        off();
        resolve();
      });
    });
    expectStatus(await t.call('PUT', `/v1/agencies/${agencyId}/api-version`, agencyAdmin.token, { version: OLD }), 200);
    await agencyHeard;
    expect(version(await b.call('GET', contacts(), clientMember.token))).toBe(OLD);
  });

  test('the command line names the version it was built for, whatever its tenant is pinned to', async () => {
    await pinAgencyDirectly(OLD);
    const created = await t.call('POST', contacts(), clientMember.token, {
      email: `${marker('cli')}@example.test`,
      fullName: 'Via the old pin',
    });
    expect(created.json()).toHaveProperty('fullName');
    const baseUrl = await listen(b.app);
    const read = await request(
      { baseUrl, accessToken: clientMember.token },
      'GET /v1/clients/{clientId}/contacts/{contactId}',
      {
        params: { clientId, contactId: created.json().id },
      },
    );
    expect(read).toMatchObject({ name: 'Via the old pin' });
    expect(read).not.toHaveProperty('fullName');
  });

  test('a pin that cannot be read for a lost database is a 503 UPZ_UNAVAILABLE', async () => {
    t.app.versionPins.invalidate(agencyId);
    t.app.versionPins.invalidate(clientId);
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const read = vi.spyOn(t.app.versionPins, 'versionOf').mockRejectedValueOnce(lost);
    try {
      const response = await t.call('GET', contacts(), clientMember.token);
      expectStatus(response, 503);
      expect(response.json().code).toBe('UPZ_UNAVAILABLE');
      expect(read).toHaveBeenCalledOnce();
    } finally {
      read.mockRestore();
    }
    expectStatus(await t.call('GET', contacts(), clientMember.token), 200);
  });
});
