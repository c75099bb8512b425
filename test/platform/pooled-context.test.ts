/**
 * Tenant context never outlives its transaction on a shared connection. Many scoped transactions
 * of different tenants run at once over a few connections (CI runs this file through PgBouncer in
 * transaction mode with two server connections); each must see its own context and rows only, and
 * a transaction with no context, on whatever connection it lands, must see nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TenantDatabase, type Actor } from '../../server/db/tenant-db.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const tenants: Array<{ agencyId: string; clientId: string; email: string }> = [];
const actor: Actor = { type: 'system', id: null, requestId: null, ip: null };

beforeAll(async () => {
  t = await createTestApp();
  for (let a = 0; a < 3; a += 1) {
    const agencyId = (await t.call('POST', '/v1/agencies', t.adminToken, { name: `Agency ${a}` })).json().id;
    for (let c = 0; c < 3; c += 1) {
      const clientId = (
        await t.call('POST', `/v1/agencies/${agencyId}/clients`, t.adminToken, { name: `Client ${a}.${c}` })
      ).json().id;
      const email = `only-${a}-${c}@tenant.test`;
      const created = await t.call('POST', `/v1/clients/${clientId}/contacts`, t.adminToken, { email });
      expect(created.statusCode).toBe(201);
      tenants.push({ agencyId, clientId, email });
    }
  }
});
afterAll(() => t.close());

test('concurrent scoped transactions each see only their own tenant, and no context sees nothing', async () => {
  const data = new TenantDatabase(t.db.handle.db);
  const rounds = 20;
  const work: Promise<void>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const tenant of tenants) {
      work.push(
        data.scoped({ agencyId: tenant.agencyId, clientId: tenant.clientId }, actor, async (q) => {
          const { rows } = await sql<{ agency: string; client: string; role: string }>`
            SELECT current_setting('upzento.agency_id', true) AS agency,
                   current_setting('upzento.client_id', true) AS client,
                   current_user AS role`.execute(q.unfiltered);
          expect(rows[0]).toEqual({ agency: tenant.agencyId, client: tenant.clientId, role: 'upzento_app' });
          const emails = (await q.unfiltered.selectFrom('contacts').select('email').execute()).map((r) => r.email);
          expect(emails).toEqual([tenant.email]);
        }),
      );
      // Interleave transactions that set no context: as upzento_app they must see no row at all,
      // whichever connection (and whatever it carried before) they get.
      work.push(
        t.db.handle.db.connection().execute(async (connection) => {
          await sql.raw('BEGIN; SET LOCAL ROLE upzento_app').execute(connection);
          try {
            const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM contacts`.execute(connection);
            const context = await sql<{
              agency: string | null;
            }>`SELECT current_setting('upzento.agency_id', true) AS agency`.execute(connection);
            expect(rows[0]?.n).toBe(0);
            expect(context.rows[0]?.agency ?? '').toBe('');
          } finally {
            await sql.raw('ROLLBACK').execute(connection);
          }
        }),
      );
    }
  }
  await Promise.all(work);
  expect(work.length).toBe(rounds * tenants.length * 2);
});
