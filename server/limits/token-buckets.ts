/**
 * Token buckets per tenant, in this process: each holds this instance's share of the tenant's
 * rate and burst. A request takes a token; a bucket refills at the rate, up to the burst.
 */
import { LRUCache } from 'lru-cache';

export interface Take {
  allowed: boolean;
  /** Requests the tenant may still make at once, across the instances (this share times their number). */
  remaining: number;
  /** Seconds until the bucket is full again. */
  fullInSeconds: number;
  /** Seconds until the next request would be allowed (0 when this one was). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  readonly #buckets = new LRUCache<string, Bucket>({ max: 100_000 });
  readonly #now: () => number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Takes a token of `key`'s bucket, whose share is `rate`/s and `burst` at most divided by `instances`. */
  take(key: string, rate: number, burst: number, instances: number): Take {
    const shareRate = rate / instances;
    const shareBurst = Math.max(1, burst / instances);
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: shareBurst, at: now };
      this.#buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(shareBurst, bucket.tokens + ((now - bucket.at) / 1000) * shareRate);
      bucket.at = now;
    }
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      remaining: Math.floor(bucket.tokens * instances),
      fullInSeconds: Math.ceil((shareBurst - bucket.tokens) / shareRate),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / shareRate)),
    };
  }
}
