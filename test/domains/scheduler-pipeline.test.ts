/**
 * The scheduler reads the next page and writes outcomes while DNS is asked: one read at a time, and
 * up to two writes while checks run (one more for what is left when they end). A round that fails
 * must still wait for its statements in flight: the lock is let go, and the database may be closed,
 * when the round ends. The database and DNS here are stand-ins the test times exactly.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { expect, test, vi } from 'vitest';
import type { TenantDatabase } from '../../server/db/tenant-db.ts';
import type { DomainChecks, DueDomain } from '../../server/domains/domain-checks.ts';
import { DomainScheduler, type SchedulerOptions } from '../../server/domains/scheduler.ts';
import { DEFAULT_TIMINGS } from '../../server/domains/lifecycle.ts';

const NOW = new Date('2026-01-05T10:00:00Z');

function due(i: number): DueDomain {
  return {
    agency_id: '00000000-0000-4000-8000-000000000001',
    client_id: '00000000-0000-4000-8000-000000000002',
    domain_id: `00000000-0000-4000-8000-00000000010${i}`,
    hostname: `site-${i}.example.com`,
    challenge_token: 'abcdefghijklmnopqrstuv',
    status: 'verified',
    created_at: new Date(NOW.getTime() - 86_400_000),
    verified_at: new Date(NOW.getTime() - 86_400_000),
    failing_since: null,
    next_check_at: new Date(NOW.getTime() - i),
    updated_at: new Date(NOW.getTime() - 86_400_000),
  } as DueDomain;
}

const MATCHED = { at: NOW.toISOString(), queried: 'q', expected: 'e', found: ['e'], outcome: 'matched', message: 'm' };

/** A scheduler whose database reads with `read` and whose checks (`lookup`, all matching by default) are written with `write`. */
function standIn(
  read: () => Promise<DueDomain[]>,
  write: (batch: unknown[]) => Promise<unknown>,
  options: Partial<SchedulerOptions> = {},
  lookup: () => Promise<typeof MATCHED> = async () => MATCHED,
): DomainScheduler {
  const data = { privilegedEach: async () => [await read()] } as unknown as TenantDatabase;
  const checks = { lookup, recordUnchanged: write } as unknown as DomainChecks;
  return new DomainScheduler({ data, lockDb: null, checks, timings: DEFAULT_TIMINGS, now: () => NOW, ...options });
}

/** A database that answers at once, as the embedded one does: `domains` in pages of `size`, in order. */
function pagesOf(domains: DueDomain[], size: number): () => Promise<DueDomain[]> {
  let taken = 0;
  return async () => {
    const page = domains.slice(taken, taken + size);
    taken += page.length;
    return page;
  };
}

test('a round whose next read fails ends only after the write it has in flight', async () => {
  const events: string[] = [];
  let reads = 0;
  const read = async () => {
    reads += 1;
    if (reads === 2) {
      await sleep(20);
      events.push('read failed');
      throw new Error('the database went away');
    }
    return [due(reads)];
  };
  const write = async () => {
    events.push('write started');
    await sleep(200);
    events.push('write done');
    return 1;
  };
  const scheduler = standIn(read, write, { batchSize: 1 });

  await expect(scheduler.runOnce()).rejects.toThrow('the database went away');
  events.push('round ended');
  expect(events).toEqual(['write started', 'read failed', 'write done', 'round ended']);
});

test('a round that stops taking domains on a failed write still waits for its read in flight', async () => {
  const events: string[] = [];
  let reads = 0;
  const read = async () => {
    reads += 1;
    if (reads === 1) return [due(1)];
    // The read ahead is slow: the failed write stops the round while it runs.
    await sleep(100);
    events.push('read done');
    return [due(2)];
  };
  const write = async () => {
    events.push('write failed');
    throw new Error('the database went away');
  };
  // One check at a time: no check is left waiting for the read, so only the round itself can wait for it.
  const scheduler = standIn(read, write, { batchSize: 1, concurrency: 1 });

  await expect(scheduler.runOnce()).rejects.toThrow('the database went away');
  events.push('round ended');
  expect(events).toEqual(['write failed', 'read done', 'round ended']);
});

test('when a read and a write of one round both fail, the write is thrown and the read is logged', async () => {
  let reads = 0;
  const read = async () => {
    reads += 1;
    if (reads === 1) return [due(1)];
    throw new Error('the read went away');
  };
  const write = async () => {
    await sleep(20);
    throw new Error('the write went away');
  };
  const logged: unknown[] = [];
  const log = { error: (details: { err: unknown }) => logged.push(details.err) } as unknown as FastifyBaseLogger;
  const scheduler = standIn(read, write, { batchSize: 1, log });

  await expect(scheduler.runOnce()).rejects.toThrow('the write went away');
  expect(logged).toEqual([expect.objectContaining({ message: 'the read went away' })]);
});

