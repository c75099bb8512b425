/**
 * Agencies and clients: the platform admin creates agencies; agency admins (and the platform admin)
 * create clients (provisioning.ts stores them). Users are in user-routes.ts, invitations in
 * invitation-routes.ts.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgencyParams, AUTHED_ERRORS, ClientParams, ErrorResponse, List, Timestamp, Uuid } from '../http/schemas.ts';
import { Forbidden } from '../errors.ts';
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
        const rows = await app.data.privileged('list all agencies for the platform admin', (db) =>
          db.selectFrom('agencies').select(AGENCY_COLUMNS).orderBy('created_at').orderBy('agency_id').execute(),
        );
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
        body: Type.Object({ name: Name }, { additionalProperties: false }),
        response: { 201: Client, ...CREATE_ERRORS },
      },
    },
    async (request, reply) => {
      const name = request.body.name.trim();
      const client = await request.scoped((q) => createClient(q, name));
      return reply.code(201).send(clientView(client));
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
