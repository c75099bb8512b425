/**
 * Privacy routes of one client:
 *   GET   /v1/clients/:clientId/contacts/:contactId/export  everything stored about a contact (member)
 *   POST  /v1/clients/:clientId/contacts/:contactId/erase   erase a contact and every copy of its data (admin)
 *   POST  /v1/clients/:clientId/erasures                    erase everything that names an email (admin)
 *   GET   /v1/clients/:clientId/privacy                     retention periods and suppression (viewer)
 *   PATCH /v1/clients/:clientId/privacy                     change them (admin)
 * Each export and erasure is audited with who asked and when, and no personal data.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTHED_ERRORS, ClientParams, Uuid } from '../http/schemas.ts';
import { NotFound } from '../errors.ts';
import { ContactExport, exportContact } from './contact-export.ts';
import {
  contactSubject,
  emailSubject,
  erase,
  submissionsReached,
  type ErasureCounts,
  type ErasureSubject,
} from './erasure.ts';
import { DEFAULT_INLINE_LIMIT, jobPath, jobView, PrivacyJob, queueJob, recordDoneErasure } from './privacy-jobs.ts';
import type { PrivacyJobWorker } from './privacy-job-worker.ts';
import { removeArchivesHoldingErasedData } from './archive-purge.ts';
import type { ScopedQueries } from '../db/tenant-db.ts';
import { readPrivacySettings, writePrivacySettings, type RetentionPeriods } from './privacy-settings.ts';

const ContactParams = Type.Object({ clientId: Uuid, contactId: Uuid });
const Erasure = Type.Object(
  {
    erasureId: Uuid,
    status: Type.Literal('done'),
    contacts: Type.Integer(),
    submissions: Type.Integer(),
    auditEntries: Type.Integer(),
    suppressed: Type.Boolean(),
  },
  { title: 'Erasure' },
);
const EmailErasure = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 320 }) },
  { title: 'EmailErasure', additionalProperties: false },
);

// One `type` list, not a union: Ajv's type coercion would satisfy a union's null branch with 0.
const Days = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 36500 });
const Retention = Type.Object(
  { submissionsDays: Days, inactiveContactsDays: Days, ipAddressesDays: Days },
  { title: 'RetentionPeriods', additionalProperties: false },
);
const Privacy = Type.Object(
  { suppressErasedEmails: Type.Boolean(), retention: Retention },
  { title: 'PrivacySettings', additionalProperties: false },
);
const PrivacyChange = Type.Object(
  {
    suppressErasedEmails: Type.Optional(Type.Boolean()),
    retention: Type.Optional(
      Type.Partial(Retention, { title: 'RetentionPeriodsChange', additionalProperties: false, minProperties: 1 }),
    ),
  },
  { title: 'PrivacySettingsChange', additionalProperties: false, minProperties: 1 },
);

/** Whether the caller asked for a job rather than an answer within the request (RFC 7240). */
function prefersAsync(request: FastifyRequest): boolean {
  const prefer = request.headers.prefer;
  return typeof prefer === 'string' && /(^|[,;\s])respond-async\s*(,|;|$)/i.test(prefer);
}

export interface PrivacyRoutesOptions {
  now: () => Date;
  worker: PrivacyJobWorker;
  /** Submissions an export or erasure may reach and still be done within the request; default 1,000. */
  inlineLimit?: number;
}