test('while checks go on, at most two writes at a time, however slow the database is to answer', async () => {
  const domains = Array.from({ length: 60 }, (_, i) => due(i));
  let looked = 0;
  let writing = 0;
  let mostWhileChecking = 0;
  const lookup = async () => {
    await sleep(1);
    looked += 1;
    return MATCHED;
  };
  const write = async (batch: unknown[]) => {
    writing += 1;
    if (looked < domains.length) mostWhileChecking = Math.max(mostWhileChecking, writing);
    await sleep(5);
    writing -= 1;
    return batch.length;
  };
  const scheduler = standIn(pagesOf(domains, 10), write, { batchSize: 10, concurrency: 4 }, lookup);

  expect((await scheduler.runOnce()).checked).toBe(60);
  // The next write starts while one commits, and no more than that.
  expect(mostWhileChecking).toBe(2);
});

test('when the checks are over, what is left starts beside the writes in flight, one more at most', async () => {
  const domains = Array.from({ length: 40 }, (_, i) => due(i));
  const written: number[] = [];
  const held: Array<() => void> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  // Writes that do not end until released.
  const write = (batch: unknown[]) =>
    new Promise<number>((resolve) => {
      written.push(batch.length);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      held.push(() => {
        inFlight -= 1;
        resolve(batch.length);
      });
    });
  const scheduler = standIn(pagesOf(domains, 10), write, { batchSize: 10, concurrency: 4 });
  let settled = false;
  const round = scheduler.runOnce().finally(() => {
    settled = true;
  });

  // Every look-up answers at once, so the checks end while the first two writes are held: a third starts beside them.
  await vi.waitFor(() => expect(written).toHaveLength(3));
  await sleep(20);
  expect(written).toHaveLength(3);
  // Each write that ends starts the next of what is left; the round ends only when all is written.
  for (let released = 0; released < held.length; released += 1) {
    expect(settled).toBe(false);
    held[released]!();
    await sleep(5);
  }
  expect((await round).checked).toBe(40);
  expect(written.reduce((sum, n) => sum + n, 0)).toBe(40);
  expect(mostInFlight).toBe(3);
});

test('a write that fails beside another: none starts after it, and the round throws it once the other has ended', async () => {
  const domains = Array.from({ length: 60 }, (_, i) => due(i));
  const events: string[] = [];
  let writes = 0;
  const lookup = async () => {
    await sleep(1);
    return MATCHED;
  };
  const write = async (batch: unknown[]) => {
    writes += 1;
    const n = writes;
    events.push(`write ${n} starts`);
    if (n === 2) {
      await sleep(2);
      events.push('write 2 fails');
      throw new Error('the second write failed');
    }
    await sleep(n === 1 ? 30 : 1);
    events.push(`write ${n} ends`);
    return batch.length;
  };
  const scheduler = standIn(pagesOf(domains, 10), write, { batchSize: 10, concurrency: 4 }, lookup);

  await expect(scheduler.runOnce()).rejects.toThrow('the second write failed');
  expect(events).toEqual(['write 1 starts', 'write 2 starts', 'write 2 fails', 'write 1 ends']);
});

test('outcomes are written half a page at a time, then in shrinking statements on the last page', async () => {
  // 99 domains in pages of 20: four full pages, then a last one of 19.
  const domains = Array.from({ length: 99 }, (_, i) => due(i));
  const pageSize = 20;
  const written: number[] = [];
  const write = async (batch: unknown[]) => {
    written.push(batch.length);
    return batch.length;
  };
  const scheduler = standIn(pagesOf(domains, pageSize), write, { batchSize: pageSize, concurrency: 4 });

  expect((await scheduler.runOnce()).checked).toBe(99);
  expect(written.reduce((sum, n) => sum + n, 0)).toBe(99);
  // However fast the database answers, the four full pages go in statements of half a page or more…
  let before = 0;
  for (const rows of written) {
    if (before >= 80) break;
    expect(rows).toBeGreaterThanOrEqual(10);
    before += rows;
  }
  // …none larger than a page, each no larger than the one before, down to a short last one.
  for (const [i, rows] of written.entries()) {
    expect(rows).toBeLessThanOrEqual(i === 0 ? pageSize : written[i - 1]!);
  }
  expect(written.at(-1)).toBeLessThan(pageSize / 4);
});

test('as many DNS look-ups at once as the concurrency allows, and never more', async () => {
  const domains = Array.from({ length: 40 }, (_, i) => due(i));
  let asking = 0;
  let mostAtOnce = 0;
  const lookup = async () => {
    asking += 1;
    mostAtOnce = Math.max(mostAtOnce, asking);
    await sleep(2);
    asking -= 1;
    return MATCHED;
  };
  const scheduler = standIn(
    pagesOf(domains, 10),
    async (batch) => batch.length,
    { batchSize: 10, concurrency: 4 },
    lookup,
  );

  expect((await scheduler.runOnce()).checked).toBe(40);
  expect(mostAtOnce).toBe(4);
});
