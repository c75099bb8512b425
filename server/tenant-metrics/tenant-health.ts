/**
 * The tenant health view (docs/metrics.md): per agency and client, the last 24 hours of traffic,
 * refusals, errors, latency and submissions, its domains by status, its unresolved alerts and its
 * last request, with a status and the reasons for it, so the operator sees which tenant is
 * unhealthy and why. One SQL statement per database reads every tenant's row (the hour rollups,
 * domains, names); alerts come from the shared database; the status, sort, filter and page are
 * worked out here, so the platform's view merges every database's rows the same way.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HOUR_MS } from './rollup-writes.ts';
import { countsView, noCounts, summedColumns, type Counts } from './rollup-reads.ts';

/** When a tenant is a warning or unhealthy; docs/metrics.md lists the same. */
export const HEALTH_RULES = {
  /** Fewer requests than this in 24 hours say nothing about error or refusal rates. */
  minRequests: 20,
  /** Share of requests answered 5xx. */
  errorRate: { warning: 0.01, unhealthy: 0.05 },
  /** Share of widget requests refused (any reason but suspension). */
  refusalRate: { warning: 0.2, unhealthy: 0.5 },
  /** p95 of API or widget answers, in ms. */
  latencyP95Ms: { warning: 1000, unhealthy: 2500 },
} as const;

export const HEALTH_REASONS = [
  'domain_failing',
  'domain_revoked',
  'error_rate',
  'refusal_rate',
  'latency',
  'open_alert',
  'suspended',
  'no_traffic',
] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];
export type HealthStatus = 'healthy' | 'warning' | 'unhealthy';

const DOMAIN_STATUSES = ['pending', 'verified', 'failing', 'revoked', 'expired'] as const;

/** One tenant as the tenant statement reads it: who it is and its domains. */
export interface TenantRow {
  agency_id: string;
  tenant_id: string;
  client_id: string | null;
  name: string;
  suspended: boolean;
  pending: number;
  verified: number;
  failing: number;
  revoked: number;
  expired: number;
}

/** One tenant's traffic over the window, and its last request (90 days back at most). */
export interface TrafficRow extends Counts {
  tenant_id: string;
  last_request_at: Date | null;
}

export interface TenantAlerts {
  open: number;
  critical: boolean;
}

/** The 24 hours the view covers: the current hour and the 23 before it. */
export function healthWindowStart(now: Date): Date {
  return new Date(now.getTime() - (now.getTime() % HOUR_MS) - 23 * HOUR_MS);
}

/** Tenants of `db` (one agency's with `agencyId`, else all), those of a moved agency or purged left out. */
function tenantsSql(agencyId: string | null) {
  const only = (column: string) => (agencyId === null ? sql`` : sql`AND ${sql.ref(column)} = ${agencyId}`);
  return sql`
    SELECT t.* FROM (
      SELECT a.agency_id, a.agency_id AS tenant_id, NULL::uuid AS client_id, a.name, a.suspended_at IS NOT NULL AS suspended
      FROM agencies a WHERE a.moved_to IS NULL ${only('a.agency_id')}
      UNION ALL
      SELECT c.agency_id, c.client_id, c.client_id, c.name, c.suspended_at IS NOT NULL
      FROM clients c JOIN agencies a ON a.agency_id = c.agency_id
      WHERE a.moved_to IS NULL ${only('c.agency_id')}
    ) t
    WHERE NOT EXISTS (
      SELECT 1 FROM tenant_deletions del
      WHERE del.agency_id = t.agency_id AND del.tenant_id IN (t.tenant_id, t.agency_id) AND del.purged_at IS NOT NULL
    )`;
}

/**
 * Every tenant of `db` (one agency's with `agencyId`, else all) with its domains by status. In a
 * tenant transaction row-level security narrows it too; the filter is there for the indexes.
 */
export async function readTenantRows(db: Kysely<Database>, agencyId: string | null): Promise<TenantRow[]> {
  const only = agencyId === null ? sql`` : sql`WHERE d.agency_id = ${agencyId}`;
  const { rows } = await sql<TenantRow>`
    WITH tenants AS (${tenantsSql(agencyId)}), domain_counts AS (
      SELECT d.agency_id, d.client_id,
        ${sql.raw(DOMAIN_STATUSES.map((status) => `count(*) FILTER (WHERE d.status = '${status}')::int AS ${status}`).join(', '))}
      FROM domains d ${only}
      GROUP BY d.agency_id, d.client_id
    )
    SELECT t.agency_id, t.tenant_id, t.client_id, t.name, t.suspended,
      ${sql.raw(DOMAIN_STATUSES.map((status) => `coalesce(dc.${status}, 0) AS ${status}`).join(', '))}
    FROM tenants t
    LEFT JOIN domain_counts dc ON dc.agency_id = t.agency_id AND dc.client_id = t.client_id`.execute(db);
  return rows;
}

/**
 * Every tenant's traffic since `since` and its last request, in `db`: the costly part of the view
 * (one aggregate per counter and histogram bucket over every tenant's hour rows), which the
 * platform keeps in a TrafficSummary rather than reading for each request.
 */
