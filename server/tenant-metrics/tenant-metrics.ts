/**
 * Per-tenant metrics (docs/metrics.md): counted in memory on the request path (tenant-counters.ts),
 * flushed every few seconds to the rollup tables, one transaction per database, and pruned by a
 * retention job (minute rows after a day, hour rows after 90 days) that one instance runs at a time.
 *
 * A flush never throws: one the database refuses keeps its tallies for the next (within the
 * counters' bound) and logs once per failure. The flusher is started by the server entry; closing
 * the app flushes what is left. Tests call flush() and the retention's runOnce() by hand.
 */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { PeriodicJob } from '../db/periodic-job.ts';
import type { Database } from '../db/schema.ts';
import type { GroupOutcome, TenantDatabase } from '../db/tenant-db.ts';
import { addTallies, HOUR_MS, type RollupTable } from './rollup-writes.ts';
import { TenantCounters, type TenantCountersOptions } from './tenant-counters.ts';

/** Advisory lock key of the rollup retention job ("upzento" and 7). */
export const ROLLUP_RETENTION_LOCK_KEY = 0x75707a656e746f07n;

/** How long each table's rows are kept; default a day of minutes and 90 days of hours. */
export interface RollupRetention {
  minuteMs: number;
  hourMs: number;
}
export const DEFAULT_ROLLUP_RETENTION: Readonly<RollupRetention> = {
  minuteMs: 24 * HOUR_MS,
  hourMs: 90 * 24 * HOUR_MS,
};

export interface TenantMetricsOptions {
  data: TenantDatabase;
  /** The direct connection, where the retention job's lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  now: () => Date;
  log?: FastifyBaseLogger;
  /** Time between flushes; default 5 s. */
  flushIntervalMs?: number;
  retention?: RollupRetention;
  counters?: TenantCountersOptions;
  /** Told of each flush that had counts to write, and of the tenant-minutes dropped before it; default none. */
  onFlush?: (ok: boolean, dropped: number) => void;
}

export interface RetentionRun {
  ran: boolean;
  minuteRows: number;
  hourRows: number;
}

export class TenantMetrics {
  readonly counters: TenantCounters;
  readonly #options: TenantMetricsOptions;
  readonly #retention: PeriodicJob<RetentionRun>;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> | null = null;
  #failing = false;

  constructor(options: TenantMetricsOptions) {
    this.#options = options;
    this.counters = new TenantCounters(options.counters);
    this.#retention = new PeriodicJob({
      name: 'metrics retention',
      lockDb: options.lockDb,
      lockKey: ROLLUP_RETENTION_LOCK_KEY,
      ...(options.log && { log: options.log }),
      skipped: () => ({ ran: false, minuteRows: 0, hourRows: 0 }),
      work: () => this.#prune(),
    });
  }

  /** Flushes every interval and prunes every hour, until stop(). */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.flush(), this.#options.flushIntervalMs ?? 5_000);
    this.#timer.unref();
    this.#retention.start();
  }

  /** Stops both and flushes what is left. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#retention.stop();
    await this.flush();
  }

  /** Writes everything counted so far; a flush already going is waited for first, so none overlap. */
  async flush(): Promise<void> {
    while (this.#flushing) await this.#flushing;
    this.#flushing = this.#write().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  /** Deletes the rows past their retention now (the hourly job's run). */
  pruneOnce(): Promise<RetentionRun> {
    return this.#retention.runOnce();
  }

  async #write(): Promise<void> {
    const tallies = this.counters.take();
    const dropped = this.counters.takeDropped();
    if (dropped > 0)
      this.#options.log?.warn(
        { dropped },
        'tenant metrics: counts of the oldest minutes dropped while the database could not take them',
      );
    // Tallies are dropped only while others wait: with none taken, none were dropped.
    if (tallies.length === 0) return;
    const agencies = [...new Set(tallies.map((tally) => tally.agencyId))];
    let outcomes: Array<GroupOutcome<void>>;
    try {
      outcomes = await this.#options.data.privilegedForAgencies(
        agencies,
        'tenant metrics: add the counts of the last seconds',
        (db, here) => {
          const ids = new Set(here);
          return addTallies(
            db,
            tallies.filter((tally) => ids.has(tally.agencyId)),
          );
        },
        { waitForFlush: false },
      );
    } catch (error) {
      // Reloading the placements failed: nothing is known to be written.
      outcomes = [{ agencyIds: agencies, ok: false, error }];
    }
    const failed = outcomes.filter((outcome) => !outcome.ok);
    // What a database took stays there; the rest is kept for the next flush.
    const unwritten = new Set(failed.flatMap((outcome) => outcome.agencyIds));
    if (unwritten.size > 0) this.counters.giveBack(tallies.filter((tally) => unwritten.has(tally.agencyId)));
    this.#options.onFlush?.(failed.length === 0, dropped);
    if (failed.length > 0 && !this.#failing) {
      const error = failed[0]?.ok === false ? failed[0].error : undefined;
      this.#options.log?.warn({ err: error }, 'tenant metrics: flush failed; counts kept for the next');
    } else if (failed.length === 0 && this.#failing) this.#options.log?.info('tenant metrics: flushing again');
    this.#failing = failed.length > 0;
  }

  async #prune(): Promise<RetentionRun> {
    const now = this.#options.now().getTime();
    const retention = this.#options.retention ?? DEFAULT_ROLLUP_RETENTION;
    const deleted = await this.#options.data.privilegedEach(
      'tenant metrics: delete rows past their retention',
      async (db) => ({
        minuteRows: await deleteBefore(db, 'tenant_metrics_minute', new Date(now - retention.minuteMs)),
        hourRows: await deleteBefore(db, 'tenant_metrics_hour', new Date(now - retention.hourMs)),
      }),
    );
    return {
      ran: true,
      minuteRows: deleted.reduce((sum, one) => sum + one.minuteRows, 0),
      hourRows: deleted.reduce((sum, one) => sum + one.hourRows, 0),
    };
  }
}

async function deleteBefore(db: Kysely<Database>, table: RollupTable, before: Date): Promise<number> {
  const result = await db.deleteFrom(table).where('bucket_start', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
