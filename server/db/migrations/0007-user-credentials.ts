/**
 * What makes a token stop working, a sign-in brake that every instance shares, and invitations.
 *
 * - accounts.token_version: a token carries the version current when it was issued (claim `ver`;
 *   a token without one reads as 0). A password change, or a role lowered, moves the version on,
 *   so every token issued before answers 401. upzento_app may change only the password hash and
 *   the version, of its own tenant's accounts (row-level security of 0004).
 * - sign_in_brake: failed sign-ins per address and per address-and-email, kept in the database so
 *   that every instance brakes alike. Keys are SHA-256 digests, so the table holds neither
 *   addresses nor emails. Rows quiet for a day are forgotten (and deleted a few at a time by
 *   sign-ins themselves), which bounds the table by a day's distinct callers.
 * - invitations: an admin invites an email to a role in a tenant; the person accepts with a one-time
 *   token and sets a password. Only the token's SHA-256 is kept.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule } from './policy-sql.ts';

const SCOPED = contextRule('client_id');

const CREDENTIALS_SQL = `
ALTER TABLE accounts ADD COLUMN token_version integer NOT NULL DEFAULT 0 CHECK (token_version >= 0);
GRANT UPDATE (password_hash, token_version) ON accounts TO upzento_app;

-- Reference: the brake's counters are about callers, not tenants.
CREATE TABLE sign_in_brake (
  key           text PRIMARY KEY,
  failures      integer NOT NULL CHECK (failures >= 0),
  blocked_until timestamptz,
  -- Whether the latest attempt was let through: decided under the row's lock, so attempts sent
  -- together cannot all pass.
  last_admitted boolean NOT NULL,
  last_at       timestamptz NOT NULL
);
CREATE INDEX sign_in_brake_last_at_idx ON sign_in_brake (last_at);
ALTER TABLE sign_in_brake ENABLE ROW LEVEL SECURITY;
ALTER TABLE sign_in_brake FORCE ROW LEVEL SECURITY;
CREATE POLICY privileged_path ON sign_in_brake TO upzento_system USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_brake TO upzento_system;

CREATE TABLE invitations (
  agency_id     uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  invitation_id uuid NOT NULL DEFAULT gen_random_uuid(),
  client_id     uuid,
  tenant_type   text NOT NULL CHECK (tenant_type IN ('agency', 'client')),
  email         text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  role          text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  token_hash    text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by    uuid,
  created_at    timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  expires_at    timestamptz NOT NULL,
  accepted_at   timestamptz,
  PRIMARY KEY (agency_id, invitation_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK ((tenant_type = 'client') = (client_id IS NOT NULL))
);
-- Acceptance names only the token. 256 random bits: unique in practice, and a unique key here
-- would have to carry agency_id, which the accepting person does not know.
CREATE INDEX invitations_token_idx ON invitations (token_hash);
CREATE INDEX invitations_tenant_idx ON invitations (agency_id, client_id, created_at);
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations TO upzento_app USING (${SCOPED}) WITH CHECK (${SCOPED});
CREATE POLICY privileged_path ON invitations TO upzento_system USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON invitations TO upzento_app, upzento_system;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(CREDENTIALS_SQL).execute(db);
}
