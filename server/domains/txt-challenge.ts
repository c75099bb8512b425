/**
 * The ownership challenge: a TXT record `upzento-verification=<token>` at
 * `_upzento-challenge.<hostname>`, what a DNS answer means for it, and how that reads in words a
 * client can act on.
 */
import { randomBytes } from 'node:crypto';
import type { CheckOutcome, DomainLastCheck, StoredCheck } from '../db/schema.ts';
import type { TxtLookup } from './dns/resolver.ts';
import { challengeRecordName } from './hostname.ts';

export const CHALLENGE_VALUE_PREFIX = 'upzento-verification=';

/** 128 random bits, URL-safe. */
export function newChallengeToken(): string {
  return randomBytes(16).toString('base64url');
}

export function challengeFor(hostname: string, token: string) {
  return { type: 'TXT' as const, name: challengeRecordName(hostname), value: challengeValue(token) };
}

/** The TXT value that proves the ownership `token` stands for. */
function challengeValue(token: string): string {
  return `${CHALLENGE_VALUE_PREFIX}${token}`;
}

/** A record as its owner meant it: surrounding whitespace and one pair of quotes pasted by hand taken off. */
function unquotedRecord(record: string): string {
  const trimmed = record.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

/** What a TXT lookup found for the challenge of `token`, as it is stored; `describeCheck` puts it in words. */
export function evaluateChallenge(lookup: TxtLookup, token: string, at: Date): StoredCheck {
  if (!lookup.ok) {
    const dns: NonNullable<StoredCheck['dns']> = { code: lookup.code };
    if (lookup.alias !== undefined) dns.alias = storable(lookup.alias);
    if (!lookup.temporary) return storedCheck(at, 'not_found', [], dns);
    dns.message = storable(lookup.message);
    return storedCheck(at, 'dns_failure', [], dns);
  }
  const { records } = lookup;
  const value = challengeValue(token);
  const found = kept(records);
  if (records.some((record) => unquotedRecord(record) === value)) return storedCheck(at, 'matched', found, undefined);
  return storedCheck(at, records.length === 0 ? 'not_found' : 'wrong_value', found, undefined);
}

/** A check keeps at most this many of the TXT values found, each cut to this many characters: a name may hold kilobytes of them. */
export const KEPT_RECORDS = 10;
export const KEPT_RECORD_LENGTH = 255;

/** The TXT values a check keeps, as storable text; the list itself when it is short and clean, as it nearly always is. */
function kept(records: string[]): string[] {
  const clean =
    records.length <= KEPT_RECORDS &&
    records.every((record) => record.length <= KEPT_RECORD_LENGTH && !record.includes('\0'));
  return clean ? records : records.slice(0, KEPT_RECORDS).map((record) => storable(cut(record)));
}

/** `text` cut to KEPT_RECORD_LENGTH characters, never between the two halves of a surrogate pair. */
function cut(text: string): string {
  if (text.length <= KEPT_RECORD_LENGTH) return text;
  const end = /[\uD800-\uDBFF]/.test(text[KEPT_RECORD_LENGTH - 1]!) ? KEPT_RECORD_LENGTH - 1 : KEPT_RECORD_LENGTH;
  return `${text.slice(0, end)}…`;
}

/**
 * Text from DNS as PostgreSQL's jsonb can hold it: a NUL (which a TXT record or a name may carry) is
 * refused there, and would fail the whole batch of outcomes it is written with, so it becomes U+FFFD.
 */
function storable(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text;
}

/** One stored check, built as one literal (a round makes thousands; docs/performance.md). An absent `dns` is left out of the JSON. */
function storedCheck(at: Date, outcome: CheckOutcome, found: string[], dns: StoredCheck['dns']): StoredCheck {
  return { at: at.toISOString(), outcome, found, dns };
}

/**
 * A stored check as the API shows it, for the domain whose challenge is `challenge`: what was asked,
 * what was expected, and what to do. A check stored whole, as earlier versions did, keeps its own
 * sentence: it holds no `dns` to make one from.
 */
export function describeCheck(
  check: StoredCheck | DomainLastCheck,
  challenge: { name: string; value: string },
): DomainLastCheck {
  const { name, value } = challenge;
  const message = 'message' in check ? check.message : sentence(check, name, value);
  return { at: check.at, queried: name, expected: value, found: check.found, outcome: check.outcome, message };
}

function sentence(check: StoredCheck, name: string, value: string): string {
  switch (check.outcome) {
    case 'matched':
      return `Found ${value} at ${name}. The domain is verified.`;
    case 'wrong_value': {
      const shown = check.found
        .slice(0, 5)
        .map((record) => JSON.stringify(record.slice(0, 120)))
        .join(', ');
      return `TXT records exist at ${name} but none is ${value}; found ${shown}. Check the value for typos, or whether it belongs to another Upzento domain.`;
    }
    case 'dns_failure': {
      const said = check.dns ? ` (${check.dns.code}): ${check.dns.message ?? ''}` : '.';
      return `Could not ask DNS about ${name}${said} This is usually temporary; the status is unchanged and the check will run again.`;
    }
    case 'not_found':
      return notFound(check.dns, name, value);
  }
}

/** What to do when the challenge is not there for good: the advice depends on whether the name is an alias. */
function notFound(dns: StoredCheck['dns'], name: string, value: string): string {
  const later = 'new records can take a few minutes to appear.';
  if (dns?.code === 'CNAME_LOOP') {
    return `${name} is an alias (CNAME) that loops or runs through too many names, so no TXT record can be read there. Replace the alias with a TXT record named ${name} with the value ${value}; ${later}`;
  }
  if (dns?.alias !== undefined) {
    const what = dns.code === 'NXDOMAIN' ? 'does not exist' : 'has no TXT record';
    return `${name} is an alias (CNAME) that leads to ${dns.alias}, which ${what}. Add a TXT record with the value ${value} at ${dns.alias}, or replace the alias with a TXT record named ${name} with that value; ${later}`;
  }
  return `No TXT record at ${name}${dns?.code === 'NXDOMAIN' ? ' (the name does not exist)' : ''}. Add a TXT record named ${name} with the value ${value}; ${later}`;
}
