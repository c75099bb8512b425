/** The in-memory count behind cross_tenant_denials and refused_origin_spike (server/alerts/signals.ts). */
import { expect, test } from 'vitest';
import { WindowCounter } from '../../server/alerts/signals.ts';

test('crosses once per window, at the first event past the threshold, and starts again in the next window', () => {
  const counter = new WindowCounter({ max: 2, windowMs: 1000 });
  expect([0, 10, 20, 30, 40].map((at) => counter.crossed('a', at))).toEqual([false, false, true, false, false]);
  // Another key counts on its own.
  expect(counter.crossed('b', 50)).toBe(false);
  // A new window from the first event at or after the end of the last.
  expect([1000, 1001, 1002].map((at) => counter.crossed('a', at))).toEqual([false, false, true]);
});

test('past its key limit it drops the windows that ended, then the oldest, and keeps counting the rest', () => {
  const counter = new WindowCounter({ max: 1, windowMs: 1000 }, 2);
  counter.crossed('old', 0);
  counter.crossed('kept', 1500);
  counter.crossed('kept', 1600);
  // 'old' ended at 1000: dropped for 'new', and 'kept' stays with its count of 2.
  counter.crossed('new', 1700);
  expect(counter.crossed('kept', 1800)).toBe(false);
  expect(counter.crossed('old', 1900)).toBe(false);
  // Three keys live at once: the oldest ('kept') went, so its count starts again.
  expect(counter.crossed('kept', 1950)).toBe(false);
  expect(counter.crossed('kept', 1960)).toBe(true);
});
