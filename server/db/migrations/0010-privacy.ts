/**
 * Personal data that can be exported, erased and aged out without breaking the audit chain.
 *
 * - audit_personal: the personal values of an audit entry (an email, a name, the caller's IP
 *   address), outside the hashed row. The hashed row's details carry only a random `personalRef`
 *   naming them, so the chain covers the reference, never the value: an erasure or the retention
 *   job may clear the values and every chain still verifies. `contact_id` and `email` say whose
 *   data a row holds, so an erasure finds it.
 * - audit_redactions: entries written before this migration that carry personal values inside
 *   their hashed details. Their bytes must stay for the chain to verify; an erasure lists them here
 *   and the API shows them with those values masked (docs/privacy.md).
 * - privacy_settings: a client's retention periods and whether erased emails are suppressed. No
 *   row means the documented defaults.
 * - erasure_suppressions: HMAC-SHA-256 digests (keyed by the client's own salt) of erased emails,
 *   kept only while the client has suppression on, so the widget does not store them again.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

function locked(table: string, clientColumn: string): string {
  return tenantTablePolicies(table, contextRule(clientColumn));
}

const PRIVACY_SQL = `
CREATE TABLE audit_personal (
  agency_id  uuid NOT NULL,
  tenant_id  uuid NOT NULL,
  ref_id     uuid NOT NULL,
  -- Whose data this is: the contact, and the person's email in lower case (also for erasure by email).
  contact_id uuid,
  email      text CHECK (email = lower(email)),
  -- The caller's address; cut to its network after the client's retention period.
  ip         text,
  ip_truncated boolean NOT NULL DEFAULT false,
  -- Personal details shown with the entry, merged into its details.
  details    jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  erased_at  timestamptz,
  PRIMARY KEY (agency_id, tenant_id, ref_id)
);
CREATE INDEX audit_personal_contact_idx ON audit_personal (agency_id, tenant_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX audit_personal_email_idx ON audit_personal (agency_id, tenant_id, email) WHERE email IS NOT NULL;
CREATE INDEX audit_personal_ip_age_idx ON audit_personal (agency_id, tenant_id, created_at) WHERE ip IS NOT NULL AND NOT ip_truncated;
${locked('audit_personal', 'tenant_id')}

CREATE TABLE audit_redactions (
  agency_id  uuid NOT NULL,
  tenant_id  uuid NOT NULL,
  seq        bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, tenant_id, seq),
  FOREIGN KEY (agency_id, tenant_id, seq) REFERENCES audit_log (agency_id, tenant_id, seq)
);
${locked('audit_redactions', 'tenant_id')}

CREATE TABLE privacy_settings (
  agency_id  uuid NOT NULL,
  client_id  uuid NOT NULL,
  suppress_erased_emails boolean NOT NULL DEFAULT false,
  -- Days; NULL keeps forever.
  submissions_days       integer CHECK (submissions_days BETWEEN 1 AND 36500),
  inactive_contacts_days integer CHECK (inactive_contacts_days BETWEEN 1 AND 36500),
  ip_addresses_days      integer CHECK (ip_addresses_days BETWEEN 1 AND 36500),
  -- The key of this client's suppression digests: a digest says nothing outside its client.
  suppression_salt       bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, client_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE
);
${locked('privacy_settings', 'client_id')}

CREATE TABLE erasure_suppressions (
  agency_id    uuid NOT NULL,
  client_id    uuid NOT NULL,
  email_digest text NOT NULL CHECK (email_digest ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, client_id, email_digest),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE
);
${locked('erasure_suppressions', 'client_id')}

-- Retention finds old submissions and idle contacts of one client by time.
CREATE INDEX submissions_age_idx ON submissions (agency_id, client_id, created_at);
CREATE INDEX contacts_activity_idx ON contacts (agency_id, client_id, updated_at);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(PRIVACY_SQL).execute(db);
}
