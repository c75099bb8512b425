/**
 * What a data migration is: a change of one agency's data, forward and backward, run per agency by the
 * runner (runner.ts) in that agency's own scoped transaction, so row-level security applies and the step
 * commits together with the agency's state. docs/data-migrations.md says how to write one.
 */
import type { DataMigrationState } from '../db/schema.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';

export type { DataMigrationState } from '../db/schema.ts';

export const DATA_MIGRATION_STATES: readonly DataMigrationState[] = [
  'pending',
  'running',
  'done',
  'failed',
  'rolled_back',
];

/** What a step tells the audit log about what it changed (counts, not data). */
export type StepDetails = Record<string, number | string | boolean>;

export interface DataMigration {
  /** Kebab case, unique, never reused: the agencies' progress is kept under it. */
  readonly name: string;
  /** One sentence for the platform admin: what moves where. */
  readonly description: string;
  /**
   * Moves the data of the agency `q` is scoped to into the new shape. Runs again after a failure or a
   * rollback, so it must give the same result when part or all of it was done before.
   */
  forward(q: ScopedQueries): Promise<StepDetails>;
  /** Undoes forward for the agency `q` is scoped to; likewise safe to run again. */
  backward(q: ScopedQueries): Promise<StepDetails>;
}
