/**
 * Re-checks domains when they are due: verified ones on their (jittered) interval, failing ones
 * until they recover or their grace period ends, pending ones until they are met or expire.
 *
 * Several server processes may share one database; a PostgreSQL session advisory lock, taken on
 * the direct connection, lets one of them run a round at a time while the others skip it. The
 * embedded database belongs to one process, so it needs no lock. A change of status is applied in
 * its domain's own tenant scope, as the system actor.
 *
 * A round is a pipeline of three stages, each in its own module: due-domains.ts picks the domains
 * due, recheck.ts resolves each one, unchanged-writer.ts stores the outcomes that change no status.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import type { TenantDatabase } from '../db/tenant-db.ts';
import type { DomainChecks, DueDomain } from './domain-checks.ts';
import type { DomainTimings } from './lifecycle.ts';
import { DueQueue, FIRST_PAGE_PER_CHECK, readDueDomains } from './due-domains.ts';
import { recheckDomain } from './recheck.ts';
import { UnchangedWriter } from './unchanged-writer.ts';

/** Advisory lock key of the re-check round ("upzento domains" → a fixed 64-bit number). */
export const SCHEDULER_LOCK_KEY = 0x75707a656e746f01n;

/** Domains a round reads from the database at a time, unless told otherwise. */
const DEFAULT_BATCH_SIZE = 500;

/** DNS look-ups a round runs at once, unless told otherwise. */
export const DEFAULT_CHECK_CONCURRENCY = 16;

export interface SchedulerOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  checks: DomainChecks;
  timings: DomainTimings;
  now: () => Date;
  /** DNS look-ups running at once; default 16. */
  concurrency?: number;
  /**
   * Domains read from the database at a time, and the most outcomes one statement writes; default
   * 500. A round's first page is smaller (8 × concurrency), so that DNS is asked sooner.
   */
  batchSize?: number;
  /** Time between rounds, in ms; default 60,000. */
  tickMs?: number;
  /** Where failed checks are reported; default nowhere. */
  log?: FastifyBaseLogger;
}

export interface RoundResult {
  /** False when another process held the lock. */
  ran: boolean;
  checked: number;
  expired: number;
  failed: number;
}

export class DomainScheduler {
  readonly #options: SchedulerOptions;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<RoundResult> | null = null;
  #stopped = false;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#stopped = false;
    const tick = () => {
      this.#timer = setTimeout(async () => {
        await this.runOnce().catch((error) => this.#options.log?.error({ err: error }, 'domain re-check round failed'));
        if (!this.#stopped) tick();
      }, this.#options.tickMs ?? 60_000);
      this.#timer.unref();
    };
    tick();
  }

  /** Stops scheduling and waits for a round in progress. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#round?.catch(() => undefined);
  }

  /** One round now; a round already running is joined, not doubled. */
  runOnce(): Promise<RoundResult> {
    this.#round ??= this.#withLock(() => this.#work()).finally(() => {
      this.#round = null;
    });
    return this.#round;
  }

  async #withLock(work: () => Promise<RoundResult>): Promise<RoundResult> {
    const { lockDb } = this.#options;
    if (!lockDb) return work();
    return lockDb.connection().execute(async (connection) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`SELECT pg_try_advisory_lock(${SCHEDULER_LOCK_KEY.toString()}::bigint) AS locked`.execute(connection);
      if (!rows[0]?.locked) return { ran: false, checked: 0, expired: 0, failed: 0 };
      try {
        return await work();
      } finally {
        await sql`SELECT pg_advisory_unlock(${SCHEDULER_LOCK_KEY.toString()}::bigint)`.execute(connection);
      }
    });
  }

  /**
   * A round reads what is due a page at a time, one page ahead of the checks, and asks DNS about it
   * with bounded concurrency, with no pause between pages. The outcomes that leave a status as it
   * was (nearly all of them) are written while checks go on, two statements at a time at most; only a
   * change of status goes through the domain's own scoped transaction, with its audit row and NOTIFY.
   * A write waits for half a page of outcomes, except on the last page, where it waits only until as
   * many outcomes wait as are still to come: writes shrink toward the end, and what is left when the
   * last check ends starts at once, beside the writes still in flight. A round goes on until nothing
   * more is due, so a backlog larger than one page does not wait for the next tick.
   */
  async #work(): Promise<RoundResult> {
    const { checks, now } = this.#options;
    const pageSize = this.#options.batchSize ?? DEFAULT_BATCH_SIZE;
    const concurrency = this.#options.concurrency ?? DEFAULT_CHECK_CONCURRENCY;
    const result: RoundResult = { ran: true, checked: 0, expired: 0, failed: 0 };
    const at = now();
    // The first page is small, so that DNS is asked while the second, full one is read.
    const due = new DueQueue(
      (after, limit) => readDueDomains(this.#options.data, at, limit, after),
      Math.min(pageSize, FIRST_PAGE_PER_CHECK * concurrency),
      pageSize,
    );
    let checking = 0;
    const halfPage = Math.ceil(pageSize / 2);
    const unchanged = new UnchangedWriter(
      (checked) => checks.recordUnchanged(checked),
      () => (due.untaken === null ? halfPage : Math.min(halfPage, due.untaken + checking)),
      pageSize,
      () => due.stop(),
    );
    const check = async (domain: DueDomain) => {
      try {
        if ((await recheckDomain(domain, at, this.#options, (outcome) => unchanged.add(outcome))) === 'expired')
          result.expired += 1;
        else result.checked += 1;
      } catch (error) {
        result.failed += 1;
        this.#options.log?.error({ err: error, domainId: domain.domain_id }, 'domain re-check failed');
      }
    };
    const worker = async () => {
      for (;;) {
        // Most domains are at hand in the page already read: only a page boundary waits.
        const domain = due.takeNow() ?? (await due.take());
        if (!domain) return;
        checking += 1;
        await check(domain);
        checking -= 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // A round ends only when its statements have: the lock is let go, and the database may be
    // closed, when it does. The outcomes of a round whose read failed are still written.
    await due.settle();
    try {
      await unchanged.finish();
    } catch (error) {
      // The write's failure is the one thrown; a failed read of the same round is not lost.
      if (due.failure) this.#options.log?.error({ err: due.failure.error }, 'reading domains due for a check failed');
      throw error;
    }
    if (due.failure) throw due.failure.error;
    return result;
  }
}
