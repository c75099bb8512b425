/** How a TXT answer reads against the expected challenge, including what people paste by hand. */
import { describe, expect, test } from 'vitest';
import type { TxtLookup } from '../../server/domains/dns/resolver.ts';
import { challengeFor, evaluateChallenge } from '../../server/domains/txt-challenge.ts';

const HOST = 'shop.example.com';
const TOKEN = 'abcdefghijklmnopqrstuv';
const { name, value } = challengeFor(HOST, TOKEN);
const AT = new Date('2026-01-05T10:00:00Z');
const found = (...records: string[]): TxtLookup => ({ ok: true, name, records, cnameChain: [], server: '127.0.0.1:53' });

describe('evaluateChallenge', () => {
  test.each([
    ['exactly', value],
    ['with spaces around it', `  ${value} `],
    ['in quotes', `"${value}"`],
    ['in quotes with spaces inside and out', ` " ${value} " `],
  ])('matches the value %s', (_how, record) => {
    const check = evaluateChallenge(found('other-record', record), HOST, TOKEN, AT);
    expect(check).toMatchObject({ outcome: 'matched', queried: name, expected: value, at: AT.toISOString() });
  });

  test.each([
    ['one quote only', `"${value}`],
    ['another token', `${value}x`],
    ['a lone quote', '"'],
  ])('does not match %s, and shows what it found', (_how, record) => {
    const check = evaluateChallenge(found(record), HOST, TOKEN, AT);
    expect(check.outcome).toBe('wrong_value');
    expect(check.message).toContain(JSON.stringify(record));
  });

  test('no records is not found; a DNS failure says the status is unchanged', () => {
    expect(evaluateChallenge(found(), HOST, TOKEN, AT).outcome).toBe('not_found');
    const failed = evaluateChallenge({ ok: false, name, code: 'SERVFAIL', temporary: true, message: 'The server failed.' }, HOST, TOKEN, AT);
    expect(failed.outcome).toBe('dns_failure');
    expect(failed.message).toContain('the status is unchanged');
  });
});
