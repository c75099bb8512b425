/**
 * Dedicated pools and databases (docs/scaling.md): an agency given a pool of its own, moved to a
 * database of its own and back, on two real databases, with two server instances; what it was
 * served before the move it is served after, on every instance, with nothing lost that was written
 * during the move, and its audit chains verifying where they went.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AGENCY_TABLES, AgencyMoveRefused, moveAgency } from '../../server/db/agency-move.ts';
import { Placements } from '../../server/db/placements.ts';
import type { Database } from '../../server/db/schema.ts';
import { TenantDatabase } from '../../server/db/tenant-db.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from '../support/test-database.ts';
import { createAgencyWithClient, createUser, expectStatus, marker } from './provision.ts';

const SYSTEM = { type: 'system', id: null, requestId: null, ip: null } as const;

/** Rows of the agency in each table of `db`, as the privileged role sees them. */
async function countRows(db: Kysely<Database>, agencyId: string): Promise<Record<string, number>> {
  return db.connection().execute(async (conn) => {
    await sql.raw('BEGIN; SET LOCAL ROLE upzento_system').execute(conn);
    const counts: Record<string, number> = {};
    for (const table of AGENCY_TABLES) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE agency_id = ${agencyId}::uuid`.execute(conn);
      counts[table] = rows[0]?.n ?? 0;
    }
    await sql.raw('COMMIT').execute(conn);
    return counts;
  });
}

describe('every table with an agency column is moved', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  test('AGENCY_TABLES names every table with agency_id but the placements themselves', async () => {
    const { rows } = await sql<{ table_name: string }>`
      SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'agency_id'
      ORDER BY table_name`.execute(database.handle.db);
    const withAgency = rows.map((row) => row.table_name).filter((table) => table !== 'agency_placements');
    expect([...AGENCY_TABLES].sort()).toEqual(withAgency);
  });
});

describe('a pool of its own', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  test('the platform admin gives an agency its own pool; its requests use it, and only its own', async () => {
    const { agencyId, agencyAdmin, client } = await createAgencyWithClient(t);
    const other = await createAgencyWithClient(t);
    const before = await t.call('GET', `/v1/agencies/${agencyId}/placement`, t.adminToken);
    expectStatus(before, 200);
    expect(before.json()).toEqual({ agencyId, database: 'shared', poolSize: null });

    const changed = await t.call('PUT', `/v1/agencies/${agencyId}/placement`, t.adminToken, { poolSize: 2 });
    expectStatus(changed, 200);
    expect(changed.json()).toEqual({ placement: { agencyId, database: 'shared', poolSize: 2 }, move: null });

    const contact = await t.call('POST', `/v1/clients/${client.id}/contacts`, agencyAdmin.token, {
      email: `${marker('c')}@example.test`,
    });
    expectStatus(contact, 201);
    expectStatus(await t.call('GET', `/v1/clients/${other.client.id}/contacts`, other.agencyAdmin.token), 200);
    if (onPostgres) {
      const { rows } = await sql<{ application_name: string }>`
        SELECT DISTINCT application_name FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'upzento-agency-%'`.execute(t.db.handle.db);
      expect(rows.map((row) => row.application_name)).toEqual([`upzento-agency-${agencyId}`]);
    }
    const audit = await t.call('GET', `/v1/agencies/${agencyId}/audit-log`, t.adminToken);
    expectStatus(audit, 200);
    expect(JSON.stringify(audit.json())).toContain('agency.placement_changed');

    // Back to the shared pool.
    const back = await t.call('PUT', `/v1/agencies/${agencyId}/placement`, t.adminToken, { poolSize: null });
    expect(back.json().placement).toEqual({ agencyId, database: 'shared', poolSize: null });
  });

  test('only the platform admin places agencies, and only in databases there are', async () => {
    const { agencyId, agencyAdmin } = await createAgencyWithClient(t);
    const own = await t.call('PUT', `/v1/agencies/${agencyId}/placement`, agencyAdmin.token, { poolSize: 50 });
    expectStatus(own, 403);
    const unknown = await t.call('PUT', `/v1/agencies/${agencyId}/placement`, t.adminToken, { database: 'elsewhere' });
    expectStatus(unknown, 400);
    expect(unknown.json().code).toBe('UPZ_UNKNOWN_DATABASE');
    const nobody = await t.call('PUT', `/v1/agencies/${crypto.randomUUID()}/placement`, t.adminToken, { poolSize: 2 });
    expectStatus(nobody, 404);
    const bad = await t.call('PUT', `/v1/agencies/${agencyId}/placement`, t.adminToken, { poolSize: 0 });
    expectStatus(bad, 400);
  });
});

describe.skipIf(!onPostgres)('a database of its own, on two PostgreSQL databases', () => {
  let shared: TestDatabase;
  let silo: TestDatabase;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    shared = await createTestDatabase();
    silo = await createTestDatabase();
    first = await createTestApp({ databases: new Map([['silo', silo.handle]]), logger: { level: 'error' } }, shared);
    // A second instance on the same two databases, with its own connections, that hears of changes by NOTIFY.
    const sharedAgain = { ...shared, handle: await shared.reopen() };
    second = await createTestApp(
      { databases: new Map([['silo', await silo.reopen()]]), jwtSecret: first.jwtSecret },
      sharedAgain,
    );
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await silo?.close();
    await shared?.close();
  });

  test('moved there and back: served the same on both instances, rows counted, chains verified', async () => {
    const { agencyId, agencyAdmin, client } = await createAgencyWithClient(first);
    const clientUser = await createUser(first, agencyAdmin.token, 'clients', client.id, 'member');
    const bystander = await createAgencyWithClient(first);
    for (let i = 0; i < 5; i += 1) {
      expectStatus(
        await first.call('POST', `/v1/clients/${client.id}/contacts`, agencyAdmin.token, {
          email: `${marker('lead')}@example.test`,
          name: `Lead ${i}`,
        }),
        201,
      );
    }
    const contactsBefore = (await first.call('GET', `/v1/clients/${client.id}/contacts`, agencyAdmin.token)).json();
    const sharedBefore = await countRows(shared.handle.db, agencyId);
    const bystanderBefore = await countRows(shared.handle.db, bystander.agencyId);

    const moved = await first.call('PUT', `/v1/agencies/${agencyId}/placement`, first.adminToken, { database: 'silo' });
    expectStatus(moved, 200);
    const report = moved.json();
    expect(report.placement).toEqual({ agencyId, database: 'silo', poolSize: null });
    expect(report.move.from).toBe('shared');
    expect(report.move.to).toBe('silo');
    expect(report.move.rows).toEqual(sharedBefore);
    expect(report.move.rows.contacts).toBe(5);
    expect(report.move.auditChains).toBe(2);

    // The silo holds every row; the shared database only the agency's row, marked, and its audit chain.
    const inSilo = await countRows(silo.handle.db, agencyId);
    // One more audit row there: the move's own, on the agency's chain, with its caller's address apart.
    expect(inSilo).toEqual({
      ...sharedBefore,
      audit_log: (sharedBefore.audit_log ?? 0) + 1,
      audit_personal: (sharedBefore.audit_personal ?? 0) + 1,
    });
    expect(inSilo.audit_chain_heads).toBe(2);
    const left = await countRows(shared.handle.db, agencyId);
    for (const table of AGENCY_TABLES) {
      const stays = ['agencies', 'audit_log', 'audit_chain_heads', 'audit_digests'].includes(table);
      expect(left[table], table).toBe(stays ? sharedBefore[table] : 0);
    }
    expect(await countRows(shared.handle.db, bystander.agencyId)).toEqual(bystanderBefore);

    // Both instances serve the agency from the silo: the same contacts, sign-in of its users, its chain.
    for (const instance of [first, second]) {
      const listed = await instance.call('GET', `/v1/clients/${client.id}/contacts`, agencyAdmin.token);
      expectStatus(listed, 200);
      expect(listed.json()).toEqual(contactsBefore);
      expect(await instance.signIn(clientUser.email, 'a long enough test password')).toMatch(/^ey/);
      const chain = await instance.call('GET', `/v1/agencies/${agencyId}/audit-log/verify`, agencyAdmin.token);
      expect(chain.json()).toMatchObject({ valid: true });
      const agencies = (await instance.call('GET', '/v1/agencies', instance.adminToken)).json();
      expect(agencies.items.filter((agency: { id: string }) => agency.id === agencyId)).toHaveLength(1);
    }
    const written = await second.call('POST', `/v1/clients/${client.id}/contacts`, agencyAdmin.token, {
      email: `${marker('after')}@example.test`,
    });
    expectStatus(written, 201);
    expect((await countRows(silo.handle.db, agencyId)).contacts).toBe(6);
    expect((await countRows(shared.handle.db, agencyId)).contacts).toBe(0);
    // An email is one account across both databases.
    const taken = await first.call('POST', `/v1/agencies/${bystander.agencyId}/users`, first.adminToken, {
      email: clientUser.email,
      password: 'a long enough test password',
      role: 'viewer',
    });
    expectStatus(taken, 409);

    // Back to the shared database while the agency writes: every write lands, in the shared database.
    const writes = Array.from({ length: 20 }, (_, i) =>
      second.call('POST', `/v1/clients/${client.id}/contacts`, agencyAdmin.token, {
        email: `${marker(`during-${i}`)}@example.test`,
      }),
    );
    const movedBack = await first.call('PUT', `/v1/agencies/${agencyId}/placement`, first.adminToken, {
      database: 'shared',
    });
    expectStatus(movedBack, 200);
    for (const write of await Promise.all(writes)) expectStatus(write, 201);
    const home = await countRows(shared.handle.db, agencyId);
    expect(home.contacts).toBe(26);
    expect((await countRows(silo.handle.db, agencyId)).contacts).toBe(0);
    const chain = await first.call('GET', `/v1/clients/${client.id}/audit-log/verify`, agencyAdmin.token);
    expect(chain.json()).toMatchObject({ valid: true });
    expect(movedBack.json().move.pauseMs).toBeLessThan(30_000);
  });

  test('an instance that has not heard of a move is refused by the old database and sent to the new one', async () => {
    const { agencyId, agencyAdmin, client } = await createAgencyWithClient(first);
    expectStatus(
      await first.call('POST', `/v1/clients/${client.id}/contacts`, agencyAdmin.token, { email: 'x@example.test' }),
      201,
    );
    // A router that knows of no placement: it sends the agency to the shared database.
    const stale = new TenantDatabase(
      shared.handle.db,
      undefined,
      undefined,
      new Placements(shared.handle, new Map([['silo', silo.handle]])),
    );
    expectStatus(
      await first.call('PUT', `/v1/agencies/${agencyId}/placement`, first.adminToken, { database: 'silo' }),
      200,
    );
    const emails = await stale.scoped({ agencyId, clientId: client.id }, SYSTEM, (q) =>
      q.selectFrom('contacts').select('email').execute(),
    );
    expect(emails).toEqual([{ email: 'x@example.test' }]);
  });

  test('a move that cannot get the agency alone in time changes nothing', async () => {
    const { agencyId, agencyAdmin, client } = await createAgencyWithClient(first);
    const data = first.app.data;
    // A transaction of the agency that outlasts the move's wait for it.
    const busy = data.scoped({ agencyId, clientId: client.id }, SYSTEM, async (q) => {
      await sql`SELECT pg_sleep(1.5)`.execute(q.unfiltered);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(
      moveAgency({
        agencyId,
        from: { name: 'shared', handle: shared.handle },
        to: { name: 'silo', handle: silo.handle },
        lockWaitMs: 300,
        switchOver: async () => {
          throw new Error('not reached');
        },
      }),
    ).rejects.toThrow(AgencyMoveRefused);
    await busy;
    expect((await countRows(silo.handle.db, agencyId)).agencies).toBe(0);
    const listed = await first.call('GET', `/v1/clients/${client.id}/contacts`, agencyAdmin.token);
    expectStatus(listed, 200);
  });
});
