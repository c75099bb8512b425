/**
 * Scoping overhead: one tenant's contact listing through the API (GET /v1/clients/:id/contacts?limit=50
 * with a real JWT) against the same SELECT through raw `pg`. Target: scoped ≥ 0.6× raw throughput.
 *
 * Why the raw side sits behind a bare Fastify route, not in-process: the API's figure includes HTTP
 * parsing, response serialization and the load generator's round trip. Comparing it with an
 * in-process pool.query() would charge all of that to scoping. Behind a bare route with the same
 * server options, the same response schema and the same 20 autocannon connections, the two differ
 * only in what scoping costs (JWT check, tenancy hooks, the scoped transaction's extra round trips,
 * row-level security), and the bodies are checked to be byte for byte the same. Both use a pool of
 * 10 connections, as the application does by default.
 *
 * A third variant, the same bare route running the query through TenantDatabase.scoped, splits the
 * gap into what the transaction costs and what the API layer around it costs.
 */
import pg from 'pg';
import type { CompiledQuery } from 'kysely';
import { ScopedQueries, type Actor, type TenantScope } from '../server/db/tenant-db.ts';
import { onPostgres } from '../test/support/test-database.ts';
import { createTestApp } from '../test/support/test-app.ts';
import {
  atLeast,
  asOwner,
  bareFastify,
  describeDatabase,
  expectOk,
  isSuperuser,
  listen,
  runIfMain,
  type Benchmark,
} from './harness.ts';
import {
  explain,
  explainListing,
  LIMIT,
  listingPage,
  listingQuery,
  ListingResponse,
  type ContactRow,
} from './contact-listing.ts';
import { hammer } from './load.ts';
import { clientUserToken, createAgency, createClient, seedContacts } from './provision.ts';
import { inTurns, median, times, whole } from './stats.ts';

const CLIENTS = 4;
const CONTACTS_PER_CLIENT = 1000;
const CONNECTIONS = 20;
const POOL_SIZE = 10;
const RUN_SEC = 4;
const ROUNDS = 3;
const TARGET = 0.6;

