/**
 * The first stage of a re-check round: reading the domains due, a page at a time and one page ahead
 * of the checks, in (next_check_at, domain_id) order.
 */
import type { TenantDatabase } from '../db/tenant-db.ts';
import { dateOf, epochMsOf } from '../db/epoch-ms.ts';
import { DUE_COLUMNS, DUE_TIMES, type DueDomain } from './domain-checks.ts';

/** Checks running at once, times this, is the size of a round's first page. */
export const FIRST_PAGE_PER_CHECK = 8;

/** Up to `limit` domains due at `at`, after `after` in (next_check_at, domain_id) order. */
export async function readDueDomains(
  data: TenantDatabase,
  at: Date,
  limit: number,
  after: DueDomain | null,
): Promise<DueDomain[]> {
  // Every database's first `limit`, merged in the same order: the first `limit` of them all.
  const pages = await data.privilegedEach('scheduler: domains due for a check', (db) => {
    let query = db
      .selectFrom('domains')
      .select(DUE_COLUMNS)
      .select(DUE_TIMES.map((column) => epochMsOf(column).as(column)))
      .where('status', 'in', ['pending', 'verified', 'failing'])
      .where('next_check_at', '<=', at);
    if (after) {
      // Pages in (next_check_at, domain_id) order through what was due at the start of the round,
      // so a domain whose check failed (and stays due) is passed over, not taken again and again.
      query = query.where((eb) =>
        eb(eb.refTuple('next_check_at', 'domain_id'), '>', eb.tuple(after.next_check_at as Date, after.domain_id)),
      );
    }
    // Qualified: a bare next_check_at here would name the epoch number selected above, not the column.
    return query.orderBy('domains.next_check_at').orderBy('domains.domain_id').limit(limit).execute();
  });
  const rows =
    pages.length === 1
      ? (pages[0] ?? [])
      : pages
          .flat()
          .sort((a, b) => Number(a.next_check_at) - Number(b.next_check_at) || (a.domain_id < b.domain_id ? -1 : 1))
          .slice(0, limit);
  // One literal, not a loop over DUE_TIMES: faster per row (docs/performance.md); the DueDomain type
  // still catches a column left out.
  return rows.map((row) => ({
    agency_id: row.agency_id,
    client_id: row.client_id,
    domain_id: row.domain_id,
    hostname: row.hostname,
    challenge_token: row.challenge_token,
    status: row.status,
    created_at: dateOf(row.created_at) as Date,
    verified_at: dateOf(row.verified_at),
    failing_since: dateOf(row.failing_since),
    next_check_at: dateOf(row.next_check_at),
    updated_at: dateOf(row.updated_at) as Date,
  }));
}

/**
 * The domains due in a round, read a page at a time: the next page is asked for as soon as a page
 * is taken up, so checks rarely wait for the database. A failed read ends the taking (every
 * `take()` then gives null) and is kept in `failure` for the round to throw once its checks are done;
 * `stop()` ends the taking too, and no page is read after it.
 */
export class DueQueue {
  readonly #read: (after: DueDomain | null, limit: number) => Promise<DueDomain[]>;
  readonly #pageSize: number;
  #page: DueDomain[] = [];
  #taken = 0;
  #next: { rows: Promise<DueDomain[]>; limit: number } | null;
  #stopped = false;
  failure: { error: unknown } | null = null;

  constructor(
    read: (after: DueDomain | null, limit: number) => Promise<DueDomain[]>,
    firstPageSize: number,
    pageSize: number,
  ) {
    this.#read = read;
    this.#pageSize = pageSize;
    this.#next = { rows: withRejectionHandled(read(null, firstPageSize)), limit: firstPageSize };
  }

  /** The next domain of the page at hand, without waiting; undefined when take() must wait for a page (or give null). */
  takeNow(): DueDomain | undefined {
    return this.#stopped || this.#taken >= this.#page.length ? undefined : this.#page[this.#taken++];
  }

  async take(): Promise<DueDomain | null> {
    while (this.#taken >= this.#page.length) {
      const next = this.#next;
      if (!next || this.#stopped) return null;
      let page: DueDomain[];
      try {
        page = await next.rows;
      } catch (error) {
        this.failure ??= { error };
        this.#next = null;
        return null;
      }
      if (this.#stopped) return null;
      // Several checks may wait for one page; the first to wake takes it up, the others find it there.
      if (this.#next !== next) continue;
      this.#page = page;
      this.#taken = 0;
      const last = page[page.length - 1];
      // A short page was the last.
      this.#next =
        last && page.length === next.limit
          ? { rows: withRejectionHandled(this.#read(last, this.#pageSize)), limit: this.#pageSize }
          : null;
    }
    return this.#stopped ? null : (this.#page[this.#taken++] as DueDomain);
  }

  /** Every take() from now on gives null, and no further page is read. */
  stop(): void {
    this.#stopped = true;
  }

  /** Domains of the last page not yet taken; null while another page may follow. */
  get untaken(): number | null {
    return this.#next ? null : this.#page.length - this.#taken;
  }

  /** Waits for a read still in flight (after the round stopped taking early), whatever its end. */
  async settle(): Promise<void> {
    await this.#next?.rows.catch(() => undefined);
  }
}

/**
 * Marks a promise that is awaited later as handled now: should it fail while the round is busy with
 * DNS, that is not an unhandled rejection. Awaiting it still throws.
 */
function withRejectionHandled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
