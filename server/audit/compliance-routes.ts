/**
 * GET /v1/clients/:clientId/compliance-report and GET /v1/agencies/:agencyId/compliance-report
 * (?from=&to=, default the last 30 days; admins, scoped like the audit log): JSON, or a printable
 * HTML page with ?format=html or an Accept header that prefers text/html.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AgencyParams, AUTHED_ERRORS, ClientParams } from '../http/schemas.ts';
import { aboutField, InvalidInput } from '../errors.ts';
import type { DigestSigner } from './digest-key.ts';
import { complianceReport, ComplianceReport } from './compliance-report.ts';
import { complianceReportHtml, REPORT_CSP } from './compliance-html.ts';

const DAY_MS = 86_400_000;
/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 366;

const Instant = Type.String({ anyOf: [{ format: 'date-time' }, { format: 'date' }], maxLength: 40 });
const ReportQuery = Type.Object({
  from: Type.Optional(Instant),
  to: Type.Optional(Instant),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html')])),
});

/** The period asked for; a date alone is its midnight UTC. */
function periodOf(query: { from?: string; to?: string }, now: Date) {
  const to = query.to === undefined ? now : new Date(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - 30 * DAY_MS) : new Date(query.from);
  if (Number.isNaN(from.getTime())) throw aboutField(new InvalidInput('querystring/from: not a date'), 'from');
  if (Number.isNaN(to.getTime())) throw aboutField(new InvalidInput('querystring/to: not a date'), 'to');
  if (from >= to) throw aboutField(new InvalidInput('querystring/from: must be before to'), 'from');
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * DAY_MS)
    throw aboutField(new InvalidInput(`querystring/from: a report covers at most ${MAX_REPORT_DAYS} days`), 'from');
  return { from, to };
}

function wantsHtml(request: FastifyRequest, format: 'json' | 'html' | undefined): boolean {
  if (format !== undefined) return format === 'html';
  const accept = request.headers.accept ?? '';
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html !== -1 && (json === -1 || html < json);
}

export const complianceRoutes: FastifyPluginAsyncTypebox<{ signer: DigestSigner; now: () => Date }> = async (
  app,
  { signer, now },
) => {
  for (const level of ['agencies', 'clients'] as const) {
    const on = level === 'agencies' ? ('agency' as const) : ('client' as const);
    app.get(
      `/v1/${level}/${level === 'agencies' ? ':agencyId' : ':clientId'}/compliance-report`,
      {
        config: { access: { on, role: 'admin' } },
        schema: {
          params: level === 'agencies' ? AgencyParams : ClientParams,
          querystring: ReportQuery,
          response: { 200: ComplianceReport, ...AUTHED_ERRORS },
        },
      },
      async (request, reply) => {
        const at = now();
        const period = periodOf(request.query, at);
        const report = await request.scoped((q) => complianceReport(q, request.tenant.tenantType, period, signer, at));
        reply.header('vary', 'Accept');
        if (!wantsHtml(request, request.query.format)) return report;
        // Typed replies take the schema's object; a page is text, which Fastify sends as it is.
        return (reply as FastifyReply)
          .type('text/html; charset=utf-8')
          .header('content-security-policy', REPORT_CSP)
          .send(complianceReportHtml(report));
      },
    );
  }
};
