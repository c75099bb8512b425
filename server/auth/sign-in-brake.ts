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

  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  retryAfter(email: string, ip: string): number {
    const now = this.#now();
    const until = Math.max(this.#byKey.get(`e:${email}`)?.blockedUntil ?? 0, this.#byKey.get(`i:${ip}`)?.blockedUntil ?? 0);
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  recordFailure(email: string, ip: string): void {
    this.#bump(`e:${email}`, this.#free);
    this.#bump(`i:${ip}`, this.#freePerIp);
  }

  recordSuccess(email: string): void {
    this.#byKey.delete(`e:${email}`);
  }

  #bump(key: string, free: number): void {
    const counter = this.#byKey.get(key) ?? { failures: 0, blockedUntil: 0 };
    counter.failures += 1;
    const over = counter.failures - free;
    if (over > 0) counter.blockedUntil = this.#now() + Math.min(this.#maxDelayMs, 1000 * 2 ** (over - 1));
    this.#byKey.set(key, counter);
  }
}
