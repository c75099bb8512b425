/**
 * The retention job: for each client, removes what is past the client's periods (privacy-settings.ts)
 * and reports what it did, in a log line and one audit entry per client that had something to remove.
 *
 * - submissions older than submissionsDays are deleted (their webhook deliveries with them);
 * - contacts with no change and no submission for inactiveContactsDays are erased (erasure.ts), not
 *   suppressed;
 * - IP addresses kept beside audit entries (audit_personal) are cut to their network (IPv4 /24,
 *   IPv6 /48) after ipAddressesDays.
 *
 * Like the domain scheduler, one instance runs it at a time: a PostgreSQL session advisory lock on
 * the direct connection (the embedded database belongs to one process). Each client is worked on in
 * its own tenant scope, as the system actor. Not started by buildApp: the server entry starts it;
 * tests call runOnce() with a fake clock.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { PeriodicJob } from '../db/periodic-job.ts';
import type { Database } from '../db/schema.ts';
import type { Actor, ScopedQueries, TenantDatabase } from '../db/tenant-db.ts';
import { erase } from './erasure.ts';
import { settingsOf, type RetentionPeriods } from './privacy-settings.ts';

/** Advisory lock key of the retention job ("upzento" and 3: the domain scheduler's is 1, the webhook round's 2). */
export const RETENTION_LOCK_KEY = 0x75707a656e746f03n;

const DAY_MS = 86_400_000;

export interface RetentionJobOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  now: () => Date;
  /** Time between runs, in ms; default one hour. */
  tickMs?: number;
  log?: FastifyBaseLogger;
}

export interface RetentionCounts {
  submissions: number;
  contacts: number;
  ipAddresses: number;
}

export interface RetentionResult extends RetentionCounts {
  /** False when another process held the lock. */
  ran: boolean;
  /** Clients that had something removed. */
  clients: number;
  failed: number;
}

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };

export class RetentionJob {
  readonly #options: RetentionJobOptions;
  readonly #job: PeriodicJob<RetentionResult>;

  constructor(options: RetentionJobOptions) {
    this.#options = options;
    this.#job = new PeriodicJob({
      name: 'retention',
      lockDb: options.lockDb,
      lockKey: RETENTION_LOCK_KEY,
      ...(options.tickMs !== undefined && { tickMs: options.tickMs }),
      ...(options.log && { log: options.log }),
      skipped: () => ({ ran: false, clients: 0, failed: 0, submissions: 0, contacts: 0, ipAddresses: 0 }),
      work: () => this.#work(),
    });
  }

  start(): void {
    this.#job.start();
  }

  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void> {
    return this.#job.stop();
  }

  /** One run now; a run already going is joined, not doubled. */
  runOnce(): Promise<RetentionResult> {
    return this.#job.runOnce();
  }

  async #work(): Promise<RetentionResult> {
    const { data, now, log } = this.#options;
    const at = now();
    const clients = await data.privilegedEach('retention: every client and its periods', (db) =>
      db
        .selectFrom('clients')
        .leftJoin('privacy_settings as s', (join) =>
          join.onRef('s.agency_id', '=', 'clients.agency_id').onRef('s.client_id', '=', 'clients.client_id'),
        )
        .select([
          'clients.agency_id',
          'clients.client_id',
          's.suppress_erased_emails',
          's.submissions_days',
          's.inactive_contacts_days',
          's.ip_addresses_days',
        ])
        .execute(),
    );
    const result: RetentionResult = { ran: true, clients: 0, failed: 0, submissions: 0, contacts: 0, ipAddresses: 0 };
    for (const client of clients.flat()) {
      // A client without a row of settings has the defaults.
      const periods = settingsOf(
        client.suppress_erased_emails === null
          ? undefined
          : { ...client, suppress_erased_emails: client.suppress_erased_emails },
      ).retention;
      try {
        const counts = await data.scoped({ agencyId: client.agency_id, clientId: client.client_id }, SYSTEM, (q) =>
          applyRetention(q, periods, at),
        );
        if (counts.submissions + counts.contacts + counts.ipAddresses > 0) result.clients += 1;
        result.submissions += counts.submissions;
        result.contacts += counts.contacts;
        result.ipAddresses += counts.ipAddresses;
      } catch (error) {
        result.failed += 1;
        log?.error({ err: error, tenantId: client.client_id }, 'retention of a client failed');
      }
    }
    log?.info({ retention: result }, 'retention run: removed what was past its period');
    return result;
  }
}

const cutoff = (at: Date, days: number) => new Date(at.getTime() - days * DAY_MS);

/** Applies one client's periods at `at`, in its scope, and audits what it removed. */
export async function applyRetention(q: ScopedQueries, periods: RetentionPeriods, at: Date): Promise<RetentionCounts> {
  const counts: RetentionCounts = { submissions: 0, contacts: 0, ipAddresses: 0 };
  // Idle contacts first: a submission is activity, and is deleted below.
  if (periods.inactiveContactsDays !== null) {
    const before = cutoff(at, periods.inactiveContactsDays);
    const idle = await q
      .selectFrom('contacts')
      .select(['contact_id', 'email'])
      .where('updated_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('submissions as s')
              .select(sql`1`.as('one'))
              .whereRef('s.agency_id', '=', 'contacts.agency_id')
              .whereRef('s.contact_id', '=', 'contacts.contact_id')
              .where('s.created_at', '>=', before),
          ),
        ),
      )
      .execute();
    if (idle.length > 0) {
      const erased = await erase(
        q,
        { contactIds: idle.map((row) => row.contact_id), emails: idle.map((row) => row.email), wholeEmail: false },
        { suppress: false },
      );
      counts.contacts = erased.contacts;
      counts.submissions += erased.submissions;
    }
  }
  if (periods.submissionsDays !== null) {
    const gone = await q
      .deleteFrom('submissions')
      .where('created_at', '<', cutoff(at, periods.submissionsDays))
      .returning('submission_id')
      .execute();
    counts.submissions += gone.length;
  }
  if (periods.ipAddressesDays !== null) {
    // Request addresses come from the socket or a trusted proxy header: always an IP address.
    const cut = await q
      .updateTable('audit_personal')
      .set({
        ip: sql<string | null>`CASE
          WHEN ip ~ '^[0-9.]+$' OR ip ~* '^::ffff:[0-9.]+$' THEN regexp_replace(ip, '\\.[0-9]+$', '.0')
          WHEN ip ~* '^[0-9a-f:]+$' THEN host(network(set_masklen(ip::inet, 48)))
          ELSE NULL END`,
        ip_truncated: true,
      })
      .where('ip', 'is not', null)
      .where('ip_truncated', '=', false)
      .where('created_at', '<', cutoff(at, periods.ipAddressesDays))
      .returning('ref_id')
      .execute();
    counts.ipAddresses = cut.length;
  }
  if (counts.submissions + counts.contacts + counts.ipAddresses > 0) {
    await q.audit({
      action: 'retention.applied',
      targetType: 'client',
      targetId: q.scope.clientId,
      details: { ...counts, periods: { ...periods } },
    });
  }
  return counts;
}
