/**
 * Per-tenant limits: overrides of the deployment's defaults, and the server instances alive now.
 *
 * - tenant_limits: one row per agency or client that has an override; a null column keeps the
 *   default (a client's default is its agency's own override, if any, else the deployment's). The
 *   level above writes it: the platform admin an agency's, the agency (or the platform) a client's.
 * - server_instances: each instance's heartbeat. A tenant's request rate is shared among the
 *   instances alive (each allows its share, as Grafana Mimir's distributors do), so that it holds
 *   across instances without a database write per request.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, privilegedTablePolicies, tenantTablePolicies } from './policy-sql.ts';

const LIMITS_SQL = `
CREATE TABLE tenant_limits (
  agency_id               uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  tenant_id               uuid NOT NULL,
  client_id               uuid,
  api_requests_per_second integer CHECK (api_requests_per_second BETWEEN 1 AND 100000),
  api_burst               integer CHECK (api_burst BETWEEN 1 AND 100000),
  users                   integer CHECK (users BETWEEN 1 AND 100000),
  contacts                integer CHECK (contacts BETWEEN 0 AND 100000000),
  domains                 integer CHECK (domains BETWEEN 0 AND 10000),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency_id, tenant_id),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK (client_id IS NULL AND tenant_id = agency_id OR client_id = tenant_id)
);
${tenantTablePolicies('tenant_limits', contextRule('tenant_id'))}

-- Reference: the instances alive, by heartbeat.
CREATE TABLE server_instances (
  instance_id uuid PRIMARY KEY,
  seen_at     timestamptz NOT NULL DEFAULT now()
);
${privilegedTablePolicies('server_instances')}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(LIMITS_SQL).execute(db);
}
