/**
 * Staged data migration: the shipped `client-settings-document` run over 1,000 agencies (each with one
 * client and its widget settings, written before the document existed) the way the platform admin runs
 * it: ten canaries, then batches of 100 with 4 agencies at once and a pause between batches; then
 * rolled back. Figures only, no target: the time per agency (from its `running` mark to its `done` or
 * `rolled_back` mark, as the database's clock recorded them), and the whole run's.
 *
 * PGlite by default, PostgreSQL when DATABASE_URL is set. The agencies are loaded with INSERT … SELECT
 * generate_series as the owner, as tenant-scale.ts loads its tenants; the migration runs through the
 * application's runner, as `POST /v1/platform/data-migrations/:name/runs` starts it.
 */
import { sql, type Kysely } from 'kysely';
import { SETTINGS_DOCUMENT_MIGRATION } from '../server/embedding/client-settings.ts';
import type { Database } from '../server/db/schema.ts';
import type { Actor } from '../server/db/tenant-db.ts';
import { defaultWidgetSettings } from '../server/embedding/widget-template.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { asOwner, describeDatabase, runIfMain, type Benchmark, type BenchReport } from './harness.ts';
import { median, ms, percentile, whole } from './stats.ts';

const AGENCIES = 1000;
const CANARIES = 10;
const RUN = { batchSize: 100, concurrency: 4, pauseMs: 100, retries: 2 };
const ACTOR: Actor = { type: 'system', id: null, requestId: 'bench-staged-migration', ip: null };

/** Agencies, one client each, and the client's settings in the columns alone (as before 0019). */
async function load(db: Kysely<Database>): Promise<void> {
  const widget = JSON.stringify(defaultWidgetSettings(''));
  await asOwner(db, async (trx) => {
    await sql`
      INSERT INTO agencies (agency_id, name, created_at)
      SELECT gen_random_uuid(), 'Agency ' || a, now() - make_interval(secs => ${AGENCIES}::int - a)
      FROM generate_series(1, ${AGENCIES}::int) AS a
    `.execute(trx);
    await sql`
      INSERT INTO clients (agency_id, client_id, name, public_key)
      SELECT agency_id, gen_random_uuid(), name || ' client', 'pk_' || replace(gen_random_uuid()::text, '-', '')
      FROM agencies
    `.execute(trx);
    await sql`
      INSERT INTO client_settings (agency_id, client_id, widget)
      SELECT agency_id, client_id, jsonb_set(${widget}::jsonb, '{title}', to_jsonb('Contact ' || name)) FROM clients
    `.execute(trx);
  });
}

interface Timed {
  state: string;
  batch: number | null;
  ms: number;
}

/** Each agency's time in the migration, from its `running` mark to its end mark, in ms. */
async function timings(t: TestApp): Promise<Timed[]> {
  const { rows } = await t.data.privileged('bench: per-agency timings', (db) =>
    sql<Timed>`SELECT state, batch, extract(epoch FROM finished_at - started_at)::float8 * 1000 AS ms
      FROM tenant_data_migrations WHERE migration = ${SETTINGS_DOCUMENT_MIGRATION}`.execute(db),
  );
  return rows;
}

function summary(label: string, rows: readonly Timed[], wallMs: number): string {
  const each = rows.map((row) => row.ms);
  const line = `${label}: ${whole(rows.length)} agencies in ${(wallMs / 1000).toFixed(2)} s; per agency median ${ms(median(each))}, p95 ${ms(percentile(each, 95))}, max ${ms(Math.max(...each))}`;
  console.log(`  ${line}`);
  return line;
}

async function awaitOperation(t: TestApp, kind: 'run' | 'rollback'): Promise<void> {
  const outcome = await t.app.dataMigrations.idle(SETTINGS_DOCUMENT_MIGRATION);
  if (outcome?.kind !== kind || outcome.failed > 0 || outcome.stopped)
    throw new Error(`the ${kind} did not finish cleanly: ${JSON.stringify(outcome)}`);
}

export const stagedMigration: Benchmark = {
  name: 'staged migration',
  budgetMs: 600_000,
  async run(): Promise<BenchReport> {
    const t = await createTestApp();
    try {
      const loadStarted = Date.now();
      await load(t.db.handle.direct);
      const database = await describeDatabase(t.db.handle.db);
      console.log(
        `  ${database}; ${whole(AGENCIES)} agencies × 1 client loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`,
      );
      const canaries = await asOwner(t.db.handle.db, (trx) =>
        trx.selectFrom('agencies').select('agency_id').orderBy('created_at').limit(CANARIES).execute(),
      );
      console.log(
        `  ${CANARIES} canaries, then batches of ${RUN.batchSize}, ${RUN.concurrency} at once, ${RUN.pauseMs} ms between batches`,
      );

      const runStarted = performance.now();
      const { unknownCanaries } = await t.app.dataMigrations.startRun(SETTINGS_DOCUMENT_MIGRATION, ACTOR, {
        ...RUN,
        canaries: canaries.map((row) => row.agency_id),
      });
      if (unknownCanaries.length > 0) throw new Error(`unknown canaries ${unknownCanaries.join(', ')}`);
      await awaitOperation(t, 'run');
      const runMs = performance.now() - runStarted;
      const forward = await timings(t);
      if (forward.some((row) => row.state !== 'done')) throw new Error('not every agency is done');
      const pauses = Math.ceil((AGENCIES - CANARIES) / RUN.batchSize) * RUN.pauseMs;
      const run = summary('run', forward, runMs);
      console.log(
        `    canaries median ${ms(median(forward.filter((row) => row.batch === 0).map((row) => row.ms)))}; ${(pauses / 1000).toFixed(1)} s of the run are pauses between batches`,
      );

      const backStarted = performance.now();
      t.app.dataMigrations.startRollback(SETTINGS_DOCUMENT_MIGRATION, ACTOR, null);
      await awaitOperation(t, 'rollback');
      const backMs = performance.now() - backStarted;
      const backward = await timings(t);
      if (backward.some((row) => row.state !== 'rolled_back')) throw new Error('not every agency is rolled back');
      const rollback = summary('rollback (one at a time, newest first)', backward, backMs);

      return {
        name: this.name,
        target: 'none',
        ratio: null,
        meets: null,
        database,
        figures: `${run.replace(/^run: /, '')}; rollback per agency median ${ms(median(backward.map((row) => row.ms)))} (${rollback.match(/in ([\d.]+ s)/)?.[1]})`,
      };
    } finally {
      await t.close();
    }
  },
};

await runIfMain(import.meta.url, stagedMigration);
