/**
 * Entries read from the database and kept until a change of their key is heard of (here at once,
 * on other instances through PostgreSQL NOTIFY), or until `ttlMs`, a bound on how long an instance
 * that somehow missed a notification trusts what it read. A read that was in flight when its key
 * changed serves its own request but is never kept: every invalidation moves a clock, each key
 * remembers the clock at its last one (for as long as a read could take), and a read keeps its
 * value only when it began after both that and the last invalidation of everything. While changes
 * cannot be heard of (distrust), nothing is kept.
 */
import { LRUCache } from 'lru-cache';

export interface InvalidatedCacheOptions {
  max: number;
  ttlMs: number;
}

export class InvalidatedCache<V extends {}> {
  readonly #entries: LRUCache<string, V>;
  readonly #marks: LRUCache<string, number>;
  #clock = 0;
  #all = 0;
  #trusted = true;
  readonly #listeners = new Set<(key: string) => void>();

  constructor(options: InvalidatedCacheOptions) {
    this.#entries = new LRUCache({ max: options.max, ttl: options.ttlMs, ttlResolution: 1000 });
    this.#marks = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  get(key: string): V | undefined {
    return this.#entries.get(key);
  }

  /** The clock a read begins at, to hand to keep() with what it read. */
  readBegins(): number {
    return this.#clock;
  }

  /** Keeps `value`, read from `since` on, unless `key` or everything was invalidated meanwhile. */
  keep(key: string, value: V, since: number): void {
    if (this.#trusted && since >= this.#all && since >= (this.#marks.get(key) ?? 0)) this.#entries.set(key, value);
  }

  invalidate(key: string): void {
    this.#clock += 1;
    this.#marks.set(key, this.#clock);
    this.#entries.delete(key);
    for (const listener of this.#listeners) listener(key);
  }

  invalidateAll(): void {
    this.#clock += 1;
    this.#all = this.#clock;
    this.#entries.clear();
    this.#marks.clear();
    for (const listener of this.#listeners) listener('*');
  }

  /** No change can be heard of now (the LISTEN connection is lost): everything is forgotten, and nothing kept until trust(). */
  distrust(): void {
    this.#trusted = false;
    this.invalidateAll();
  }

  /** Changes are heard of again: what was read meanwhile is forgotten, and keeping resumes. */
  trust(): void {
    this.invalidateAll();
    this.#trusted = true;
  }

  /** Called after each invalidation (with '*' for all); tests use it to see a notification arrive. */
  onInvalidate(listener: (key: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
