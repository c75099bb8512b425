/**
 * Privacy work too large for one request: exports of a whole tenant (an agency with its clients, or
 * one client) or of one contact with many submissions, and erasures of a contact or an email that
 * reach many rows. Each request is a row of privacy_jobs that a background round works through;
 * the API shows its status. An erasure small enough for one request is recorded here too, already
 * done, so every erasure has a status to read by its id.
 *
 * - privacy_jobs: tenant_id is the agency or the client the job is about. subject_email is the one
 *   personal value a job holds (an erasure by email needs it until it runs), and is cleared when the
 *   job ends, whatever the outcome.
 * - export_parts: an export's archive, as gzip members of NDJSON lines in order; concatenated they
 *   are one gzip file. Removed when the archive expires, or when an erasure in its tenant would
 *   leave a copy of the erased data in it.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

function locked(table: string, grants: string): string {
  return tenantTablePolicies(table, contextRule('tenant_id'), grants);
}

const PRIVACY_JOBS_SQL = `
CREATE TABLE privacy_jobs (
  agency_id      uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  tenant_id      uuid NOT NULL,
  client_id      uuid,
  job_id         uuid NOT NULL DEFAULT gen_random_uuid(),
  kind           text NOT NULL CHECK (kind IN ('tenant_export', 'contact_export', 'contact_erasure', 'email_erasure')),
  status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  contact_id     uuid,
  subject_email  text CHECK (subject_email = lower(subject_email) AND length(subject_email) BETWEEN 3 AND 320),
  requested_by   uuid,
  request_id     text CHECK (length(request_id) <= 200),
  requested_at   timestamptz NOT NULL DEFAULT now(),
  started_at     timestamptz,
  finished_at    timestamptz,
  attempts       integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Rows handled so far, by section; what an erasure removed once it is done.
  progress       jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(progress) = 'object'),
  error          text CHECK (length(error) <= 500),
  archive_bytes  bigint CHECK (archive_bytes >= 0),
  archive_sha256 text CHECK (archive_sha256 ~ '^[0-9a-f]{64}$'),
  expires_at     timestamptz,
  archive_removed_at timestamptz,
  archive_removed_reason text CHECK (archive_removed_reason IN ('expired', 'erasure')),
  PRIMARY KEY (agency_id, job_id),
  UNIQUE (agency_id, tenant_id, job_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK (client_id IS NULL AND tenant_id = agency_id OR client_id = tenant_id),
  CHECK (kind = 'tenant_export' OR client_id IS NOT NULL),
  CHECK ((kind IN ('contact_export', 'contact_erasure')) = (contact_id IS NOT NULL)),
  CHECK (subject_email IS NULL OR kind = 'email_erasure' AND status IN ('queued', 'running')),
  CHECK ((status IN ('done', 'failed')) = (finished_at IS NOT NULL))
);
-- The round's queue, oldest first.
CREATE INDEX privacy_jobs_open_idx ON privacy_jobs (requested_at) WHERE status IN ('queued', 'running');
${locked('privacy_jobs', 'SELECT, INSERT, UPDATE')}

CREATE TABLE export_parts (
  agency_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  job_id    uuid NOT NULL,
  part      integer NOT NULL CHECK (part >= 0),
  data      bytea NOT NULL,
  PRIMARY KEY (agency_id, job_id, part),
  FOREIGN KEY (agency_id, tenant_id, job_id) REFERENCES privacy_jobs (agency_id, tenant_id, job_id) ON DELETE CASCADE
);
${locked('export_parts', 'SELECT, INSERT, DELETE')}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(PRIVACY_JOBS_SQL).execute(db);
}
