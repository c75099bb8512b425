/**
 * The audit chain as audit_append() extends it (0008): a tenant transaction appends only within its
 * own context, no application role moves a chain's head by hand, and chains written by the trigger
 * of earlier schemas go on verifying, and growing, after the migration.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeAudit } from '../../server/db/audit-writer.ts';
import { migrateTo, migrateToLatest } from '../../server/db/migrate.ts';
import type { Database } from '../../server/db/schema.ts';
import { TenantDatabase, type Actor } from '../../server/db/tenant-db.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const ACTOR: Actor = { type: 'system', id: null, requestId: null, ip: null };

function append(db: Kysely<Database>, agencyId: string, tenantId: string, action = 'test.appended') {
  return writeAudit(db, { agencyId, tenantId, tenantType: agencyId === tenantId ? 'agency' : 'client' }, ACTOR, {
    action,
    targetType: 'test',
  });
}

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

async function verify(data: TenantDatabase, agencyId: string, tenantId: string) {
  const { rows } = await data.privileged('test: verify a chain', (db) =>
    sql<{
      valid: boolean;
      rows_checked: number;
    }>`SELECT valid, rows_checked FROM audit_verify_chain(${agencyId}::uuid, ${tenantId}::uuid)`.execute(db),
  );
  return rows[0];
}

describe('on the current schema', () => {
  let database: TestDatabase;
  let data: TenantDatabase;
  const agencyA = randomUUID();
  const agencyB = randomUUID();
  const clientA1 = randomUUID();
  const clientA2 = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    data = new TenantDatabase(database.handle.db);
  });
  afterAll(() => database.close());

  test('a tenant transaction appends within its context, and nowhere else', async () => {
    await data.scoped({ agencyId: agencyA, clientId: null }, ACTOR, (q) => append(q.unfiltered, agencyA, agencyA));
    await data.scoped({ agencyId: agencyA, clientId: clientA1 }, ACTOR, (q) => append(q.unfiltered, agencyA, clientA1));
    expect(
      await codeOf(
        data.scoped({ agencyId: agencyA, clientId: null }, ACTOR, (q) => append(q.unfiltered, agencyB, agencyB)),
      ),
    ).toBe('42501');
    expect(
      await codeOf(
        data.scoped({ agencyId: agencyA, clientId: clientA1 }, ACTOR, (q) => append(q.unfiltered, agencyA, clientA2)),
      ),
    ).toBe('42501');
    expect(await verify(data, agencyA, clientA1)).toEqual({ valid: true, rows_checked: 1 });
    expect(await verify(data, agencyB, agencyB)).toEqual({ valid: true, rows_checked: 0 });
  });

  test('the privileged path appends to any tenant', async () => {
    await data.privileged('test: append', (db) => append(db, agencyB, agencyB));
    expect(await verify(data, agencyB, agencyB)).toEqual({ valid: true, rows_checked: 1 });
  });

  test('neither application role can move a head, insert a row, or call the chain function from no role', async () => {
    const moveHead = (db: Kysely<Database>) =>
      db.updateTable('audit_chain_heads').set({ seq: '99' }).where('agency_id', '=', agencyA).execute();
    expect(await codeOf(data.scoped({ agencyId: agencyA, clientId: null }, ACTOR, (q) => moveHead(q.unfiltered)))).toBe(
      '42501',
    );
    expect(await codeOf(data.privileged('test: move a head', moveHead))).toBe('42501');
    const forge = (db: Kysely<Database>) =>
      db
        .insertInto('audit_log')
        .values({
          agency_id: agencyA,
          tenant_id: agencyA,
          seq: '2',
          tenant_type: 'agency',
          actor_type: 'system',
          action: 'forged.entry',
          target_type: 'x',
          details: '{}',
          prev_hash: Buffer.alloc(0),
          hash: Buffer.alloc(0),
        } as never)
        .execute();
    expect(await codeOf(data.privileged('test: forge a row', forge))).toBe('42501');
    expect(await verify(data, agencyA, agencyA)).toEqual({ valid: true, rows_checked: 1 });
  });
});

describe('across the migration', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.close());

  test('a chain the trigger wrote before 0008 verifies after it, and grows', async () => {
    const direct = database.handle.direct as Kysely<unknown>;
    await migrateTo(direct, '0005-domains-due-order');
    const data = new TenantDatabase(database.handle.db);
    const agencyId = randomUUID();
    // Before 0008 the privileged role inserted rows and the trigger chained them.
    await data.privileged('test: rows written by the trigger', async (db) => {
      for (let i = 0; i < 3; i++) {
        await db
          .insertInto('audit_log')
          .values({
            agency_id: agencyId,
            tenant_id: agencyId,
            tenant_type: 'agency',
            actor_type: 'system',
            action: 'before.migration',
            target_type: 'test',
            details: JSON.stringify({ i, text: 'ünïcode ✓' }),
          })
          .execute();
      }
    });
    expect(await verify(data, agencyId, agencyId)).toEqual({ valid: true, rows_checked: 3 });
    await migrateToLatest(direct);
    expect(await verify(data, agencyId, agencyId)).toEqual({ valid: true, rows_checked: 3 });
    await data.privileged('test: rows appended after', async (db) => {
      await append(db, agencyId, agencyId, 'after.migration');
      await append(db, agencyId, agencyId, 'after.migration');
    });
    expect(await verify(data, agencyId, agencyId)).toEqual({ valid: true, rows_checked: 5 });
    const seqs = await data.privileged('test: read the chain', (db) =>
      db.selectFrom('audit_log').select('seq').where('agency_id', '=', agencyId).orderBy('seq').execute(),
    );
    expect(seqs.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5]);
  });
});
