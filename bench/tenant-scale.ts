/**
 * Tenant scale: the p50 latency of one tenant's contact listing through the API on a small database
 * (10 tenants × 1,000 contacts) and on a large one (10,000 tenants × 100 contacts, 1M contacts).
 * Target: large ≤ 1.5× small. PostgreSQL only: what grows here is PostgreSQL's work (index depth,
 * the planner's choices under row-level security), which the embedded database would not show fairly.
 *
 * Both databases exist at once, each behind its own listening application, and the runs alternate
 * between them. One connection, so each request's latency is the listing's own and not a queue's.
 * The rows are loaded with INSERT … SELECT generate_series as the owner (the API would take hours for
 * a million contacts); only the measured tenant's user is made through the API, for a real token.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { defaultWidgetSettings } from '../server/embedding/widget-template.ts';
import { onPostgres } from '../test/support/test-database.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { explainListing, LIMIT } from './contact-listing.ts';
import {
  asOwner,
  atMost,
  describeDatabase,
  expectOk,
  listen,
  runIfMain,
  type Benchmark,
  type BenchReport,
} from './harness.ts';
import { hammer } from './load.ts';
import { clientUserToken, seedContacts } from './provision.ts';
import { inTurns, median, ms, percentile, times, whole } from './stats.ts';

const TARGET = 1.5;
const RUN_SEC = 3;
const ROUNDS = 5;
/** Tenants are clients; agencies of ten clients each. */
const CLIENTS_PER_AGENCY = 10;

interface Shape {
  label: string;
  clients: number;
  contactsPerClient: number;
}

const SMALL: Shape = { label: 'small', clients: 10, contactsPerClient: 1000 };
const LARGE: Shape = { label: 'large', clients: 10_000, contactsPerClient: 100 };

/** Agencies, their clients and each client's settings, as provisioning makes them; then the contacts. */
async function load(db: Kysely<Database>, shape: Shape): Promise<void> {
  const widget = JSON.stringify(defaultWidgetSettings(''));
  await asOwner(db, async (trx) => {
    await sql`
      INSERT INTO agencies (agency_id, name)
      SELECT gen_random_uuid(), 'Agency ' || a FROM generate_series(1, ${shape.clients / CLIENTS_PER_AGENCY}::int) AS a
    `.execute(trx);
    await sql`
      INSERT INTO clients (agency_id, client_id, name, public_key)
      SELECT a.agency_id, gen_random_uuid(), a.name || ' client ' || k, 'pk_' || replace(gen_random_uuid()::text, '-', '')
      FROM agencies AS a CROSS JOIN generate_series(1, ${CLIENTS_PER_AGENCY}::int) AS k
    `.execute(trx);
    await sql`
      INSERT INTO client_settings (agency_id, client_id, widget)
      SELECT agency_id, client_id, jsonb_set(${widget}::jsonb, '{title}', to_jsonb('Contact ' || name)) FROM clients
    `.execute(trx);
  });
  await seedContacts(db, 'every client', shape.contactsPerClient);
  // What autovacuum would have done to a database this size by the time anyone reads it: hint bits
  // and the visibility map set, statistics current.
  await sql`VACUUM ANALYZE`.execute(db);
}

interface Side {
  shape: Shape;
  t: TestApp;
  url: string;
  token: string;
  plan: string;
}

async function prepare(shape: Shape): Promise<Side> {
  const t = await createTestApp();
  try {
    const started = Date.now();
    // On the direct connection: a million-row load outlasts the pooled connections' statement limit.
    await load(t.db.handle.direct, shape);
    const loadedIn = (Date.now() - started) / 1000;
    // A tenant from the middle of the clients, neither the first nor the last of any index.
    const measured = await asOwner(t.db.handle.db, (trx) =>
      trx
        .selectFrom('clients')
        .select(['agency_id as agencyId', 'client_id as clientId'])
        .orderBy('client_id')
        .offset(Math.floor(shape.clients / 2))
        .limit(1)
        .executeTakeFirstOrThrow(),
    );
    const token = await clientUserToken(t, measured.clientId, 'viewer', `viewer-${shape.label}@bench.example`);
    const plan = await explainListing(t.data, measured);
    const base = await listen(t.app);
    const url = `${base}/v1/clients/${measured.clientId}/contacts?limit=${LIMIT}`;
    const body = JSON.parse(
      await expectOk(await fetch(url, { headers: { authorization: `Bearer ${token}` } }), `${shape.label} listing`),
    );
    if (body.items.length !== LIMIT)
      throw new Error(`the ${shape.label} listing has ${body.items.length} items; expected ${LIMIT}`);
    const rows = shape.clients * shape.contactsPerClient;
    console.log(
      `  ${shape.label}: ${whole(shape.clients)} tenants × ${whole(shape.contactsPerClient)} contacts = ${whole(rows)} rows, loaded in ${loadedIn.toFixed(1)} s`,
    );
    console.log(`    plan of the listing as upzento_app: ${plan}`);
    return { shape, t, url, token, plan };
  } catch (error) {
    await t.close();
    throw error;
  }
}

export const tenantScale: Benchmark = {
  name: 'tenant scale',
  budgetMs: 240_000,
  async run(): Promise<BenchReport> {
    if (!onPostgres) {
      console.log('  skipped: set DATABASE_URL=postgres://… (this benchmark needs real PostgreSQL)');
      return {
        name: this.name,
        target: `≤ ${TARGET}×`,
        ratio: null,
        meets: null,
        database: '-',
        figures: 'skipped: set DATABASE_URL',
      };
    }
    const sides: Side[] = [];
    try {
      sides.push(await prepare(SMALL));
      sides.push(await prepare(LARGE));
      const [small, large] = sides as [Side, Side];
      const database = await describeDatabase(small.t.db.handle.db);
      console.log(`  ${database}; 1 connection, ${RUN_SEC} s runs, alternating`);
      const measure = (side: Side) => () =>
        hammer({
          url: side.url,
          headers: { authorization: `Bearer ${side.token}` },
          connections: 1,
          durationSec: RUN_SEC,
        });
      const runs = await inTurns(ROUNDS, { small: measure(small), large: measure(large) }, (name, round, result) =>
        console.log(
          `    round ${round} ${name.padEnd(5)} p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  (${whole(result.ok)} requests)`,
        ),
      );
      const p50 = (name: 'small' | 'large') => median(runs[name].map((r) => r.p50));
      const pooled = (name: 'small' | 'large', p: number) =>
        percentile(
          runs[name].flatMap((r) => Array.from(r.latencies)),
          p,
        );
      const ratio = p50('large') / p50('small');
      console.log(`  p50 small ${ms(p50('small'))}, large ${ms(p50('large'))} (medians of ${ROUNDS} runs each)`);
      console.log(
        `  all requests pooled: p50 ${ms(pooled('small', 50))} vs ${ms(pooled('large', 50))}, p99 ${ms(pooled('small', 99))} vs ${ms(pooled('large', 99))}`,
      );
      console.log(`  large / small p50 = ${times(ratio)} (target ≤ ${TARGET}×)`);
      return atMost(
        this.name,
        ratio,
        TARGET,
        database,
        `p50 ${ms(p50('small'))} (10 × 1,000) vs ${ms(p50('large'))} (10,000 × 100)`,
      );
    } finally {
      for (const side of sides) await side.t.close().catch(() => {});
    }
  },
};

await runIfMain(import.meta.url, tenantScale);
