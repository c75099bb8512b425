/**
 * The privacy round: works through queued exports and erasures, oldest first, one at a time, and
 * removes archives past their lifetime. Jobs are rows, so a restart loses none: a job left running
 * by a process that stopped is taken up again from its start (an export) or where the rows say it
 * is (an erasure deletes in batches, each committed), up to MAX_ATTEMPTS times.
 *
 * One process runs rounds at a time (PeriodicJob's advisory lock): a job found `running` while the
 * lock is held was left by a process that is gone. The server entry starts the worker; a request
 * that queues a job nudges it; tests call runOnce().
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/schema.ts';
import { PeriodicJob } from '../db/periodic-job.ts';
import { databaseFailureKind } from '../db/unavailable.ts';
import type { Actor, ScopedQueries, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import { ArchiveWriter, removeParts } from './export-archive.ts';
import { exportContact } from './contact-export.ts';
import { contactSubject, emailSubject, erase, eraseSubmissionBatch, type ErasureSubject } from './erasure.ts';
import { ARCHIVE_LIFETIME_MS, type PrivacyJobRow } from './privacy-jobs.ts';
import { removeArchivesHoldingErasedData } from './archive-purge.ts';
import { writeTenantExport } from './tenant-export.ts';

/** Advisory lock key of the privacy round ("upzento" and 5). */
export const PRIVACY_LOCK_KEY = 0x75707a656e746f05n;

/** Attempts a job gets before it is marked failed. */
export const MAX_ATTEMPTS = 3;

/** Submissions an erasure job deletes per transaction. */
const ERASURE_BATCH = 500;

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };

export interface PrivacyRound {
  /** False when another process held the lock. */
  ran: boolean;
  done: number;
  failed: number;
  /** Archives removed because they expired. */
  expired: number;
}

export interface PrivacyJobWorkerOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  now: () => Date;
  /** Time between rounds when nothing nudges; default one minute. */
  tickMs?: number;
  log?: FastifyBaseLogger;
}

export class PrivacyJobWorker {
  readonly #options: PrivacyJobWorkerOptions;
  readonly #job: PeriodicJob<PrivacyRound>;
  #started = false;