export const scopingOverhead: Benchmark = {
  name: 'scoping overhead',
  budgetMs: 120_000,
  async run() {
    const t = await createTestApp();
    const closers: Array<() => Promise<unknown>> = [];
    try {
      const { db } = t.db.handle;
      const database = await describeDatabase(db);
      const agencyId = await createAgency(t, 'Bench Agency');
      const clients = [];
      for (let i = 1; i <= CLIENTS; i++)
        clients.push({ agencyId, ...(await createClient(t, agencyId, `Bench Client ${i}`)) });
      await seedContacts(db, clients, CONTACTS_PER_CLIENT);
      // A client other than the first, so the index has other tenants' rows on both sides of it.
      const measured = clients[1]!;
      const token = await clientUserToken(t, measured.clientId, 'viewer', 'viewer@bench.example');
      const scope: TenantScope = { agencyId, clientId: measured.clientId };
      const actor: Actor = { type: 'user', id: null, requestId: null, ip: null };

      // The SELECT the route runs: the same builder calls on a ScopedQueries, so the same text and values.
      const listing = listingQuery(new ScopedQueries(db, scope, actor)).compile() as CompiledQuery<ContactRow>;

      // Raw: the bare SELECT, no transaction, no role switch, no tenant context.
      let rawRows: () => Promise<ContactRow[]>;
      let rawLabel: string;
      if (onPostgres) {
        const pool = new pg.Pool({ connectionString: t.db.url!, max: POOL_SIZE, application_name: 'bench-raw' });
        closers.push(() => pool.end());
        // pool.end() resolves once its idle clients are told to end, not once they have: the test
        // database's drop right after may cut one, which is no failure of the benchmark (the
        // application's own pools ignore idle clients' errors likewise).
        pool.on('error', () => {});
        const superuser = await isSuperuser(db);
        // A non-superuser owner sees no rows under FORCEd RLS; as upzento_system it sees them all.
        if (!superuser) pool.on('connect', (client) => void client.query('SET ROLE upzento_system'));
        rawRows = async () => (await pool.query<ContactRow>(listing.sql, listing.parameters as unknown[])).rows;
        rawLabel = `pg.Pool(${POOL_SIZE})${superuser ? '' : ' as upzento_system'}`;
      } else {
        // PGlite has no `pg`: the bare SELECT goes straight to its one connection through Kysely's driver.
        rawRows = async () => (await db.executeQuery(listing)).rows;
        rawLabel = 'the PGlite connection, no transaction';
      }
      const scopedRows = () => t.data.scoped(scope, actor, (q) => listingQuery(q).execute()) as Promise<ContactRow[]>;

      const bare = bareFastify();
      closers.push(() => bare.close());
      const schema = { response: { 200: ListingResponse } };
      bare.get('/raw/contacts', { schema }, async () => listingPage(await rawRows()));
      bare.get('/scoped/contacts', { schema }, async () => listingPage(await scopedRows()));
      const bareBase = await listen(bare);
      const apiBase = await listen(t.app);

      const targets = {
        api: {
          url: `${apiBase}/v1/clients/${measured.clientId}/contacts?limit=${LIMIT}`,
          headers: { authorization: `Bearer ${token}` },
        },
        scoped: { url: `${bareBase}/scoped/contacts`, headers: {} },
        raw: { url: `${bareBase}/raw/contacts`, headers: {} },
      };
      // Same data: the three answers must be the same 50 contacts and cursor, byte for byte.
      const bodies = await Promise.all(
        Object.entries(targets).map(async ([name, target]) =>
          expectOk(await fetch(target.url, { headers: target.headers }), name),
        ),
      );
      const parsed = JSON.parse(bodies[0]!) as { items: unknown[]; nextCursor: string | null };
      if (parsed.items.length !== LIMIT || parsed.nextCursor === null)
        throw new Error(`the listing has ${parsed.items.length} items; expected a full page`);
      if (new Set(bodies).size !== 1)
        throw new Error('the API, scoped and raw listings differ; the comparison would not be of the same data');

      console.log(
        `  ${database}; ${CLIENTS} clients × ${CONTACTS_PER_CLIENT} contacts; ${CONNECTIONS} connections, ${RUN_SEC} s runs`,
      );
      console.log(`  scoped plan: ${await explainListing(t.data, scope)}`);
      console.log(`  raw plan:    ${await asOwner(db, (trx) => explain(trx, listing))}`);
      const load = (name: keyof typeof targets) => () =>
        hammer({ ...targets[name], connections: CONNECTIONS, durationSec: RUN_SEC });
      const runs = await inTurns(
        ROUNDS,
        { api: load('api'), scoped: load('scoped'), raw: load('raw') },
        (name, round, result) =>
          console.log(`    round ${round} ${name.padEnd(6)} ${whole(result.requestsPerSec).padStart(7)} req/s`),
      );
      const rps = (name: keyof typeof runs) => median(runs[name].map((r) => r.requestsPerSec));
      const api = rps('api');
      const scoped = rps('scoped');
      const raw = rps('raw');
      const ratio = api / raw;
      console.log(`  API (JWT, tenancy hooks, scoped transaction, RLS): ${whole(api)} req/s (median)`);
      console.log(`  bare route + TenantDatabase.scoped:                ${whole(scoped)} req/s (median)`);
      console.log(`  bare route + raw SELECT on ${rawLabel}: ${whole(raw)} req/s (median)`);
      console.log(
        `  scoped API / raw = ${times(ratio)} (target ≥ ${TARGET}×); transaction alone: scoped / raw = ${times(scoped / raw)}; API layer: API / scoped = ${times(api / scoped)}`,
      );
      return atLeast(
        this.name,
        ratio,
        TARGET,
        database,
        `API ${whole(api)} req/s, raw ${whole(raw)} req/s (bare+scoped ${whole(scoped)})`,
      );
    } finally {
      for (const close of closers.reverse()) await close().catch(() => {});
      await t.close();
    }
  },
};

await runIfMain(import.meta.url, scopingOverhead);
