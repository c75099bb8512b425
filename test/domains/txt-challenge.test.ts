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

  test('a record missing for good says to add it, with its name and value', () => {
    const nxdomain = evaluateChallenge({ ok: false, name, code: 'NXDOMAIN', temporary: false, message: 'm' }, HOST, TOKEN, AT);
    expect(nxdomain).toMatchObject({ outcome: 'not_found', found: [] });
    expect(nxdomain.message).toBe(
      `No TXT record at ${name} (the name does not exist). Add a TXT record named ${name} with the value ${value}; new records can take a few minutes to appear.`,
    );
  });

  test.each([
    ['NXDOMAIN', 'does not exist'],
    ['NO_DATA', 'has no TXT record'],
  ] as const)('an alias whose end is %s points at the end of the alias, where the record must go', (code, what) => {
    const alias = 'tokens.agency.test';
    const check = evaluateChallenge({ ok: false, name, code, temporary: false, message: 'm', alias }, HOST, TOKEN, AT);
    expect(check.outcome).toBe('not_found');
    expect(check.message).toBe(
      `${name} is an alias (CNAME) that leads to ${alias}, which ${what}. Add a TXT record with the value ${value} at ${alias}, ` +
        `or replace the alias with a TXT record named ${name} with that value; new records can take a few minutes to appear.`,
    );
  });

  test('an alias that loops says to replace it with the record, not to add one beside it', () => {
    const check = evaluateChallenge({ ok: false, name, code: 'CNAME_LOOP', temporary: false, message: 'm' }, HOST, TOKEN, AT);
    expect(check.outcome).toBe('not_found');
    expect(check.message).toBe(
      `${name} is an alias (CNAME) that loops or runs through too many names, so no TXT record can be read there. ` +
        `Replace the alias with a TXT record named ${name} with the value ${value}; new records can take a few minutes to appear.`,
    );
  });
});
