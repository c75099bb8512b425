/**
 * The rules that decide a flag for one tenant, without a database: the stable bucket of a rollout,
 * the kill switch above, the nearest setting, and which level decided.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { bucketOf, decideFlag, type FlagSetting } from '../../server/flags/flag-rules.ts';

const on: FlagSetting = { state: 'on', percent: null, public: false };
const off: FlagSetting = { state: 'off', percent: null, public: false };
const killed: FlagSetting = { state: 'killed', percent: null, public: false };
const rollout = (percent: number): FlagSetting => ({ state: 'rollout', percent, public: false });
const TENANTS: string[] = Array.from({ length: 2000 }, () => randomUUID());

describe('buckets', () => {
  test('a bucket is SHA-256 of flag:tenantId, its first four bytes modulo 100, the same every time', () => {
    const tenant = '0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2';
    const expected = createHash('sha256').update(`new-form:${tenant}`).digest().readUInt32BE(0) % 100;
    expect(bucketOf('new-form', tenant)).toBe(expected);
    expect(bucketOf('new-form', tenant)).toBe(bucketOf('new-form', tenant));
    for (const id of TENANTS) expect(bucketOf('new-form', id)).toSatisfy((b: number) => b >= 0 && b <= 99);
  });

  test('a tenant in a rollout stays in it as the percentage grows (10 % ⊆ 20 % ⊆ … ⊆ 100 %)', () => {
    let previous = new Set<string>();
    for (const percent of [0, 1, 10, 20, 35, 50, 90, 99, 100]) {
      const inside = new Set(
        TENANTS.filter((id) => decideFlag('new-form', id, { platform: rollout(percent) }).enabled),
      );
      for (const id of previous) expect(inside.has(id), `${id} left the rollout at ${percent} %`).toBe(true);
      // Spread evenly: within a few points of the percentage over 2,000 tenants.
      expect(Math.abs((inside.size / TENANTS.length) * 100 - percent)).toBeLessThan(4);
      previous = inside;
    }
    expect(previous.size).toBe(TENANTS.length);
  });

  test('each flag spreads the tenants afresh', () => {
    const a = TENANTS.filter((id) => bucketOf('flag-a', id) < 10);
    const b = TENANTS.filter((id) => bucketOf('flag-b', id) < 10);
    const both = a.filter((id) => b.includes(id));
    expect(both.length).toBeLessThan(a.length / 2);
  });
});

describe('decisions', () => {
  const tenant = randomUUID();

  test('a flag no level sets is off, by default', () => {
    expect(decideFlag('x', tenant, {})).toEqual({ enabled: false, decidedBy: 'default', rollout: null, public: false });
  });

  test('the nearest level that sets the flag decides', () => {
    expect(decideFlag('x', tenant, { platform: on }).decidedBy).toBe('platform');
    expect(decideFlag('x', tenant, { platform: on, agency: off })).toMatchObject({
      enabled: false,
      decidedBy: 'agency',
    });
    expect(decideFlag('x', tenant, { platform: off, agency: off, client: on })).toMatchObject({
      enabled: true,
      decidedBy: 'client',
    });
    expect(decideFlag('x', tenant, { platform: on, client: off })).toMatchObject({
      enabled: false,
      decidedBy: 'client',
    });
  });

  test('a kill switch above switches off the subtree: no level below turns it on again', () => {
    expect(decideFlag('x', tenant, { platform: killed, agency: on, client: on })).toMatchObject({
      enabled: false,
      decidedBy: 'platform',
    });
    expect(decideFlag('x', tenant, { agency: killed, client: on })).toMatchObject({
      enabled: false,
      decidedBy: 'agency',
    });
    expect(decideFlag('x', tenant, { agency: killed, client: rollout(100) })).toMatchObject({
      enabled: false,
      decidedBy: 'agency',
    });
    // The highest kill switch is the one that decided.
    expect(decideFlag('x', tenant, { platform: killed, agency: killed }).decidedBy).toBe('platform');
  });

  test('a plain off above is only a default: a level below may turn the flag on', () => {
    expect(decideFlag('x', tenant, { platform: off, agency: on })).toMatchObject({
      enabled: true,
      decidedBy: 'agency',
    });
  });

  test('a rollout decides by the bucket, and says so', () => {
    const bucket = bucketOf('x', tenant);
    expect(decideFlag('x', tenant, { agency: rollout(bucket + 1) })).toEqual({
      enabled: true,
      decidedBy: 'rollout',
      rollout: { percent: bucket + 1, setAt: 'agency' },
      public: false,
    });
    expect(decideFlag('x', tenant, { agency: rollout(bucket) }).enabled).toBe(false);
    // A setting below the rollout is nearer, and wins.
    expect(decideFlag('x', tenant, { platform: rollout(100), client: off })).toMatchObject({ decidedBy: 'client' });
  });

  test('a flag is public when any level that sets it makes it public', () => {
    expect(decideFlag('x', tenant, { platform: { ...on, public: true }, client: off }).public).toBe(true);
    expect(decideFlag('x', tenant, { platform: on, agency: { ...off, public: true } }).public).toBe(true);
    expect(decideFlag('x', tenant, { platform: on, agency: off }).public).toBe(false);
  });
});
