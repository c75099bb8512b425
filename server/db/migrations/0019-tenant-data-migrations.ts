/**
 * Data migrations that run per tenant (server/data-migrations/, docs/data-migrations.md), and the first
 * shape they move: a client's settings folded into one versioned document.
 *
 * - tenant_data_migrations: one row per agency and data migration, its progress. A tenant table (the
 *   agency is its key) rather than a privileged-only one: the step that migrates an agency's data marks
 *   the agency done in the same scoped transaction, so the data and its state commit together, and the
 *   read path of each agency reads its own state in the statement that reads the data. The tenant path
 *   may read and update its agency's rows only; enrolling and removing them is the privileged path's.
 * - client_settings.document: the settings' new shape (expand): nullable, filled per agency by the
 *   data migration `client-settings-document`, cleared by its rollback. The old columns stay until a
 *   later schema migration drops them (contract).
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

const DATA_MIGRATIONS_SQL = `
CREATE TABLE tenant_data_migrations (
  agency_id   uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  migration   text NOT NULL CHECK (migration ~ '^[a-z][a-z0-9-]{0,63}$'),
  state       text NOT NULL DEFAULT 'pending'
              CHECK (state IN ('pending', 'running', 'done', 'failed', 'rolled_back')),
  canary      boolean NOT NULL DEFAULT false,
  batch       integer CHECK (batch >= 0),
  attempts    integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  started_at  timestamptz,
  finished_at timestamptz,
  duration_ms integer CHECK (duration_ms >= 0),
  last_error  text CHECK (length(last_error) <= 2000),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, migration)
);
-- A migration's progress across agencies, by state; and a rollback's order, newest finished first.
CREATE INDEX tenant_data_migrations_state_idx ON tenant_data_migrations (migration, state, finished_at);
${tenantTablePolicies('tenant_data_migrations', contextRule(null), 'SELECT, UPDATE')}
GRANT INSERT, DELETE ON tenant_data_migrations TO upzento_system;

ALTER TABLE client_settings ADD COLUMN document jsonb
  CHECK (document IS NULL OR jsonb_typeof(document) = 'object');
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DATA_MIGRATIONS_SQL).execute(db);
}
