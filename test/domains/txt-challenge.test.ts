/**
 * How a TXT answer reads against the expected challenge, including what people paste by hand; what
 * of it is stored, and the words the API makes of that.
 */
import { describe, expect, test } from 'vitest';
import type { TxtLookup } from '../../server/domains/dns/resolver.ts';
import {
  challengeFor,
  describeCheck,
  evaluateChallenge,
  KEPT_RECORD_LENGTH,
  KEPT_RECORDS,
} from '../../server/domains/txt-challenge.ts';

const HOST = 'shop.example.com';
const TOKEN = 'abcdefghijklmnopqrstuv';
const { name, value } = challengeFor(HOST, TOKEN);
const AT = new Date('2026-01-05T10:00:00Z');
const found = (...records: string[]): TxtLookup => ({
  ok: true,
  name,
  records,
  cnameChain: [],
  server: '127.0.0.1:53',
});
/** A lookup's outcome as the API shows it, after a trip through the database's JSON. */
const read = (lookup: TxtLookup) =>
  describeCheck(JSON.parse(JSON.stringify(evaluateChallenge(lookup, TOKEN, AT))), challengeFor(HOST, TOKEN));

describe('evaluateChallenge', () => {
  test.each([
    ['exactly', value],
    ['with spaces around it', `  ${value} `],
    ['in quotes', `"${value}"`],
    ['in quotes with spaces inside and out', ` " ${value} " `],
  ])('matches the value %s', (_how, record) => {
    const check = read(found('other-record', record));
    expect(check).toMatchObject({ outcome: 'matched', queried: name, expected: value, at: AT.toISOString() });
  });

  test.each([
    ['one quote only', `"${value}`],
    ['another token', `${value}x`],
    ['a lone quote', '"'],
  ])('does not match %s, and shows what it found', (_how, record) => {
    const check = read(found(record));
    expect(check.outcome).toBe('wrong_value');
    expect(check.message).toContain(JSON.stringify(record));
  });

  test("no records is not found; a DNS failure gives the resolver's account and says the status is unchanged", () => {
    expect(read(found()).outcome).toBe('not_found');
    const failed = read({ ok: false, name, code: 'SERVFAIL', temporary: true, message: 'The server failed.' });
    expect(failed.outcome).toBe('dns_failure');
    expect(failed.message).toBe(
      `Could not ask DNS about ${name} (SERVFAIL): The server failed. This is usually temporary; the status is unchanged and the check will run again.`,
    );
  });

  test('an answer with no records reads as a name without the record', () => {
    const sentence = `No TXT record at ${name}. Add a TXT record named ${name} with the value ${value}; new records can take a few minutes to appear.`;
    expect(read(found()).message).toBe(sentence);
    expect(read({ ok: false, name, code: 'NO_DATA', temporary: false, message: 'm' }).message).toBe(sentence);
  });

  test('a record missing for good says to add it, with its name and value', () => {
    const nxdomain = read({ ok: false, name, code: 'NXDOMAIN', temporary: false, message: 'm' });
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
    const check = read({ ok: false, name, code, temporary: false, message: 'm', alias });
    expect(check.outcome).toBe('not_found');
    expect(check.message).toBe(
      `${name} is an alias (CNAME) that leads to ${alias}, which ${what}. Add a TXT record with the value ${value} at ${alias}, ` +
        `or replace the alias with a TXT record named ${name} with that value; new records can take a few minutes to appear.`,
    );
  });

  test('an alias that loops says to replace it with the record, not to add one beside it', () => {
    const check = read({ ok: false, name, code: 'CNAME_LOOP', temporary: false, message: 'm' });
    expect(check.outcome).toBe('not_found');
    expect(check.message).toBe(
      `${name} is an alias (CNAME) that loops or runs through too many names, so no TXT record can be read there. ` +
        `Replace the alias with a TXT record named ${name} with the value ${value}; new records can take a few minutes to appear.`,
    );
  });
});

