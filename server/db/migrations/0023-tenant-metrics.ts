/**
 * Per-tenant metrics rollups (docs/metrics.md): what each agency and client sent and was answered,
 * kept in the database rather than as Prometheus labels, so a scrape costs the same for ten tenants
 * or ten thousand.
 *
 * - tenant_metrics_minute: one row per tenant and minute, kept a day (the tenant's 24-hour chart).
 * - tenant_metrics_hour: the same counts per hour, kept 90 days (the 30-day chart, the health view).
 *
 * Each server instance counts in memory and adds its counts to both tables every few seconds
 * (INSERT … ON CONFLICT DO UPDATE SET col = col + excluded.col), so instances add up. Latency is a
 * histogram over fixed bounds (server/tenant-metrics/latency-histogram.ts): buckets add up across instances
 * and time, and p50/p95 come from the summed buckets. A row with client_id null is the agency's own
 * (its users' API requests). The tenant path reads its agency's or client's rows, and deletes them
 * when a tenant is purged; only the privileged path writes.
 */
import { sql, type Kysely } from 'kysely';
import { contextRule, tenantTablePolicies } from './policy-sql.ts';

/** The histograms' bucket count: the bounds of server/metrics/latency-histogram.ts and +Inf. */
const LATENCY_BUCKETS = 13;

function rollupTable(table: string): string {
  return `
CREATE TABLE ${table} (
  agency_id                  uuid NOT NULL REFERENCES agencies (agency_id) ON DELETE CASCADE,
  tenant_id                  uuid NOT NULL,
  client_id                  uuid,
  bucket_start               timestamptz NOT NULL,
  widget_requests            integer NOT NULL DEFAULT 0 CHECK (widget_requests >= 0),
  widget_refused_origin      integer NOT NULL DEFAULT 0 CHECK (widget_refused_origin >= 0),
  widget_refused_suspended   integer NOT NULL DEFAULT 0 CHECK (widget_refused_suspended >= 0),
  widget_refused_rate_limited integer NOT NULL DEFAULT 0 CHECK (widget_refused_rate_limited >= 0),
  widget_refused_other       integer NOT NULL DEFAULT 0 CHECK (widget_refused_other >= 0),
  widget_5xx                 integer NOT NULL DEFAULT 0 CHECK (widget_5xx >= 0),
  submissions                integer NOT NULL DEFAULT 0 CHECK (submissions >= 0),
  api_requests               integer NOT NULL DEFAULT 0 CHECK (api_requests >= 0),
  api_4xx                    integer NOT NULL DEFAULT 0 CHECK (api_4xx >= 0),
  api_5xx                    integer NOT NULL DEFAULT 0 CHECK (api_5xx >= 0),
  rate_limited               integer NOT NULL DEFAULT 0 CHECK (rate_limited >= 0),
  checks_matched             integer NOT NULL DEFAULT 0 CHECK (checks_matched >= 0),
  checks_not_found           integer NOT NULL DEFAULT 0 CHECK (checks_not_found >= 0),
  checks_wrong_value         integer NOT NULL DEFAULT 0 CHECK (checks_wrong_value >= 0),
  checks_dns_failure         integer NOT NULL DEFAULT 0 CHECK (checks_dns_failure >= 0),
  api_latency                integer[] NOT NULL CHECK (cardinality(api_latency) = ${LATENCY_BUCKETS}),
  widget_latency             integer[] NOT NULL CHECK (cardinality(widget_latency) = ${LATENCY_BUCKETS}),
  -- The last widget or API request counted in the row; null when it holds domain checks alone.
  last_request_at            timestamptz,
  PRIMARY KEY (agency_id, tenant_id, bucket_start),
  FOREIGN KEY (agency_id, client_id) REFERENCES clients (agency_id, client_id) ON DELETE CASCADE,
  CHECK (client_id IS NULL AND tenant_id = agency_id OR client_id = tenant_id)
);
-- An agency's tenants over a time range (the health view, the agency's series).
CREATE INDEX ${table}_agency_time_idx ON ${table} (agency_id, bucket_start);
-- Every tenant over a time range (the platform's health view), and the retention job's deletes.
CREATE INDEX ${table}_time_idx ON ${table} (bucket_start);
${tenantTablePolicies(table, contextRule('tenant_id'), 'SELECT, DELETE')}
GRANT INSERT, UPDATE ON ${table} TO upzento_system;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`${rollupTable('tenant_metrics_minute')}\n${rollupTable('tenant_metrics_hour')}`).execute(db);
}