export const privacyRoutes: FastifyPluginAsyncTypebox<PrivacyRoutesOptions> = async (app, options) => {
  const { now, worker } = options;
  const inlineLimit = options.inlineLimit ?? DEFAULT_INLINE_LIMIT;
  app.get(
    '/v1/clients/:clientId/contacts/:contactId/export',
    {
      config: { access: { on: 'client', role: 'member' } },
      schema: { params: ContactParams, response: { 200: ContactExport, 202: PrivacyJob, ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      const { contactId } = request.params;
      const outcome = await request.scoped(async (q) => {
        const subject = await contactSubject(q, contactId);
        if (!subject) throw new NotFound('Contact');
        if (prefersAsync(request) || (await submissionsReached(q, subject)) > inlineLimit) {
          const job = await queueJob(q, { kind: 'contact_export', contactId });
          await q.audit({
            action: 'export.requested',
            targetType: 'export',
            targetId: job.job_id,
            details: { kind: job.kind, contactId },
          });
          return { job };
        }
        const found = await exportContact(q, contactId, request.tenant.tenantType, now());
        if (!found) throw new NotFound('Contact');
        await q.audit({ action: 'contact.exported', targetType: 'contact', targetId: contactId });
        return { found };
      });
      if ('job' in outcome) {
        worker.nudge();
        return reply
          .code(202)
          .header('location', jobPath(outcome.job))
          .header('preference-applied', 'respond-async')
          .send(jobView(outcome.job));
      }
      return reply.code(200).send(outcome.found);
    },
  );

  const erased = (erasureId: string, counts: ErasureCounts) => ({ erasureId, status: 'done' as const, ...counts });

  /**
   * Erases the subject within the request when it is small and the caller did not ask for a job;
   * otherwise queues a job and answers 202 with it.
   */
  async function eraseOrQueue(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'contact_erasure' | 'email_erasure',
    find: (q: ScopedQueries) => Promise<ErasureSubject | null>,
    request_: { contactId?: string; email?: string },
  ) {
    const erasureId = randomUUID();
    const outcome = await request.scoped(async (q) => {
      const subject = await find(q);
      if (!subject) throw new NotFound('Contact');
      if (prefersAsync(request) || (await submissionsReached(q, subject)) > inlineLimit) {
        const job = await queueJob(q, { kind, ...request_ });
        await q.audit({
          action: 'erasure.requested',
          targetType: kind === 'contact_erasure' ? 'contact' : 'erasure',
          targetId: kind === 'contact_erasure' ? (request_.contactId as string) : job.job_id,
          details: { erasureId: job.job_id },
        });
        return { job };
      }
      const done = await erase(q, subject);
      await q.audit(
        kind === 'contact_erasure'
          ? {
              action: 'contact.erased',
              targetType: 'contact',
              targetId: request_.contactId as string,
              details: { erasureId, ...done },
            }
          : // The email is not written down: the entry says an erasure happened, who asked, and what it removed.
            { action: 'email.erased', targetType: 'erasure', targetId: erasureId, details: { ...done } },
      );
      await recordDoneErasure(
        q,
        erasureId,
        kind,
        request_.contactId ?? null,
        { ...done, suppressed: done.suppressed ? 1 : 0 },
        now(),
      );
      await removeArchivesHoldingErasedData(q, now());
      return { done };
    });
    if ('job' in outcome) {
      worker.nudge();
      return reply.code(202).header('location', jobPath(outcome.job)).send(jobView(outcome.job));
    }
    return reply.code(200).send(erased(erasureId, outcome.done));
  }

  app.post(
    '/v1/clients/:clientId/contacts/:contactId/erase',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ContactParams, response: { 200: Erasure, 202: PrivacyJob, ...AUTHED_ERRORS } },
    },
    (request, reply) =>
      eraseOrQueue(request, reply, 'contact_erasure', (q) => contactSubject(q, request.params.contactId), {
        contactId: request.params.contactId,
      }),
  );

  app.post(
    '/v1/clients/:clientId/erasures',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: {
        params: ClientParams,
        body: EmailErasure,
        response: { 200: Erasure, 202: PrivacyJob, ...AUTHED_ERRORS },
      },
    },
    (request, reply) =>
      eraseOrQueue(request, reply, 'email_erasure', (q) => emailSubject(q, request.body.email), {
        email: request.body.email,
      }),
  );

  app.get(
    '/v1/clients/:clientId/privacy',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, response: { 200: Privacy, ...AUTHED_ERRORS } },
    },
    async (request) => request.scoped((q) => readPrivacySettings(q)),
  );

  app.patch(
    '/v1/clients/:clientId/privacy',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, body: PrivacyChange, response: { 200: Privacy, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const change = request.body;
      return request.scoped(async (q) => {
        const current = await readPrivacySettings(q);
        const next = {
          suppressErasedEmails: change.suppressErasedEmails ?? current.suppressErasedEmails,
          retention: { ...current.retention, ...(change.retention as Partial<RetentionPeriods> | undefined) },
        };
        const written = await writePrivacySettings(q, next);
        await q.audit({
          action: 'privacy_settings.updated',
          targetType: 'privacy_settings',
          targetId: q.scope.clientId,
          details: { ...written },
        });
        return written;
      });
    },
  );
};
