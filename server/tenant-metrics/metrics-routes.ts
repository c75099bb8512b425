/**
 * A tenant's metrics over time (docs/metrics.md), for anyone who may see the tenant:
 *   GET /v1/clients/:clientId/metrics    ?resolution=minute|hour&from=&to=
 *   GET /v1/agencies/:agencyId/metrics   the same, and tenants=all|own
 * Each bucket of the range is there, those without traffic as zeros.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { aboutField, InvalidInput } from '../errors.ts';
import { AgencyParams, AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { readSeries } from './rollup-reads.ts';
import { HOUR_MS, type RollupTable } from './rollup-writes.ts';
import { DEFAULT_ROLLUP_RETENTION } from './tenant-metrics.ts';
import { AgencyMetricsQuery, MetricsQuery, MetricsSeries } from './schemas.ts';

const RESOLUTIONS = {
  minute: {
    table: 'tenant_metrics_minute',
    bucketMs: 60_000,
    defaultSpanMs: HOUR_MS,
    maxSpanMs: DEFAULT_ROLLUP_RETENTION.minuteMs,
  },
  hour: {
    table: 'tenant_metrics_hour',
    bucketMs: HOUR_MS,
    defaultSpanMs: 24 * HOUR_MS,
    maxSpanMs: DEFAULT_ROLLUP_RETENTION.hourMs,
  },
} as const satisfies Record<string, { table: RollupTable; bucketMs: number; defaultSpanMs: number; maxSpanMs: number }>;

export interface MetricsRoutesOptions {
  now: () => Date;
}

export const tenantMetricsRoutes: FastifyPluginAsyncTypebox<MetricsRoutesOptions> = async (app, { now }) => {
  function series(
    request: FastifyRequest,
    query: { resolution?: 'minute' | 'hour'; from?: string; to?: string },
    ownOnly?: string,
  ) {
    const resolution = query.resolution ?? 'hour';
    const { table, bucketMs, defaultSpanMs, maxSpanMs } = RESOLUTIONS[resolution];
    // Whole buckets: from the one that holds `from` to the one that holds `to`, both included.
    const toMs = query.to === undefined ? now().getTime() : Date.parse(query.to);
    const end = toMs - (toMs % bucketMs) + bucketMs;
    const fromMs = query.from === undefined ? end - defaultSpanMs : Date.parse(query.from);
    const start = fromMs - (fromMs % bucketMs);
    if (start >= end) throw aboutField(new InvalidInput('from: must be before to'), 'from');
    if (end - start > maxSpanMs + bucketMs)
      throw aboutField(new InvalidInput(`from: at most ${maxSpanMs / HOUR_MS} hours of ${resolution} buckets`), 'from');
    const from = new Date(start);
    const to = new Date(end);
    return request.scoped(async (q) => ({
      resolution,
      from,
      to,
      buckets: await readSeries(q, { table, bucketMs, from, to, ...(ownOnly && { ownOnly }) }),
    }));
  }

  app.get(
    '/v1/clients/:clientId/metrics',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, querystring: MetricsQuery, response: { 200: MetricsSeries, ...AUTHED_ERRORS } },
    },
    (request) => series(request, request.query),
  );
  app.get(
    '/v1/agencies/:agencyId/metrics',
    {
      config: { access: { on: 'agency', role: 'viewer' } },
      schema: {
        params: AgencyParams,
        querystring: AgencyMetricsQuery,
        response: { 200: MetricsSeries, ...AUTHED_ERRORS },
      },
    },
    (request) => series(request, request.query, request.query.tenants === 'own' ? request.params.agencyId : undefined),
  );
};
