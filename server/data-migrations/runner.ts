/**
 * Runs data migrations per agency: canaries first, then the rest in batches of a bounded number in
 * parallel, with a pause between batches and a number of retries per agency. Each agency's step runs in
 * that agency's own scoped transaction and marks it done there, so its data and its state commit
 * together; one agency's failure is recorded against it and the others go on. A rollback undoes the
 * agencies that are done, the newest finished first. docs/data-migrations.md describes the whole.
 */
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor, ScopedQueries, TenantDatabase } from '../db/tenant-db.ts';
import { DataMigrationBusy, DataMigrationStateConflict, NotFound } from '../errors.ts';
import type { DataMigration, StepDetails } from './data-migration.ts';
import {
  agenciesToMigrate,
  agenciesToRollBack,
  enrollAgencies,
  oneTenantProgress,
  progressOf,
  PROGRESS_COLUMNS,
  type TenantProgress,
} from './progress.ts';

export interface RunOptions {
  /** Agencies migrated first, on their own; when one of them still fails after its retries, the run stops there. Default none. */
  canaries: readonly string[];
  /** Agencies per batch after the canaries; default 50. */
  batchSize: number;
  /** Agencies migrated at once within a batch; default 4. */
  concurrency: number;
  /** Wait between two batches, in ms; default 1000. */
  pauseMs: number;
  /** Further attempts of an agency whose step failed; default 2. */
  retries: number;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  canaries: [],
  batchSize: 50,
  concurrency: 4,
  pauseMs: 1000,
  retries: 2,
};

/** What an operation in the background ended with, for the log and the tests. */
export interface OperationOutcome {
  kind: 'run' | 'rollback';
  migration: string;
  done: number;
  failed: number;
  /** True when a canary failed and the run stopped before the other agencies, or the runner was stopped. */
  stopped: boolean;
}

export interface RunnerOptions {
  /** The data migrations the runner knows; default the shipped ones (registry.ts). */
  migrations: readonly DataMigration[];
  log?: FastifyBaseLogger;
  /** Waits between batches; tests hold a run there to read while it is partly applied. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** What is in progress on a migration: a run, a rollback, or one agency's retry or rollback. */
export type Operation = 'run' | 'rollback' | 'tenant';

type Attempt = { outcome: 'done' | 'failed' | 'skipped'; progress: TenantProgress | null };

/** The longest error text kept per agency; the column allows 2000. */
const ERROR_LENGTH = 2000;

export class DataMigrationRunner {
  readonly #data: TenantDatabase;
  readonly #migrations: ReadonlyMap<string, DataMigration>;
  readonly #log: FastifyBaseLogger | undefined;
  readonly #sleep: (ms: number) => Promise<void>;
  /** The operation in progress per migration, in this process. */
  readonly #active = new Map<string, { kind: Operation; finished: Promise<OperationOutcome | null> }>();
  /** Each migration's last run or rollback to end in this process. */
  readonly #last = new Map<string, OperationOutcome>();
  #stopping = false;
  /** Resolves when stop() is called, ending any pause between batches at once. */
  readonly #stopped: Promise<void>;
  #stop: () => void = () => {};

