/**
 * The middle stage of a re-check round: one due domain expired, or asked about in DNS with its next
 * state decided. An outcome that leaves the status as it was goes to the round's writer; a change
 * goes through the domain's own scoped transaction, as the system actor.
 */
import type { Actor, TenantScope } from '../db/tenant-db.ts';
import type { DomainChecks, DueDomain, UnchangedCheck } from './domain-checks.ts';
import { afterCheck, isExpired, stateOf, type DomainTimings } from './lifecycle.ts';

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };

/** The domain's own tenant scope, for the rare check that changes its status or expires it. */
function scopeOf(domain: DueDomain): TenantScope {
  return { agencyId: domain.agency_id, clientId: domain.client_id };
}

export interface RecheckContext {
  checks: DomainChecks;
  timings: DomainTimings;
  now: () => Date;
}

/** `at` is when the round began; an unchanged outcome is handed to `unchanged`. */
export async function recheckDomain(
  domain: DueDomain,
  at: Date,
  { checks, timings, now }: RecheckContext,
  unchanged: (check: UnchangedCheck) => void,
): Promise<'expired' | 'checked'> {
  const state = stateOf(domain);
  if (isExpired(state, at, timings)) {
    await checks.expire(scopeOf(domain), SYSTEM, domain.domain_id);
    return 'expired';
  }
  const outcome = await checks.lookup(domain.hostname, domain.challenge_token, 'scheduled', {
    agencyId: domain.agency_id,
    clientId: domain.client_id,
  });
  const next = afterCheck(state, outcome, now(), timings);
  if (next.status === domain.status) unchanged({ domain, check: outcome, next });
  else await checks.apply(scopeOf(domain), SYSTEM, domain.domain_id, outcome, 'scheduled');
  return 'checked';
}
