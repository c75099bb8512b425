/**
 * The platform's isolation-breach alerts (docs/alerts.md), for the platform admin alone:
 *   GET  /v1/platform/alerts?status=&kind=&limit=&cursor=   newest first
 *   POST /v1/platform/alerts/:alertId/acknowledge            someone is on it; occurrences keep counting
 *   POST /v1/platform/alerts/:alertId/resolve                closed; the next occurrence opens a new one
 * Every change of status is audited in the platform's own chain.
 */
import { type TLiteral, Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { decodeCursor, paginate } from '../http/cursor.ts';
import { AUTHED_ERRORS, ErrorResponse, Page, PageQuery, Timestamp, Uuid } from '../http/schemas.ts';
import { ALERT_KINDS, type AlertKind, changeAlertStatus, listAlerts } from './alerts.ts';

const Status = Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
const Kind = Type.Union(
  ALERT_KINDS.map((kind): TLiteral<AlertKind> => Type.Literal(kind)),
  { description: 'What was crossed or tried (docs/alerts.md).' },
);
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableTime = Type.Union([Timestamp, Type.Null()]);

const AlertView = Type.Object(
  {
    id: Uuid,
    kind: Type.String({ description: 'One of the kinds of docs/alerts.md.' }),
    severity: Type.Union([Type.Literal('warning'), Type.Literal('critical')]),
    tenantType: Type.Union([Type.Literal('platform'), Type.Literal('agency'), Type.Literal('client'), Type.Null()], {
      description: 'The level of the tenant the alert is about; null for the deployment as a whole.',
    }),
    tenantId: NullableUuid,
    firstSeenAt: Timestamp,
    lastSeenAt: Timestamp,
    count: Type.Integer({ minimum: 1, description: 'Occurrences counted on this alert while open or acknowledged.' }),
    details: Type.Record(Type.String(), Type.Unknown(), {
      description: 'What was seen, about the tenant concerned only.',
    }),
    status: Status,
    acknowledgedBy: NullableUuid,
    acknowledgedAt: NullableTime,
    resolvedBy: NullableUuid,
    resolvedAt: NullableTime,
  },
  { title: 'Alert' },
);

const AlertQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Status),
  kind: Type.Optional(Kind),
});
const AlertParams = Type.Object({ alertId: Uuid });
const CHANGE_ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

export interface AlertRoutesOptions {
  platformId: string;
}

export const alertRoutes: FastifyPluginAsyncTypebox<AlertRoutesOptions> = async (app, { platformId }) => {
  const platform = { agencyId: platformId, tenantId: platformId, tenantType: 'platform' as const };

  app.get(
    '/v1/platform/alerts',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { querystring: AlertQuery, response: { 200: Page(AlertView), ...AUTHED_ERRORS } },
    },
    async (request) => {
      const { status, kind, cursor, limit = 50 } = request.query;
      const after = decodeCursor(cursor);
      const rows = await app.data.privileged("alerts: the platform admin lists the platform's alerts", (db) =>
        listAlerts(db, { after, limit, ...(status !== undefined && { status }), ...(kind !== undefined && { kind }) }),
      );
      return paginate(rows, limit, (alert) => ({ at: alert.firstSeenAt, id: alert.id }));
    },
  );

  for (const [action, to] of [
    ['acknowledge', 'acknowledged'],
    ['resolve', 'resolved'],
  ] as const) {
    app.post(
      `/v1/platform/alerts/:alertId/${action}`,
      {
        config: { access: { on: 'platform', role: 'admin' } },
        schema: { params: AlertParams, response: { 200: AlertView, ...CHANGE_ERRORS } },
      },
      async (request) =>
        app.data.privileged(`alerts: the platform admin marks an alert ${to}`, (db) =>
          changeAlertStatus(db, platform, request.actor, request.params.alertId, to),
        ),
    );
  }
};
