/**
 * A brake on repeated failed sign-ins, per address and per address-and-email. The first few
 * failures are free; after that each further failure doubles the wait, up to a ceiling. Unknown and
 * known emails are braked alike, so the brake does not tell which emails exist.
 *
 * Not per email alone: then anyone could lock the rightful user out by failing on purpose. A
 * caller from another address starts with counts of its own, whatever failed elsewhere.
 *
 * The counts live in the database (table sign_in_brake), so every instance brakes alike. They are
 * counted in the statement that looks up the account, so the brake costs a sign-in no round trip
 * of its own; a success takes its count back in the transaction that writes the audit row.
 */
import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface BrakeOptions {
  /** Failures from one address for one email before the brake engages; default 5. */
  freeFailures?: number;
  /** The longest wait, in seconds; default 900. */
  maxDelaySeconds?: number;
  /** Failures an address may make across all emails before it is braked; default 50. */
  freeFailuresPerIp?: number;
  /** The clock, in ms; default Date.now. */
  now?: () => number;
}

/** Counts untouched this long are forgotten (and their rows deleted, a few per sign-in). */
const FORGET_AFTER_MS = 24 * 3600 * 1000;
/** Stale rows one sign-in deletes at most: enough to keep up, little enough to stay cheap. */
const SWEEP_PER_ATTEMPT = 10;

export interface BrakedLookup<R> {
  /** Seconds to wait before trying again; 0 when the attempt was let through. */
  wait: number;
  /** What the look-up found (undefined when nothing). */
  found: R | undefined;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class SignInBrake {
  readonly #free: number;
  readonly #freePerIp: number;
  readonly #maxDelayMs: number;
  readonly #now: () => number;

  constructor(options: BrakeOptions = {}) {
    this.#free = options.freeFailures ?? 5;
    this.#freePerIp = options.freeFailuresPerIp ?? 50;
    this.#maxDelayMs = (options.maxDelaySeconds ?? 900) * 1000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Admits an attempt or says how long to wait, and runs `lookup` (a query of one row, the account)
   * in the same statement. An admitted attempt counts as a failure at once, before the password is
   * checked, so that many attempts sent together cannot all pass the brake while their
   * verifications run; `succeeded` takes the count back. Each count is decided under its row's
   * lock, so attempts on several instances at once are counted one by one.
   *
   * `who` is what the attempt names (an email, or a user for a password change); `ip` the caller.
   * While the address-and-email count brakes, the address is not counted further; while only the
   * address brakes, the refused attempt still counts for the pair.
   */
  async attempt<R>(db: Kysely<Database>, who: string, ip: string, lookup: Expression<R>): Promise<BrakedLookup<R>> {
    const nowMs = this.#now();
    const now = sql`${new Date(nowMs).toISOString()}::timestamptz`;
    const forget = sql`${new Date(nowMs - FORGET_AFTER_MS).toISOString()}::timestamptz`;
    const pairKey = digest(`pair\u0000${ip}\u0000${who}`);
    const ipKey = digest(`ip\u0000${ip}`);
    const maxMs = sql`${this.#maxDelayMs}::float8`;
    // The time until which `failures` failures brake, or NULL while they are free.
    const until = (failures: unknown, free: number) =>
      sql`CASE WHEN ${failures} > ${free}::int
        THEN ${now} + least(${maxMs}, 1000 * power(2, least(${failures} - ${free}::int - 1, 40))) * interval '1 millisecond' END`;
    // The address is counted only for an attempt the pair let through (FROM pair WHERE …).
    const count = (key: string, free: number, source: ReturnType<typeof sql>) => sql`
      INSERT INTO sign_in_brake AS b (key, failures, blocked_until, last_admitted, last_at)
      SELECT ${key}::text, 1, ${until(sql`1`, free)}, true, ${now} ${source}
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN b.blocked_until > ${now} THEN b.failures WHEN b.last_at < ${forget} THEN 1 ELSE b.failures + 1 END,
        blocked_until = CASE WHEN b.blocked_until > ${now} THEN b.blocked_until
                             WHEN b.last_at < ${forget} THEN ${until(sql`1`, free)}
                             ELSE ${until(sql`b.failures + 1`, free)} END,
        last_admitted = NOT coalesce(b.blocked_until > ${now}, false),
        last_at = ${now}`;
    const pairCount = count(pairKey, this.#free, sql``);
    const ipCount = count(ipKey, this.#freePerIp, sql`FROM pair WHERE pair.last_admitted`);
    type Row = R & { brake_until: Date | string | null };
    const { rows } = await sql<Row>`
      WITH pair AS (
        ${pairCount}
        RETURNING last_admitted, blocked_until
      ), address AS (
        ${ipCount}
        RETURNING last_admitted, blocked_until
      ), stale AS (
        -- Rows another attempt holds are skipped, never waited for: two returning callers each
        -- sweeping the other's rows would otherwise wait on each other (a deadlock). The age is
        -- checked again on delete, in case the row was counted since it was picked.
        DELETE FROM sign_in_brake WHERE last_at < ${forget} AND key IN (
          SELECT key FROM sign_in_brake WHERE last_at < ${forget} AND key NOT IN (${pairKey}, ${ipKey})
          LIMIT ${SWEEP_PER_ATTEMPT} FOR UPDATE SKIP LOCKED
        )
        RETURNING key
      ), verdict AS (
        SELECT CASE WHEN NOT pair.last_admitted THEN pair.blocked_until
                    WHEN address.last_admitted IS FALSE THEN address.blocked_until END AS brake_until
        FROM pair LEFT JOIN address ON true
      )
      SELECT found.*, verdict.brake_until FROM verdict LEFT JOIN (${lookup}) AS found ON true`.execute(db);
    const row = rows[0];
    if (!row) throw new Error('the sign-in brake statement returned no row');
    const { brake_until: brakeUntil, ...rest } = row;
    const waitMs = brakeUntil === null ? 0 : new Date(brakeUntil).getTime() - nowMs;
    const found = Object.values(rest).every((value) => value === null) ? undefined : (rest as unknown as R);
    return { wait: waitMs > 0 ? Math.ceil(waitMs / 1000) : 0, found };
  }

  /** The attempt was right: the pair starts afresh, and the address gets its attempt back. */
  async succeeded(db: Kysely<Database>, who: string, ip: string): Promise<void> {
    const pairKey = digest(`pair\u0000${ip}\u0000${who}`);
    const ipKey = digest(`ip\u0000${ip}`);
    await sql`
      WITH gone AS (DELETE FROM sign_in_brake WHERE key = ${pairKey} RETURNING key)
      UPDATE sign_in_brake SET failures = greatest(0, failures - 1) WHERE key = ${ipKey}`.execute(db);
  }
}
