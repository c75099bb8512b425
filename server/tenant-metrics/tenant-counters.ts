/**
 * Each instance's per-tenant counts, in memory, per (tenant, minute): the hot path's whole cost is a
 * map look-up and a few array increments. The flush (rollup-flush.ts) takes what has been counted
 * and adds it to the rollup tables; what it could not write is given back, within a bound, so a
 * database outage loses the oldest minutes rather than memory.
 */
import { LATENCY_BUCKETS, latencyBucket } from './latency-histogram.ts';

/** The rollup tables' counter columns (0023), in the order each tally holds them. */
export const COUNTER_COLUMNS = [
  'widget_requests',
  'widget_refused_origin',
  'widget_refused_suspended',
  'widget_refused_rate_limited',
  'widget_refused_other',
  'widget_5xx',
  'submissions',
  'api_requests',
  'api_4xx',
  'api_5xx',
  'rate_limited',
  'checks_matched',
  'checks_not_found',
  'checks_wrong_value',
  'checks_dns_failure',
] as const;
export type CounterColumn = (typeof COUNTER_COLUMNS)[number];

const SLOT = Object.fromEntries(COUNTER_COLUMNS.map((column, slot) => [column, slot])) as Record<CounterColumn, number>;
/** Where each histogram starts in a tally's values. */
export const API_LATENCY = COUNTER_COLUMNS.length;
export const WIDGET_LATENCY = API_LATENCY + LATENCY_BUCKETS;
const SIZE = WIDGET_LATENCY + LATENCY_BUCKETS;

/** How a widget request of a known client was answered. */
export type WidgetOutcome = 'served' | 'submitted' | 'origin' | 'suspended' | 'rate_limited' | 'other' | 'error';
const WIDGET_SLOT: Record<WidgetOutcome, number> = {
  served: -1,
  submitted: SLOT.submissions,
  origin: SLOT.widget_refused_origin,
  suspended: SLOT.widget_refused_suspended,
  rate_limited: SLOT.widget_refused_rate_limited,
  other: SLOT.widget_refused_other,
  error: SLOT.widget_5xx,
};

export type CheckOutcome = 'matched' | 'not_found' | 'wrong_value' | 'dns_failure';
const CHECK_SLOT: Record<CheckOutcome, number> = {
  matched: SLOT.checks_matched,
  not_found: SLOT.checks_not_found,
  wrong_value: SLOT.checks_wrong_value,
  dns_failure: SLOT.checks_dns_failure,
};

/** One tenant's counts over one minute. */
export interface Tally {
  readonly agencyId: string;
  /** Null for the agency's own counts. */
  readonly clientId: string | null;
  /** The minute's start, in ms since the epoch. */
  readonly minute: number;
  /** COUNTER_COLUMNS, then the API's latency buckets, then the widget's. */
  readonly values: Float64Array;
  /** The last widget or API request counted, in ms since the epoch; 0 for none. */
  lastRequestAt: number;
}

export interface TenantCountersOptions {
  /** Tallies kept for a later flush while the database cannot take them; default 50,000 (tens of MB). */
  maxPending?: number;
  /** The clock; default Date.now. */
  now?: () => number;
}

function bump(values: Float64Array, slot: number): void {
  values[slot] = (values[slot] as number) + 1;
}

export class TenantCounters {
  readonly #maxPending: number;
  readonly #now: () => number;
  #minute = -1;
  /** The current minute's tallies, by tenant id. */
  #current = new Map<string, Tally>();
  /** Tallies of minutes that are over, or given back by a flush that failed; oldest first. */
  #pending: Tally[] = [];
  #dropped = 0;

  constructor(options: TenantCountersOptions = {}) {
    this.#maxPending = options.maxPending ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  /** Counts a widget request of a client, answered as `outcome` after `elapsedMs`. */
  widgetAnswered(client: { agencyId: string; clientId: string }, outcome: WidgetOutcome, elapsedMs: number): void {
    const now = this.#now();
    const tally = this.#tally(now, client.clientId, client.agencyId, client.clientId);
    const values = tally.values;
    bump(values, SLOT.widget_requests);
    const slot = WIDGET_SLOT[outcome];
    if (slot >= 0) bump(values, slot);
    bump(values, WIDGET_LATENCY + latencyBucket(elapsedMs));
    tally.lastRequestAt = now;
  }

  /** Counts an API request of a user of the agency (clientId null) or of one of its clients. */
  apiAnswered(agencyId: string, clientId: string | null, status: number, elapsedMs: number): void {
    const now = this.#now();
    const tally = this.#tally(now, clientId ?? agencyId, agencyId, clientId);
    const values = tally.values;
    bump(values, SLOT.api_requests);
    if (status === 429) bump(values, SLOT.rate_limited);
    if (status >= 500) bump(values, SLOT.api_5xx);
    else if (status >= 400) bump(values, SLOT.api_4xx);
    bump(values, API_LATENCY + latencyBucket(elapsedMs));
    tally.lastRequestAt = now;
  }

  /** Counts a DNS check of one of a client's domains. */
  domainChecked(client: { agencyId: string; clientId: string }, outcome: CheckOutcome): void {
    const slot = CHECK_SLOT[outcome];
    bump(this.#tally(this.#now(), client.clientId, client.agencyId, client.clientId).values, slot);
  }

  /** Everything counted so far, oldest first; counting starts again from nothing. */
  take(): Tally[] {
    const taken = this.#pending;
    for (const tally of this.#current.values()) taken.push(tally);
    this.#pending = [];
    this.#current = new Map();
    return taken;
  }

  /**
   * Gives back tallies a flush could not write, to be tried with the next; past the bound, the
   * oldest are dropped (and counted: see takeDropped).
   */
  giveBack(tallies: readonly Tally[]): void {
    this.#keep([...tallies, ...this.#pending]);
  }

  /** Tallies dropped since the last call. */
  takeDropped(): number {
    const dropped = this.#dropped;
    this.#dropped = 0;
    return dropped;
  }

  /** Keeps `tallies` (oldest first) for the next flush, dropping the oldest past the bound. */
  #keep(tallies: Tally[]): void {
    const over = tallies.length - this.#maxPending;
    if (over > 0) {
      this.#dropped += over;
      tallies.splice(0, over);
    }
    this.#pending = tallies;
  }

  #tally(now: number, tenantId: string, agencyId: string, clientId: string | null): Tally {
    const minute = now - (now % 60_000);
    if (minute !== this.#minute) {
      // A new minute: the last one's tallies wait for the flush, and the map starts empty.
      if (this.#current.size > 0) this.#keep([...this.#pending, ...this.#current.values()]);
      this.#current = new Map();
      this.#minute = minute;
    }
    let tally = this.#current.get(tenantId);
    if (tally === undefined) {
      tally = { agencyId, clientId, minute, values: new Float64Array(SIZE), lastRequestAt: 0 };
      this.#current.set(tenantId, tally);
    }
    return tally;
  }
}
