/**
 * Health dashboard at tenant scale, on the server as shipped: p50 and p95 of the tenant health view
 * through HTTP for an agency of 1,000 clients, and of the platform's view of about 10,000 tenants,
 * with the rollups a busy day leaves (every tenant: 48 hours of hour rows; the big agency's clients
 * also a day of minute rows, so one client's 24-hour minute chart is measured too). Target: p95 <
 * 200 ms for each view.
 *
 * PostgreSQL only. A fresh database beside DATABASE_URL's, named after it, is migrated and seeded
 * from this process as tenant-scale.ts seeds (INSERT … SELECT generate_series as the owner); then
 * `npm start`'s command, with its defaults, serves it from a process of its own, connected as
 * DATABASE_URL's role, which must be neither a superuser nor exempt from row-level security (as CI's
 * role), so every policy applies as in production. The server finds the platform and makes the first
 * admin itself; the agency's user is made through its API. One request at a time from this process,
 * so each latency is the query's and not a queue's. The first platform view, which reads every
 * tenant's traffic from the hour rows, is reported on its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { openDatabase } from '../server/db/connect.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { onPostgres } from '../test/support/test-database.ts';
import { asOwner, atMost, describeDatabase, expectOk, runIfMain, type Benchmark, type BenchReport } from './harness.ts';
import { buildServer, spawnServer, startCommand } from './processes.ts';
import { BENCH_PASSWORD } from './provision.ts';
import { median, ms, percentile, whole } from './stats.ts';

const TARGET_MS = 200;
const BIG_AGENCY_CLIENTS = 1000;
/** The other agencies and their clients: with the big one, about 10,000 tenants. */
const OTHER_AGENCIES = 90;
const CLIENTS_PER_OTHER = 99;
const HOURS = 48;
const MINUTES = 1440;
const REQUESTS = 60;
const BUCKETS = 13;
const ADMIN = { email: 'bench@upzento.test', password: 'bench password, long enough' };

/** Every tenant's hour rows, the big agency's minute rows, one domain per client (1 % failing), a few alerts. */
export async function load(db: Kysely<Database>): Promise<string> {
  return asOwner(db, async (trx) => {
    const { rows } = await sql<{ agency_id: string }>`
      INSERT INTO agencies (name) VALUES ('Big agency') RETURNING agency_id`.execute(trx);
    const big = (rows[0] as { agency_id: string }).agency_id;
    await sql`
      INSERT INTO agencies (name) SELECT 'Agency ' || a FROM generate_series(1, ${OTHER_AGENCIES}::int) AS a`.execute(
      trx,
    );
    await sql`
      INSERT INTO clients (agency_id, client_id, name, public_key)
      SELECT a.agency_id, gen_random_uuid(), a.name || ' client ' || k, 'pk_' || replace(gen_random_uuid()::text, '-', '')
      FROM agencies AS a
      CROSS JOIN LATERAL generate_series(1, CASE WHEN a.agency_id = ${big} THEN ${BIG_AGENCY_CLIENTS}::int ELSE ${CLIENTS_PER_OTHER}::int END) AS k
`.execute(trx);
    await sql`
      INSERT INTO domains (agency_id, client_id, hostname, challenge_token, status)
      SELECT agency_id, client_id, replace(client_id::text, '-', '') || '.example.com', repeat('t', 32),
             CASE WHEN random() < 0.01 THEN 'failing' ELSE 'verified' END
      FROM clients`.execute(trx);
    const histogram = sql.raw(
      `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => (i < 6 ? '(random() * 50)::int' : '0')).join(', ')}]`,
    );
    const counters = sql`(random() * 500)::int, (random() * 20)::int, (random() * 100)::int, (random() * 3)::int, (random() * 5)::int`;
    const tenants = sql`(
      SELECT agency_id, agency_id AS tenant_id, NULL::uuid AS client_id FROM agencies
      UNION ALL SELECT agency_id, client_id, client_id FROM clients) AS t`;
    await sql`
      INSERT INTO tenant_metrics_hour (agency_id, tenant_id, client_id, bucket_start,
        widget_requests, widget_refused_origin, api_requests, api_4xx, api_5xx, api_latency, widget_latency, last_request_at)
      SELECT t.agency_id, t.tenant_id, t.client_id, date_trunc('hour', now()) - h * interval '1 hour', ${counters},
             ${histogram}, ${histogram}, date_trunc('hour', now()) - h * interval '1 hour' + interval '59 minutes'
      FROM ${tenants} CROSS JOIN generate_series(0, ${HOURS - 1}::int) AS h`.execute(trx);
    await sql`
      INSERT INTO tenant_metrics_minute (agency_id, tenant_id, client_id, bucket_start,
        widget_requests, widget_refused_origin, api_requests, api_4xx, api_5xx, api_latency, widget_latency, last_request_at)
      SELECT c.agency_id, c.client_id, c.client_id, date_trunc('minute', now()) - m * interval '1 minute', ${counters},
             ${histogram}, ${histogram}, date_trunc('minute', now()) - m * interval '1 minute'
      FROM clients c CROSS JOIN generate_series(0, ${MINUTES - 1}::int) AS m
      WHERE c.agency_id = ${big}`.execute(trx);
    await sql`
      INSERT INTO alerts (kind, severity, tenant_type, tenant_id, dedupe_key)
      SELECT 'refused_origins', 'warning', 'client', client_id, client_id::text FROM clients TABLESAMPLE BERNOULLI (1)`.execute(
      trx,
    );
    return big;
  });
}

