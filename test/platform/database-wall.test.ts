/**
 * The database wall alone: row-level security with the application's filters out of the way.
 *
 * Every query here goes through `q.unfiltered` (raw Kysely in the scoped transaction, which runs as
 * upzento_app with the tenant context set) or through a bare connection, so nothing but the
 * policies, grants and keys of the migrations stands between a tenant and another tenant's rows.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/db/connect.ts';
import type { Database } from '../../server/db/schema.ts';
import {
  clientColumnOf,
  SCOPED_TABLES,
  TenantDatabase,
  type Actor,
  type ScopedTable,
  type TenantScope,
} from '../../server/db/tenant-db.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { onPostgres } from '../support/test-database.ts';
import { createAgency, createClient, createContact, createUser } from './provision.ts';

/** Set by CI when DATABASE_URL points at PgBouncer in transaction mode. */
const THROUGH_POOLER = Boolean(process.env.UPZENTO_TEST_THROUGH_POOLER);

const ACTOR: Actor = { type: 'system', id: null, requestId: 'database-wall-test', ip: null };

/**
 * Tables a tenant's rows live in: the scoped query path's own list, and audit_chain_heads, which
 * only the audit trigger writes. Each with the column naming the client (or tenant) in the agency.
 */
type TenantTable = ScopedTable | 'audit_chain_heads';
const TENANT_TABLES = {
  ...(Object.fromEntries(SCOPED_TABLES.map((table) => [table, clientColumnOf(table)])) as Record<
    ScopedTable,
    string | null
  >),
  audit_chain_heads: 'tenant_id',
} satisfies Record<TenantTable, string | null>;
const TABLES = Object.keys(TENANT_TABLES) as TenantTable[];

let t: TestApp;
interface Agency {
  id: string;
  clients: string[];
  contacts: Map<string, string[]>;
}
const agencies: Agency[] = [];

