/**
 * Agencies and clients: the platform admin creates agencies; agency admins (and the platform admin)
 * create clients (provisioning.ts stores them). Users are in user-routes.ts, invitations in
 * invitation-routes.ts.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyParams, AUTHED_ERRORS, ClientParams, ErrorResponse, List, Timestamp, Uuid } from '../http/schemas.ts';
import { aboutField, Forbidden, NotFound } from '../errors.ts';
import { applyTemplate, findTemplate } from './templates.ts';
import {
  AGENCY_COLUMNS,
  CLIENT_COLUMNS,
  createAgency,
  createClient,
  type AgencyRow,
  type ClientRow,
} from './provisioning.ts';
import { Suspension, suspensionView, TenantStatus } from './suspension.ts';

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const Agency = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    createdAt: Timestamp,
    status: TenantStatus,
    suspension: Type.Union([Suspension, Type.Null()]),
  },
  { title: 'Agency' },
);
export const Client = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    name: Type.String(),
    publicKey: Type.String(),
    createdAt: Timestamp,
    status: TenantStatus,
    suspension: Type.Union([Suspension, Type.Null()]),
  },
  { title: 'Client' },
);

const CREATE_ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

/** A client as it is made: with the template it came from, and the invitations it made, each with its token (only here). */
const ProvisionedClient = Type.Composite(
  [
    Client,
    Type.Object({
      template: Type.Union([
        Type.Object({
          id: Uuid,
          level: Type.Union([Type.Literal('platform'), Type.Literal('agency')]),
          name: Type.String(),
        }),
        Type.Null(),
      ]),
      invitations: Type.Array(
        Type.Object({
          id: Uuid,
          email: Type.String(),
          role: Type.String(),
          tenantId: Uuid,
          tenantType: Type.String(),
          createdAt: Timestamp,
          expiresAt: Timestamp,
          token: Type.String(),
        }),
      ),
    }),
  ],
  { title: 'ProvisionedClient' },
);

export function agencyView(row: AgencyRow) {
  return { id: row.agency_id, name: row.name, createdAt: row.created_at, ...suspensionView(row) };
}

export function clientView(row: ClientRow) {
  return {
    id: row.client_id,
    agencyId: row.agency_id,
    name: row.name,
    publicKey: row.public_key,
    createdAt: row.created_at,
    ...suspensionView(row),
  };
}

export const tenantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/agencies',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: {
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 201: Agency, ...CREATE_ERRORS },
      },
    },
    async (request, reply) => {
      const agency = await createAgency(app.data, request.actor, request.body.name.trim());
      return reply.code(201).send(agencyView(agency));
    },
  );

  app.get(
    '/v1/agencies',
    {
      config: { access: { on: 'any', role: 'viewer' } },
      schema: { response: { 200: List(Agency), ...AUTHED_ERRORS } },
    },
    async (request) => {
      const { tenant } = request;
      if (tenant.tenantType === 'platform') {
        // From every database; the row an agency left behind when it moved is not it.
        const found = await app.data.privilegedEach('list all agencies for the platform admin', (db) =>
          db.selectFrom('agencies').select(AGENCY_COLUMNS).where('moved_to', 'is', null).execute(),
        );
        const rows = found
          .flat()
          .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.agency_id < b.agency_id ? -1 : 1));
        return { items: rows.map(agencyView) };
      }
      if (tenant.tenantType !== 'agency') throw new Forbidden('only platform and agency users list agencies');
      const rows = await app.data.scoped({ agencyId: tenant.tenantId, clientId: null }, request.actor, (q) =>
        q.selectFrom('agencies').select(AGENCY_COLUMNS).execute(),
      );
      return { items: rows.map(agencyView) };
    },
  );

  app.post(
    '/v1/agencies/:agencyId/clients',
    {
      config: { access: { on: 'agency', role: 'admin' } },
      schema: {
        params: AgencyParams,
        body: Type.Object(
          {
            name: Name,
            templateId: Type.Optional(
              Type.String({
                format: 'uuid',
                description: "A template of the agency's own or of the platform's to provision the client from",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ProvisionedClient, ...CREATE_ERRORS },
      },
    },
    async (request, reply) => {
      const name = request.body.name.trim();
      const { templateId } = request.body;
      // Found before the client's transaction: a platform template is read on the privileged path,
      // which must not wait for a connection while this request holds one.
      const template = templateId === undefined ? null : await findTemplate(app.data, request.scope, templateId);
      if (templateId !== undefined && !template) throw aboutField(new NotFound('Template'), 'templateId');
      const { client, invitations } = await request.scoped(async (q) => {
        const client = await createClient(q, name);
        const invitations = template
          ? await applyTemplate(await q.narrowTo(client.client_id), name, template, app.limits, new Date())
          : [];
        return { client, invitations };
      });
      return reply.code(201).send({
        ...clientView(client),
        template: template && { id: template.row.template_id, level: template.level, name: template.row.name },
        invitations,
      });
    },
  );

  app.get(
    '/v1/agencies/:agencyId/clients',
    {
      config: { access: { on: 'agency', role: 'viewer' } },
      schema: { params: AgencyParams, response: { 200: List(Client), ...AUTHED_ERRORS } },
    },
    async (request) => {
      const rows = await request.scoped((q) =>
        q.selectFrom('clients').select(CLIENT_COLUMNS).orderBy('created_at').orderBy('client_id').execute(),
      );
      return { items: rows.map(clientView) };
    },
  );

  app.get(
    '/v1/clients/:clientId',
    {
      config: { access: { on: 'client', role: 'viewer' } },
      schema: { params: ClientParams, response: { 200: Client, ...AUTHED_ERRORS } },
    },
    async (request) => {
      const row = await request.scoped((q) => q.selectFrom('clients').select(CLIENT_COLUMNS).executeTakeFirstOrThrow());
      return clientView(row);
    },
  );
};
