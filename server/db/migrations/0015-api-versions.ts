/**
 * API versions pinned per tenant (server/versions/).
 *
 * - api_version_pins: the version that serves a tenant's requests that name none. tenant_id is the
 *   agency itself or one of its clients; a client without a row follows its agency. previous_version
 *   and pinned_at say what a rollback may return to, and until when (server/versions/pins.ts).
 *   Every agency that exists now is pinned to 2026-12-01, the version the API answered in before
 *   versions existed; agencies made later are pinned to the newest version when they are created.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

const VERSION = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

const API_VERSIONS_SQL = `
CREATE TABLE api_version_pins (
  agency_id        uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  tenant_id        uuid NOT NULL,
  client_id        uuid,
  version          text NOT NULL CHECK (version ~ ${VERSION}),
  previous_version text CHECK (previous_version ~ ${VERSION}),
  pinned_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, tenant_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK (client_id IS NULL AND tenant_id = agency_id OR client_id = tenant_id)
);

-- Before row-level security is forced: a migrating role that is not a superuser has no policy of its own.
INSERT INTO api_version_pins (agency_id, tenant_id, version) SELECT agency_id, agency_id, '2026-12-01' FROM agencies;

${tenantTablePolicies('api_version_pins', contextRule('tenant_id'))}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(API_VERSIONS_SQL).execute(db);
}