  constructor(options: PrivacyJobWorkerOptions) {
    this.#options = options;
    this.#job = new PeriodicJob({
      name: 'privacy jobs',
      lockDb: options.lockDb,
      lockKey: PRIVACY_LOCK_KEY,
      tickMs: options.tickMs ?? 60_000,
      ...(options.log && { log: options.log }),
      skipped: () => ({ ran: false, done: 0, failed: 0, expired: 0 }),
      work: () => this.#round(),
    });
  }

  start(): void {
    this.#started = true;
    this.#job.start();
    this.nudge();
  }

  stop(): Promise<void> {
    this.#started = false;
    return this.#job.stop();
  }

  /** A job was queued: a started worker runs a round now instead of at its next tick. */
  nudge(): void {
    if (!this.#started) return;
    void this.#job.runOnce().catch((error) => this.#options.log?.error({ err: error }, 'privacy jobs run failed'));
  }

  /** One round now; a round already going is joined. */
  runOnce(): Promise<PrivacyRound> {
    return this.#job.runOnce();
  }

  async #round(): Promise<PrivacyRound> {
    const round: PrivacyRound = { ran: true, done: 0, failed: 0, expired: await this.#expireArchives() };
    for (;;) {
      const job = await this.#claim();
      if (!job) return round;
      const outcome = await this.#run(job);
      if (outcome === 'done') round.done += 1;
      if (outcome === 'failed') round.failed += 1;
      // The database is away: the job stays queued for a later round.
      if (outcome === 'later') return round;
      // An erasure overtook an export, which is made again in the next round, not in a loop in this one.
      if (outcome === 'again') {
        setTimeout(() => this.nudge(), 0).unref();
        return round;
      }
    }
  }

  /** Marks the oldest open job running and returns it; a job out of attempts is failed instead. */
  #claim(): Promise<PrivacyJobRow | null> {
    const { data, now } = this.#options;
    // The oldest open job of the first database that has one: each database is drained in turn.
    const claimed = data.privilegedFind('privacy round: claim the next job', async (db) => {
      for (;;) {
        const job = await db
          .updateTable('privacy_jobs')
          .set({
            status: 'running',
            started_at: sql<Date>`coalesce(started_at, ${now()})`,
            attempts: sql<number>`attempts + 1`,
          })
          .where(({ eb, refTuple, selectFrom }) =>
            eb(
              refTuple('agency_id', 'job_id'),
              'in',
              selectFrom('privacy_jobs')
                .select(['agency_id', 'job_id'])
                .where('status', 'in', ['queued', 'running'])
                .orderBy('requested_at')
                .orderBy('job_id')
                .limit(1)
                .forUpdate()
                .skipLocked()
                .$asTuple('agency_id', 'job_id'),
            ),
          )
          .returningAll()
          .executeTakeFirst();
        if (!job || job.attempts <= MAX_ATTEMPTS) return job;
        await finish(db, job, now(), { status: 'failed', error: 'The job failed on every attempt' });
      }
    });
    return claimed.then((job) => job ?? null);
  }

  async #run(job: PrivacyJobRow): Promise<'done' | 'failed' | 'later' | 'again'> {
    const { data, now, log } = this.#options;
    const scope: TenantScope = { agencyId: job.agency_id, clientId: job.client_id };
    try {
      if (job.kind === 'tenant_export') return (await this.#exportTenant(job, scope)) ? 'done' : 'again';
      if (job.kind === 'contact_export') return (await this.#exportContact(job, scope)) ? 'done' : 'again';
      await this.#erase(job, scope);
      return 'done';
    } catch (error) {
      if (databaseFailureKind(error) !== null) {
        await data
          .privilegedFor(job.agency_id, 'privacy round: put a job back', (db) =>
            db
              .updateTable('privacy_jobs')
              .set({ status: 'queued', attempts: sql<number>`greatest(attempts - 1, 0)` })
              .where('agency_id', '=', job.agency_id)
              .where('job_id', '=', job.job_id)
              .execute(),
          )
          .catch(() => undefined);
        return 'later';
      }
      if (error instanceof GoneContact) {
        await data.privilegedFor(job.agency_id, 'privacy round: fail a job', (db) =>
          finish(db, job, now(), {
            status: 'failed',
            error: 'The contact was erased or deleted before its export was made.',
          }),
        );
        return 'failed';
      }
      log?.error({ err: error, jobId: job.job_id, kind: job.kind }, 'privacy job failed');
      if (job.attempts < MAX_ATTEMPTS) return 'failed';
      await data.privilegedFor(job.agency_id, 'privacy round: fail a job', (db) =>
        finish(db, job, now(), { status: 'failed', error: failureSentence(job) }),
      );
      return 'failed';
    }
  }

  async #exportTenant(job: PrivacyJobRow, scope: TenantScope): Promise<boolean> {
    const { data, now } = this.#options;
    const run = <R>(fn: (q: ScopedQueries) => Promise<R>) => data.scoped(scope, SYSTEM, fn);
    await run((q) => removeParts(q, job.job_id));
    const archive = new ArchiveWriter(data, scope, SYSTEM, job.job_id);
    const counts = await writeTenantExport(
      run,
      archive,
      {
        jobId: job.job_id,
        tenantId: job.tenant_id,
        tenantType: job.client_id ? 'client' : 'agency',
        requestedAt: job.requested_at,
      },
      now(),
      (rows) => saveProgress(run, job, rows),
    );
    return this.#completeExport(job, scope, counts, await archive.close());
  }

  async #exportContact(job: PrivacyJobRow, scope: TenantScope): Promise<boolean> {
    const { data, now } = this.#options;
    const contactId = job.contact_id as string;
    await data.scoped(scope, SYSTEM, (q) => removeParts(q, job.job_id));
    const archive = new ArchiveWriter(data, scope, SYSTEM, job.job_id);
    const found = await data.scoped(scope, SYSTEM, (q) => exportContact(q, contactId, 'client', now()));
    if (!found) throw new GoneContact();
    await archive.write('export', {
      format: 'upzento.contact-export.v1',
      exportId: job.job_id,
      tenant: { id: job.tenant_id, type: 'client' },
      requestedAt: job.requested_at,
      createdAt: found.exportedAt,
    });
    await archive.write('contact', { contact: found.contact });
    for (const submission of found.submissions) await archive.write('submission', { submission });
    for (const entry of found.auditEntries) await archive.write('auditEntry', { entry });
    for (const delivery of found.webhookDeliveries) await archive.write('webhookDelivery', { delivery });
    const counts = {
      contacts: 1,
      submissions: found.submissions.length,
      audit_entries: found.auditEntries.length,
      webhook_deliveries: found.webhookDeliveries.length,
    };
    await archive.write('end', { rows: counts });
    return this.#completeExport(job, scope, counts, await archive.close());
  }

  /**
   * Marks an export done, unless an erasure in its tenant finished after it started: the archive may
   * then hold what was erased, so it is queued to be made again (false).
   */
  async #completeExport(
    job: PrivacyJobRow,
    scope: TenantScope,
    counts: Record<string, number>,
    summary: { bytes: number; sha256: string },
  ): Promise<boolean> {
    const { data, now } = this.#options;
    const at = now();
    return data.scoped(scope, SYSTEM, async (q) => {
      const overtaken = await q
        .selectFrom('privacy_jobs')
        .select('job_id')
        .where('kind', 'in', ['contact_erasure', 'email_erasure'])
        .where('status', '=', 'done')
        .where('finished_at', '>=', job.started_at ?? job.requested_at)
        .limit(1)
        .executeTakeFirst();
      if (overtaken) {
        await removeParts(q, job.job_id);
        await q
          .updateTable('privacy_jobs')
          .set({ status: 'queued', started_at: null, attempts: 0, progress: '{}' })
          .where('job_id', '=', job.job_id)
          .execute();
        return false;
      }
      await q
        .updateTable('privacy_jobs')
        .set({
          status: 'done',
          finished_at: at,
          progress: JSON.stringify(counts),
          archive_bytes: String(summary.bytes),
          archive_sha256: summary.sha256,
          // greatest() passes over a null: an archive kept for a deletion stays at least that long.
          expires_at: sql<Date>`greatest(${new Date(at.getTime() + ARCHIVE_LIFETIME_MS)}::timestamptz, archive_kept_until)`,
          error: null,
        })
        .where('job_id', '=', job.job_id)
        .execute();
      await q.audit({
        action: 'export.completed',
        targetType: 'export',
        targetId: job.job_id,
        details: { kind: job.kind, bytes: summary.bytes, rows: counts },
      });
      return true;
    });
  }

  /** Deletes the subject's submissions a batch per transaction, then erases the rest in one. */
  async #erase(job: PrivacyJobRow, scope: TenantScope): Promise<void> {
    const { data, now } = this.#options;
    const subject = await data.scoped(scope, SYSTEM, (q) => subjectOf(q, job));
    let submissions = 0;
    if (subject) {
      for (;;) {
        const deleted = await data.scoped(scope, SYSTEM, (q) => eraseSubmissionBatch(q, subject, ERASURE_BATCH));
        submissions += deleted;
        if (deleted === 0) break;
        await saveProgress((fn) => data.scoped(scope, SYSTEM, fn), job, { submissions });
      }
    }
    await data.scoped(scope, SYSTEM, async (q) => {
      // Asked again under lock: what the batches began with may have changed since.
      const last = await subjectOf(q, job);
      const counts = last
        ? await erase(q, last, { suppress: true })
        : { contacts: 0, submissions: 0, auditEntries: 0, suppressed: false };
      const removed = { ...counts, submissions: counts.submissions + submissions };
      const progress = {
        contacts: removed.contacts,
        submissions: removed.submissions,
        auditEntries: removed.auditEntries,
        suppressed: removed.suppressed ? 1 : 0,
      };
      await q.audit(
        job.kind === 'contact_erasure'
          ? {
              action: 'contact.erased',
              targetType: 'contact',
              targetId: job.contact_id,
              details: { erasureId: job.job_id, ...removed },
            }
          : { action: 'email.erased', targetType: 'erasure', targetId: job.job_id, details: { ...removed } },
      );
      await finish(q.unfiltered, job, now(), { status: 'done', progress });
      await removeArchivesHoldingErasedData(q, now());
    });
  }

  /** Removes the archives whose lifetime is over. */
  #expireArchives(): Promise<number> {
    const { data, now } = this.#options;
    const removed = data.privilegedEach('privacy round: remove expired archives', async (db) => {
      const expired = await db
        .updateTable('privacy_jobs')
        .set({ archive_removed_at: now(), archive_removed_reason: 'expired' })
        .where('expires_at', '<=', now())
        .where('archive_removed_at', 'is', null)
        .returning(['agency_id', 'job_id'])
        .execute();
      for (const row of expired) {
        await db
          .deleteFrom('export_parts')
          .where('agency_id', '=', row.agency_id)
          .where('job_id', '=', row.job_id)
          .execute();
      }
      return expired.length;
    });
    return removed.then((counts) => counts.reduce((sum, n) => sum + n, 0));
  }
}

