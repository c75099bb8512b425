/**
 * Templates to provision clients from (templates.ts):
 *   POST, GET          /v1/platform/templates                    the platform admin (agency admins may list and read)
 *   GET, PUT, DELETE   /v1/platform/templates/:templateId
 *   POST, GET          /v1/agencies/:agencyId/templates          the agency's admins and the platform admin
 *   GET, PUT, DELETE   /v1/agencies/:agencyId/templates/:templateId
 * A client is made from one with `POST /v1/agencies/:agencyId/clients { name, templateId }`.
 *
 * The routes are the same for both levels; each level's store says where its templates are kept:
 * the platform's in a reference table on the privileged path, an agency's through its scoped path.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { writeAudit, type AuditEntry, type AuditTenant } from '../db/audit-writer.ts';
import { jsonbText } from '../db/jsonb-text.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { AgencyParams, AUTHED_ERRORS, List, Uuid } from '../http/schemas.ts';
import type { AccessRule } from '../tenancy/tenancy-plugin.ts';
import {
  checkTemplate,
  Template,
  TEMPLATE_COLUMNS,
  TemplateInput,
  templateView,
  type TemplateContent,
  type TemplateRow,
} from './templates.ts';

interface Input {
  name: string;
  content: TemplateContent;
}

/** Where one level keeps its templates; each change is audited in the transaction that makes it. */
interface TemplateStore {
  list(request: FastifyRequest): Promise<TemplateRow[]>;
  read(request: FastifyRequest, id: string): Promise<TemplateRow | undefined>;
  create(request: FastifyRequest, input: Input, audit: (row: TemplateRow) => AuditEntry): Promise<TemplateRow>;
  replace(
    request: FastifyRequest,
    id: string,
    input: Input,
    audit: (row: TemplateRow) => AuditEntry,
  ): Promise<TemplateRow | undefined>;
  remove(request: FastifyRequest, id: string, audit: (id: string) => AuditEntry): Promise<boolean>;
}

const stored = (input: Input) => ({ name: input.name.trim(), content: jsonbText(input.content) });