beforeAll(async () => {
  t = await createTestApp();
  for (let a = 0; a < 2; a++) {
    const agency = await createAgency(t);
    const admin = await createUser(t, t.adminToken, 'agencies', agency.id, 'admin');
    const entry: Agency = { id: agency.id, clients: [], contacts: new Map() };
    for (let c = 0; c < 2; c++) {
      const client = await createClient(t, admin.token, agency.id);
      await createUser(t, admin.token, 'clients', client.id, 'member');
      const ids = [
        (await createContact(t, admin.token, client.id)).id,
        (await createContact(t, admin.token, client.id)).id,
      ];
      entry.clients.push(client.id);
      entry.contacts.set(client.id, ids);
    }
    agencies.push(entry);
  }
  // Rows in the tables the API does not fill yet, so every tenant table has something to hide.
  await t.data.privileged('test: seed flags and submissions', async (db) => {
    for (const agency of agencies) {
      await db
        .insertInto('feature_flags')
        .values({ agency_id: agency.id, tenant_id: agency.id, client_id: null, flag: 'beta', state: 'on' })
        .execute();
      await db
        .insertInto('agency_templates')
        .values({ agency_id: agency.id, name: 'Shop', content: JSON.stringify({ limits: { domains: 3 } }) })
        .execute();
      await db
        .insertInto('tenant_data_migrations')
        .values({ agency_id: agency.id, migration: 'client-settings-document', state: 'done' })
        .execute();
      const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const latency = Array.from({ length: 13 }, () => 0);
      for (const table of ['tenant_metrics_minute', 'tenant_metrics_hour'] as const) {
        await db
          .insertInto(table)
          .values(
            [
              { agency_id: agency.id, tenant_id: agency.id, client_id: null, bucket_start: hour },
              ...agency.clients.map((clientId) => ({
                agency_id: agency.id,
                tenant_id: clientId,
                client_id: clientId,
                bucket_start: hour,
              })),
            ].map((row) => ({ ...row, api_requests: 1, api_latency: latency, widget_latency: latency })),
          )
          .execute();
      }
      for (const clientId of agency.clients) {
        await db
          .insertInto('feature_flags')
          .values({ agency_id: agency.id, tenant_id: clientId, client_id: clientId, flag: 'beta', state: 'on' })
          .execute();
        await db
          .insertInto('privacy_settings')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            submissions_days: 365,
            inactive_contacts_days: 730,
            ip_addresses_days: 30,
            suppression_salt: randomBytes(32),
          })
          .execute();
        await db
          .insertInto('erasure_suppressions')
          .values({ agency_id: agency.id, client_id: clientId, email_digest: randomBytes(32).toString('hex') })
          .execute();
        await db
          .insertInto('api_version_pins')
          .values({ agency_id: agency.id, tenant_id: clientId, client_id: clientId, version: '2026-12-01' })
          .execute();
        await db
          .insertInto('identity_settings')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            max_age_seconds: 600,
            secret: `idsec_${randomBytes(32).toString('base64url')}`,
            secret_created_at: new Date(),
            updated_at: new Date(),
          })
          .execute();
        const job = await db
          .insertInto('privacy_jobs')
          .values({ agency_id: agency.id, tenant_id: clientId, client_id: clientId, kind: 'tenant_export' })
          .returning('job_id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('export_parts')
          .values({ agency_id: agency.id, tenant_id: clientId, job_id: job.job_id, part: 0, data: randomBytes(16) })
          .execute();
        await db
          .insertInto('tenant_deletions')
          .values({
            agency_id: agency.id,
            tenant_id: clientId,
            client_id: clientId,
            requested_by_type: 'agency',
            purge_after: new Date(Date.now() + 86_400_000),
            export_job_id: job.job_id,
            lifts_suspension: true,
          })
          .execute();
        await db
          .insertInto('tenant_limits')
          .values({ agency_id: agency.id, tenant_id: clientId, client_id: clientId, contacts: 500 })
          .execute();
        // The client's first audit entry (client.created), as an erasure would list it.
        await db
          .insertInto('audit_redactions')
          .values({ agency_id: agency.id, tenant_id: clientId, seq: '1' })
          .execute();
        const submission = await db
          .insertInto('submissions')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            idempotency_key: randomBytes(8).toString('hex'),
            payload_hash: '0'.repeat(64),
            email: 'lead@example.test',
            origin: 'https://shop.example.test',
            fields: '{}',
          })
          .returning('submission_id')
          .executeTakeFirstOrThrow();
        const webhook = await db
          .insertInto('webhooks')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            url: 'https://hooks.example.test/in',
            events: ['submission.created'],
            secret: `whsec_${randomBytes(32).toString('base64url')}`,
          })
          .returning('webhook_id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('webhook_deliveries')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            webhook_id: webhook.webhook_id,
            event_id: randomUUID(),
            event_type: 'submission.created',
            submission_id: submission.submission_id,
            event_at: new Date(),
            next_attempt_at: new Date(),
          })
          .execute();
        await db
          .insertInto('domains')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            hostname: `${clientId.slice(0, 8)}.example.test`,
            challenge_token: randomBytes(16).toString('base64url'),
          })
          .execute();
        await db
          .insertInto('invitations')
          .values({
            agency_id: agency.id,
            client_id: clientId,
            tenant_type: 'client',
            email: `invited-${clientId.slice(0, 8)}@example.test`,
            role: 'viewer',
            token_hash: randomBytes(32).toString('hex'),
            expires_at: new Date(Date.now() + 3600_000),
          })
          .execute();
      }
    }
  });
  // A signed digest of every chain (each tenant has audit rows from its creation).
  await t.app.auditDigests.runOnce();
}, 60_000);

afterAll(() => t?.close());

const A = () => agencies[0] as Agency;
const B = () => agencies[1] as Agency;

interface Seen {
  agency_id: string;
  tenant: string | null;
}

/** Every row of the table the current transaction can see: no WHERE at all. */
async function everything(db: Kysely<Database>, table: TenantTable): Promise<Seen[]> {
  const column = TENANT_TABLES[table];
  const { rows } =
    await sql<Seen>`SELECT agency_id::text AS agency_id, ${column ? sql.ref(column) : sql`NULL`}::text AS tenant FROM ${sql.table(table)}`.execute(
      db,
    );
  return rows;
}

