/**
 * Re-checks domains when they are due: verified ones on their (jittered) interval, failing ones
 * until they recover or their grace period ends, pending ones until they are met or expire.
 *
 * Several server processes may share one database; a PostgreSQL session advisory lock, taken on
 * the direct connection, lets one of them run a round at a time while the others skip it. The
 * embedded database belongs to one process, so it needs no lock. A change of status is applied in
 * its domain's own tenant scope, as the system actor.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import type { Actor, TenantDatabase } from '../db/tenant-db.ts';
import { DUE_COLUMNS, type DomainChecks, type DueDomain, type UnchangedCheck } from './domain-checks.ts';
import { afterCheck, isExpired, stateOf, type DomainTimings } from './lifecycle.ts';

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
  /** Domains read from the database at a time; default 500. */
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

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };

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
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${SCHEDULER_LOCK_KEY.toString()}::bigint) AS locked`.execute(connection);
      if (!rows[0]?.locked) return { ran: false, checked: 0, expired: 0, failed: 0 };
      try {
        return await work();
      } finally {
        await sql`SELECT pg_advisory_unlock(${SCHEDULER_LOCK_KEY.toString()}::bigint)`.execute(connection);
      }
    });
  }

  /**
   * Rounds take due domains in batches. DNS is asked for each, with bounded concurrency; the
   * outcomes that leave a status as it was (nearly all of them) are recorded in one statement per
   * batch, and only a change of status goes through the domain's own scoped transaction, with its
   * audit row and NOTIFY. The database works beside DNS: the next batch is read, and the previous
   * one's outcomes written, while the current batch is asked about. A round goes on until nothing
   * more is due, so a backlog larger than one batch does not wait for the next tick.
   */
  async #work(): Promise<RoundResult> {
    const { checks, timings, now } = this.#options;
    const batchSize = this.#options.batchSize ?? DEFAULT_BATCH_SIZE;
    const concurrency = this.#options.concurrency ?? DEFAULT_CHECK_CONCURRENCY;
    const result: RoundResult = { ran: true, checked: 0, expired: 0, failed: 0 };
    const at = now();
    // Pages through what was due at the start of the round, in (next_check_at, domain_id) order, so
    // a domain whose check failed (and stays due) is passed over, not taken again and again.
    let nextBatch = handled(this.#due(at, batchSize, null));
    let writing: Promise<unknown> = Promise.resolve();
    try {
      for (;;) {
        const due = await nextBatch;
        const last = due[due.length - 1];
        if (!last) break;
        nextBatch =
          due.length < batchSize
            ? Promise.resolve([])
            : handled(this.#due(at, batchSize, { nextCheckAt: last.next_check_at as Date, domainId: last.domain_id }));
        const unchanged: UnchangedCheck[] = [];
        await eachLimited(due, concurrency, async (domain) => {
          const scope = { agencyId: domain.agency_id, clientId: domain.client_id };
          try {
            const state = stateOf(domain);
            if (isExpired(state, at, timings)) {
              await checks.expire(scope, SYSTEM, domain.domain_id);
              result.expired += 1;
              return;
            }
            const check = await checks.lookup(domain.hostname, domain.challenge_token, 'scheduled');
            const next = afterCheck(state, check, now(), timings);
            if (next.status === domain.status) unchanged.push({ domain, check, next });
            else await checks.apply(scope, SYSTEM, domain.domain_id, check, 'scheduled');
            result.checked += 1;
          } catch (error) {
            result.failed += 1;
            this.#options.log?.error({ err: error, domainId: domain.domain_id }, 'domain re-check failed');
          }
        });
        // One write at a time: the previous batch's has landed (or failed the round) before the next starts.
        await writing;
        writing = handled(checks.recordUnchanged(unchanged));
      }
    } catch (error) {
      // A round that failed still waits for its write in flight, so that the lock is not let go (nor
      // the database closed) under it; that write's own failure is then only logged.
      await writing.catch((writeError: unknown) => this.#options.log?.error({ err: writeError }, 'recording re-checks failed'));
      throw error;
    }
    await writing;
    return result;
  }

  #due(at: Date, limit: number, after: { nextCheckAt: Date; domainId: string } | null): Promise<DueDomain[]> {
    return this.#options.data.privileged('scheduler: domains due for a check', (db) => {
      let query = db
        .selectFrom('domains')
        .select(DUE_COLUMNS)
        .where('status', 'in', ['pending', 'verified', 'failing'])
        .where('next_check_at', '<=', at);
      if (after) {
        query = query.where((eb) => eb(eb.refTuple('next_check_at', 'domain_id'), '>', eb.tuple(after.nextCheckAt, after.domainId)));
      }
      return query.orderBy('next_check_at').orderBy('domain_id').limit(limit).execute();
    });
  }
}

/**
 * Marks a promise that is awaited later as handled now: should it fail while the round is busy with
 * DNS, that is not an unhandled rejection. Awaiting it still throws.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