export async function readTraffic(db: Kysely<Database>, since: Date): Promise<TrafficRow[]> {
  const { rows } = await sql<TrafficRow>`
    WITH tenants AS (${tenantsSql(null)}), traffic AS (
      SELECT h.agency_id, h.tenant_id, ${sql.raw(summedColumns('h.'))}
      FROM tenant_metrics_hour h WHERE h.bucket_start >= ${since}
      GROUP BY h.agency_id, h.tenant_id
    )
    SELECT tr.*, t.tenant_id, last.last_request_at
    FROM tenants t
    LEFT JOIN traffic tr ON tr.agency_id = t.agency_id AND tr.tenant_id = t.tenant_id
    JOIN LATERAL (
      SELECT h.last_request_at FROM tenant_metrics_hour h
      WHERE h.agency_id = t.agency_id AND h.tenant_id = t.tenant_id AND h.last_request_at IS NOT NULL
      ORDER BY h.bucket_start DESC LIMIT 1
    ) last ON true`.execute(db);
  return rows;
}

/** Unresolved alerts per tenant id, of `tenantIds` (null: every tenant); alerts live in the shared database. */
export async function readOpenAlerts(
  db: Kysely<Database>,
  tenantIds: readonly string[] | null,
): Promise<Map<string, TenantAlerts>> {
  let query = db
    .selectFrom('alerts')
    .select((eb) => [
      'tenant_id',
      eb.fn.countAll<number>().as('open'),
      sql<boolean>`bool_or(severity = 'critical')`.as('critical'),
    ])
    .where('status', '<>', 'resolved')
    .where('tenant_id', 'is not', null)
    .groupBy('tenant_id');
  if (tenantIds !== null) query = query.where('tenant_id', '=', sql<string>`ANY(${[...tenantIds]}::uuid[])`);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.tenant_id as string, { open: Number(row.open), critical: row.critical }]));
}

/** A tenant's line of the view. */
export function healthView(row: TenantRow, traffic: TrafficRow | undefined, alerts: TenantAlerts | undefined) {
  // A tenant without traffic in the window has no sums: the left join found no row.
  const counts = countsView(traffic?.api_latency == null ? noCounts() : traffic);
  const requests = counts.widgetRequests + counts.apiRequests;
  const errors = counts.widgetErrors + counts.api5xx;
  const refused = counts.refusals.origin + counts.refusals.rateLimited + counts.refusals.other;
  const latencyP95 = Math.max(counts.apiLatencyMs.p95 ?? 0, counts.widgetLatencyMs.p95 ?? 0);
  const errorRate = requests === 0 ? 0 : errors / requests;
  const refusalRate = counts.widgetRequests === 0 ? 0 : refused / counts.widgetRequests;
  const judged: Array<[HealthReason, HealthStatus]> = [];
  if (row.failing > 0) judged.push(['domain_failing', 'unhealthy']);
  if (row.revoked > 0) judged.push(['domain_revoked', 'warning']);
  if (requests >= HEALTH_RULES.minRequests) {
    const level = (value: number, rule: { warning: number; unhealthy: number }): HealthStatus | null =>
      value >= rule.unhealthy ? 'unhealthy' : value >= rule.warning ? 'warning' : null;
    const byErrors = level(errorRate, HEALTH_RULES.errorRate);
    if (byErrors) judged.push(['error_rate', byErrors]);
    const byLatency = level(latencyP95, HEALTH_RULES.latencyP95Ms);
    if (byLatency) judged.push(['latency', byLatency]);
  }
  if (counts.widgetRequests >= HEALTH_RULES.minRequests) {
    const byRefusals =
      refusalRate >= HEALTH_RULES.refusalRate.unhealthy
        ? 'unhealthy'
        : refusalRate >= HEALTH_RULES.refusalRate.warning
          ? 'warning'
          : null;
    if (byRefusals) judged.push(['refusal_rate', byRefusals]);
  }
  if (alerts && alerts.open > 0) judged.push(['open_alert', alerts.critical ? 'unhealthy' : 'warning']);
  if (row.suspended) judged.push(['suspended', 'warning']);
  if (row.client_id !== null && row.verified > 0 && counts.widgetRequests === 0) judged.push(['no_traffic', 'warning']);
  const status: HealthStatus = judged.some(([, level]) => level === 'unhealthy')
    ? 'unhealthy'
    : judged.length > 0
      ? 'warning'
      : 'healthy';
  return {
    tenantType: row.client_id === null ? ('agency' as const) : ('client' as const),
    tenantId: row.tenant_id,
    agencyId: row.agency_id,
    name: row.name,
    status,
    reasons: judged.map(([reason]) => reason),
    requests,
    widgetRequests: counts.widgetRequests,
    apiRequests: counts.apiRequests,
    refusals: counts.refusals,
    errorRate: Math.round(errorRate * 10_000) / 10_000,
    latencyMs: {
      p50: maxOf(counts.apiLatencyMs.p50, counts.widgetLatencyMs.p50),
      p95: requests === 0 ? null : latencyP95,
    },
    apiLatencyMs: counts.apiLatencyMs,
    widgetLatencyMs: counts.widgetLatencyMs,
    submissions: counts.submissions,
    rateLimited: counts.rateLimited + counts.refusals.rateLimited,
    domains: {
      pending: row.pending,
      verified: row.verified,
      failing: row.failing,
      revoked: row.revoked,
      expired: row.expired,
    },
    openAlerts: alerts?.open ?? 0,
    lastActivity: traffic?.last_request_at == null ? null : new Date(traffic.last_request_at),
  };
}
export type TenantHealth = ReturnType<typeof healthView>;

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