class GoneContact extends Error {
  constructor() {
    super('the contact no longer exists');
  }
}

/** What the job's status says when it failed for good; the log has the cause. */
function failureSentence(job: PrivacyJobRow): string {
  return job.kind.endsWith('_export')
    ? 'The export could not be made. Ask for a new one; if it fails again, contact support.'
    : 'The erasure could not be finished. Ask for it again; what was already removed stays removed.';
}

/** The erasure's subject as the job names it; null when there is nothing left to erase. */
function subjectOf(q: ScopedQueries, job: PrivacyJobRow): Promise<ErasureSubject | null> {
  if (job.kind === 'email_erasure')
    return job.subject_email ? emailSubject(q, job.subject_email) : Promise.resolve(null);
  return contactSubject(q, job.contact_id as string);
}

function saveProgress(
  run: <R>(fn: (q: ScopedQueries) => Promise<R>) => Promise<R>,
  job: PrivacyJobRow,
  rows: Record<string, number>,
): Promise<void> {
  return run(async (q) => {
    await q
      .updateTable('privacy_jobs')
      .set({ progress: JSON.stringify(rows) })
      .where('job_id', '=', job.job_id)
      .execute();
  });
}

interface Finish {
  status: 'done' | 'failed';
  progress?: Record<string, number>;
  error?: string;
}

/** Ends a job; the email an erasure was asked for goes with it, whatever the outcome. */
async function finish(db: Kysely<Database>, job: PrivacyJobRow, at: Date, end: Finish): Promise<void> {
  await db
    .updateTable('privacy_jobs')
    .set({
      status: end.status,
      finished_at: at,
      subject_email: null,
      ...(end.progress && { progress: JSON.stringify(end.progress) }),
      ...(end.error && { error: end.error }),
    })
    .where('agency_id', '=', job.agency_id)
    .where('job_id', '=', job.job_id)
    .execute();
}