/** What the privileged path counts for a tenant, to compare with what its own context sees. */
async function privilegedCount(table: TenantTable, scope: TenantScope): Promise<number> {
  const column = TENANT_TABLES[table];
  return t.data.privileged('test: count a tenant rows', async (db) => {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table)}
      WHERE agency_id = ${scope.agencyId} ${column && scope.clientId ? sql`AND ${sql.ref(column)} = ${scope.clientId}` : sql``}`.execute(
      db,
    );
    return rows[0]?.n ?? -1;
  });
}

describe('under one tenant context, a query without any tenant filter', () => {
  test.each(TABLES)("sees exactly that agency's rows of %s", async (table) => {
    const scope = { agencyId: A().id, clientId: null };
    const rows = await t.data.scoped(scope, ACTOR, (q) => everything(q.unfiltered, table));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.agency_id).toBe(A().id);
    expect(rows.length).toBe(await privilegedCount(table, scope));
  });

  // Rows of the agency alone, which each of its clients sees (the agency row) or none does (templates).
  const AGENCY_ONLY: readonly TenantTable[] = ['agencies', 'agency_templates', 'tenant_data_migrations'];
  test.each(TABLES.filter((table) => !AGENCY_ONLY.includes(table)))(
    "sees exactly that client's rows of %s",
    async (table) => {
      const clientId = A().clients[0] as string;
      const scope = { agencyId: A().id, clientId };
      const rows = await t.data.scoped(scope, ACTOR, (q) => everything(q.unfiltered, table));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toEqual({ agency_id: A().id, tenant: clientId });
      expect(rows.length).toBe(await privilegedCount(table, scope));
    },
  );

  test("sees none of its agency's templates under a client context, all of them under the agency's", async () => {
    const underClient = await t.data.scoped({ agencyId: A().id, clientId: A().clients[0] as string }, ACTOR, (q) =>
      everything(q.unfiltered, 'agency_templates'),
    );
    expect(underClient).toEqual([]);
    const underAgency = await t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
      everything(q.unfiltered, 'agency_templates'),
    );
    expect(underAgency).toEqual([{ agency_id: A().id, tenant: null }]);
  });

  test("sees its agency's data-migration progress under a client context, and no other agency's", async () => {
    const rows = await t.data.scoped({ agencyId: A().id, clientId: A().clients[0] as string }, ACTOR, (q) =>
      everything(q.unfiltered, 'tenant_data_migrations'),
    );
    expect(rows).toEqual([{ agency_id: A().id, tenant: null }]);
  });

  test("cannot enroll or remove an agency's data-migration progress on the tenant path", async () => {
    const scope = { agencyId: A().id, clientId: null };
    await expect(
      t.data.scoped(scope, ACTOR, (q) =>
        q.unfiltered
          .insertInto('tenant_data_migrations')
          .values({ agency_id: A().id, migration: 'another-migration' })
          .execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.data.scoped(scope, ACTOR, (q) => q.unfiltered.deleteFrom('tenant_data_migrations').execute()),
    ).rejects.toThrow(/permission denied/);
  });

  test('sees its own agency row and no other under a client context', async () => {
    const rows = await t.data.scoped({ agencyId: A().id, clientId: A().clients[0] as string }, ACTOR, (q) =>
      everything(q.unfiltered, 'agencies'),
    );
    expect(rows).toEqual([{ agency_id: A().id, tenant: null }]);
  });

  test('finds nothing of another agency even when asking for it by id', async () => {
    const foreignContact = B().contacts.get(B().clients[0] as string)?.[0] as string;
    const found = await t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
      q.unfiltered.selectFrom('contacts').selectAll().where('contact_id', '=', foreignContact).execute(),
    );
    expect(found).toEqual([]);
  });

  test("cannot change or delete another agency's rows: they are not there to change", async () => {
    const foreignContact = B().contacts.get(B().clients[0] as string)?.[0] as string;
    const [updated, deleted] = await t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, async (q) => [
      await q.unfiltered
        .updateTable('contacts')
        .set({ name: 'taken over' })
        .where('contact_id', '=', foreignContact)
        .executeTakeFirst(),
      await q.unfiltered.deleteFrom('contacts').where('contact_id', '=', foreignContact).executeTakeFirst(),
    ]);
    expect(Number(updated?.numUpdatedRows)).toBe(0);
    expect(Number(deleted?.numDeletedRows)).toBe(0);
    const still = await t.data.privileged('test: the foreign contact', (db) =>
      db.selectFrom('contacts').select('name').where('contact_id', '=', foreignContact).executeTakeFirstOrThrow(),
    );
    expect(still.name).not.toBe('taken over');
  });
});

describe('writes across the wall fail at the database', () => {
  /** Expects a database error (not a driver or TypeScript one) with one of these SQLSTATEs. */
  async function refusedWith(codes: string[], work: Promise<unknown>) {
    const error = await work.then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(error, 'the database accepted the row').not.toBeNull();
    expect(codes).toContain(error?.code);
  }

  test("a contact of my agency that points at another agency's client (composite foreign key)", async () => {
    await refusedWith(
      ['23503'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered
          .insertInto('contacts')
          .values({ agency_id: A().id, client_id: B().clients[0] as string, email: 'x@example.test', attributes: '{}' })
          .execute(),
      ),
    );
  });

  test('a contact written into another agency (row-level security WITH CHECK)', async () => {
    await refusedWith(
      ['42501'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered
          .insertInto('contacts')
          .values({ agency_id: B().id, client_id: B().clients[0] as string, email: 'x@example.test', attributes: '{}' })
          .execute(),
      ),
    );
  });

  test("a submission naming a sibling client's contact (composite foreign key, even on the privileged path)", async () => {
    const [own, sibling] = A().clients as [string, string];
    const siblingContact = A().contacts.get(sibling)?.[0] as string;
    await refusedWith(
      ['23503'],
      t.data.privileged('test: a cross-client reference', (db) =>
        db
          .insertInto('submissions')
          .values({
            agency_id: A().id,
            client_id: own,
            contact_id: siblingContact,
            idempotency_key: randomBytes(8).toString('hex'),
            payload_hash: '0'.repeat(64),
            email: 'lead@example.test',
            origin: 'https://shop.example.test',
            fields: '{}',
          })
          .execute(),
      ),
    );
  });

  test('a contact written into a sibling client under a client context', async () => {
    await refusedWith(
      ['42501'],
      t.data.scoped({ agencyId: A().id, clientId: A().clients[0] as string }, ACTOR, (q) =>
        q.unfiltered
          .insertInto('contacts')
          .values({ agency_id: A().id, client_id: A().clients[1] as string, email: 'x@example.test', attributes: '{}' })
          .execute(),
      ),
    );
  });

  test('moving my own contact into another agency', async () => {
    const mine = A().contacts.get(A().clients[0] as string)?.[0] as string;
    await refusedWith(
      ['42501', '23503'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered
          .updateTable('contacts')
          .set({ agency_id: B().id, client_id: B().clients[0] as string })
          .where('contact_id', '=', mine)
          .execute(),
      ),
    );
  });

  test('a user, an account or an audit row for another agency', async () => {
    const userId = randomUUID();
    await refusedWith(
      ['42501'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered
          .insertInto('users')
          .values({
            agency_id: B().id,
            user_id: userId,
            client_id: null,
            tenant_type: 'agency',
            email: 'spy@example.test',
            role: 'admin',
          })
          .execute(),
      ),
    );
    await refusedWith(
      ['42501'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered
          .insertInto('accounts')
          .values({
            user_id: userId,
            email: 'spy@example.test',
            tenant_type: 'agency',
            agency_id: B().id,
            client_id: null,
            password_hash: 'scrypt$x',
          })
          .execute(),
      ),
    );
    await refusedWith(
      ['42501'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered
          .insertInto('audit_log')
          .values({
            agency_id: B().id,
            tenant_id: B().id,
            tenant_type: 'agency',
            actor_type: 'system',
            action: 'forged.entry',
            target_type: 'agency',
            details: '{}',
          })
          .execute(),
      ),
    );
  });

  test('creating an agency is not something upzento_app may do at all', async () => {
    await refusedWith(
      ['42501'],
      t.data.scoped({ agencyId: A().id, clientId: null }, ACTOR, (q) =>
        q.unfiltered.insertInto('agencies').values({ name: 'rogue' }).execute(),
      ),
    );
  });
});

/** One transaction on a bare connection, without TenantDatabase: what a careless query would get. */
async function bare<R>(db: Kysely<Database>, open: string, work: (db: Kysely<Database>) => Promise<R>): Promise<R> {
  return db.connection().execute(async (connection) => {
    await sql.raw(open).execute(connection);
    try {
      return await work(connection);
    } finally {
      await sql.raw('ROLLBACK').execute(connection);
    }
  });
}

async function countAll(db: Kysely<Database>): Promise<Record<TenantTable, number>> {
  const counts = {} as Record<TenantTable, number>;
  for (const table of TABLES) counts[table] = (await everything(db, table)).length;
  return counts;
}

const NOTHING = Object.fromEntries(TABLES.map((table) => [table, 0]));

describe('without a tenant context', () => {
  test('upzento_app sees zero rows in every tenant table', async () => {
    const counts = await bare(t.db.handle.db, 'BEGIN; SET LOCAL ROLE upzento_app', countAll);
    expect(counts).toEqual(NOTHING);
  });

  test('upzento_app with the context set to empty strings, or to an agency that does not exist, sees zero rows', async () => {
    const empty = await bare(
      t.db.handle.db,
      `BEGIN; SET LOCAL ROLE upzento_app; SELECT set_config('upzento.agency_id', '', true), set_config('upzento.client_id', '', true)`,
      countAll,
    );
    expect(empty).toEqual(NOTHING);
    const nowhere = await t.data.scoped({ agencyId: randomUUID(), clientId: null }, ACTOR, (q) =>
      countAll(q.unfiltered),
    );
    expect(nowhere).toEqual(NOTHING);
  });

  test('a client context without its agency sees zero rows', async () => {
    const counts = await bare(
      t.db.handle.db,
      `BEGIN; SET LOCAL ROLE upzento_app; SELECT set_config('upzento.client_id', '${A().clients[0]}', true)`,
      countAll,
    );
    expect(counts).toEqual(NOTHING);
  });

  test('the connecting role itself, with no SET ROLE, sees nothing when it is not a superuser', async (context) => {
    const { rows } = await sql<{
      super: boolean;
    }>`SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user`.execute(t.db.handle.db);
    context.skip(
      rows[0]?.super === true,
      onPostgres
        ? 'DATABASE_URL connects as a superuser, which bypasses row-level security by definition; run with a non-superuser role to check this'
        : 'PGlite always runs as a superuser, which bypasses row-level security by definition',
    );
    const counts = await bare(t.db.handle.db, 'BEGIN', countAll);
    expect(counts).toEqual(NOTHING);
  });

  test('a non-superuser role that holds upzento_gate (as the connecting role does) sees nothing until it SETs ROLE', async () => {
    // Stands in for a non-superuser connecting role, which this run may not have: 0001 grants it
    // upzento_gate, through which it may SET ROLE to upzento_app and upzento_system without
    // inheriting their policies.
    const role = `upzento_member_${randomBytes(4).toString('hex')}`;
    // Like the owning connecting role it may read every table, so only row-level security stands in
    // its way. The grant to current_user lets a connecting role that is no superuser (but has
    // CREATEROLE) SET ROLE to it.
    await sql
      .raw(
        `CREATE ROLE ${role} NOLOGIN NOSUPERUSER INHERIT; GRANT upzento_gate TO ${role}; ` +
          `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}; GRANT ${role} TO current_user`,
      )
      .execute(t.db.handle.db);
    try {
      const counts = await bare(t.db.handle.db, `BEGIN; SET LOCAL ROLE ${role}`, countAll);
      expect(counts).toEqual(NOTHING);
      // The same role does see rows once it acts as upzento_app with a context: the wall is the policy, not a missing grant.
      const own = await bare(
        t.db.handle.db,
        `BEGIN; SET LOCAL ROLE ${role}; SET LOCAL ROLE upzento_app; SELECT set_config('upzento.agency_id', '${A().id}', true)`,
        (db) => everything(db, 'contacts'),
      );
      expect(own.length).toBeGreaterThan(0);
    } finally {
      await sql
        .raw(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}; DROP ROLE ${role}`)
        .execute(t.db.handle.db);
    }
  });
});

