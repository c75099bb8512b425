/**
 * Agencies and clients: provisioning down the tree. The platform admin creates agencies; agency
 * admins (and the platform admin) create clients. Each new tenant's isolation is checked under its
 * own context before it commits. Users are in user-routes.ts, invitations in invitation-routes.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { enterScope } from '../db/tenant-db.ts';
import { AgencyParams, AUTHED_ERRORS, ClientParams, ErrorResponse, List, Timestamp, Uuid } from '../http/schemas.ts';
import { Forbidden } from '../errors.ts';
import { checkIsolation } from './isolation-check.ts';
import { defaultWidgetSettings } from './widget-template.ts';

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const Agency = Type.Object({ id: Uuid, name: Type.String(), createdAt: Timestamp }, { title: 'Agency' });
const Client = Type.Object({ id: Uuid, agencyId: Uuid, name: Type.String(), publicKey: Type.String(), createdAt: Timestamp }, { title: 'Client' });

const CREATE_ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

function agencyView(row: { agency_id: string; name: string; created_at: Date }) {
  return { id: row.agency_id, name: row.name, createdAt: row.created_at };
}

function clientView(row: { agency_id: string; client_id: string; name: string; public_key: string; created_at: Date }) {
  return { id: row.client_id, agencyId: row.agency_id, name: row.name, publicKey: row.public_key, createdAt: row.created_at };
}

function newPublicKey(): string {
  return `pk_${randomBytes(16).toString('base64url')}`;
}

export const tenantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/agencies',
    {
      config: { access: { on: 'platform', role: 'admin' } },
      schema: { body: Type.Object({ name: Name }, { additionalProperties: false }), response: { 201: Agency, ...CREATE_ERRORS } },
    },
    async (request, reply) => {
      const agencyId = randomUUID();
      const agency = await app.data.privileged('create an agency', async (db) => {
        const row = await db
          .insertInto('agencies')
          .values({ agency_id: agencyId, name: request.body.name.trim() })
          .returning(['agency_id', 'name', 'created_at'])
          .executeTakeFirstOrThrow();
        const q = await enterScope(db, { agencyId, clientId: null }, request.actor);
        const isolation = await checkIsolation(q);
        await q.audit({ action: 'agency.created', targetType: 'agency', targetId: agencyId, details: { name: row.name, isolation } });
        return row;
      });
      return reply.code(201).send(agencyView(agency));
    },
  );

  app.get(
    '/v1/agencies',
    { config: { access: { on: 'any', role: 'viewer' } }, schema: { response: { 200: List(Agency), ...AUTHED_ERRORS } } },
    async (request) => {
      const { tenant } = request;
      if (tenant.tenantType === 'platform') {
        const rows = await app.data.privileged('list all agencies for the platform admin', (db) =>
          db.selectFrom('agencies').select(['agency_id', 'name', 'created_at']).orderBy('created_at').orderBy('agency_id').execute(),
        );
        return { items: rows.map(agencyView) };
      }
      if (tenant.tenantType !== 'agency') throw new Forbidden('only platform and agency users list agencies');
      const rows = await app.data.scoped({ agencyId: tenant.tenantId, clientId: null }, request.actor, (q) =>
        q.selectFrom('agencies').select(['agency_id', 'name', 'created_at']).execute(),
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
      const client = await request.scoped(async (q) => {
        const row = await q
          .insertInto('clients', { name, public_key: newPublicKey() })
          .returning(['agency_id', 'client_id', 'name', 'public_key', 'created_at'])
          .executeTakeFirstOrThrow();
        const own = await q.narrowTo(row.client_id);
        await own.insertInto('client_settings', { widget: JSON.stringify(defaultWidgetSettings(name)) }).execute();
        const isolation = await checkIsolation(own);
        await own.audit({ action: 'client.created', targetType: 'client', targetId: row.client_id, details: { name, isolation } });
        return row;
      });
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
        q.selectFrom('clients').select(['agency_id', 'client_id', 'name', 'public_key', 'created_at']).orderBy('created_at').orderBy('client_id').execute(),
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
      const row = await request.scoped((q) =>
        q.selectFrom('clients').select(['agency_id', 'client_id', 'name', 'public_key', 'created_at']).executeTakeFirstOrThrow(),
      );
      return clientView(row);
    },
  );
};
