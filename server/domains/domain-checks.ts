/**
 * Checks one domain's challenge and records the result. DNS is asked outside any transaction (it
 * can take seconds); the result is then applied in a short scoped transaction that re-reads and
 * locks the domain, so a domain deleted or checked by someone else meanwhile is handled, not
 * overwritten.
 */
import type { Actor, ScopedQueries, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import type { Domain, DomainLastCheck } from '../db/schema.ts';
import type { TxtResolver } from './dns/resolver.ts';
import { challengeRecordName } from './hostname.ts';
import { afterCheck, AUTHORIZING, isExpired, type DomainTimings } from './lifecycle.ts';
import { announcePolicyChange } from './policy-events.ts';
import { evaluateChallenge } from './txt-challenge.ts';

export interface DomainChecksOptions {
  data: TenantDatabase;
  resolver: TxtResolver;
  timings: DomainTimings;
  now: () => Date;
  /** Called after a commit that changed which origins the client authorizes. */
  onPolicyChange: (clientId: string) => void;
  /** Told the outcome of every check (for metrics); default none. */
  onCheck?: (outcome: DomainLastCheck['outcome'], reason: CheckReason) => void;
}

export type CheckReason = 'manual' | 'scheduled';

export class DomainChecks {
  readonly #options: DomainChecksOptions;

  constructor(options: DomainChecksOptions) {
    this.#options = options;
  }

  /** Asks DNS for the domain's challenge and applies the outcome; null when the domain is gone. */
  async check(scope: TenantScope, actor: Actor, domainId: string, reason: CheckReason): Promise<Domain | null> {
    const { data, resolver, now } = this.#options;
    const domain = await data.scoped(scope, actor, (q) => findDomain(q, domainId));
    if (!domain) return null;
    const lookup = await resolver.resolveTxt(challengeRecordName(domain.hostname));
    const check = evaluateChallenge(lookup, domain.hostname, domain.challenge_token, now());
    this.#options.onCheck?.(check.outcome, reason);
    return this.#apply(scope, actor, domainId, check, reason);
  }

  /** Marks a pending domain whose challenge ran out as expired, without asking DNS. */
  async expire(scope: TenantScope, actor: Actor, domainId: string): Promise<void> {
    const { data, timings, now } = this.#options;
    await data.scoped(scope, actor, async (q) => {
      const domain = await findDomain(q, domainId, true);
      if (!domain || !isExpired(stateOf(domain), now(), timings)) return;
      await q.updateTable('domains').set({ status: 'expired', next_check_at: null, updated_at: now() }).where('domain_id', '=', domainId).execute();
      await q.audit({
        action: 'domain.expired',
        targetType: 'domain',
        targetId: domainId,
        details: { hostname: domain.hostname, from: 'pending', to: 'expired' },
      });
    });
  }

  async #apply(scope: TenantScope, actor: Actor, domainId: string, check: DomainLastCheck, reason: CheckReason): Promise<Domain | null> {
    const { data, timings, now } = this.#options;
    let policyChanged = false;
    const updated = await data.scoped(scope, actor, async (q) => {
      const current = await findDomain(q, domainId, true);
      if (!current) return null;
      const at = now();
      const next = afterCheck(stateOf(current), check, at, timings);
      const row = await q
        .updateTable('domains')
        .set({
          status: next.status,
          verified_at: next.verifiedAt,
          failing_since: next.failingSince,
          next_check_at: next.nextCheckAt,
          last_check: JSON.stringify(check),
          updated_at: at,
        })
        .where('domain_id', '=', domainId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const changed = next.status !== current.status;
      if (changed || reason === 'manual') {
        await q.audit({
          action: changed ? `domain.${next.status}` : 'domain.checked',
          targetType: 'domain',
          targetId: domainId,
          details: { hostname: current.hostname, from: current.status, to: next.status, outcome: check.outcome, reason },
        });
      }
      if (AUTHORIZING.includes(current.status) !== AUTHORIZING.includes(next.status)) {
        policyChanged = true;
        await announcePolicyChange(q);
      }
      return row;
    });
    if (policyChanged && scope.clientId) this.#options.onPolicyChange(scope.clientId);
    return updated;
  }
}

async function findDomain(q: ScopedQueries, domainId: string, lock = false): Promise<Domain | undefined> {
  const query = q.selectFrom('domains').selectAll().where('domain_id', '=', domainId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

function stateOf(domain: Domain) {
  return { status: domain.status, createdAt: domain.created_at, verifiedAt: domain.verified_at, failingSince: domain.failing_since };
}
