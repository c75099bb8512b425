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
import { AUTHED_ERRORS, ClientParams, Uuid } from '../http/schemas.ts';
import { NotFound } from '../errors.ts';
import { ContactExport, exportContact } from './contact-export.ts';
import { eraseContact, eraseEmail, type ErasureCounts } from './erasure.ts';
import { readPrivacySettings, writePrivacySettings, type RetentionPeriods } from './privacy-settings.ts';

const ContactParams = Type.Object({ clientId: Uuid, contactId: Uuid });
const Erasure = Type.Object(
  {
    erasureId: Uuid,
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

export const privacyRoutes: FastifyPluginAsyncTypebox<{ now: () => Date }> = async (app, { now }) => {
  app.get(
    '/v1/clients/:clientId/contacts/:contactId/export',
    {
      config: { access: { on: 'client', role: 'member' } },
      schema: { params: ContactParams, response: { 200: ContactExport, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const exported = await request.scoped(async (q) => {
        const found = await exportContact(q, request.params.contactId, request.tenant.tenantType, now());
        if (!found) throw new NotFound('Contact');
        await q.audit({ action: 'contact.exported', targetType: 'contact', targetId: request.params.contactId });
        return found;
      });
      return exported;
    },
  );

  const erased = (erasureId: string, counts: ErasureCounts) => ({ erasureId, ...counts });

  app.post(
    '/v1/clients/:clientId/contacts/:contactId/erase',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ContactParams, response: { 200: Erasure, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const erasureId = randomUUID();
      const counts = await request.scoped(async (q) => {
        const done = await eraseContact(q, request.params.contactId);
        if (!done) throw new NotFound('Contact');
        await q.audit({
          action: 'contact.erased',
          targetType: 'contact',
          targetId: request.params.contactId,
          details: { erasureId, ...done },
        });
        return done;
      });
      return erased(erasureId, counts);
    },
  );

  app.post(
    '/v1/clients/:clientId/erasures',
    {
      config: { access: { on: 'client', role: 'admin' } },
      schema: { params: ClientParams, body: EmailErasure, response: { 200: Erasure, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const erasureId = randomUUID();
      const counts = await request.scoped(async (q) => {
        const done = await eraseEmail(q, request.body.email);
        // The email is not written down: the entry says an erasure happened, who asked, and what it removed.
        await q.audit({ action: 'email.erased', targetType: 'erasure', targetId: erasureId, details: { ...done } });
        return done;
      });
      return erased(erasureId, counts);
    },
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
