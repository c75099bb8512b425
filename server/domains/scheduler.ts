/**
 * Re-checks domains when they are due: verified ones on their (jittered) interval, failing ones
 * until they recover or their grace period ends, pending ones until they are met or expire.
 *
 * Several server processes may share one database; a PostgreSQL session advisory lock, taken on
 * the direct connection, lets one of them run a round at a time while the others skip it. The
 * embedded database belongs to one process, so it needs no lock. Checks in a round run with
 * bounded concurrency, each in its own domain's tenant scope, as the system actor.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import type { Actor, TenantDatabase } from '../db/tenant-db.ts';
import type { DomainChecks } from './domain-checks.ts';
import { isExpired, type DomainTimings } from './lifecycle.ts';

/** Advisory lock key of the re-check round ("upzento domains" → a fixed 64-bit number). */
export const SCHEDULER_LOCK_KEY = 0x75707a656e746f01n;

export interface SchedulerOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  checks: DomainChecks;
  timings: DomainTimings;
  now: () => Date;
  /** Checks running at once; default 8. */
  concurrency?: number;
  /** Domains taken per round; default 500. */
  batchSize?: number;
  /** Time between rounds, in ms; default 60,000. */
  tickMs?: number;
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

  async #work(): Promise<RoundResult> {
    const { data, checks, timings, now } = this.#options;
    const at = now();
    const due = await data.privileged('scheduler: domains due for a check', (db) =>
      db
        .selectFrom('domains')
        .select(['agency_id', 'client_id', 'domain_id', 'status', 'created_at', 'verified_at', 'failing_since'])
        .where('status', 'in', ['pending', 'verified', 'failing'])
        .where('next_check_at', '<=', at)
        .orderBy('next_check_at')
        .limit(this.#options.batchSize ?? 500)
        .execute(),
    );
    const result: RoundResult = { ran: true, checked: 0, expired: 0, failed: 0 };
    await eachLimited(due, this.#options.concurrency ?? 8, async (domain) => {
      const scope = { agencyId: domain.agency_id, clientId: domain.client_id };
      const state = { status: domain.status, createdAt: domain.created_at, verifiedAt: domain.verified_at, failingSince: domain.failing_since };
      try {
        if (isExpired(state, at, timings)) {
          await checks.expire(scope, SYSTEM, domain.domain_id);
          result.expired += 1;
        } else {
          await checks.check(scope, SYSTEM, domain.domain_id, 'scheduled');
          result.checked += 1;
        }
      } catch (error) {
        result.failed += 1;
        this.#options.log?.error({ err: error, domainId: domain.domain_id }, 'domain re-check failed');
      }
    });
    return result;
  }
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
