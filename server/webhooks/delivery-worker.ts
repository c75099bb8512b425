/**
 * Sends the deliveries that are due, and records each attempt on its row: delivered on a 2xx,
 * otherwise tried again on the schedule of retry-schedule.ts, and failed after the last attempt.
 * Deliveries are rows, not timers, so a restart loses none: whatever was due and not recorded is
 * sent by the next round (at least once; the event id lets a receiver drop a repeat).
 *
 * Several server processes may share one database; a PostgreSQL session advisory lock, taken on
 * the direct connection, lets one of them run a round at a time. The embedded database belongs to
 * one process, so it needs no lock. The server entry starts the worker; tests call runOnce().
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import type { Actor, TenantDatabase } from '../db/tenant-db.ts';
import { SUBMISSION_COLUMNS, submissionView, type SubmissionRow } from '../crm/submission-view.ts';
import { nextAttemptAt } from './retry-schedule.ts';
import { sendWebhook, type AttemptResult, type SendOptions } from './sender.ts';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature.ts';

/** Advisory lock key of the delivery round ("upzento" and 2 → a fixed 64-bit number). */
export const DELIVERY_LOCK_KEY = 0x75707a656e746f02n;

export interface WebhookWorkerOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  now: () => Date;
  send: SendOptions;
  /** Deliveries sent at once; default 8. */
  concurrency?: number;
  /** Deliveries read from the database at a time; default 100. */
  pageSize?: number;
  /** The longest wait between rounds once started, in ms; default 30,000. */
  idleMs?: number;
  log?: FastifyBaseLogger;
}

export interface DeliveryRound {
  /** False when another process held the lock. */
  ran: boolean;
  delivered: number;
  /** Attempts that failed and are to be tried again. */
  retried: number;
  /** Attempts that failed for the last time. */
  failed: number;
  /** When the earliest delivery still pending is due; null when none is. */
  nextDueAt: Date | null;
}

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };
const USER_AGENT = 'Upzento-Webhooks/1';

export class WebhookWorker {
  readonly #options: WebhookWorkerOptions;
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<DeliveryRound> | null = null;
  #started = false;
  #again = false;

  constructor(options: WebhookWorkerOptions) {
    this.#options = options;
  }

  /** Runs rounds from now on: when a delivery falls due, when nudged, and at least every idleMs. */
  start(): void {
    this.#started = true;
    this.#schedule(0);
  }

