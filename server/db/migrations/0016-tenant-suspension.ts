/**
 * Suspension of an agency or a client: while suspended, the tenant's users (and, for an agency, the
 * users of every client below it) are refused at sign-in and with every token, and its widgets are
 * refused; its data stays as it is, and lifting the suspension restores everything.
 *
 * suspended_by says which level suspended it: a client suspended by the platform stays suspended
 * until the platform lifts it, whatever its agency does. upzento_app may change only these columns
 * of an agency (the route lets only the platform admin do so), within its context as ever.
 */
import { sql, type Kysely } from 'kysely';

const SUSPENSION_SQL = `
ALTER TABLE agencies
  ADD COLUMN suspended_at      timestamptz,
  ADD COLUMN suspended_by      text CHECK (suspended_by = 'platform'),
  ADD COLUMN suspension_reason text CHECK (length(suspension_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT agencies_suspension_check
    CHECK ((suspended_at IS NULL) = (suspended_by IS NULL) AND (suspended_at IS NOT NULL OR suspension_reason IS NULL));

ALTER TABLE clients
  ADD COLUMN suspended_at      timestamptz,
  ADD COLUMN suspended_by      text CHECK (suspended_by IN ('platform', 'agency')),
  ADD COLUMN suspension_reason text CHECK (length(suspension_reason) BETWEEN 1 AND 500),
  ADD CONSTRAINT clients_suspension_check
    CHECK ((suspended_at IS NULL) = (suspended_by IS NULL) AND (suspended_at IS NOT NULL OR suspension_reason IS NULL));

GRANT UPDATE (suspended_at, suspended_by, suspension_reason) ON agencies TO upzento_app;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SUSPENSION_SQL).execute(db);
}