describe('what a check stores', () => {
  test('a match keeps when and what was found; the name, the value and the words come from the domain', () => {
    const record = ` "${value}" `;
    expect(JSON.parse(JSON.stringify(evaluateChallenge(found(record), TOKEN, AT)))).toEqual({
      at: AT.toISOString(),
      outcome: 'matched',
      found: [record],
    });
    expect(read(found(record))).toEqual({
      at: AT.toISOString(),
      queried: name,
      expected: value,
      found: [record],
      outcome: 'matched',
      message: `Found ${value} at ${name}. The domain is verified.`,
    });
  });

  test("a DNS answer instead of records keeps its code, its alias, and for a failure the resolver's account", () => {
    const alias = 'tokens.agency.test';
    expect(
      evaluateChallenge({ ok: false, name, code: 'NXDOMAIN', temporary: false, message: 'm', alias }, TOKEN, AT),
    ).toMatchObject({
      outcome: 'not_found',
      found: [],
      dns: { code: 'NXDOMAIN', alias },
    });
    const failure = evaluateChallenge(
      { ok: false, name, code: 'TIMEOUT', temporary: true, message: 'No answer in 2000 ms.' },
      TOKEN,
      AT,
    );
    expect(failure).toMatchObject({
      outcome: 'dns_failure',
      dns: { code: 'TIMEOUT', message: 'No answer in 2000 ms.' },
    });
  });

  test('a large TXT set is kept bounded: the first records, each cut, and the match decided on them all', () => {
    // 200 records of 250 characters each: 50 KB, as one name may hold.
    const many = Array.from({ length: 200 }, (_, i) => `${i}`.padEnd(250, 'x'));
    const wrong = evaluateChallenge(found(...many), TOKEN, AT);
    expect(wrong.outcome).toBe('wrong_value');
    expect(wrong.found).toHaveLength(KEPT_RECORDS);
    expect(JSON.stringify(wrong).length).toBeLessThan(3_000);
    // The right value after all the others still verifies, though it is not among the records kept.
    const matched = evaluateChallenge(found(...many, value), TOKEN, AT);
    expect(matched.outcome).toBe('matched');
    expect(matched.found).toHaveLength(KEPT_RECORDS);
  });

  test('a long record is cut, never between the halves of a surrogate pair', () => {
    const long = `${'a'.repeat(KEPT_RECORD_LENGTH - 1)}😀tail`;
    const [kept] = evaluateChallenge(found(long), TOKEN, AT).found;
    expect(kept).toBe(`${'a'.repeat(KEPT_RECORD_LENGTH - 1)}…`);
    expect(kept).not.toMatch(/\p{Cs}/u);
    const [plain] = evaluateChallenge(found('b'.repeat(5000)), TOKEN, AT).found;
    expect(plain).toBe(`${'b'.repeat(KEPT_RECORD_LENGTH)}…`);
  });

  test('a NUL, which jsonb refuses, is stored as U+FFFD in records, aliases and DNS accounts', () => {
    expect(evaluateChallenge(found('x\0y', value), TOKEN, AT)).toMatchObject({
      outcome: 'matched',
      found: ['x\uFFFDy', value],
    });
    const failure = evaluateChallenge(
      { ok: false, name, code: 'SERVFAIL', temporary: true, message: 'at a\0b', alias: 'a\0b.test' },
      TOKEN,
      AT,
    );
    expect(failure.dns).toEqual({ code: 'SERVFAIL', alias: 'a\uFFFDb.test', message: 'at a\uFFFDb' });
    expect(JSON.stringify(failure)).not.toContain('\\u0000');
  });

  test.each([
    [
      'a loop',
      'not_found',
      `${name} is an alias (CNAME) that loops or runs through too many names, so no TXT record can be read there.`,
    ],
    ['a failure', 'dns_failure', `Could not ask DNS about ${name} (SERVFAIL): the server failed.`],
  ] as const)(
    'a check stored whole, as earlier versions did (%s), keeps its own sentence',
    (_what, outcome, message) => {
      const earlier = { at: AT.toISOString(), queried: name, expected: value, found: [], outcome, message };
      expect(describeCheck(earlier, challengeFor(HOST, TOKEN))).toEqual(earlier);
    },
  );
});
