/**
 * Checks one domain's challenge and records the result. DNS is asked outside any transaction (it
 * can take seconds); the result is then applied in a short scoped transaction that re-reads and
 * locks the domain, so a domain deleted or checked by someone else meanwhile is handled, not
 * overwritten.
 */
import { sql } from 'kysely';
import { timestampOf } from '../db/epoch-ms.ts';
import type { Actor, ScopedQueries, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import type { CheckOutcome, Domain, StoredCheck } from '../db/schema.ts';
import type { TxtResolver } from './dns/resolver.ts';
import { challengeRecordName } from './hostname.ts';
import { afterCheck, AUTHORIZING, isExpired, stateOf, type DomainTimings, type Transition } from './lifecycle.ts';
import { announcePolicyChange } from '../embedding/policy-events.ts';
import type { VerdictCache } from '../embedding/verdict-cache.ts';
import { evaluateChallenge } from './txt-challenge.ts';

export interface DomainChecksOptions {
  data: TenantDatabase;
  resolver: TxtResolver;
  timings: DomainTimings;
  now: () => Date;
  /** Told, with every instance, when a check changes which origins a client authorizes. */
  verdicts: Pick<VerdictCache, 'invalidate'>;
  /** Told the outcome of every check and whose domain it was (for metrics); default none. */
  onCheck?: (outcome: CheckOutcome, reason: CheckReason, client: CheckedClient) => void;
  /** Told, once committed, of a verified domain that a check turned failing; default none. */
  onFailing?: (scope: TenantScope, domain: { domainId: string; hostname: string }) => void;
}

export type CheckReason = 'manual' | 'scheduled';

/** The client whose domain a check was about. */
export interface CheckedClient {
  agencyId: string;
  clientId: string;
}

/** A re-check that left its domain's status as it was, with the state it moves the domain to. */
export interface UnchangedCheck {
  domain: DueDomain;
  check: StoredCheck;
  next: Transition;
}

/**
 * What the scheduler reads of a domain that is due: these columns, and the times below.
 * `updated_at` says when the row was last written: a write made after the read wins over the check.
 */
export const DUE_COLUMNS = [
  'agency_id',
  'client_id',
  'domain_id',
  'hostname',
  'challenge_token',
  'status',
] as const satisfies ReadonlyArray<keyof Domain>;
export const DUE_TIMES = [
  'created_at',
  'verified_at',
  'failing_since',
  'next_check_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof Domain>;
export type DueDomain = Pick<Domain, (typeof DUE_COLUMNS)[number] | (typeof DUE_TIMES)[number]>;

export class DomainChecks {
  readonly #options: DomainChecksOptions;

  constructor(options: DomainChecksOptions) {
    this.#options = options;
  }

  /** Asks DNS for the domain's challenge and applies the outcome; null when the domain is gone. */
  async check(scope: TenantScope, actor: Actor, domainId: string, reason: CheckReason): Promise<Domain | null> {
    const domain = await this.#options.data.scoped(scope, actor, (q) => findDomain(q, domainId));
    if (!domain) return null;
    const client = { agencyId: domain.agency_id, clientId: domain.client_id };
    const check = await this.lookup(domain.hostname, domain.challenge_token, reason, client);
    return this.apply(scope, actor, domainId, check, reason);
  }

  /**
   * Asks DNS for a challenge and says what the answer means; touches no database. Not itself async:
   * a round calls it for every domain (docs/performance.md).
   */
  lookup(hostname: string, token: string, reason: CheckReason, client: CheckedClient): Promise<StoredCheck> {
    return this.#options.resolver.resolveTxt(challengeRecordName(hostname)).then((lookup) => {
      const check = evaluateChallenge(lookup, token, this.#options.now());
      this.#options.onCheck?.(check.outcome, reason, client);
      return check;
    });
  }

  /**
   * Records checks that left their domains' status as it was (the common case of a re-check
   * round: still verified), all in one statement on the privileged path. A domain written since it
   * was read (a manual check, a status change) is skipped: that write is newer than this check.
   */
  async recordUnchanged(results: readonly UnchangedCheck[]): Promise<number> {
    if (results.length === 0) return 0;
    const { data, now } = this.#options;
    const at = now();
    // The batch goes as one JSON document: JSON.stringify is native, where pg would escape each
    // element of seven array parameters (the last checks' JSON text above all) in JavaScript. Times
    // go as epoch milliseconds (epoch-ms.ts).
    const rows = JSON.stringify(
      results.map(({ domain, check, next }) => ({
        agency_id: domain.agency_id,
        domain_id: domain.domain_id,
        read_at: domain.updated_at.getTime(),
        last_check: check,
        next_check_at: next.nextCheckAt?.getTime() ?? null,
        verified_at: next.verifiedAt?.getTime() ?? null,
        failing_since: next.failingSince?.getTime() ?? null,
      })),
    );
    // Not waited for on disk: a check whose record a crash loses left its domain's status as it
    // was, and its domain is still due, so the next round simply checks it again.
    // Each database updates the rows of its agencies; the others match none of them.
    const updated = await data.privilegedEach(
      'scheduler: record unchanged re-checks',
      (db) =>
        sql`
        UPDATE domains SET
          last_check = v.last_check, next_check_at = ${timestampOf('v.next_check_at')},
          verified_at = ${timestampOf('v.verified_at')}, failing_since = ${timestampOf('v.failing_since')}, updated_at = ${at}
        FROM jsonb_to_recordset(${rows}::jsonb) AS v (
          agency_id uuid, domain_id uuid, read_at bigint, last_check jsonb,
          next_check_at bigint, verified_at bigint, failing_since bigint
        )
        WHERE domains.agency_id = v.agency_id AND domains.domain_id = v.domain_id
          AND date_trunc('milliseconds', domains.updated_at) = ${timestampOf('v.read_at')}
      `.execute(db),
      { waitForFlush: false },
    );
    return updated.reduce((sum, result) => sum + Number(result.numAffectedRows ?? 0), 0);
  }

  /** Marks a pending domain whose challenge ran out as expired, without asking DNS. */
  async expire(scope: TenantScope, actor: Actor, domainId: string): Promise<void> {
    const { data, timings, now } = this.#options;
    await data.scoped(scope, actor, async (q) => {
      const domain = await findDomain(q, domainId, true);
      if (!domain || !isExpired(stateOf(domain), now(), timings)) return;
      await q
        .updateTable('domains')
        .set({ status: 'expired', next_check_at: null, updated_at: now() })
        .where('domain_id', '=', domainId)
        .execute();
      await q.audit({
        action: 'domain.expired',
        targetType: 'domain',
        targetId: domainId,
        details: { hostname: domain.hostname, from: 'pending', to: 'expired' },
      });
    });
  }

  /** Applies a check's outcome in the domain's own scope: status change, audit row, NOTIFY. */
  async apply(
    scope: TenantScope,
    actor: Actor,
    domainId: string,
    check: StoredCheck,
    reason: CheckReason,
  ): Promise<Domain | null> {
    const { data, timings, now } = this.#options;
    let turnedFailing: { domainId: string; hostname: string } | null = null;
    const applied = await data.scoped(scope, actor, async (q) => {
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
          details: {
            hostname: current.hostname,
            from: current.status,
            to: next.status,
            outcome: check.outcome,
            reason,
          },
        });
      }
      if (AUTHORIZING.includes(current.status) !== AUTHORIZING.includes(next.status)) {
        await announcePolicyChange(q, this.#options.verdicts);
      }
      if (current.status === 'verified' && next.status === 'failing')
        turnedFailing = { domainId, hostname: current.hostname };
      return row;
    });
    if (turnedFailing) this.#options.onFailing?.(scope, turnedFailing);
    return applied;
  }
}

async function findDomain(q: ScopedQueries, domainId: string, lock = false): Promise<Domain | undefined> {
  const query = q.selectFrom('domains').selectAll().where('domain_id', '=', domainId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}