interface Seeded {
  /** DATABASE_URL and DATABASE_DIRECT_URL of the seeded database, for the server. */
  url: string;
  directUrl: string;
  big: string;
  clientId: string;
  counts: { tenants: number; hours: number; minutes: number };
  database: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The connecting role, refused when row-level security would not hold it: the server would read past every policy. */
async function checkedRole(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ role: string; superuser: boolean; bypassrls: boolean }>(
    'SELECT rolname AS role, rolsuper AS superuser, rolbypassrls AS bypassrls FROM pg_roles WHERE rolname = current_user',
  );
  const row = rows[0];
  if (!row || row.superuser || row.bypassrls)
    throw new Error(
      `DATABASE_URL connects as ${row?.role ?? '?'}, a superuser or BYPASSRLS role: name a role like CI's (LOGIN CREATEDB CREATEROLE NOSUPERUSER NOBYPASSRLS)`,
    );
  return row.role;
}

/** Creates, migrates and seeds a database of its own beside DATABASE_URL's (dropped by `drop`). */
async function seed(base: string): Promise<Seeded> {
  const name = `${decodeURIComponent(new URL(base).pathname.slice(1)).slice(0, 40) || 'upzento'}_health_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const quoted = admin.escapeIdentifier(name);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await admin.end();
  };
  try {
    const role = await checkedRole(admin);
    await admin.query(`CREATE DATABASE ${quoted}`);
    // A pooler in front (DATABASE_URL through PgBouncer) serves the pooled connection; migrations go direct.
    const url = withDatabase(base, name);
    const directUrl = withDatabase(process.env.DATABASE_DIRECT_URL ?? base, name);
    const handle = await openDatabase({ databaseUrl: url, databaseDirectUrl: directUrl, dataDir: 'memory:' });
    try {
      await migrateToLatest(handle.direct as Kysely<unknown>);
      const started = Date.now();
      const big = await load(handle.direct);
      // What autovacuum would have done by the time anyone reads it: hint bits set, statistics current.
      await sql`VACUUM ANALYZE`.execute(handle.direct);
      const facts = await asOwner(handle.db, async (trx) => {
        const { rows } = await sql<{ tenants: number; hours: number; minutes: number; client_id: string }>`
          SELECT (SELECT count(*) FROM agencies)::int + (SELECT count(*) FROM clients)::int AS tenants,
                 (SELECT count(*) FROM tenant_metrics_hour)::int AS hours,
                 (SELECT count(*) FROM tenant_metrics_minute)::int AS minutes,
                 (SELECT client_id FROM clients WHERE agency_id = ${big} LIMIT 1) AS client_id`.execute(trx);
        return rows[0] as { tenants: number; hours: number; minutes: number; client_id: string };
      });
      const { client_id: clientId, ...counts } = facts;
      console.log(
        `  ${name}: ${whole(counts.tenants)} tenants, ${whole(counts.hours)} hour rows, ${whole(counts.minutes)} minute rows, loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      const database = `${await describeDatabase(handle.db)}, npm start as ${role} (no superuser, no BYPASSRLS)`;
      return { url, directUrl, big, clientId, counts, database, drop };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
}

