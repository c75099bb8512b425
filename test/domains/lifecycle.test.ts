/** How a check moves a domain's status and sets its next check, as a pure function of state, outcome and time. */
import { describe, expect, test } from 'vitest';
import type { CheckOutcome, DomainStatus } from '../../server/db/schema.ts';
import { afterCheck, DEFAULT_TIMINGS, type DomainState } from '../../server/domains/lifecycle.ts';
import { HOUR } from '../support/domain-fixture.ts';

const T = DEFAULT_TIMINGS;
const NOW = new Date('2026-03-01T12:00:00Z');
const NO_JITTER = { ...T, jitter: 0 };

function at(offsetMs: number): Date {
  return new Date(NOW.getTime() + offsetMs);
}

/** All that afterCheck reads of a check. */
function check(outcome: CheckOutcome): { outcome: CheckOutcome } {
  return { outcome };
}

function state(status: DomainStatus, changes: Partial<DomainState> = {}): DomainState {
  return { status, createdAt: at(-2 * HOUR), verifiedAt: null, failingSince: null, ...changes };
}

const verified = state('verified', { verifiedAt: at(-30 * 24 * HOUR) });

describe('afterCheck', () => {
  test('a match verifies a pending domain now and schedules its re-check a jittered interval away', () => {
    const low = afterCheck(state('pending'), check('matched'), NOW, T, () => 0);
    const high = afterCheck(state('pending'), check('matched'), NOW, T, () => 1);
    expect(low).toMatchObject({ status: 'verified', verifiedAt: NOW, failingSince: null });
    expect(low.nextCheckAt).toEqual(at(T.recheckIntervalMs * (1 - T.jitter)));
    expect(high.nextCheckAt).toEqual(at(T.recheckIntervalMs * (1 + T.jitter)));
    expect(afterCheck(state('pending'), check('matched'), NOW, NO_JITTER, () => 1).nextCheckAt).toEqual(
      at(T.recheckIntervalMs),
    );
  });

  test('a match keeps a verified or failing domain verified since it was first verified', () => {
    expect(afterCheck(verified, check('matched'), NOW, NO_JITTER)).toMatchObject({
      status: 'verified',
      verifiedAt: verified.verifiedAt,
    });
    const failing = state('failing', { verifiedAt: verified.verifiedAt, failingSince: at(-HOUR) });
    expect(afterCheck(failing, check('matched'), NOW, NO_JITTER)).toMatchObject({
      status: 'verified',
      verifiedAt: verified.verifiedAt,
      failingSince: null,
    });
  });

  test('a match brings a revoked or expired domain back, verified now', () => {
    for (const status of ['revoked', 'expired'] as const) {
      expect(
        afterCheck(state(status, { verifiedAt: at(-90 * 24 * HOUR) }), check('matched'), NOW, NO_JITTER),
      ).toMatchObject({
        status: 'verified',
        verifiedAt: NOW,
      });
    }
  });

  test.each(['not_found', 'wrong_value', 'dns_failure'] as const)(
    'a pending domain stays pending after %s, and is asked again in an hour',
    (outcome) => {
      expect(afterCheck(state('pending'), check(outcome), NOW, T)).toMatchObject({
        status: 'pending',
        nextCheckAt: at(T.retryIntervalMs),
      });
    },
  );

  test('a pending domain is asked again no later than its challenge expires, and expires once it has', () => {
    const almost = state('pending', { createdAt: at(-T.challengeTtlMs + 10 * 60_000) });
    expect(afterCheck(almost, check('not_found'), NOW, T).nextCheckAt).toEqual(at(10 * 60_000));
    const late = state('pending', { createdAt: at(-T.challengeTtlMs) });
    for (const outcome of ['not_found', 'dns_failure'] as const) {
      expect(afterCheck(late, check(outcome), NOW, T)).toMatchObject({ status: 'expired', nextCheckAt: null });
    }
  });

  test('a DNS failure leaves a verified domain verified, with no failing time, and retries in an hour', () => {
    expect(afterCheck(verified, check('dns_failure'), NOW, T)).toEqual({
      ...verified,
      nextCheckAt: at(T.retryIntervalMs),
    });
  });

  test.each(['not_found', 'wrong_value'] as const)(
    '%s makes a verified domain failing from now, asked again in an hour',
    (outcome) => {
      expect(afterCheck(verified, check(outcome), NOW, T)).toMatchObject({
        status: 'failing',
        verifiedAt: verified.verifiedAt,
        failingSince: NOW,
        nextCheckAt: at(T.retryIntervalMs),
      });
    },
  );

  test('a failing domain is asked again no later than its grace period ends, and revoked when it has', () => {
    const lastHour = state('failing', {
      verifiedAt: verified.verifiedAt,
      failingSince: at(-T.gracePeriodMs + 10 * 60_000),
    });
    expect(afterCheck(lastHour, check('not_found'), NOW, T)).toMatchObject({
      status: 'failing',
      nextCheckAt: at(10 * 60_000),
    });
    const over = state('failing', { verifiedAt: verified.verifiedAt, failingSince: at(-T.gracePeriodMs) });
    expect(afterCheck(over, check('wrong_value'), NOW, T)).toMatchObject({ status: 'revoked', nextCheckAt: null });
  });

  test('a DNS failure after the grace period revokes nothing, and the domain is asked again in an hour, not at every tick', () => {
    const over = state('failing', { verifiedAt: verified.verifiedAt, failingSince: at(-T.gracePeriodMs - 5 * HOUR) });
    expect(afterCheck(over, check('dns_failure'), NOW, T)).toEqual({ ...over, nextCheckAt: at(T.retryIntervalMs) });
  });

  test.each(['revoked', 'expired'] as const)(
    'a domain that is %s is not scheduled again by a check that does not match',
    (status) => {
      expect(afterCheck(state(status), check('not_found'), NOW, T)).toMatchObject({ status, nextCheckAt: null });
    },
  );
});
