/**
 * Templates to provision clients from (templates.ts):
 *   POST, GET          /v1/platform/templates                    the platform admin (agency admins may list and read)
 *   GET, PUT, DELETE   /v1/platform/templates/:templateId
 *   POST, GET          /v1/agencies/:agencyId/templates          the agency's admins and the platform admin
 *   GET, PUT, DELETE   /v1/agencies/:agencyId/templates/:templateId
 * A client is made from one with `POST /v1/agencies/:agencyId/clients { name, templateId }`.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { writeAudit, type AuditTenant } from '../db/audit-writer.ts';
import { jsonbText } from '../db/jsonb-text.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { AgencyParams, AUTHED_ERRORS, List, Uuid } from '../http/schemas.ts';
import { checkTemplate, Template, TEMPLATE_COLUMNS, TemplateInput, templateView } from './templates.ts';

const PlatformTemplateParams = Type.Object({ templateId: Uuid });
const AgencyTemplateParams = Type.Object({ agencyId: Uuid, templateId: Uuid });

export const templateRoutes: FastifyPluginAsyncTypebox<{ platformId: string }> = async (app, { platformId }) => {
  const platform: AuditTenant = { agencyId: platformId, tenantId: platformId, tenantType: 'platform' };

  // The platform's templates.
  app.post(
    '/v1/platform/templates',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { body: TemplateInput, response: { 201: Template, ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      checkTemplate(request.body.content);
      const row = await app.data.privileged('platform templates: create', async (db) => {
        const created = await db
          .insertInto('platform_templates')
          .values({ name: request.body.name.trim(), content: jsonbText(request.body.content) })
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirstOrThrow();
        await writeAudit(db, platform, request.actor, {
          action: 'template.created',
          targetType: 'template',
          targetId: created.template_id,
          details: { level: 'platform', name: created.name },
        });
        return created;
      });
      return reply.code(201).send(templateView('platform', row));
    },
  );

  app.get(
    '/v1/platform/templates',
    {
      config: { access: { on: 'any', role: 'admin' } },
      schema: { response: { 200: List(Template), ...AUTHED_ERRORS } },
    },
    async (request) => {
      if (request.tenant.tenantType === 'client') throw new Forbidden('templates are for whoever provisions clients');
      const rows = await app.data.privileged('platform templates: list', (db) =>
        db.selectFrom('platform_templates').select(TEMPLATE_COLUMNS).orderBy('name').orderBy('template_id').execute(),
      );
      return { items: rows.map((row) => templateView('platform', row)) };
    },
  );

  app.get(
    '/v1/platform/templates/:templateId',
    {
      config: { access: { on: 'any', role: 'admin' } },
      schema: { params: PlatformTemplateParams, response: { 200: Template, ...AUTHED_ERRORS } },
    },
    async (request) => {
      if (request.tenant.tenantType === 'client') throw new Forbidden('templates are for whoever provisions clients');
      const row = await app.data.privileged('platform templates: read one', (db) =>
        db
          .selectFrom('platform_templates')
          .select(TEMPLATE_COLUMNS)
          .where('template_id', '=', request.params.templateId)
          .executeTakeFirst(),
      );
      if (!row) throw new NotFound('Template');
      return templateView('platform', row);
    },
  );

  app.put(
    '/v1/platform/templates/:templateId',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { params: PlatformTemplateParams, body: TemplateInput, response: { 200: Template, ...AUTHED_ERRORS } },
    },
    async (request) => {
      checkTemplate(request.body.content);
      const row = await app.data.privileged('platform templates: replace', async (db) => {
        const updated = await db
          .updateTable('platform_templates')
          .set({
            name: request.body.name.trim(),
            content: jsonbText(request.body.content),
            updated_at: sql<Date>`now()`,
          })
          .where('template_id', '=', request.params.templateId)
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirst();
        if (!updated) throw new NotFound('Template');
        await writeAudit(db, platform, request.actor, {
          action: 'template.updated',
          targetType: 'template',
          targetId: updated.template_id,
          details: { level: 'platform', name: updated.name },
        });
        return updated;
      });
      return templateView('platform', row);
    },
  );

  app.delete(
    '/v1/platform/templates/:templateId',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { params: PlatformTemplateParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      await app.data.privileged('platform templates: delete', async (db) => {
        const removed = await db
          .deleteFrom('platform_templates')
          .where('template_id', '=', request.params.templateId)
          .returning('template_id')
          .executeTakeFirst();
        if (!removed) throw new NotFound('Template');
        await writeAudit(db, platform, request.actor, {
          action: 'template.deleted',
          targetType: 'template',
          targetId: removed.template_id,
          details: { level: 'platform' },
        });
      });
      return reply.code(204).send(null);
    },
  );

  // An agency's own templates.
  const agencyAccess = { access: { on: 'agency', role: 'admin' } } as const;

  app.post(
    '/v1/agencies/:agencyId/templates',
    {
      config: agencyAccess,
      schema: { params: AgencyParams, body: TemplateInput, response: { 201: Template, ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      checkTemplate(request.body.content);
      const row = await request.scoped(async (q) => {
        const created = await q
          .insertInto('agency_templates', { name: request.body.name.trim(), content: jsonbText(request.body.content) })
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirstOrThrow();
        await q.audit({
          action: 'template.created',
          targetType: 'template',
          targetId: created.template_id,
          details: { level: 'agency', name: created.name },
        });
        return created;
      });
      return reply.code(201).send(templateView('agency', row));
    },
  );

  app.get(
    '/v1/agencies/:agencyId/templates',
    { config: agencyAccess, schema: { params: AgencyParams, response: { 200: List(Template), ...AUTHED_ERRORS } } },
    async (request) => {
      const rows = await request.scoped((q) =>
        q.selectFrom('agency_templates').select(TEMPLATE_COLUMNS).orderBy('name').orderBy('template_id').execute(),
      );
      return { items: rows.map((row) => templateView('agency', row)) };
    },
  );

  app.get(
    '/v1/agencies/:agencyId/templates/:templateId',
    {
      config: agencyAccess,
      schema: { params: AgencyTemplateParams, response: { 200: Template, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const row = await request.scoped((q) =>
        q
          .selectFrom('agency_templates')
          .select(TEMPLATE_COLUMNS)
          .where('template_id', '=', request.params.templateId)
          .executeTakeFirst(),
      );
      if (!row) throw new NotFound('Template');
      return templateView('agency', row);
    },
  );

  app.put(
    '/v1/agencies/:agencyId/templates/:templateId',
    {
      config: agencyAccess,
      schema: { params: AgencyTemplateParams, body: TemplateInput, response: { 200: Template, ...AUTHED_ERRORS } },
    },
    async (request) => {
      checkTemplate(request.body.content);
      const row = await request.scoped(async (q) => {
        const updated = await q
          .updateTable('agency_templates')
          .set({
            name: request.body.name.trim(),
            content: jsonbText(request.body.content),
            updated_at: sql<Date>`now()`,
          })
          .where('template_id', '=', request.params.templateId)
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirst();
        if (!updated) throw new NotFound('Template');
        await q.audit({
          action: 'template.updated',
          targetType: 'template',
          targetId: updated.template_id,
          details: { level: 'agency', name: updated.name },
        });
        return updated;
      });
      return templateView('agency', row);
    },
  );

  app.delete(
    '/v1/agencies/:agencyId/templates/:templateId',
    {
      config: agencyAccess,
      schema: { params: AgencyTemplateParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
    },
    async (request, reply) => {
      await request.scoped(async (q) => {
        const removed = await q
          .deleteFrom('agency_templates')
          .where('template_id', '=', request.params.templateId)
          .returning('template_id')
          .executeTakeFirst();
        if (!removed) throw new NotFound('Template');
        await q.audit({
          action: 'template.deleted',
          targetType: 'template',
          targetId: removed.template_id,
          details: { level: 'agency' },
        });
      });
      return reply.code(204).send(null);
    },
  );
};