/** One JSON call to the server; throws unless it answers `status`. */
async function api(base: string, method: string, url: string, token: string | null, body?: unknown, status = 200) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return JSON.parse(await expectOk(response, `${method} ${url}`, status)) as Record<string, string>;
}

async function signIn(base: string, credentials: { email: string; password: string }): Promise<string> {
  return (await api(base, 'POST', '/v1/auth/token', null, credentials)).accessToken as string;
}

/** The latencies of `count` GETs of `url`, one at a time. */
async function latencies(url: string, token: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await expectOk(await fetch(url, { headers: { authorization: `Bearer ${token}` } }), url);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The three views measured on the server at `base`. */
async function measure(base: string, seeded: Seeded) {
  const adminToken = await signIn(base, ADMIN);
  const viewer = { email: 'viewer@big-agency.bench.example', password: BENCH_PASSWORD };
  await api(base, 'POST', `/v1/agencies/${seeded.big}/users`, adminToken, { ...viewer, role: 'viewer' }, 201);
  const agencyToken = await signIn(base, viewer);
  const views = {
    agency: { url: `${base}/v1/agencies/${seeded.big}/health?sort=status&limit=50`, token: agencyToken },
    platform: { url: `${base}/v1/platform/health?sort=status&limit=50`, token: adminToken },
    'client chart': {
      url: `${base}/v1/clients/${seeded.clientId}/metrics?resolution=minute&from=${new Date(Date.now() - 86_399_000).toISOString()}`,
      token: agencyToken,
    },
  };
  console.log(`  ${seeded.database}; ${REQUESTS} requests each, one at a time, after 5 to warm up`);
  // The first view reads every tenant's traffic (TrafficSummary); later ones within 30 s answer from it.
  const [cold = 0] = await latencies(views.platform.url, views.platform.token, 1);
  console.log(`    first platform view, reading every tenant's traffic: ${ms(cold)}`);
  const figures: Record<string, { p50: number; p95: number }> = {};
  for (const [name, view] of Object.entries(views)) {
    await latencies(view.url, view.token, 5);
    const samples = await latencies(view.url, view.token, REQUESTS);
    figures[name] = { p50: median(samples), p95: percentile(samples, 95) };
    console.log(`    ${name.padEnd(12)} p50 ${ms(median(samples))}  p95 ${ms(percentile(samples, 95))}`);
  }
  return { cold, figures };
}

export const healthDashboard: Benchmark = {
  name: 'health dashboard',
  budgetMs: 900_000,
  async run(): Promise<BenchReport> {
    const base = process.env.DATABASE_URL;
    if (!onPostgres || !base) {
      console.log('  skipped: set DATABASE_URL=postgres://… (this benchmark needs real PostgreSQL)');
      return {
        name: this.name,
        target: '≤ 1×',
        ratio: null,
        meets: null,
        database: '-',
        figures: 'skipped: set DATABASE_URL',
      };
    }
    buildServer();
    const seeded = await seed(base);
    try {
      // The seeded domains have no next check, so the scheduler asks no DNS while the views are measured.
      const server = await spawnServer(
        startCommand(),
        {
          DATABASE_URL: seeded.url,
          DATABASE_DIRECT_URL: seeded.directUrl,
          PORT: '0',
          UPZENTO_ADMIN_EMAIL: ADMIN.email,
          UPZENTO_ADMIN_PASSWORD: ADMIN.password,
        },
        /listening on (http:\/\/\S+)/,
      );
      console.log(`  npm start (${startCommand().join(' ')}) with its defaults, at ${server.url}`);
      try {
        const { cold, figures } = await measure(server.url, seeded);
        const worst = Math.max(figures.agency?.p95 ?? 0, figures.platform?.p95 ?? 0);
        return atMost(
          this.name,
          worst / TARGET_MS,
          1,
          seeded.database,
          `p95 agency (1,001 tenants) ${ms(figures.agency?.p95 ?? 0)}, platform (${whole(seeded.counts.tenants)}) ${ms(figures.platform?.p95 ?? 0)} vs ${TARGET_MS} ms (first platform view ${ms(cold)}); client 24 h minute chart p95 ${ms(figures['client chart']?.p95 ?? 0)}`,
        );
      } finally {
        await server.stop();
      }
    } finally {
      await seeded.drop();
    }
  },
};

await runIfMain(import.meta.url, healthDashboard);
