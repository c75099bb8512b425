/**
 * Exports of a whole tenant, and the status of every export and erasure job:
 *   POST /v1/agencies/:agencyId/exports                     export the agency and all its clients (admin)
 *   POST /v1/clients/:clientId/exports                      export the client (admin)
 *   GET  /v1/{agencies,clients}/:id/exports                 the tenant's exports, newest first (admin)
 *   GET  /v1/{agencies,clients}/:id/exports/:exportId       one export's status (admin)
 *   GET  /v1/{agencies,clients}/:id/exports/:exportId/archive  the archive, gzipped NDJSON (admin)
 *   GET  /v1/clients/:clientId/erasures                     the client's erasures, newest first (admin)
 *   GET  /v1/clients/:clientId/erasures/:erasureId          one erasure's status (admin)
 * A tenant's export is always a job (202); a contact's export and erasures are jobs only when large or
 * asked for with `Prefer: respond-async` (routes.ts decides).
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { AgencyParams, AUTHED_ERRORS, ClientParams, Uuid } from '../http/schemas.ts';
import { ExportGone, ExportNotReady, NotFound } from '../errors.ts';
import type { PrivacyJobKind } from '../db/schema.ts';
import { readParts } from './export-archive.ts';
import { findJob, jobPath, jobView, listJobs, PrivacyJob, requestTenantExport } from './privacy-jobs.ts';
import type { PrivacyJobWorker } from './privacy-job-worker.ts';

const EXPORTS: readonly PrivacyJobKind[] = ['tenant_export', 'contact_export'];
const ERASURES: readonly PrivacyJobKind[] = ['contact_erasure', 'email_erasure'];

const Jobs = Type.Object({ items: Type.Array(PrivacyJob) }, { title: 'PrivacyJobList' });
const Archive = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', title: 'ExportArchive' });

export const jobRoutes: FastifyPluginAsyncTypebox<{ worker: PrivacyJobWorker }> = async (app, { worker }) => {
  for (const level of ['agencies', 'clients'] as const) {
    const on = level === 'agencies' ? ('agency' as const) : ('client' as const);
    const base = `/v1/${level}/${level === 'agencies' ? ':agencyId' : ':clientId'}/exports`;
    const Params = level === 'agencies' ? AgencyParams : ClientParams;
    const JobParams = Type.Intersect([Params, Type.Object({ exportId: Uuid })]);

    app.post(
      base,
      {
        config: { access: { on, role: 'admin' } },
        schema: {
          params: Params,
          response: { 202: PrivacyJob, ...AUTHED_ERRORS },
        },
      },
      async (request, reply) => {
        const job = await request.scoped((q) => requestTenantExport(q));
        worker.nudge();
        return reply.code(202).header('location', jobPath(job)).send(jobView(job));
      },
    );

    app.get(
      base,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params: Params, response: { 200: Jobs, ...AUTHED_ERRORS } },
      },
      async (request) => ({ items: (await request.scoped((q) => listJobs(q, EXPORTS))).map(jobView) }),
    );

    app.get(
      `${base}/:exportId`,
      {
        config: { access: { on, role: 'admin' } },
        schema: { params: JobParams, response: { 200: PrivacyJob, ...AUTHED_ERRORS } },
      },
      async (request) => {
        const { exportId } = request.params as { exportId: string };
        const job = await request.scoped((q) => findJob(q, exportId, EXPORTS));
        if (!job) throw new NotFound('Export');
        return jobView(job);
      },
    );

    app.get(
      `${base}/:exportId/archive`,
      {
        config: { access: { on, role: 'admin' } },
        schema: {
          params: JobParams,
          response: { 200: { content: { 'application/gzip': { schema: Archive } } }, ...AUTHED_ERRORS },
        },
      },
      async (request, reply) => {
        const { exportId } = request.params as { exportId: string };
        const job = await request.scoped(async (q) => {
          const found = await findJob(q, exportId, EXPORTS);
          if (found?.status === 'done' && found.archive_removed_at === null) {
            await q.audit({ action: 'export.downloaded', targetType: 'export', targetId: exportId });
          }
          return found;
        });
        if (!job) throw new NotFound('Export');
        if (job.archive_removed_at !== null) {
          throw new ExportGone(
            job.archive_removed_reason === 'erasure'
              ? 'an erasure in this tenant came after it, so it was removed; ask for a new export'
              : job.archive_removed_reason === 'deletion'
                ? 'the tenant was deleted; only the export made for the deletion was kept'
                : 'its archive expired; ask for a new export',
          );
        }
        if (job.status !== 'done' || job.archive_sha256 === null) throw new ExportNotReady(job.status);
        const day = (job.finished_at ?? job.requested_at).toISOString().slice(0, 10);
        const parts = readParts(app.data, request.scope, request.actor, job.job_id);
        // The first part is read before any byte is sent: a lost database is then a 503, not a cut 200.
        const first = await parts.next();
        const body = Readable.from(
          (async function* () {
            if (!first.done) yield first.value;
            yield* parts;
          })(),
        );
        return (reply as FastifyReply)
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="upzento-export-${job.tenant_id}-${day}.ndjson.gz"`)
          .header('content-length', String(job.archive_bytes))
          .header('repr-digest', `sha-256=:${Buffer.from(job.archive_sha256, 'hex').toString('base64')}:`)
          .send(body);
      },
    );
  }

  const ErasureParams = Type.Intersect([ClientParams, Type.Object({ erasureId: Uuid })]);
  app.get(
    '/v1/clients/:clientId/erasures',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, response: { 200: Jobs, ...AUTHED_ERRORS } },
    },
    async (request) => ({ items: (await request.scoped((q) => listJobs(q, ERASURES))).map(jobView) }),
  );
  app.get(
    '/v1/clients/:clientId/erasures/:erasureId',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ErasureParams, response: { 200: PrivacyJob, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const job = await request.scoped((q) => findJob(q, request.params.erasureId, ERASURES));
      if (!job) throw new NotFound('Erasure');
      return jobView(job);
    },
  );
};