describe('the context does not outlive its transaction', () => {
  let single: DatabaseHandle | null = null;
  let pool: Kysely<Database>;
  let data: TenantDatabase;

  beforeAll(async () => {
    if (t.db.url) {
      single = await openDatabase({
        databaseUrl: t.db.url,
        databaseDirectUrl: t.db.url,
        dataDir: 'memory:',
        poolSize: 1,
      });
      pool = single.db;
    } else {
      // PGlite is one connection: every transaction already shares it.
      pool = t.db.handle.db;
    }
    data = new TenantDatabase(pool);
  });
  afterAll(() => single?.close());

  interface After {
    pid: number;
    who: string;
    agency: string | null;
    client: string | null;
    contacts: number;
  }

  async function nextTransaction(): Promise<After> {
    return bare(pool, 'BEGIN; SET LOCAL ROLE upzento_app', async (db) => {
      const { rows } = await sql<Omit<After, 'contacts'>>`
        SELECT pg_backend_pid() AS pid, current_user AS who,
               NULLIF(current_setting('upzento.agency_id', true), '') AS agency,
               NULLIF(current_setting('upzento.client_id', true), '') AS client`.execute(db);
      return { ...(rows[0] as Omit<After, 'contacts'>), contacts: (await everything(db, 'contacts')).length };
    });
  }

  test('after a committed scoped transaction, the next one on the same connection has no context and sees nothing', async () => {
    const inside = await data.scoped({ agencyId: A().id, clientId: A().clients[0] as string }, ACTOR, async (q) => {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(q.unfiltered);
      return { pid: rows[0]?.pid, contacts: (await everything(q.unfiltered, 'contacts')).length };
    });
    expect(inside.contacts).toBeGreaterThan(0);
    const after = await nextTransaction();
    expect(after).toMatchObject({ who: 'upzento_app', agency: null, client: null, contacts: 0 });
    // Through a transaction-mode pooler the next transaction may get another server connection;
    // straight to PostgreSQL with one pooled connection (or on PGlite) it is the same one.
    if (!THROUGH_POOLER) expect(after.pid).toBe(inside.pid);
    // Outside any transaction the session is back to the connecting role.
    const { rows } = await sql<{
      who: string;
      session: string;
    }>`SELECT current_user AS who, session_user AS session`.execute(pool);
    expect(rows[0]?.who).toBe(rows[0]?.session);
  });

  test('after a scoped transaction that failed and rolled back, likewise', async () => {
    await expect(
      data.scoped({ agencyId: A().id, clientId: null }, ACTOR, async (q) => {
        expect((await everything(q.unfiltered, 'contacts')).length).toBeGreaterThan(0);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    const after = await nextTransaction();
    expect(after).toMatchObject({ agency: null, client: null, contacts: 0 });
  });

  test('a privileged transaction that does not wait for the flush commits so, and the next one waits again', async () => {
    const setting = async (db: Kysely<Database>) =>
      (
        await sql<{
          value: string;
          pid: number;
        }>`SELECT current_setting('synchronous_commit') AS value, pg_backend_pid() AS pid`.execute(db)
      ).rows[0];
    const relaxed = await data.privileged('test: relaxed commit', setting, { waitForFlush: false });
    expect(relaxed?.value).toBe('off');
    expect((await data.privileged('test: default commit', setting))?.value).toBe('on');
    const after = await bare(pool, 'BEGIN', setting);
    expect(after?.value).toBe('on');
    // Straight to PostgreSQL with one pooled connection (or on PGlite) it is the same connection.
    if (!THROUGH_POOLER) expect(after?.pid).toBe(relaxed?.pid);
  });

  test('after a privileged transaction, the next one sees nothing either', async () => {
    const all = await data.privileged('test: everything', (db) => everything(db, 'contacts'));
    expect(all.length).toBeGreaterThan(0);
    expect(await nextTransaction()).toMatchObject({ agency: null, client: null, contacts: 0 });
  });
});
