/**
 * Isolation-breach alerts (docs/alerts.md): signals that something crossed, or tried to cross, a
 * tenant boundary. They are the platform's, not a tenant's: a reference table that only the
 * privileged path reads or writes, keyed by alert_id. The tenant an alert is about is named by
 * tenant_type and tenant_id (null for a deployment-wide one) and is not the shard key, so an alert
 * stays where the platform looks for it whichever database the tenant is served from, and survives
 * the tenant's deletion.
 *
 * One row stands for every occurrence of a signal while it is open or acknowledged: the partial
 * unique index on (kind, dedupe_key) is what a raise upserts on, counting and moving last_seen_at.
 * Once resolved, the next occurrence opens a new row.
 */
import { sql, type Kysely } from 'kysely';
import { privilegedTablePolicies } from './policy-sql.ts';

const ALERTS_SQL = `
CREATE TABLE alerts (
  alert_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,62}$'),
  severity        text NOT NULL CHECK (severity IN ('warning', 'critical')),
  tenant_type     text CHECK (tenant_type IN ('platform', 'agency', 'client')),
  tenant_id       uuid,
  -- What makes two occurrences one alert, within a kind: the tenant, the caller, the domain.
  dedupe_key      text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
  -- Whole milliseconds, as JavaScript holds them: a page's cursor names its last row exactly.
  first_seen_at   timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  last_seen_at    timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  count           integer NOT NULL DEFAULT 1 CHECK (count >= 1),
  -- Only what the tenant concerned may see: never another tenant's rows or ids.
  details         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  resolved_by     uuid,
  resolved_at     timestamptz,
  CHECK ((tenant_type IS NULL) = (tenant_id IS NULL)),
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE UNIQUE INDEX alerts_open_idx ON alerts (kind, dedupe_key) WHERE status <> 'resolved';
CREATE INDEX alerts_listing_idx ON alerts (first_seen_at DESC, alert_id DESC);
${privilegedTablePolicies('alerts')}
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(ALERTS_SQL).execute(db);
}
