/**
 * The tenant health view (docs/metrics.md):
 *   GET /v1/agencies/:agencyId/health   the agency and each of its clients; any role of the agency or above
 *   GET /v1/platform/health             every agency and client of every database; the platform admin
 * with ?sort=&order=&status=&q=&limit=&cursor=. The page's cursor is a position in the sorted list:
 * the list is worked out anew for each page, so a tenant whose status changes meanwhile may move.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { aboutField, InvalidCursor } from '../errors.ts';
import { AgencyParams, AUTHED_ERRORS } from '../http/schemas.ts';
import { healthView, readOpenAlerts, readTenantRows, type HealthStatus, type TenantHealth } from './tenant-health.ts';
import type { TrafficSummary } from './traffic-summary.ts';
import { HealthPage, HealthQuery, type SortKey } from './schemas.ts';

export interface HealthRoutesOptions {
  traffic: TrafficSummary;
}

const SEVERITY: Record<HealthStatus, number> = { healthy: 0, warning: 1, unhealthy: 2 };
const SORT_VALUE: Record<SortKey, (tenant: TenantHealth) => number | string> = {
  status: (tenant) => SEVERITY[tenant.status] * 1e15 + tenant.requests,
  requests: (tenant) => tenant.requests,
  errorRate: (tenant) => tenant.errorRate,
  latency: (tenant) => tenant.latencyMs.p95 ?? -1,
  lastActivity: (tenant) => tenant.lastActivity?.getTime() ?? -1,
  name: (tenant) => tenant.name.toLowerCase(),
};

function encodePosition(offset: number): string {
  return Buffer.from(JSON.stringify(['o', offset])).toString('base64url');
}

function decodePosition(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value[0] === 'o' && Number.isSafeInteger(value[1]) && value[1] > 0) return value[1];
  } catch {
    // fall through to the error below
  }
  throw aboutField(new InvalidCursor(), 'cursor');
}

/** Filters, sorts (ties by name, then id) and pages the tenants' views. */
export function healthPage(tenants: TenantHealth[], query: Static<typeof HealthQuery>, since: Date) {
  const offset = decodePosition(query.cursor);
  const sort = query.sort ?? 'status';
  const order = query.order ?? (sort === 'name' ? 'asc' : 'desc');
  const needle = query.q?.toLowerCase();
  const matching = tenants.filter((tenant) => !needle || tenant.name.toLowerCase().includes(needle));
  const counts = { healthy: 0, warning: 0, unhealthy: 0 };
  for (const tenant of matching) counts[tenant.status] += 1;
  const listed = query.status ? matching.filter((tenant) => tenant.status === query.status) : matching;
  const value = SORT_VALUE[sort];
  const direction = order === 'asc' ? 1 : -1;
  const sorted = listed
    .map((tenant) => ({ tenant, key: value(tenant) }))
    .sort(
      (a, b) =>
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * direction ||
        a.tenant.name.localeCompare(b.tenant.name) ||
        (a.tenant.tenantId < b.tenant.tenantId ? -1 : 1),
    );
  const limit = query.limit ?? 50;
  const items = sorted.slice(offset, offset + limit).map(({ tenant }) => tenant);
  return {
    items,
    nextCursor: offset + limit < sorted.length ? encodePosition(offset + limit) : null,
    total: listed.length,
    counts,
    since,
  };
}

export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (app, { traffic }) => {
  app.get(
    '/v1/agencies/:agencyId/health',
    {
      config: { access: { on: 'agency', role: 'viewer' } },
      schema: { params: AgencyParams, querystring: HealthQuery, response: { 200: HealthPage, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const { since, byTenant } = await traffic.get();
      // Row-level security narrows the statement to the agency as well as its own filter.
      const rows = await request.scoped((q) => readTenantRows(q.unfiltered, request.params.agencyId));
      const alerts = await app.data.privileged("health: unresolved alerts of an agency's tenants", (db) =>
        readOpenAlerts(
          db,
          rows.map((row) => row.tenant_id),
        ),
      );
      return healthPage(
        rows.map((row) => healthView(row, byTenant.get(row.tenant_id), alerts.get(row.tenant_id))),
        request.query,
        since,
      );
    },
  );

  app.get(
    '/v1/platform/health',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { querystring: HealthQuery, response: { 200: HealthPage, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const { since, byTenant } = await traffic.get();
      const perDatabase = await app.data.privilegedEach('health: every tenant of the platform', (db) =>
        readTenantRows(db, null),
      );
      const alerts = await app.data.privileged('health: unresolved alerts of every tenant', (db) =>
        readOpenAlerts(db, null),
      );
      return healthPage(
        perDatabase.flat().map((row) => healthView(row, byTenant.get(row.tenant_id), alerts.get(row.tenant_id))),
        request.query,
        since,
      );
    },
  );
};