export const templateRoutes: FastifyPluginAsyncTypebox<{ platformId: string }> = async (app, { platformId }) => {
  const platform: AuditTenant = { agencyId: platformId, tenantId: platformId, tenantType: 'platform' };

  const platformStore: TemplateStore = {
    list: () =>
      app.data.privileged('platform templates: list', (db) =>
        db.selectFrom('platform_templates').select(TEMPLATE_COLUMNS).orderBy('name').orderBy('template_id').execute(),
      ),
    read: (_request, id) =>
      app.data.privileged('platform templates: read one', (db) =>
        db.selectFrom('platform_templates').select(TEMPLATE_COLUMNS).where('template_id', '=', id).executeTakeFirst(),
      ),
    create: (request, input, audit) =>
      app.data.privileged('platform templates: create', async (db) => {
        const row = await db
          .insertInto('platform_templates')
          .values(stored(input))
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirstOrThrow();
        await writeAudit(db, platform, request.actor, audit(row));
        return row;
      }),
    replace: (request, id, input, audit) =>
      app.data.privileged('platform templates: replace', async (db) => {
        const row = await db
          .updateTable('platform_templates')
          .set({ ...stored(input), updated_at: sql<Date>`now()` })
          .where('template_id', '=', id)
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirst();
        if (row) await writeAudit(db, platform, request.actor, audit(row));
        return row;
      }),
    remove: (request, id, audit) =>
      app.data.privileged('platform templates: delete', async (db) => {
        const row = await db
          .deleteFrom('platform_templates')
          .where('template_id', '=', id)
          .returning('template_id')
          .executeTakeFirst();
        if (row) await writeAudit(db, platform, request.actor, audit(row.template_id));
        return row !== undefined;
      }),
  };

  const agencyStore: TemplateStore = {
    list: (request) =>
      request.scoped((q) =>
        q.selectFrom('agency_templates').select(TEMPLATE_COLUMNS).orderBy('name').orderBy('template_id').execute(),
      ),
    read: (request, id) =>
      request.scoped((q) =>
        q.selectFrom('agency_templates').select(TEMPLATE_COLUMNS).where('template_id', '=', id).executeTakeFirst(),
      ),
    create: (request, input, audit) =>
      request.scoped(async (q) => {
        const row = await q
          .insertInto('agency_templates', stored(input))
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirstOrThrow();
        await q.audit(audit(row));
        return row;
      }),
    replace: (request, id, input, audit) =>
      request.scoped(async (q) => {
        const row = await q
          .updateTable('agency_templates')
          .set({ ...stored(input), updated_at: sql<Date>`now()` })
          .where('template_id', '=', id)
          .returning(TEMPLATE_COLUMNS)
          .executeTakeFirst();
        if (row) await q.audit(audit(row));
        return row;
      }),
    remove: (request, id, audit) =>
      request.scoped(async (q) => {
        const row = await q
          .deleteFrom('agency_templates')
          .where('template_id', '=', id)
          .returning('template_id')
          .executeTakeFirst();
        if (row) await q.audit(audit(row.template_id));
        return row !== undefined;
      }),
  };

  /** Templates are for whoever provisions clients: the platform's may be read by agency admins too. */
  const notForClients = (request: FastifyRequest) => {
    if (request.tenant.tenantType === 'client') throw new Forbidden('templates are for whoever provisions clients');
  };
  const agencyAccess: AccessRule = { on: 'agency', role: 'admin' };

  for (const level of [
    {
      level: 'platform' as const,
      path: '/v1/platform/templates',
      params: Type.Object({}),
      oneParams: Type.Object({ templateId: Uuid }),
      readAccess: { on: 'any', role: 'admin' } satisfies AccessRule,
      writeAccess: { on: 'platform', role: 'admin' } satisfies AccessRule,
      mayRead: notForClients,
      store: platformStore,
    },
    {
      level: 'agency' as const,
      path: '/v1/agencies/:agencyId/templates',
      params: AgencyParams,
      oneParams: Type.Object({ agencyId: Uuid, templateId: Uuid }),
      readAccess: agencyAccess,
      writeAccess: agencyAccess,
      mayRead: () => {},
      store: agencyStore,
    },
  ]) {
    const { store } = level;
    const view = (row: TemplateRow) => templateView(level.level, row);
    const audited =
      (action: string) =>
      (row: TemplateRow): AuditEntry => ({
        action,
        targetType: 'template',
        targetId: row.template_id,
        details: { level: level.level, name: row.name },
      });

    app.post(
      level.path,
      {
        config: { access: level.writeAccess },
        schema: { params: level.params, body: TemplateInput, response: { 201: Template, ...AUTHED_ERRORS } },
      },
      async (request, reply) => {
        checkTemplate(request.body.content);
        return reply.code(201).send(view(await store.create(request, request.body, audited('template.created'))));
      },
    );

    app.get(
      level.path,
      {
        config: { access: level.readAccess },
        schema: { params: level.params, response: { 200: List(Template), ...AUTHED_ERRORS } },
      },
      async (request) => {
        level.mayRead(request);
        return { items: (await store.list(request)).map(view) };
      },
    );

    app.get(
      `${level.path}/:templateId`,
      {
        config: { access: level.readAccess },
        schema: { params: level.oneParams, response: { 200: Template, ...AUTHED_ERRORS } },
      },
      async (request) => {
        level.mayRead(request);
        const row = await store.read(request, request.params.templateId);
        if (!row) throw new NotFound('Template');
        return view(row);
      },
    );

    app.put(
      `${level.path}/:templateId`,
      {
        config: { access: level.writeAccess },
        schema: { params: level.oneParams, body: TemplateInput, response: { 200: Template, ...AUTHED_ERRORS } },
      },
      async (request) => {
        checkTemplate(request.body.content);
        const row = await store.replace(request, request.params.templateId, request.body, audited('template.updated'));
        if (!row) throw new NotFound('Template');
        return view(row);
      },
    );

    app.delete(
      `${level.path}/:templateId`,
      {
        config: { access: level.writeAccess },
        schema: { params: level.oneParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
      },
      async (request, reply) => {
        const removed = await store.remove(request, request.params.templateId, (id) => ({
          action: 'template.deleted',
          targetType: 'template',
          targetId: id,
          details: { level: level.level },
        }));
        if (!removed) throw new NotFound('Template');
        return reply.code(204).send(null);
      },
    );
  }
};
