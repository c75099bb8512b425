/** The signed message of a visitor identity, and its check: no database. */
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { checkIdentity, identityMessage, signIdentity } from '../../server/identity/identity-hash.ts';

const SECRET = 'idsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const NOW = new Date('2026-06-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

describe('the signed message', () => {
  test('a bare subject is signed as it is, as Intercom sites already do', () => {
    expect(signIdentity(SECRET, 'user-42')).toBe(createHmac('sha256', SECRET).update('user-42').digest('hex'));
  });

  test('with an issue time: subject, line feed, decimal seconds', () => {
    expect(identityMessage('user-42', 1_700_000_000)).toBe('user-42\n1700000000');
  });

  test('no two (subject, issuedAt) pairs sign the same bytes, nor a pair and a bare subject', () => {
    const pairs: Array<[string, number | undefined]> = [
      ['a1', 23],
      ['a', 123],
      ['a12', 3],
      ['a\u00a012', 3],
      ['a 12', undefined],
      ['a', undefined],
    ];
    const messages = pairs.map(([subject, at]) => identityMessage(subject, at));
    expect(new Set(messages).size).toBe(pairs.length);
    // A subject that would carry the separator is refused outright.
    expect(() => identityMessage('a\n12')).toThrow(/control characters/);
    expect(() => identityMessage('a\u0000')).toThrow(/control characters/);
  });
});

describe('checking', () => {
  const policy = { secrets: [SECRET], maxAgeSeconds: null };

  test('a valid hash of the user id, or of the email when there is no user id', () => {
    expect(
      checkIdentity({ userId: 'u1', email: 'x@example.test', userHash: signIdentity(SECRET, 'u1') }, policy, NOW),
    ).toEqual({ ok: true });
    expect(
      checkIdentity({ email: 'x@example.test', userHash: signIdentity(SECRET, 'x@example.test') }, policy, NOW),
    ).toEqual({ ok: true });
    // Upper-case hex is the same hash.
    expect(checkIdentity({ userId: 'u1', userHash: signIdentity(SECRET, 'u1').toUpperCase() }, policy, NOW)).toEqual({
      ok: true,
    });
  });

  test('a hash of something else, with another secret, or without its issue time is refused', () => {
    const bad = { ok: false, reason: 'bad_hash' };
    expect(checkIdentity({ userId: 'u2', userHash: signIdentity(SECRET, 'u1') }, policy, NOW)).toEqual(bad);
    // The email does not stand in for the user id it came with.
    expect(
      checkIdentity(
        { userId: 'u1', email: 'x@example.test', userHash: signIdentity(SECRET, 'x@example.test') },
        policy,
        NOW,
      ),
    ).toEqual(bad);
    expect(checkIdentity({ userId: 'u1', userHash: signIdentity(`${SECRET}x`, 'u1') }, policy, NOW)).toEqual(bad);
    // issuedAt is covered: added to a hash made without it, or changed, the hash no longer matches.
    expect(
      checkIdentity({ userId: 'u1', userHash: signIdentity(SECRET, 'u1'), issuedAt: nowSeconds }, policy, NOW),
    ).toEqual(bad);
    expect(
      checkIdentity(
        { userId: 'u1', userHash: signIdentity(SECRET, 'u1', nowSeconds - 5), issuedAt: nowSeconds },
        policy,
        NOW,
      ),
    ).toEqual(bad);
  });

  test('either of two secrets verifies (a rotation’s overlap)', () => {
    const both = { secrets: ['idsec_new', SECRET], maxAgeSeconds: null };
    expect(checkIdentity({ userId: 'u1', userHash: signIdentity(SECRET, 'u1') }, both, NOW)).toEqual({ ok: true });
    expect(checkIdentity({ userId: 'u1', userHash: signIdentity('idsec_new', 'u1') }, both, NOW)).toEqual({ ok: true });
    expect(
      checkIdentity({ userId: 'u1', userHash: signIdentity(SECRET, 'u1') }, { secrets: [], maxAgeSeconds: null }, NOW),
    ).toMatchObject({ ok: false });
  });

  test('age: issuedAt is required with a maximum age; too old or too far ahead is refused', () => {
    const aged = { secrets: [SECRET], maxAgeSeconds: 600 };
    const at = (issuedAt: number) =>
      checkIdentity({ userId: 'u1', userHash: signIdentity(SECRET, 'u1', issuedAt), issuedAt }, aged, NOW);
    expect(checkIdentity({ userId: 'u1', userHash: signIdentity(SECRET, 'u1') }, aged, NOW)).toEqual({
      ok: false,
      reason: 'issued_at_required',
    });
    expect(at(nowSeconds - 600)).toEqual({ ok: true });
    expect(at(nowSeconds - 601)).toEqual({ ok: false, reason: 'too_old' });
    expect(at(nowSeconds + 300)).toEqual({ ok: true });
    expect(at(nowSeconds + 301)).toEqual({ ok: false, reason: 'in_the_future' });
  });
});
