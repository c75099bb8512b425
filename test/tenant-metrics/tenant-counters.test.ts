/**
 * The in-memory side of per-tenant metrics (docs/metrics.md): counts per tenant and minute, what a
 * flush takes and gives back within its bound, and percentiles read from summed histogram buckets.
 */
import { describe, expect, test } from 'vitest';
import { LATENCY_BUCKETS, latencyBucket, latencyQuantile } from '../../server/tenant-metrics/latency-histogram.ts';
import { COUNTER_COLUMNS, TenantCounters, WIDGET_LATENCY } from '../../server/tenant-metrics/tenant-counters.ts';

const A = { agencyId: '00000000-0000-4000-8000-00000000000a', clientId: '00000000-0000-4000-8000-0000000000c1' };
const B = { agencyId: A.agencyId, clientId: '00000000-0000-4000-8000-0000000000c2' };
const slot = (column: (typeof COUNTER_COLUMNS)[number]) => COUNTER_COLUMNS.indexOf(column);

describe('latency histogram', () => {
  test('each duration lands in the first bucket whose bound it does not pass, the slowest in the last', () => {
    expect(latencyBucket(0.3)).toBe(0);
    expect(latencyBucket(1)).toBe(0);
    expect(latencyBucket(1.01)).toBe(1);
    expect(latencyBucket(99)).toBe(6);
    expect(latencyBucket(60_000)).toBe(LATENCY_BUCKETS - 1);
  });

  test('quantiles interpolate within their bucket; nothing counted is null', () => {
    const counts = Array.from({ length: LATENCY_BUCKETS }, () => 0);
    expect(latencyQuantile(counts, 0.5)).toBeNull();
    counts[3] = 100; // 5–10 ms
    expect(latencyQuantile(counts, 0.5)).toBe(7.5);
    expect(latencyQuantile(counts, 0.95)).toBe(9.75);
    counts[LATENCY_BUCKETS - 1] = 1000;
    expect(latencyQuantile(counts, 0.95)).toBe(5000);
  });
});

describe('tenant counters', () => {
  test('count per tenant and minute; a flush takes everything and counting starts again', () => {
    let now = Date.parse('2026-01-05T10:00:30Z');
    const counters = new TenantCounters({ now: () => now });
    counters.widgetAnswered(A, 'served', 0.5);
    counters.widgetAnswered(A, 'origin', 0.4);
    counters.widgetAnswered(B, 'submitted', 12);
    now += 60_000;
    counters.apiAnswered(A.agencyId, A.clientId, 503, 30);
    counters.apiAnswered(A.agencyId, null, 429, 1);
    counters.domainChecked(B, 'dns_failure');
    const taken = counters.take();
    expect(taken).toHaveLength(5);
    const first = taken.find(
      (tally) => tally.clientId === A.clientId && tally.minute === Date.parse('2026-01-05T10:00:00Z'),
    );
    expect(first?.values[slot('widget_requests')]).toBe(2);
    expect(first?.values[slot('widget_refused_origin')]).toBe(1);
    expect(first?.values[WIDGET_LATENCY]).toBe(2);
    const agency = taken.find((tally) => tally.clientId === null);
    expect(agency?.values[slot('rate_limited')]).toBe(1);
    expect(agency?.values[slot('api_4xx')]).toBe(1);
    const later = taken.find((tally) => tally.clientId === A.clientId && tally.minute !== first?.minute);
    expect(later?.values[slot('api_5xx')]).toBe(1);
    const checks = taken.find((tally) => tally.clientId === B.clientId && tally.lastRequestAt === 0);
    expect(checks?.values[slot('checks_dns_failure')]).toBe(1);
    expect(counters.take()).toEqual([]);
  });

  test('what a failed flush gives back is kept within the bound, the oldest dropped first and counted', () => {
    let now = Date.parse('2026-01-05T10:00:00Z');
    const counters = new TenantCounters({ now: () => now, maxPending: 3 });
    for (let minute = 0; minute < 5; minute += 1) {
      counters.widgetAnswered(A, 'served', 1);
      now += 60_000;
    }
    counters.giveBack(counters.take());
    const kept = counters.take();
    expect(kept.map((tally) => tally.minute)).toEqual(
      [2, 3, 4].map((m) => Date.parse('2026-01-05T10:00:00Z') + m * 60_000),
    );
    expect(counters.takeDropped()).toBe(2);
    expect(counters.takeDropped()).toBe(0);
  });
});
