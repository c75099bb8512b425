/**
 * What every benchmark shares: the shape of its report, which database it ran on, real listening
 * servers on 127.0.0.1, a bare Fastify built like the application's, and SQL run as the database's
 * owner for bulk loading.
 */
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema.ts';
import { onPostgres } from '../test/support/test-database.ts';
import { runAll } from './runner.ts';
import { serverOptions } from '../server/http/server-options.ts';

export { listen } from '../test/support/test-app.ts';

export interface BenchReport {
  name: string;
  /** What the issue asks of the ratio, e.g. `≥ 0.6×`; `none` for a benchmark that reports figures alone. */
  target: string;
  /** The measured ratio; null when the benchmark was skipped. */
  ratio: number | null;
  /** Whether the ratio reaches the target; null when skipped. Never decided on absolute times. */
  meets: boolean | null;
  database: string;
  /** The raw figures behind the ratio, one line, for the summary table. */
  figures: string;
}

/** The report of a benchmark whose ratio should reach at least `target`. */
export function atLeast(name: string, ratio: number, target: number, database: string, figures: string): BenchReport {
  return { name, target: `≥ ${target}×`, ratio, meets: ratio >= target, database, figures };
}

/** The report of a benchmark whose ratio should stay at most `target`. */
export function atMost(name: string, ratio: number, target: number, database: string, figures: string): BenchReport {
  return { name, target: `≤ ${target}×`, ratio, meets: ratio <= target, database, figures };
}

export interface Benchmark {
  name: string;
  /** Wall-clock bound for the whole benchmark, setup and teardown included, in ms. */
  budgetMs: number;
  run(): Promise<BenchReport>;
}

/**
 * A Fastify with the same server options as server/app.ts's buildApp (logger off, the same request
 * ids, body limit and validator settings) and nothing else: the floor the application's routes are
 * compared with.
 */
export function bareFastify(): FastifyInstance {
  return Fastify(serverOptions());
}

/** Which database a benchmark ran on, for its report. */
export async function describeDatabase(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ version: string }>`SELECT current_setting('server_version') AS version`.execute(db);
  const version = rows[0]?.version ?? '?';
  return onPostgres
    ? `PostgreSQL ${version} (DATABASE_URL)`
    : `PGlite ${version} (embedded; set DATABASE_URL for PostgreSQL)`;
}

/**
 * Runs fn in one transaction as the connecting role, which owns the tables. A superuser passes
 * row-level security as it is; any other owner is held back by FORCEd RLS with no policy of its
 * own (server/db/migrations/0004-row-level-security.ts), so it loads as upzento_system, whose
 * policies admit every row, as the privileged path does.
 */
export async function asOwner<R>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<R>): Promise<R> {
  return db.transaction().execute(async (trx) => {
    if (!(await isSuperuser(trx))) await sql`SET LOCAL ROLE upzento_system`.execute(trx);
    return fn(trx);
  });
}

/** Whether the connecting role is a superuser (PGlite's always is). */
export async function isSuperuser(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{
    super: boolean;
  }>`SELECT rolsuper AS super FROM pg_roles WHERE rolname = current_user`.execute(db);
  return rows[0]?.super === true;
}

/** Throws with the response when it is not the expected status. */
export async function expectOk(response: Response, what: string, status = 200): Promise<string> {
  const body = await response.text();
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${body}`);
  return body;
}

/** Lets a benchmark file run on its own (`npx tsx bench/widget-hot-path.ts`) as well as from bench/run.ts. */
export async function runIfMain(moduleUrl: string, benchmark: Benchmark): Promise<void> {
  if (process.argv[1] === undefined || pathToFileURL(process.argv[1]).href !== moduleUrl) return;
  await runAll([benchmark]);
}
