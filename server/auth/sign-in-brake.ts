/**
 * A brake on repeated failed sign-ins, per email and per IP. The first few failures are free;
 * after that each further failure doubles the wait, up to a ceiling. Unknown and known emails are
 * braked alike, so the brake does not tell which emails exist.
 *
 * The counters live in this process (lru-cache, bounded): several instances each brake on their
 * own, which multiplies an attacker's budget by the instance count but keeps sign-in free of
 * extra writes.
 */
import { LRUCache } from 'lru-cache';

export interface BrakeOptions {
  /** Failures allowed before the brake engages; default 5. */
  freeFailures?: number;
  /** The longest wait, in seconds; default 900. */
  maxDelaySeconds?: number;
  /** Failures an IP may make across all emails before it is braked; default 50. */
  freeFailuresPerIp?: number;
  /** The clock, in ms; default Date.now. */
  now?: () => number;
}

interface Counter {
  failures: number;
  blockedUntil: number;
}

export class SignInBrake {
  readonly #byKey = new LRUCache<string, Counter>({ max: 100_000, ttl: 24 * 3600 * 1000 });
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
   * Admits an attempt or says how many seconds to wait. An admitted attempt counts as a failure at
   * once, before the password is checked, so that many attempts sent together cannot all pass the
   * brake while their verifications run; `succeeded` takes the count back.
   */
  attempt(email: string, ip: string): number {
    const now = this.#now();
    const until = Math.max(this.#byKey.get(`e:${email}`)?.blockedUntil ?? 0, this.#byKey.get(`i:${ip}`)?.blockedUntil ?? 0);
    if (until > now) return Math.ceil((until - now) / 1000);
    this.#bump(`e:${email}`, this.#free);
    this.#bump(`i:${ip}`, this.#freePerIp);
    return 0;
  }

  /** The attempt was right: the email starts afresh, and the address gets its attempt back. */
  succeeded(email: string, ip: string): void {
    this.#byKey.delete(`e:${email}`);
    const counter = this.#byKey.get(`i:${ip}`);
    if (counter) counter.failures = Math.max(0, counter.failures - 1);
  }

  #bump(key: string, free: number): void {
    const counter = this.#byKey.get(key) ?? { failures: 0, blockedUntil: 0 };
    counter.failures += 1;
    const over = counter.failures - free;
    if (over > 0) counter.blockedUntil = this.#now() + Math.min(this.#maxDelayMs, 1000 * 2 ** (over - 1));
    this.#byKey.set(key, counter);
  }
}
