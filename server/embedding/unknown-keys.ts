/**
 * Addresses that keep naming public keys no client has. Each new unknown key costs a database
 * look-up (a key is then remembered as unknown for 30 seconds), so an address past a few a minute
 * gets no more look-ups until its minute is over: 429, from memory alone.
 */
import { LRUCache } from 'lru-cache';

export interface UnknownKeyOptions {
  /** Requests with unknown keys one address may make per minute; default 20. */
  perMinute?: number;
  /** The clock, in ms; default Date.now. */
  now?: () => number;
}

const WINDOW_MS = 60_000;

export class UnknownKeyBrake {
  readonly #limit: number;
  readonly #now: () => number;
  readonly #windows = new LRUCache<string, { count: number; since: number }>({ max: 100_000 });

  constructor(options: UnknownKeyOptions = {}) {
    this.#limit = options.perMinute ?? 20;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds before `ip` may have another key looked up; 0 when it may now. */
  wait(ip: string): number {
    const window = this.#windows.get(ip);
    if (!window || window.count < this.#limit) return 0;
    const left = window.since + WINDOW_MS - this.#now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Counts a request of `ip` whose key no client has; true when that reached the limit just now. */
  count(ip: string): boolean {
    const now = this.#now();
    let window = this.#windows.get(ip);
    if (!window || now - window.since >= WINDOW_MS) {
      window = { count: 0, since: now };
      this.#windows.set(ip, window);
    }
    window.count += 1;
    return window.count === this.#limit;
  }
}
