/**
 * Deleting an agency or a client in two steps, and a per-client limit of widget submissions.
 *
 * - tenant_deletions: one row per deletion asked for. The tenant is suspended at once and exported
 *   (export_job_id, a tenant export of privacy_jobs); once purge_after has passed and the archive is
 *   made, the deletion round removes every row of the tenant but its audit chain, and the row keeps
 *   what was removed (purged_rows). At most one open deletion per tenant. The row outlives the
 *   purge: it is the record that the tenant was deleted, and it holds no personal data.
 * - privacy_jobs.archive_kept_until: an export made for a deletion stays downloadable at least until
 *   then (the end of the grace period and the archive's usual lifetime after it), not only the usual
 *   lifetime from when it was made.
 * - privacy_jobs: the tenant path may delete them (the purge does), and an archive may be removed
 *   because its tenant was purged (`deletion`): every archive but the deletion's own goes then.
 * - agencies.name: the tenant path may change it (the purge leaves the agency as a nameless
 *   tombstone, so its audit chain still has a tenant to be read and verified through).
 * - tenant_limits.widget_submissions_per_minute: a client's widget submissions per minute, across
 *   every instance.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

const DELETION_SQL = `
CREATE TABLE tenant_deletions (
  agency_id         uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  tenant_id         uuid NOT NULL,
  client_id         uuid,
  deletion_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  status            text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'purging', 'purged')),
  -- Which level asked: a deletion the platform asked for is the platform's to cancel.
  requested_by_type text NOT NULL CHECK (requested_by_type IN ('platform', 'agency')),
  requested_by      uuid,
  requested_at      timestamptz NOT NULL DEFAULT now(),
  purge_after       timestamptz NOT NULL,
  export_job_id     uuid NOT NULL,
  -- Whether the deletion suspended the tenant (it was active before), so a cancellation lifts it.
  lifts_suspension  boolean NOT NULL,
  cancelled_at      timestamptz,
  cancelled_by      uuid,
  purge_started_at  timestamptz,
  purged_at         timestamptz,
  purged_rows       jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(purged_rows) = 'object'),
  PRIMARY KEY (agency_id, deletion_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  FOREIGN KEY (agency_id, tenant_id, export_job_id) REFERENCES privacy_jobs (agency_id, tenant_id, job_id),
  CHECK (client_id IS NULL AND tenant_id = agency_id OR client_id = tenant_id),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((status = 'purged') = (purged_at IS NOT NULL))
);
CREATE UNIQUE INDEX tenant_deletions_open_idx ON tenant_deletions (agency_id, tenant_id)
  WHERE status IN ('scheduled', 'purging');
-- The round's queue: open deletions by when they fall due.
CREATE INDEX tenant_deletions_due_idx ON tenant_deletions (purge_after) WHERE status IN ('scheduled', 'purging');
${tenantTablePolicies('tenant_deletions', contextRule('tenant_id'), 'SELECT, INSERT, UPDATE')}

ALTER TABLE privacy_jobs
  ADD COLUMN archive_kept_until timestamptz,
  DROP CONSTRAINT privacy_jobs_archive_removed_reason_check,
  ADD CONSTRAINT privacy_jobs_archive_removed_reason_check
    CHECK (archive_removed_reason IN ('expired', 'erasure', 'deletion'));
GRANT DELETE ON privacy_jobs TO upzento_app, upzento_system;
GRANT UPDATE (name) ON agencies TO upzento_app;

ALTER TABLE tenant_limits
  ADD COLUMN widget_submissions_per_minute integer CHECK (widget_submissions_per_minute BETWEEN 1 AND 1000000);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(DELETION_SQL).execute(db);
}
