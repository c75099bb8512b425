/**
 * A job run at an interval by one process at a time: each run holds a PostgreSQL advisory lock for
 * its length and is skipped while another process holds it. Without a lock database (PGlite, one
 * process) it just runs. A run asked for while one is going joins that one.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './schema.ts';

export interface PeriodicJobOptions<R> {
  /** Names the job in the log line of a failed run. */
  name: string;
  lockDb: Kysely<Database> | null;
  /** The job's own advisory lock key (test/platform/lock-keys.test.ts keeps them apart). */
  lockKey: bigint;
  /** Time between the end of a run and the start of the next; default one hour. */
  tickMs?: number;
  log?: FastifyBaseLogger;
  /** What a run skipped because another process holds the lock answers. */
  skipped: () => R;
  work: () => Promise<R>;
}

export class PeriodicJob<R> {
  readonly #options: PeriodicJobOptions<R>;
  #timer: NodeJS.Timeout | null = null;
  #run: Promise<R> | null = null;
  #stopped = false;

  constructor(options: PeriodicJobOptions<R>) {
    this.#options = options;
  }

  start(): void {
    // Started twice, it would schedule twice and stop() would clear only one timer.
    if (this.#timer) return;
    this.#stopped = false;
    const tick = () => {
      this.#timer = setTimeout(async () => {
        await this.runOnce().catch((error) =>
          this.#options.log?.error({ err: error }, `${this.#options.name} run failed`),
        );
        if (!this.#stopped) tick();
      }, this.#options.tickMs ?? 3_600_000);
      this.#timer.unref();
    };
    tick();
  }

  /** Stops scheduling and waits for a run in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#run?.catch(() => undefined);
  }

  /** One run now; a run already going is joined, not doubled. */
  runOnce(): Promise<R> {
    this.#run ??= this.#withLock().finally(() => {
      this.#run = null;
    });
    return this.#run;
  }

  async #withLock(): Promise<R> {
    const { lockDb, lockKey, skipped, work } = this.#options;
    if (!lockDb) return work();
    return lockDb.connection().execute(async (connection) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`SELECT pg_try_advisory_lock(${lockKey.toString()}::bigint) AS locked`.execute(connection);
      if (!rows[0]?.locked) return skipped();
      try {
        return await work();
      } finally {
        await sql`SELECT pg_advisory_unlock(${lockKey.toString()}::bigint)`.execute(connection);
      }
    });
  }
}
