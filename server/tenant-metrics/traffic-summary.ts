/**
 * Every tenant's traffic of the health view's window (tenant-health.ts readTraffic), read from every
 * database and kept in memory for `maxAgeMs`: summing 24 hour rows of each of 10,000 tenants takes
 * PostgreSQL about half a second here, too long to pay on each view (docs/metrics.md gives the
 * figures). Older than that, the summary is still answered while one read brings it up to date;
 * only the first view after a start (or after `maxAgeMs` × 10 without one) waits for the read.
 */
import type { TenantDatabase } from '../db/tenant-db.ts';
import { healthWindowStart, readTraffic, type TrafficRow } from './tenant-health.ts';

export interface TrafficSummaryOptions {
  data: TenantDatabase;
  now: () => Date;
  /** How long a summary is answered without reading again; default 30 s (0: read for every view). */
  maxAgeMs?: number;
}

interface Summary {
  readAt: number;
  since: Date;
  byTenant: Map<string, TrafficRow>;
}

export class TrafficSummary {
  readonly #options: TrafficSummaryOptions;
  #summary: Summary | null = null;
  #reading: Promise<Summary> | null = null;

  constructor(options: TrafficSummaryOptions) {
    this.#options = options;
  }

  /** Each tenant's traffic by tenant id, and the window's start. */
  async get(): Promise<{ since: Date; byTenant: Map<string, TrafficRow> }> {
    const maxAgeMs = this.#options.maxAgeMs ?? 30_000;
    const summary = this.#summary;
    const age = summary === null ? Number.POSITIVE_INFINITY : this.#options.now().getTime() - summary.readAt;
    if (summary !== null && age <= maxAgeMs) return summary;
    // Stale but recent enough: answered now, read again behind it (a failed read is tried by the next view).
    if (summary !== null && age <= maxAgeMs * 10) {
      this.#read().catch(() => {});
      return summary;
    }
    return this.#read();
  }

  #read(): Promise<Summary> {
    this.#reading ??= this.#readAll().finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }

  async #readAll(): Promise<Summary> {
    const now = this.#options.now();
    const since = healthWindowStart(now);
    const perDatabase = await this.#options.data.privilegedEach(
      'health: every tenant traffic of the last 24 hours',
      (db) => readTraffic(db, since),
    );
    const summary = {
      readAt: now.getTime(),
      since,
      byTenant: new Map(perDatabase.flat().map((row) => [row.tenant_id, row])),
    };
    this.#summary = summary;
    return summary;
  }
}
