/** The wire shapes of the metrics and health routes. */
import { type TLiteral, Type } from '@sinclair/typebox';
import { Timestamp, Uuid } from '../http/schemas.ts';
import { HEALTH_REASONS, type HealthReason } from './tenant-health.ts';

export const SORT_KEYS = ['status', 'requests', 'errorRate', 'latency', 'lastActivity', 'name'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const Count = Type.Integer({ minimum: 0 });
const Ms = Type.Unsafe<number | null>({
  type: ['number', 'null'],
  description: 'Milliseconds; null without requests.',
});
const Quantiles = Type.Object({ p50: Ms, p95: Ms });
const Refusals = Type.Object(
  { origin: Count, suspended: Count, rateLimited: Count, other: Count },
  { description: 'Widget requests of the tenant refused, by reason (a key no client has names no tenant).' },
);

export const MetricsBucket = Type.Object(
  {
    start: Timestamp,
    widgetRequests: Count,
    refusals: Refusals,
    widgetErrors: Type.Integer({ minimum: 0, description: 'Widget requests answered 5xx.' }),
    submissions: Count,
    apiRequests: Type.Integer({ minimum: 0, description: "API requests of the tenant's own users." }),
    api4xx: Count,
    api5xx: Count,
    rateLimited: Type.Integer({ minimum: 0, description: 'API requests answered 429.' }),
    domainChecks: Type.Object({ matched: Count, notFound: Count, wrongValue: Count, dnsFailure: Count }),
    apiLatencyMs: Quantiles,
    widgetLatencyMs: Quantiles,
  },
  { title: 'MetricsBucket' },
);

export const MetricsSeries = Type.Object(
  {
    resolution: Type.Union([Type.Literal('minute'), Type.Literal('hour')]),
    from: Timestamp,
    to: Timestamp,
    buckets: Type.Array(MetricsBucket),
  },
  { title: 'MetricsSeries' },
);

export const MetricsQuery = Type.Object({
  resolution: Type.Optional(
    Type.Union([Type.Literal('minute'), Type.Literal('hour')], {
      default: 'hour',
      description: 'Minute buckets are kept a day, hour buckets 90 days.',
    }),
  ),
  from: Type.Optional(
    Type.String({ format: 'date-time', description: 'Default: `to` less 24 hours (hour) or 60 minutes (minute).' }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date-time', description: 'Default: now. The range ends with the bucket that holds it.' }),
  ),
});

export const AgencyMetricsQuery = Type.Object({
  ...MetricsQuery.properties,
  tenants: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('own')], {
      default: 'all',
      description: "`all`: the agency's and every client's counts added up; `own`: its own users' requests only.",
    }),
  ),
});

const Status = Type.Union([Type.Literal('healthy'), Type.Literal('warning'), Type.Literal('unhealthy')]);

export const TenantHealthView = Type.Object(
  {
    tenantType: Type.Union([Type.Literal('agency'), Type.Literal('client')]),
    tenantId: Uuid,
    agencyId: Uuid,
    name: Type.String(),
    status: Status,
    reasons: Type.Array(Type.Unsafe<HealthReason>({ type: 'string', enum: [...HEALTH_REASONS] }), {
      description: 'Why the status is not healthy (docs/metrics.md); empty when healthy.',
    }),
    requests: Type.Integer({ minimum: 0, description: 'Widget and API requests in the last 24 hours.' }),
    widgetRequests: Count,
    apiRequests: Count,
    refusals: Refusals,
    errorRate: Type.Number({ minimum: 0, maximum: 1, description: 'Share of requests answered 5xx.' }),
    latencyMs: Quantiles,
    apiLatencyMs: Quantiles,
    widgetLatencyMs: Quantiles,
    submissions: Count,
    rateLimited: Type.Integer({ minimum: 0, description: 'API and widget requests refused by a rate limit.' }),
    domains: Type.Object({ pending: Count, verified: Count, failing: Count, revoked: Count, expired: Count }),
    openAlerts: Type.Integer({ minimum: 0, description: 'Alerts about the tenant not yet resolved (docs/alerts.md).' }),
    lastActivity: Type.Union([Timestamp, Type.Null()], {
      description: 'The last widget or API request counted (90 days back at most).',
    }),
  },
  { title: 'TenantHealth' },
);

export const HealthPage = Type.Object(
  {
    items: Type.Array(TenantHealthView),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Integer({ minimum: 0, description: 'Tenants that pass the filters.' }),
    counts: Type.Object(
      { healthy: Count, warning: Count, unhealthy: Count },
      { description: 'Tenants that pass the filters, by status.' },
    ),
    since: Timestamp,
  },
  { title: 'TenantHealthPage' },
);

export const HealthQuery = Type.Object({
  sort: Type.Optional(
    Type.Union(
      SORT_KEYS.map((key): TLiteral<SortKey> => Type.Literal(key)),
      { default: 'status', description: '`status`: unhealthy first, then warnings, each by requests.' },
    ),
  ),
  order: Type.Optional(
    Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
      description: 'Default: descending, but ascending for `name`.',
    }),
  ),
  status: Type.Optional(Status),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the name, any case.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