  /** Stops scheduling and waits for a round in progress. */
  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#round?.catch(() => undefined);
  }

  /** Something was queued: a started worker runs a round now (or right after the one running). */
  nudge(): void {
    if (!this.#started) return;
    if (this.#round) this.#again = true;
    else this.#schedule(0);
  }

  /** One round now; a round already running is joined, not doubled. */
  runOnce(): Promise<DeliveryRound> {
    this.#round ??= this.#withLock(() => this.#work()).finally(() => {
      this.#round = null;
    });
    return this.#round;
  }

  #schedule(ms: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), ms);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    const idleMs = this.#options.idleMs ?? 30_000;
    let wait = idleMs;
    try {
      const round = await this.runOnce();
      // Another instance holds the lock: it may have read the due rows before ours were queued.
      if (!round.ran) wait = 1000;
      else if (round.nextDueAt)
        wait = Math.min(idleMs, Math.max(200, round.nextDueAt.getTime() - this.#options.now().getTime()));
    } catch (error) {
      this.#options.log?.error({ err: error }, 'webhook delivery round failed');
      wait = Math.min(idleMs, 5000);
    }
    if (this.#again) {
      this.#again = false;
      wait = 0;
    }
    if (this.#started) this.#schedule(wait);
  }

  async #withLock(work: () => Promise<DeliveryRound>): Promise<DeliveryRound> {
    const { lockDb } = this.#options;
    if (!lockDb) return work();
    return lockDb.connection().execute(async (connection) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`SELECT pg_try_advisory_lock(${DELIVERY_LOCK_KEY.toString()}::bigint) AS locked`.execute(connection);
      if (!rows[0]?.locked) return { ran: false, delivered: 0, retried: 0, failed: 0, nextDueAt: null };
      try {
        return await work();
      } finally {
        await sql`SELECT pg_advisory_unlock(${DELIVERY_LOCK_KEY.toString()}::bigint)`.execute(connection);
      }
    });
  }

  /**
   * Reads what was due at the start of the round a page at a time, in (next_attempt_at, delivery_id)
   * order, and sends each page with bounded concurrency. A delivery whose record could not be
   * written stays due and is passed over by the pages after it, so a round always ends.
   */
  async #work(): Promise<DeliveryRound> {
    const { now } = this.#options;
    const pageSize = this.#options.pageSize ?? 100;
    const concurrency = this.#options.concurrency ?? 8;
    const round: DeliveryRound = { ran: true, delivered: 0, retried: 0, failed: 0, nextDueAt: null };
    const at = now();
    let after: DueDelivery | null = null;
    for (;;) {
      const page = await this.#due(at, pageSize, after);
      let next = 0;
      const sender = async () => {
        while (next < page.length) {
          const delivery = page[next++] as DueDelivery;
          try {
            const outcome = await this.#attempt(delivery);
            round[outcome] += 1;
          } catch (error) {
            this.#options.log?.error(
              { err: error, deliveryId: delivery.delivery_id },
              'recording a webhook delivery failed',
            );
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, page.length) }, sender));
      if (page.length < pageSize) break;
      after = page[page.length - 1] as DueDelivery;
    }
    const nextDue = await this.#options.data.privilegedEach('webhooks: when the next delivery is due', async (db) => {
      const row = await db
        .selectFrom('webhook_deliveries')
        .select('next_attempt_at')
        .where('status', '=', 'pending')
        .orderBy('next_attempt_at')
        .limit(1)
        .executeTakeFirst();
      return row?.next_attempt_at ?? null;
    });
    round.nextDueAt = nextDue.reduce<Date | null>(
      (soonest, at) => (at !== null && (soonest === null || at < soonest) ? at : soonest),
      null,
    );
    return round;
  }

  async #due(at: Date, limit: number, after: DueDelivery | null): Promise<DueDelivery[]> {
    // Every database's first `limit`, merged in the same order: the first `limit` of them all.
    const pages = await this.#options.data.privilegedEach('webhooks: deliveries due', (db) => {
      let query = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', (join) =>
          join
            .onRef('w.agency_id', '=', 'd.agency_id')
            .onRef('w.client_id', '=', 'd.client_id')
            .onRef('w.webhook_id', '=', 'd.webhook_id'),
        )
        .innerJoin('submissions as s', (join) =>
          join.onRef('s.agency_id', '=', 'd.agency_id').onRef('s.submission_id', '=', 'd.submission_id'),
        )
        .select([
          'd.agency_id',
          'd.client_id',
          'd.delivery_id',
          'd.event_id',
          'd.event_type',
          'd.event_at',
          'd.attempts',
          'd.next_attempt_at',
          'w.url',
          'w.secret',
          'w.previous_secret',
          'w.previous_secret_until',
        ])
        .select(SUBMISSION_COLUMNS.filter((column) => column !== 'client_id').map((column) => `s.${column}` as const))
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', at);
      if (after) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('d.next_attempt_at', 'd.delivery_id'),
            '>',
            eb.tuple(after.next_attempt_at as Date, after.delivery_id),
          ),
        );
      }
      return query.orderBy('d.next_attempt_at').orderBy('d.delivery_id').limit(limit).execute();
    });
    if (pages.length === 1) return pages[0] ?? [];
    return pages
      .flat()
      .sort(
        (a, b) =>
          (a.next_attempt_at as Date).getTime() - (b.next_attempt_at as Date).getTime() ||
          (a.delivery_id < b.delivery_id ? -1 : 1),
      )
      .slice(0, limit);
  }

  /** Sends one delivery and records the attempt in its client's own scope. */
  async #attempt(delivery: DueDelivery): Promise<'delivered' | 'retried' | 'failed'> {
    const { now } = this.#options;
    const sentAt = now();
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.event_type,
      createdAt: delivery.event_at.toISOString(),
      data: submissionView(delivery),
    });
    const secrets = [delivery.secret];
    if (delivery.previous_secret && delivery.previous_secret_until && delivery.previous_secret_until > sentAt)
      secrets.push(delivery.previous_secret);
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [EVENT_ID_HEADER]: delivery.event_id,
      'Upzento-Event-Type': delivery.event_type,
      'Upzento-Delivery-Id': delivery.delivery_id,
      [SIGNATURE_HEADER]: signatureHeader(secrets, sentAt, body),
    };
    const result = await sendWebhook(new URL(delivery.url), headers, body, this.#options.send);
    return this.#record(delivery, result, now());
  }

  async #record(delivery: DueDelivery, result: AttemptResult, at: Date): Promise<'delivered' | 'retried' | 'failed'> {
    const attempts = delivery.attempts + 1;
    const retryAt = result.ok ? null : nextAttemptAt(attempts, at);
    const outcome = result.ok ? 'delivered' : retryAt ? 'retried' : 'failed';
    const scope = { agencyId: delivery.agency_id, clientId: delivery.client_id };
    await this.#options.data.scoped(scope, SYSTEM, (q) =>
      q
        .updateTable('webhook_deliveries')
        .set({
          status: outcome === 'retried' ? 'pending' : outcome,
          attempts,
          next_attempt_at: retryAt,
          last_attempt_at: at,
          last_status: result.status,
          last_latency_ms: result.latencyMs,
          last_error: result.error?.slice(0, 500) ?? null,
          delivered_at: result.ok ? at : null,
        })
        .where('delivery_id', '=', delivery.delivery_id)
        // A delivery recorded meanwhile (or deleted with its endpoint) is left as it is.
        .where('status', '=', 'pending')
        .where('attempts', '=', delivery.attempts)
        .execute(),
    );
    return outcome;
  }
}

/** A delivery that is due, with the submission its body is made from. */
interface DueDelivery extends SubmissionRow {
  agency_id: string;
  client_id: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  event_at: Date;
  attempts: number;
  next_attempt_at: Date | null;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
}
