/**
 * The ownership challenge: a TXT record `upzento-verification=<token>` at
 * `_upzento-challenge.<hostname>`, and what a DNS answer means for it, in words a client can act on.
 */
import { randomBytes } from 'node:crypto';
import type { DomainLastCheck } from '../db/schema.ts';
import type { TxtLookup } from './dns/resolver.ts';
import { challengeRecordName } from './hostname.ts';

export const CHALLENGE_VALUE_PREFIX = 'upzento-verification=';

/** 128 random bits, URL-safe. */
export function newChallengeToken(): string {
  return randomBytes(16).toString('base64url');
}

export function challengeFor(hostname: string, token: string) {
  return { type: 'TXT' as const, name: challengeRecordName(hostname), value: `${CHALLENGE_VALUE_PREFIX}${token}` };
}

/** A record as its owner meant it: surrounding whitespace and one pair of quotes pasted by hand taken off. */
function pasted(record: string): string {
  const trimmed = record.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** Reads a TXT lookup against the expected value. Whitespace and surrounding quotes pasted by hand are forgiven. */
export function evaluateChallenge(lookup: TxtLookup, hostname: string, token: string, at: Date): DomainLastCheck {
  const challenge = challengeFor(hostname, token);
  const { name, value } = challenge;
  if (!lookup.ok) {
    if (lookup.temporary) {
      return lastCheck(
        at,
        challenge,
        [],
        'dns_failure',
        `Could not ask DNS about ${name} (${lookup.code}): ${lookup.message} This is usually temporary; the status is unchanged and the check will run again.`,
      );
    }
    return lastCheck(at, challenge, [], 'not_found', notFound(lookup, name, value));
  }
  const found = lookup.records;
  if (found.some((record) => pasted(record) === value)) {
    return lastCheck(at, challenge, found, 'matched', `Found ${value} at ${name}. The domain is verified.`);
  }
  if (found.length === 0) {
    return lastCheck(at, challenge, found, 'not_found', `No TXT record at ${name}. Add a TXT record with the value ${value}.`);
  }
  const shown = found.slice(0, 5).map((record) => JSON.stringify(record.slice(0, 120))).join(', ');
  return lastCheck(
    at,
    challenge,
    found,
    'wrong_value',
    `TXT records exist at ${name} but none is ${value}; found ${shown}. Check the value for typos, or whether it belongs to another Upzento domain.`,
  );
}

/** What to do when the challenge is not there for good: the advice depends on whether the name is an alias. */
function notFound(lookup: Extract<TxtLookup, { ok: false }>, name: string, value: string): string {
  const later = 'new records can take a few minutes to appear.';
  if (lookup.code === 'CNAME_LOOP') {
    return `${name} is an alias (CNAME) that loops or runs through too many names, so no TXT record can be read there. Replace the alias with a TXT record named ${name} with the value ${value}; ${later}`;
  }
  if (lookup.alias !== undefined) {
    const what = lookup.code === 'NXDOMAIN' ? 'does not exist' : 'has no TXT record';
    return `${name} is an alias (CNAME) that leads to ${lookup.alias}, which ${what}. Add a TXT record with the value ${value} at ${lookup.alias}, or replace the alias with a TXT record named ${name} with that value; ${later}`;
  }
  return `No TXT record at ${name}${lookup.code === 'NXDOMAIN' ? ' (the name does not exist)' : ''}. Add a TXT record named ${name} with the value ${value}; ${later}`;
}

/**
 * One check's record, built as one literal: a re-check round makes thousands, and V8 copies
 * `{ ...base, more }` several times slower than it builds the whole object.
 */
function lastCheck(
  at: Date,
  challenge: { name: string; value: string },
  found: string[],
  outcome: DomainLastCheck['outcome'],
  message: string,
): DomainLastCheck {
  return { at: at.toISOString(), queried: challenge.name, expected: challenge.value, found, outcome, message };
}