  constructor(data: TenantDatabase, options: RunnerOptions) {
    this.#data = data;
    this.#migrations = new Map(options.migrations.map((migration) => [migration.name, migration]));
    this.#log = options.log;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.#stopped = new Promise((resolve) => {
      this.#stop = resolve;
    });
  }

  get migrations(): readonly DataMigration[] {
    return [...this.#migrations.values()];
  }

  /** The migration named so; NotFound otherwise. */
  migration(name: string): DataMigration {
    const migration = this.#migrations.get(name);
    if (!migration) throw new NotFound('data migration');
    return migration;
  }

  /** The operation this process runs on the migration now, if any. */
  activeOperation(name: string): Operation | null {
    return this.#active.get(name)?.kind ?? null;
  }

  /** Resolves, once the migration's operation in progress (if any) has ended, with the last run's or rollback's outcome. */
  async idle(name: string): Promise<OperationOutcome | null> {
    await this.#active.get(name)?.finished;
    return this.#last.get(name) ?? null;
  }

  /**
   * Starts a run in the background, once every agency is enrolled and the canaries are found; answers
   * the canary ids that name no agency instead of starting, if any.
   */
  async startRun(name: string, actor: Actor, options: RunOptions): Promise<{ unknownCanaries: string[] }> {
    const migration = this.migration(name);
    this.#claim(name, 'run');
    try {
      const unknownCanaries = await enrollAgencies(this.#data, name, options.canaries);
      if (unknownCanaries.length > 0) {
        this.#active.delete(name);
        return { unknownCanaries };
      }
      this.#begin(name, 'run', () => this.#run(migration, actor, options));
      return { unknownCanaries: [] };
    } catch (error) {
      this.#active.delete(name);
      throw error;
    }
  }

  /** Starts a rollback in the background: the agencies done (of `agencyIds`, when given), the newest first. */
  startRollback(name: string, actor: Actor, agencyIds: readonly string[] | null): void {
    const migration = this.migration(name);
    this.#claim(name, 'rollback');
    this.#begin(name, 'rollback', () => this.#rollback(migration, actor, agencyIds));
  }

  /** Migrates one agency that is not done, now, with no further attempts; answers its progress. */
  retryOne(name: string, agencyId: string, actor: Actor): Promise<TenantProgress> {
    const migration = this.migration(name);
    return this.#alone(name, async () => {
      const current = await this.#progress(name, agencyId);
      if (current.state === 'done') throw new DataMigrationStateConflict(`agency ${agencyId} is done already`);
      const { progress } = await this.#attempt(migration, agencyId, actor, current.batch);
      return progress ?? (await this.#progress(name, agencyId));
    });
  }

  /** Rolls back one agency that is done, or failed part of the way; answers its progress. */
  rollBackOne(name: string, agencyId: string, actor: Actor): Promise<TenantProgress> {
    const migration = this.migration(name);
    return this.#alone(name, async () => {
      const current = await this.#progress(name, agencyId);
      if (current.state !== 'done' && current.state !== 'failed')
        throw new DataMigrationStateConflict(
          `agency ${agencyId} is ${current.state}: only a done or failed agency rolls back`,
        );
      await this.#rollBackAgency(migration, agencyId, actor, ['done', 'failed']);
      return this.#progress(name, agencyId);
    });
  }

  /** Lets no operation start another agency, and waits for those in progress; the rest stay as they are. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#stop();
    await Promise.allSettled([...this.#active.values()].map((operation) => operation.finished));
  }

  #claim(name: string, kind: Operation): void {
    const active = this.#active.get(name);
    if (active) throw new DataMigrationBusy(`a ${active.kind} of ${name} is in progress`);
    if (this.#stopping) throw new DataMigrationBusy('the server is shutting down');
    // Claimed before the first await, so two requests at once cannot both start.
    this.#active.set(name, { kind, finished: Promise.resolve(null) });
  }

  /** Runs one agency's operation while nothing else runs on the migration here; stop() waits for it. */
  async #alone<R>(name: string, work: () => Promise<R>): Promise<R> {
    this.#claim(name, 'tenant');
    const result = work();
    this.#active.set(name, {
      kind: 'tenant',
      finished: result.then(
        () => null,
        () => null,
      ),
    });
    try {
      return await result;
    } finally {
      this.#active.delete(name);
    }
  }

  #begin(name: string, kind: 'run' | 'rollback', work: () => Promise<OperationOutcome>): void {
    const finished = work()
      .catch((error: unknown): OperationOutcome => {
        this.#log?.error({ err: error, migration: name }, `data migration ${kind} ended by an error`);
        return { kind, migration: name, done: 0, failed: 0, stopped: true };
      })
      .then((outcome) => {
        this.#active.delete(name);
        this.#last.set(name, outcome);
        this.#log?.info({ ...outcome }, `data migration ${kind} finished`);
        return outcome;
      });
    this.#active.set(name, { kind, finished });
  }

  async #progress(name: string, agencyId: string): Promise<TenantProgress> {
    const progress = await this.#data.privilegedFor(
      agencyId,
      `data migrations: one agency's progress in ${name}`,
      (db) => oneTenantProgress(db, name, agencyId),
    );
    if (!progress) throw new NotFound('agency in this data migration');
    return progress;
  }

  async #run(migration: DataMigration, actor: Actor, options: RunOptions): Promise<OperationOutcome> {
    const outcome: OperationOutcome = { kind: 'run', migration: migration.name, done: 0, failed: 0, stopped: false };
    const { canaries, rest } = await agenciesToMigrate(this.#data, migration.name, options.canaries);
    const batches = [canaries];
    for (let i = 0; i < rest.length; i += options.batchSize) batches.push(rest.slice(i, i + options.batchSize));
    for (const [batch, agencies] of batches.entries()) {
      if (agencies.length === 0) continue;
      if (options.pauseMs > 0 && (batch > 1 || (batch === 1 && canaries.length > 0)))
        await Promise.race([this.#sleep(options.pauseMs), this.#stopped]);
      if (this.#stopping) return { ...outcome, stopped: true };
      let failedHere = 0;
      await inParallel(agencies, options.concurrency, async (agencyId) => {
        if (this.#stopping) return;
        const result = await this.#migrateAgency(migration, agencyId, actor, batch, options.retries);
        if (result === 'done') outcome.done++;
        if (result === 'failed') failedHere++;
      });
      outcome.failed += failedHere;
      // Canaries exist to stop a run that would fail everywhere before it reaches everyone.
      if (batch === 0 && failedHere > 0) return { ...outcome, stopped: true };
    }
    return { ...outcome, stopped: this.#stopping };
  }

  async #migrateAgency(
    migration: DataMigration,
    agencyId: string,
    actor: Actor,
    batch: number,
    retries: number,
  ): Promise<Attempt['outcome']> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(migration, agencyId, actor, batch).then(
        (result) => result.outcome,
        (error: unknown) => {
          // Not even marked running (the database refused the agency's transaction): the others go on.
          this.#log?.warn({ migration: migration.name, agencyId, err: error }, 'data migration attempt not started');
          return 'failed' as const;
        },
      );
      if (outcome !== 'failed' || attempt >= retries) return outcome;
    }
  }

  /**
   * One attempt at one agency: marked running (committed, so the platform sees it), then the step and
   * `done` in one scoped transaction; a failure is recorded, and audited, in a scoped transaction of its own.
   */
  async #attempt(migration: DataMigration, agencyId: string, actor: Actor, batch: number | null): Promise<Attempt> {
    const scope = { agencyId, clientId: null };
    const name = migration.name;
    const started = performance.now();
    const attempts = await this.#data.scoped(scope, actor, async (q) => {
      const row = await q
        .updateTable('tenant_data_migrations')
        .set({
          state: 'running',
          attempts: sql<number>`attempts + 1`,
          batch,
          started_at: sql<Date>`clock_timestamp()`,
          finished_at: null,
          duration_ms: null,
          updated_at: sql<Date>`now()`,
        })
        .where('migration', '=', name)
        .where('state', '!=', 'done')
        .returning('attempts')
        .executeTakeFirst();
      return row?.attempts ?? null;
    });
    if (attempts === null) return { outcome: 'skipped', progress: null };
    try {
      const progress = await this.#data.scoped(scope, actor, async (q) => {
        if (!(await stillRunning(q, name))) return null;
        const details = await migration.forward(q);
        await q.audit({
          action: 'data_migration.applied',
          targetType: 'data_migration',
          targetId: name,
          details: { ...details, attempt: attempts, batch },
        });
        return finish(q, name, 'done', started, null);
      });
      return progress ? { outcome: 'done', progress } : { outcome: 'skipped', progress: null };
    } catch (error) {
      const message = errorText(error);
      this.#log?.warn({ migration: name, agencyId, attempt: attempts, err: error }, 'data migration step failed');
      const progress = await this.#data
        .scoped(scope, actor, async (q) => {
          await q.audit({
            action: 'data_migration.failed',
            targetType: 'data_migration',
            targetId: name,
            details: { attempt: attempts, batch, error: message.slice(0, 500) },
          });
          return finish(q, name, 'failed', started, message);
        })
        .catch((recording: unknown) => {
          // The agency stays `running`: a later run or a retry takes it up again.
          this.#log?.error({ migration: name, agencyId, err: recording }, 'data migration failure not recorded');
          return null;
        });
      return { outcome: 'failed', progress };
    }
  }

  async #rollback(migration: DataMigration, actor: Actor, only: readonly string[] | null): Promise<OperationOutcome> {
    const outcome: OperationOutcome = {
      kind: 'rollback',
      migration: migration.name,
      done: 0,
      failed: 0,
      stopped: false,
    };
    // One at a time, newest finished first: the reverse of the order the agencies were migrated in.
    for (const agencyId of await agenciesToRollBack(this.#data, migration.name, only)) {
      if (this.#stopping) return { ...outcome, stopped: true };
      const rolledBack = await this.#rollBackAgency(migration, agencyId, actor, ['done']).then(
        (done) => done,
        (error: unknown) => {
          this.#log?.warn({ migration: migration.name, agencyId, err: error }, 'data migration rollback step failed');
          return this.#recordRollbackFailure(migration.name, agencyId, actor, errorText(error)).then(() => false);
        },
      );
      if (rolledBack) outcome.done++;
      else outcome.failed++;
    }
    return outcome;
  }

  /** Runs the backward step of one agency in one of `from` and marks it rolled back; false when it was in none. */
  async #rollBackAgency(
    migration: DataMigration,
    agencyId: string,
    actor: Actor,
    from: readonly ('done' | 'failed')[],
  ): Promise<boolean> {
    const name = migration.name;
    const started = performance.now();
    return this.#data.scoped({ agencyId, clientId: null }, actor, async (q) => {
      const row = await q
        .selectFrom('tenant_data_migrations')
        .select(['state', sql<Date>`clock_timestamp()`.as('began')])
        .where('migration', '=', name)
        .forUpdate()
        .executeTakeFirst();
      if (!row || !(from as readonly string[]).includes(row.state)) return false;
      const details: StepDetails = await migration.backward(q);
      await q.audit({
        action: 'data_migration.rolled_back',
        targetType: 'data_migration',
        targetId: name,
        details: { ...details, from: row.state },
      });
      await finish(q, name, 'rolled_back', started, null, row.began);
      return true;
    });
  }

  /** A failed backward step leaves the agency done (its data is still migrated), with the error beside it. */
  async #recordRollbackFailure(name: string, agencyId: string, actor: Actor, message: string): Promise<void> {
    await this.#data
      .scoped({ agencyId, clientId: null }, actor, async (q) => {
        await q
          .updateTable('tenant_data_migrations')
          .set({ last_error: `rollback: ${message}`.slice(0, ERROR_LENGTH), updated_at: sql<Date>`now()` })
          .where('migration', '=', name)
          .execute();
        await q.audit({
          action: 'data_migration.rollback_failed',
          targetType: 'data_migration',
          targetId: name,
          details: { error: message.slice(0, 500) },
        });
      })
      .catch((error: unknown) =>
        this.#log?.error({ migration: name, agencyId, err: error }, 'data migration rollback failure not recorded'),
      );
  }
}

