/**
 * One log line per kind of failure per interval. While the database is down every request fails
 * the same way; a line (and a stack) per request would bury everything else in the log and cost
 * the process time it needs to recover. The first failure of a kind is logged at once, the rest
 * are counted, and a summary with the count follows once per interval while they go on.
 */
import type { FastifyBaseLogger } from 'fastify';

interface Pending {
  suppressed: number;
  timer: NodeJS.Timeout;
}

export class FailureLog {
  readonly #log: FastifyBaseLogger;
  readonly #intervalMs: number;
  readonly #level: 'warn' | 'info';
  readonly #pending = new Map<string, Pending>();

  /** intervalMs: how often a kind that keeps failing is summarized; default 10 s. level: of every line; default warn. */
  constructor(log: FastifyBaseLogger, intervalMs = 10_000, level: 'warn' | 'info' = 'warn') {
    this.#log = log;
    this.#intervalMs = intervalMs;
    this.#level = level;
  }

  /** Logs the failure now if it is the first of its kind in this interval, else counts it. */
  report(kind: string, details: Record<string, unknown>, message: string): void {
    const pending = this.#pending.get(kind);
    if (pending) {
      pending.suppressed += 1;
      return;
    }
    this.#log[this.#level]({ failure: kind, ...details }, message);
    this.#open(kind);
  }

  /** Stops the timers; counts not yet summarized are logged now. */
  close(): void {
    for (const kind of [...this.#pending.keys()]) this.#summarize(kind, false);
  }

  #open(kind: string): void {
    const timer = setTimeout(() => this.#summarize(kind, true), this.#intervalMs);
    timer.unref();
    this.#pending.set(kind, { suppressed: 0, timer });
  }

  #summarize(kind: string, reopen: boolean): void {
    const pending = this.#pending.get(kind);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#pending.delete(kind);
    if (pending.suppressed === 0) return;
    this.#log[this.#level](
      { failure: kind, count: pending.suppressed, intervalMs: this.#intervalMs },
      `${pending.suppressed} more of this kind in the last ${Math.round(this.#intervalMs / 1000)} s`,
    );
    // Still failing: the next interval is summarized too, without a first line of its own.
    if (reopen) this.#open(kind);
  }
}
