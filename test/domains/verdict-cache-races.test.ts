/**
 * The verdict cache against invalidations that land while a decision is being looked up: what was
 * read before the change must not be served after it. The database is a stand-in whose reads the
 * test holds and releases, so the interleaving is exact rather than left to timing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import type { TenantDatabase } from '../../server/db/tenant-db.ts';
import { VerdictCache, type VerdictCacheOptions } from '../../server/embedding/verdict-cache.ts';
import { defaultWidgetSettings } from '../../server/embedding/widget-template.ts';

const KEY = 'pk_race000000000000000000';
const CLIENT_ID = '00000000-0000-4000-8000-000000000001';
const ORIGIN = 'https://shop.example.com';

/** A database of one client, whose verified domains the test sets; each policy read can be held. */
function standIn(options: VerdictCacheOptions = {}) {
  const state = {
    domains: ['shop.example.com'],
    /** Reads of the client's key, and of its policy. */
    clientReads: 0,
    reads: 0,
    hold: null as Promise<void> | null,
    /** Called after each read has taken what it will answer: a change landing during the read. */
    duringRead: null as ((reads: number) => void) | null,
  };
  const data = {
    privilegedFind: async () => {
      state.clientReads += 1;
      return { agency_id: CLIENT_ID, client_id: CLIENT_ID, public_key: KEY };
    },
    // What is read is fixed when the read starts; its answer may arrive later.
    scoped: async () => {
      state.reads += 1;
      const snapshot = state.domains.map((hostname) => ({ hostname, includeSubdomains: false }));
      state.duringRead?.(state.reads);
      await state.hold;
      return { widget: defaultWidgetSettings('Race'), allowLocalhost: false, domains: snapshot };
    },
  } as unknown as TenantDatabase;
  return { state, cache: new VerdictCache(data, options) };
}

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('decisions and invalidations', () => {
  test('a cached decision is not served after its client is invalidated', async () => {
    const { state, cache } = standIn();
    expect((await cache.decide(KEY, ORIGIN)).verdict.allowed).toBe(true);
    expect(cache.peek(KEY, ORIGIN)?.verdict.allowed).toBe(true);

    state.domains = [];
    cache.invalidate(CLIENT_ID);
    expect(cache.peek(KEY, ORIGIN)).toBeUndefined();
    expect((await cache.decide(KEY, ORIGIN)).verdict.allowed).toBe(false);
    expect(cache.peek(KEY, ORIGIN)?.verdict.allowed).toBe(false);
  });

  test('a look-up that read before an invalidation is asked again, and its old answer never cached', async () => {
    const { state, cache } = standIn();
    const held = gate();
    state.hold = held.promise;
    const deciding = cache.decide(KEY, ORIGIN);
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.reads).toBe(1); // it has read the domain as verified

    state.domains = [];
    state.hold = null;
    cache.invalidate(CLIENT_ID);
    held.open();

    const decided = await deciding;
    expect(decided.verdict.allowed).toBe(false);
    expect(state.reads).toBe(2);
    expect(cache.peek(KEY, ORIGIN)?.verdict.allowed).toBe(false);
  });

  test('a look-up overtaken by invalidations every time is refused, and nothing is cached', async () => {
    const { state, cache } = standIn();
    // Every read is overtaken by a change; the last of them revokes the domain, after the read.
    state.duringRead = (reads) => {
      if (reads === 3) state.domains = [];
      cache.invalidate(CLIENT_ID);
    };
    const decided = await cache.decide(KEY, ORIGIN);
    expect(state.reads).toBe(3);
    expect(decided.verdict.allowed).toBe(false);
    expect(cache.peek(KEY, ORIGIN)).toBeUndefined();

    // Once the changes stop, the next request reads the domain as it now is.
    state.duringRead = null;
    expect((await cache.decide(KEY, ORIGIN)).verdict.allowed).toBe(false);
    expect(cache.peek(KEY, ORIGIN)?.verdict.allowed).toBe(false);
  });

  test('invalidating every client has the same effect on each', async () => {
    const { state, cache } = standIn();
    expect((await cache.decide(KEY, ORIGIN)).verdict.allowed).toBe(true);
    state.domains = [];
    cache.invalidateAll();
    expect(cache.peek(KEY, ORIGIN)).toBeUndefined();
    expect((await cache.decide(KEY, ORIGIN)).verdict.allowed).toBe(false);
  });

  test('concurrent misses share one read of the key and one of the policy', async () => {
    const { state, cache } = standIn();
    const decisions = await Promise.all(Array.from({ length: 10 }, () => cache.decide(KEY, ORIGIN)));
    expect(decisions.every((d) => d.verdict.allowed)).toBe(true);
    expect(state.clientReads).toBe(1);
    expect(state.reads).toBe(1);
  });
});

describe('lifetimes', () => {
  test('a refusal is decided again once its shorter lifetime is over, while an allowed verdict is still served', async () => {
    const verdicts: string[] = [];
    const observe = (cache: string, result: string) => {
      if (cache === 'verdict') verdicts.push(result);
    };
    // Verdicts read the clock at most once a second, so the refusal's 200 ms may run up to a second over.
    const { cache } = standIn({ allowedTtlMs: 30_000, refusedTtlMs: 200, observe });
    const refused = 'https://evil.test';
    await cache.decide(KEY, ORIGIN);
    await cache.decide(KEY, refused);
    expect(cache.peek(KEY, ORIGIN)).toBeDefined();
    expect(cache.peek(KEY, refused)).toBeDefined();

    await sleep(1400);
    verdicts.length = 0;
    expect(cache.peek(KEY, ORIGIN)?.verdict.allowed).toBe(true);
    expect(cache.peek(KEY, refused)).toBeUndefined();
    expect(verdicts).toEqual(['hit']);
    expect((await cache.decide(KEY, refused)).verdict.allowed).toBe(false);
  });

  test('an allowed verdict and the policy behind it are read again once their lifetime is over', async () => {
    const { state, cache } = standIn({ allowedTtlMs: 150 });
    await cache.decide(KEY, ORIGIN);
    await cache.decide(KEY, ORIGIN);
    expect(state.reads).toBe(1);

    await sleep(1300);
    expect(cache.peek(KEY, ORIGIN)).toBeUndefined();
    expect((await cache.decide(KEY, ORIGIN)).verdict.allowed).toBe(true);
    expect(state.reads).toBe(2);
    expect(state.clientReads).toBe(2);
  });
});