/** Whether this agency is still `running` in the migration, its row locked till the end of the transaction. */
async function stillRunning(q: ScopedQueries, name: string): Promise<boolean> {
  const row = await q
    .selectFrom('tenant_data_migrations')
    .select('state')
    .where('migration', '=', name)
    .forUpdate()
    .executeTakeFirst();
  // Another instance finished or rolled it back meanwhile: its work stands, this attempt does nothing.
  return row?.state === 'running';
}

/** Sets the agency's end state, in the transaction of the step it ends. */
async function finish(
  q: ScopedQueries,
  name: string,
  state: 'done' | 'failed' | 'rolled_back',
  started: number,
  error: string | null,
  /** A rollback's own start; an attempt's was set when it was marked running. */
  startedAt?: Date,
): Promise<TenantProgress> {
  const row = await q
    .updateTable('tenant_data_migrations')
    .set({
      state,
      ...(startedAt !== undefined && { started_at: startedAt }),
      finished_at: sql<Date>`clock_timestamp()`,
      duration_ms: Math.round(performance.now() - started),
      last_error: error === null ? null : error.slice(0, ERROR_LENGTH),
      updated_at: sql<Date>`now()`,
    })
    .where('migration', '=', name)
    .returning(PROGRESS_COLUMNS)
    .executeTakeFirstOrThrow();
  return progressOf(row);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs fn over items, at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
