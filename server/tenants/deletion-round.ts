/**
 * The deletion round: purges each tenant whose deletion is due (its grace period over) once its
 * export is made. An export that failed, or whose archive an erasure removed, is asked for again,
 * and the purge waits for it: nothing is purged that was not exported first. A purge stopped part
 * way (`purging`) is taken up again by the next round.
 *
 * One process runs rounds at a time (PeriodicJob's advisory lock). The server entry starts it;
 * tests call runOnce().
 */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { PeriodicJob } from '../db/periodic-job.ts';
import type { Database } from '../db/schema.ts';
import type { Actor, ScopedQueries, TenantDatabase, TenantScope } from '../db/tenant-db.ts';
import { ARCHIVE_LIFETIME_MS, requestTenantExport } from '../privacy/privacy-jobs.ts';
import type { DeletionRow } from './deletion.ts';
import { purgeTenant } from './tenant-purge.ts';

/** Advisory lock key of the deletion round ("upzento" and 0x20). */
export const DELETION_LOCK_KEY = 0x75707a656e746f20n;

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };

export interface DeletionRoundResult {
  /** False when another process held the lock. */
  ran: boolean;
  purged: number;
  /** Exports asked for again because the last one failed or was removed. */
  exportsAgain: number;
  /** Due, but their export is not made yet. */
  waiting: number;
}

export interface DeletionRoundOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  now: () => Date;
  /** An export was queued: the privacy round should take it up. */
  exportQueued: () => void;
  /** Time between rounds; default an hour. */
  tickMs?: number;
  log?: FastifyBaseLogger;
}

export class DeletionRound {
  readonly #options: DeletionRoundOptions;
  readonly #job: PeriodicJob<DeletionRoundResult>;

  constructor(options: DeletionRoundOptions) {
    this.#options = options;
    this.#job = new PeriodicJob({
      name: 'tenant deletions',
      lockDb: options.lockDb,
      lockKey: DELETION_LOCK_KEY,
      tickMs: options.tickMs ?? 3_600_000,
      ...(options.log && { log: options.log }),
      skipped: () => ({ ran: false, purged: 0, exportsAgain: 0, waiting: 0 }),
      work: () => this.#round(),
    });
  }

  start(): void {
    this.#job.start();
  }

  stop(): Promise<void> {
    return this.#job.stop();
  }

  runOnce(): Promise<DeletionRoundResult> {
    return this.#job.runOnce();
  }

  async #round(): Promise<DeletionRoundResult> {
    const { data, now, log, exportQueued } = this.#options;
    const result: DeletionRoundResult = { ran: true, purged: 0, exportsAgain: 0, waiting: 0 };
    const at = now();
    // In every database; each purge then runs in its tenant's own scope, where the tenant is.
    const found = await data.privilegedEach('deletion round: find due deletions', (db) =>
      db
        .selectFrom('tenant_deletions as d')
        .innerJoin('privacy_jobs as j', (join) =>
          join.onRef('j.agency_id', '=', 'd.agency_id').onRef('j.job_id', '=', 'd.export_job_id'),
        )
        .selectAll('d')
        .select(['j.status as export_status', 'j.archive_removed_at as archive_removed_at'])
        .where('d.status', 'in', ['scheduled', 'purging'])
        .where('d.purge_after', '<=', at)
        .orderBy('d.purge_after')
        .execute(),
    );
    const due = found.flat().sort((a, b) => a.purge_after.getTime() - b.purge_after.getTime());
    for (const row of due) {
      const scope: TenantScope = { agencyId: row.agency_id, clientId: row.client_id };
      const run = <R>(fn: (q: ScopedQueries) => Promise<R>) => data.scoped(scope, SYSTEM, fn);
      if (row.status === 'scheduled') {
        if (row.export_status === 'queued' || row.export_status === 'running') {
          result.waiting += 1;
          continue;
        }
        if (row.export_status === 'failed' || row.archive_removed_at !== null) {
          await run((q) => exportAgain(q, row, at));
          exportQueued();
          result.exportsAgain += 1;
          continue;
        }
      }
      try {
        await run((q) =>
          q
            .updateTable('tenant_deletions')
            .set({ status: 'purging', purge_started_at: at })
            .where('deletion_id', '=', row.deletion_id)
            .where('status', '=', 'scheduled')
            .execute(),
        );
        const counts = await purgeTenant(run, row, now());
        log?.info({ deletionId: row.deletion_id, tenantId: row.tenant_id, rows: counts }, 'tenant purged');
        result.purged += 1;
      } catch (error) {
        // Left `purging`: the next round takes it up where the rows say it is.
        log?.error({ err: error, deletionId: row.deletion_id }, 'tenant purge failed');
      }
    }
    return result;
  }
}

/** Queues a new export for a deletion whose last one failed or was removed, kept as long as the first. */
async function exportAgain(q: ScopedQueries, deletion: DeletionRow, at: Date): Promise<void> {
  const job = await requestTenantExport(q, { keepArchiveUntil: new Date(at.getTime() + ARCHIVE_LIFETIME_MS) });
  await q
    .updateTable('tenant_deletions')
    .set({ export_job_id: job.job_id })
    .where('deletion_id', '=', deletion.deletion_id)
    .execute();
}
