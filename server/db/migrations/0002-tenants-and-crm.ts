/**
 * Tenants, users, CRM data, domains, settings and feature flags.
 *
 * Every tenant-owned table carries agency_id, and agency_id leads its primary key and every
 * unique and foreign key, so the schema can be distributed by agency_id (Citus) and a row can
 * never point at another agency's row. Client-owned rows reference their client with
 * (agency_id, client_id), so they cannot point at another client's row either.
 * Reference tables (no agency_id) are listed in docs/scaling.md.
 */
import { sql, type Kysely } from 'kysely';

const SCHEMA_SQL = `
-- Reference: the one platform of this deployment.
CREATE TABLE platform (
  platform_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  singleton   boolean NOT NULL DEFAULT true UNIQUE CHECK (singleton),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Reference: deployment-wide secrets and values (the generated JWT key lives here on PostgreSQL).
CREATE TABLE system_settings (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agencies (
  agency_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clients (
  agency_id       uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  client_id       uuid NOT NULL DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- The widget key. 128 random bits make it unique across agencies in practice; the unique
  -- key is per agency so that it stays valid when the table is distributed by agency_id.
  public_key      text NOT NULL CHECK (public_key ~ '^pk_[A-Za-z0-9_-]{22,}$'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, client_id),
  UNIQUE (agency_id, public_key)
);
-- Widget requests name only the public key; this finds the client before any tenant is known.
CREATE INDEX clients_public_key_idx ON clients (public_key);

-- Reference: the sign-in directory. A sign-in names an email, not a tenant, so the email must be
-- unique across the deployment and found before any tenant context exists. The tenant membership
-- and role of agency and client users live in the tenant-owned users table.
CREATE TABLE accounts (
  user_id         uuid PRIMARY KEY,
  email           text NOT NULL UNIQUE CHECK (email = lower(email)),
  tenant_type     text NOT NULL CHECK (tenant_type IN ('platform', 'agency', 'client')),
  agency_id       uuid,
  client_id       uuid,
  password_hash   text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((tenant_type = 'platform') = (agency_id IS NULL)),
  CHECK ((tenant_type = 'client') = (client_id IS NOT NULL))
);

CREATE TABLE users (
  agency_id   uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  user_id     uuid NOT NULL,
  client_id   uuid,
  tenant_type text NOT NULL CHECK (tenant_type IN ('agency', 'client')),
  email       text NOT NULL CHECK (email = lower(email)),
  role        text NOT NULL CHECK (role IN ('admin', 'member', 'viewer')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, user_id),
  UNIQUE (agency_id, email),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK ((tenant_type = 'client') = (client_id IS NOT NULL))
);
CREATE INDEX users_client_idx ON users (agency_id, client_id);

-- Per-client settings: the widget's texts, fields and colours, and whether loopback origins may embed it.
CREATE TABLE client_settings (
  agency_id       uuid NOT NULL,
  client_id       uuid NOT NULL,
  widget          jsonb NOT NULL,
  allow_localhost boolean NOT NULL DEFAULT false,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, client_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE
);

-- Feature flags per tenant: tenant_id is the agency itself or one of its clients.
CREATE TABLE feature_flags (
  agency_id  uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  tenant_id  uuid NOT NULL,
  client_id  uuid,
  flag       text NOT NULL CHECK (flag ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  enabled    boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, tenant_id, flag),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK (client_id IS NULL AND tenant_id = agency_id OR client_id = tenant_id)
);

CREATE TABLE contacts (
  agency_id  uuid NOT NULL,
  client_id  uuid NOT NULL,
  contact_id uuid NOT NULL DEFAULT gen_random_uuid(),
  email      text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
  name       text,
  phone      text,
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Milliseconds, as a JavaScript Date holds them, so keyset cursors compare exactly.
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, contact_id),
  -- The target of client-scoped references to a contact: a row of one client cannot name another's.
  UNIQUE (agency_id, client_id, contact_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE
);
-- Email is unique per client whatever its case; also serves search by email prefix.
CREATE UNIQUE INDEX contacts_email_idx ON contacts (agency_id, client_id, lower(email) text_pattern_ops);
-- Keyset pagination: newest first within one client.
CREATE INDEX contacts_page_idx ON contacts (agency_id, client_id, created_at DESC, contact_id DESC);

CREATE TABLE submissions (
  agency_id       uuid NOT NULL,
  client_id       uuid NOT NULL,
  submission_id   uuid NOT NULL DEFAULT gen_random_uuid(),
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  -- SHA-256 of the request body: the same key with a different body is a client bug, not a retry.
  payload_hash    text NOT NULL,
  contact_id      uuid,
  email           text NOT NULL,
  name            text,
  message         text,
  fields          jsonb NOT NULL DEFAULT '{}'::jsonb,
  origin          text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (agency_id, submission_id),
  UNIQUE (agency_id, client_id, idempotency_key),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  FOREIGN KEY (agency_id, client_id, contact_id) REFERENCES contacts (agency_id, client_id, contact_id) ON DELETE SET NULL (contact_id)
);
CREATE INDEX submissions_page_idx ON submissions (agency_id, client_id, created_at DESC, submission_id DESC);

CREATE TABLE domains (
  agency_id          uuid NOT NULL,
  client_id          uuid NOT NULL,
  domain_id          uuid NOT NULL DEFAULT gen_random_uuid(),
  hostname           text NOT NULL CHECK (hostname = lower(hostname) AND hostname !~ '\\.$'),
  include_subdomains boolean NOT NULL DEFAULT false,
  status             text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'verified', 'failing', 'revoked', 'expired')),
  challenge_token    text NOT NULL CHECK (length(challenge_token) >= 22),
  created_at         timestamptz NOT NULL DEFAULT now(),
  verified_at        timestamptz,
  failing_since      timestamptz,
  last_check         jsonb,
  next_check_at      timestamptz,
  -- Milliseconds, as a JavaScript Date holds them: the scheduler compares it with what it read.
  updated_at         timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (agency_id, domain_id),
  UNIQUE (agency_id, client_id, hostname),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE
);
-- The scheduler's question: which domains are due for a check?
CREATE INDEX domains_due_idx ON domains (next_check_at) WHERE status IN ('pending', 'verified', 'failing');
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(SCHEMA_SQL).execute(db);
}
