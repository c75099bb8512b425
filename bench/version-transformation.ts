/**
 * What an older API version costs: one tenant's contact listing (GET /v1/clients/:id/contacts?limit=50,
 * a real JWT, the same 50 contacts) answered in the newest version, 2026-12-01, against the same request
 * in 2026-06-01, whose answer the server moves back across the contact name change
 * (server/versions/changes/) and serializes with that version's schema. Both through the same API on
 * the same port, in turns. Target: the old version ≥ 0.9× the newest's throughput.
 *
 * The bodies are checked first: the old one is the newest with `name` called `fullName`, nothing else.
 */
import { createTestApp } from '../test/support/test-app.ts';
import { atLeast, describeDatabase, expectOk, listen, runIfMain, type Benchmark } from './harness.ts';
import { LIMIT } from './contact-listing.ts';
import { hammer } from './load.ts';
import { clientUserToken, createAgency, createClient, seedContacts } from './provision.ts';
import { inTurns, median, times, whole } from './stats.ts';

const CONTACTS = 500;
const CONNECTIONS = 20;
const RUN_SEC = Number(process.env.BENCH_RUN_SEC ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET = 0.9;
const OLD = '2026-06-01';
const NEW = '2026-12-01';

export const versionTransformation: Benchmark = {
  name: 'version transformation',
  budgetMs: 120_000,
  async run() {
    const t = await createTestApp();
    try {
      const { db } = t.db.handle;
      const database = await describeDatabase(db);
      const agencyId = await createAgency(t, 'Bench Agency');
      const client = { agencyId, ...(await createClient(t, agencyId, 'Bench Client')) };
      await seedContacts(db, [client], CONTACTS);
      const token = await clientUserToken(t, client.clientId, 'viewer', 'viewer@bench.example');
      const base = await listen(t.app);
      const url = `${base}/v1/clients/${client.clientId}/contacts?limit=${LIMIT}`;
      const targets = {
        newest: { url, headers: { authorization: `Bearer ${token}`, 'upzento-version': NEW } },
        old: { url, headers: { authorization: `Bearer ${token}`, 'upzento-version': OLD } },
      };

      const [newest, old] = await Promise.all(
        [targets.newest, targets.old].map(async (target) => expectOk(await fetch(target.url, target), target.url)),
      );
      const page = JSON.parse(newest as string) as { items: Array<Record<string, unknown>> };
      if (page.items.length !== LIMIT) throw new Error(`the listing has ${page.items.length} items; expected ${LIMIT}`);
      const renamed = (old as string).replaceAll('"fullName":', '"name":');
      if (renamed !== newest || (old as string).includes('"name":'))
        throw new Error(
          'the old version answers more than the renamed field differently; the comparison would be unfair',
        );

      console.log(
        `  ${database}; one client with ${CONTACTS} contacts, pages of ${LIMIT}; ${CONNECTIONS} connections, ${RUN_SEC} s runs`,
      );
      const load = (name: keyof typeof targets) => () =>
        hammer({ ...targets[name], connections: CONNECTIONS, durationSec: RUN_SEC });
      const runs = await inTurns(ROUNDS, { newest: load('newest'), old: load('old') }, (name, round, result) =>
        console.log(`    round ${round} ${name.padEnd(6)} ${whole(result.requestsPerSec).padStart(7)} req/s`),
      );
      const rps = (name: keyof typeof runs) => median(runs[name].map((r) => r.requestsPerSec));
      const ratio = rps('old') / rps('newest');
      console.log(`  ${NEW} (as handled): ${whole(rps('newest'))} req/s (median)`);
      console.log(`  ${OLD} (moved back):  ${whole(rps('old'))} req/s (median)`);
      console.log(`  old / newest = ${times(ratio)} (target ≥ ${TARGET}×)`);
      return atLeast(
        this.name,
        ratio,
        TARGET,
        database,
        `${OLD} ${whole(rps('old'))} req/s, ${NEW} ${whole(rps('newest'))} req/s`,
      );
    } finally {
      await t.close();
    }
  },
};

await runIfMain(import.meta.url, versionTransformation);
