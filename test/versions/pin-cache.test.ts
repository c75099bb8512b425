/**
 * The per-process cache of API version pins, against a stand-in for the database: warm requests read
 * nothing, every change and a lost LISTEN connection are heard, and a read overtaken by a change is
 * not kept.
 */
import { describe, expect, test } from 'vitest';
import type { Notifications } from '../../server/db/connect.ts';
import type { TenantDatabase } from '../../server/db/tenant-db.ts';
import type { TenantContext } from '../../server/tenancy/tenant-context.ts';
import { PinCache } from '../../server/versions/pin-cache.ts';
import { followPinChanges, PINS_CHANNEL } from '../../server/versions/pin-events.ts';

const AGENCY = '6f1c1e0a-3b5d-4c2e-9a7f-1d2e3f4a5b6c';
const CLIENT = '0b7e4f2a-8c1d-4e3f-a5b6-c7d8e9f0a1b2';

/** The pins table as the privileged path would read it, counting reads; `gate` holds a read open. */
function database(pins: Record<string, string>) {
  const state = { reads: 0, gate: null as Promise<void> | null };
  const data = {
    async privilegedFor() {
      state.reads += 1;
      const rows = Object.entries(pins).map(([tenant_id, version]) => ({ tenant_id, version }));
      if (state.gate) await state.gate;
      return rows;
    },
  } as unknown as TenantDatabase;
  return { data, state, pins };
}

const caller = (tenantType: 'agency' | 'client' | 'platform'): TenantContext => ({
  userId: '11111111-1111-4111-8111-111111111111',
  tenantType,
  tenantId: tenantType === 'client' ? CLIENT : AGENCY,
  parentId: tenantType === 'client' ? AGENCY : null,
  role: 'viewer',
  tokenVersion: 0,
});

describe('PinCache', () => {
  test('a caller is read once, then served from memory; the platform is never read', async () => {
    const db = database({ [AGENCY]: '2026-06-01' });
    const cache = new PinCache(db.data);
    expect(cache.peek(caller('client'))).toBeUndefined();
    expect(await cache.versionOf(caller('client'))).toBe('2026-06-01');
    expect(cache.peek(caller('client'))).toBe('2026-06-01');
    expect(cache.peek(caller('agency'))).toBe('2026-06-01');
    expect(await cache.versionOf(caller('platform'))).toBe('2026-12-01');
    expect(db.state.reads).toBe(1);
  });

  test("a client's own pin wins over its agency's; removing it, the client follows again", async () => {
    const db = database({ [AGENCY]: '2026-06-01', [CLIENT]: '2026-12-01' });
    const cache = new PinCache(db.data);
    expect(await cache.versionOf(caller('client'))).toBe('2026-12-01');
    delete db.pins[CLIENT];
    cache.invalidate(CLIENT);
    expect(await cache.versionOf(caller('client'))).toBe('2026-06-01');
  });

  test('a stored version this build no longer has is served as the next newer one it has', async () => {
    const cache = new PinCache(database({ [AGENCY]: '2026-01-15' }).data);
    expect(await cache.versionOf(caller('agency'))).toBe('2026-06-01');
  });

  test('a read that a change overtakes serves its request but is not kept', async () => {
    const db = database({ [AGENCY]: '2026-06-01' });
    const cache = new PinCache(db.data);
    let open!: () => void;
    db.state.gate = new Promise((resolve) => (open = resolve));
    const reading = cache.versionOf(caller('agency'));
    cache.invalidate(AGENCY);
    db.state.gate = null;
    open();
    expect(await reading).toBe('2026-06-01');
    expect(cache.peek(caller('agency'))).toBeUndefined();
  });

  test('followPinChanges: a notification drops its tenant; a lost connection stops caching until it is back', async () => {
    const subscription: { payload?: (text: string) => void; resume?: () => void; lost?: () => void } = {};
    const notifications: Notifications = {
      async listen(channel, onPayload, onResume, onLost) {
        expect(channel).toBe(PINS_CHANNEL);
        Object.assign(subscription, { payload: onPayload, resume: onResume, lost: onLost });
        return async () => {};
      },
      async notify() {},
    };
    const db = database({ [AGENCY]: '2026-06-01' });
    const cache = new PinCache(db.data);
    await followPinChanges(notifications, cache);
    await cache.versionOf(caller('agency'));
    subscription.payload?.(AGENCY);
    expect(cache.peek(caller('agency'))).toBeUndefined();

    await cache.versionOf(caller('agency'));
    subscription.lost?.();
    expect(cache.peek(caller('agency'))).toBeUndefined();
    await cache.versionOf(caller('agency'));
    await cache.versionOf(caller('agency'));
    expect(cache.peek(caller('agency'))).toBeUndefined();
    const readsWhileLost = db.state.reads;

    subscription.resume?.();
    await cache.versionOf(caller('agency'));
    expect(cache.peek(caller('agency'))).toBe('2026-06-01');
    await cache.versionOf(caller('agency'));
    expect(db.state.reads).toBe(readsWhileLost + 1);
  });
});
