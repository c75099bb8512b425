/**
 * A domain's state in words for people: its status as a badge and a sentence, what its last check
 * found, and when the server will look again (the domain's `nextCheckAt`, which the scheduler keeps;
 * server/domains/lifecycle.ts decides it). Nothing here is guessed: a time shown is one the API gave.
 */
import type { Schemas } from '../api.ts';

type Domain = Schemas['Domain'];
type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export const STATUS: Record<Domain['status'], { label: string; tone: Tone }> = {
  pending: { label: 'Pending', tone: 'warn' },
  verified: { label: 'Verified', tone: 'good' },
  failing: { label: 'Failing', tone: 'warn' },
  revoked: { label: 'Revoked', tone: 'bad' },
  expired: { label: 'Expired', tone: 'neutral' },
};

/** What the status means for the widget on this domain, and what to do about it. */
export function statusSentence(domain: Domain): string {
  const where = domain.includeSubdomains
    ? `https://${domain.hostname} and any subdomain of it`
    : `https://${domain.hostname}`;
  switch (domain.status) {
    case 'pending':
      return `Waiting for the TXT record below. Publish it at your DNS provider, then check. Until then the widget does not appear on ${where}.`;
    case 'verified':
      return `The widget may appear on ${where}. Keep the TXT record published: it is checked again regularly.`;
    case 'failing':
      return `The last check did not find the TXT record. The widget still appears on ${where} for a grace period; if the record does not come back in that time, the domain is revoked.`;
    case 'revoked':
      return `The TXT record stayed missing past the grace period, so the widget no longer appears on ${where}. Publish the record again and check to restore it.`;
    case 'expired':
      return `The TXT record was not published in time, so the domain was never verified. Publish it and check: a match still verifies it.`;
  }
}

/** A check's outcome as a short label; unknown outcomes (a newer server) are shown as they come. */
export function outcomeLabel(outcome: string): { label: string; tone: Tone } {
  switch (outcome) {
    case 'matched':
      return { label: 'Record found', tone: 'good' };
    case 'not_found':
      return { label: 'No record found', tone: 'bad' };
    case 'wrong_value':
      return { label: 'Wrong value', tone: 'bad' };
    case 'dns_failure':
      return { label: 'DNS did not answer', tone: 'warn' };
    default:
      return { label: outcome.replaceAll('_', ' '), tone: 'neutral' };
  }
}

/** Why there is no next automatic check, when the API names none. */
export function noNextCheck(domain: Domain): string {
  if (domain.status === 'revoked' || domain.status === 'expired')
    return 'None: the server stops checking a domain once it is revoked or expired. "Check now" still verifies it when the record is there.';
  return 'The server has not scheduled one.';
}
