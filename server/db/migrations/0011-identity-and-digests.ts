/**
 * Visitor identity verification, and signed digests of the audit chains.
 *
 * - identity_settings: per client, whether the widget's identities are verified (off, optional,
 *   required), whether anonymous leads are taken when they are required, the oldest a signed
 *   identity may be, and the secret the client's site signs with. The secret is kept as text because
 *   every verification needs it; the API shows it once, when it is made. After a rotation the secret
 *   it replaced still verifies until previous_secret_until.
 * - submissions and contacts: who the site said the visitor was. identity_verified says whether the
 *   signature was checked; a contact carries only verified identities.
 * - audit_digests: per tenant chain, a signed statement of its head (seq and hash) at a time, and of
 *   the rows added since the previous digest, chained to that digest by its hash. Append-only: the
 *   application's roles may read and insert, and a trigger refuses every UPDATE, DELETE and TRUNCATE.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

function locked(table: string, clientColumn: string, grants: string): string {
  return tenantTablePolicies(table, contextRule(clientColumn), grants);
}

const SECRET = `'^idsec_[A-Za-z0-9_-]{43}$'`;

const IDENTITY_SQL = `
CREATE TABLE identity_settings (
  agency_id       uuid NOT NULL,
  client_id       uuid NOT NULL,
  verification    text NOT NULL DEFAULT 'off' CHECK (verification IN ('off', 'optional', 'required')),
  -- Only read when verification is required: whether a lead without an identity is taken.
  allow_anonymous boolean NOT NULL DEFAULT true,
  -- Seconds; NULL: a signed identity does not grow too old (and issuedAt is optional).
  max_age_seconds integer CHECK (max_age_seconds BETWEEN 1 AND 31536000),
  secret          text CHECK (secret ~ ${SECRET}),
  secret_created_at timestamptz,
  previous_secret text CHECK (previous_secret ~ ${SECRET}),
  previous_secret_until timestamptz,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, client_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK ((secret IS NULL) = (secret_created_at IS NULL)),
  CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL)),
  CHECK (verification = 'off' OR secret IS NOT NULL)
);
${locked('identity_settings', 'client_id', 'SELECT, INSERT, UPDATE, DELETE')}

ALTER TABLE submissions
  ADD COLUMN identity_user_id text CHECK (length(identity_user_id) BETWEEN 1 AND 200),
  ADD COLUMN identity_email text CHECK (identity_email = lower(identity_email) AND length(identity_email) <= 320),
  ADD COLUMN identity_verified boolean,
  ADD CONSTRAINT submissions_identity_check
    CHECK ((identity_verified IS NULL) = (identity_user_id IS NULL AND identity_email IS NULL));

ALTER TABLE contacts
  ADD COLUMN identity_user_id text CHECK (length(identity_user_id) BETWEEN 1 AND 200),
  ADD COLUMN identity_email text CHECK (identity_email = lower(identity_email) AND length(identity_email) <= 320),
  ADD COLUMN identity_verified_at timestamptz,
  ADD CONSTRAINT contacts_identity_check
    CHECK ((identity_verified_at IS NULL) = (identity_user_id IS NULL AND identity_email IS NULL));
-- An erasure by email finds identities by their email too.
CREATE INDEX submissions_identity_email_idx ON submissions (agency_id, client_id, identity_email) WHERE identity_email IS NOT NULL;
`;

const DIGESTS_SQL = `
CREATE TABLE audit_digests (
  agency_id    uuid NOT NULL,
  tenant_id    uuid NOT NULL,
  -- 1, 2, 3 … per tenant: a missing number is a removed digest.
  seq          bigint NOT NULL CHECK (seq >= 1),
  tenant_type  text NOT NULL CHECK (tenant_type IN ('platform', 'agency', 'client')),
  period_start timestamptz,
  period_end   timestamptz NOT NULL,
  head_seq     bigint NOT NULL CHECK (head_seq >= 0),
  head_hash    text NOT NULL CHECK (head_hash ~ '^([0-9a-f]{64})?$'),
  row_count    bigint NOT NULL CHECK (row_count >= 0),
  previous_digest_hash text CHECK (previous_digest_hash ~ '^[0-9a-f]{64}$'),
  digest_hash  text NOT NULL CHECK (digest_hash ~ '^[0-9a-f]{64}$'),
  key_id       text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  signature    text NOT NULL CHECK (length(signature) <= 200),
  PRIMARY KEY (agency_id, tenant_id, seq),
  CHECK ((seq = 1) = (previous_digest_hash IS NULL))
);

CREATE FUNCTION audit_digests_append_only() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_digests is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;
CREATE TRIGGER audit_digests_append_only BEFORE UPDATE OR DELETE ON audit_digests
  FOR EACH ROW EXECUTE FUNCTION audit_digests_append_only();
CREATE TRIGGER audit_digests_no_truncate BEFORE TRUNCATE ON audit_digests
  FOR EACH STATEMENT EXECUTE FUNCTION audit_digests_append_only();
${locked('audit_digests', 'tenant_id', 'SELECT, INSERT')}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`${IDENTITY_SQL}\n${DIGESTS_SQL}`).execute(db);
}
