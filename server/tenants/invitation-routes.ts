/**
 * Invitations of an agency and of a client (for the tenant's admins and the admins above it), and
 * their acceptance (public: the token is the proof). Storage and the rules for an email that has
 * an account already live in invitations.ts.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hashPassword, type PasswordCost } from '../auth/password.ts';
import { NewPassword } from '../auth/routes.ts';
import type { Role } from '../db/schema.ts';
import type { Actor } from '../db/tenant-db.ts';
import { InvitationInvalid } from '../errors.ts';
import {
  AgencyParams,
  AUTHED_ERRORS,
  ClientParams,
  ErrorResponse,
  List,
  RoleName,
  Timestamp,
  Uuid,
} from '../http/schemas.ts';
import {
  acceptInvitation,
  createInvitation,
  findOpenInvitation,
  listInvitations,
  withdrawInvitation,
} from './invitations.ts';
import { mayGive } from './users.ts';

const Invitation = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    role: RoleName,
    tenantId: Uuid,
    tenantType: Type.String(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  },
  { title: 'Invitation' },
);
const NewInvitation = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 320 }), role: RoleName },
  { title: 'NewInvitation', additionalProperties: false },
);
const Acceptance = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: NewPassword },
  { title: 'InvitationAcceptance', additionalProperties: false },
);

export interface InvitationRoutesOptions {
  passwordCost: PasswordCost;
  platformId: string;
  /** The clock of expiries; default the system's. */
  now?: () => Date;
}

export const invitationRoutes: FastifyPluginAsyncTypebox<InvitationRoutesOptions> = async (app, options) => {
  const now = options.now ?? (() => new Date());
  const platform = { agencyId: options.platformId, tenantId: options.platformId, tenantType: 'platform' as const };

  for (const level of [
    {
      path: '/v1/agencies/:agencyId/invitations',
      on: 'agency',
      params: AgencyParams,
      oneParams: Type.Object({ agencyId: Uuid, invitationId: Uuid }),
    },
    {
      path: '/v1/clients/:clientId/invitations',
      on: 'client',
      params: ClientParams,
      oneParams: Type.Object({ clientId: Uuid, invitationId: Uuid }),
    },
  ] as const) {
    app.post(
      level.path,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: {
          params: level.params,
          body: NewInvitation,
          response: { 201: Type.Composite([Invitation, Type.Object({ token: Type.String() })]), ...AUTHED_ERRORS },
        },
      },
      async (request, reply) => {
        const input = { email: request.body.email, role: request.body.role as Role };
        mayGive(request.tenant, input.role);
        return reply.code(201).send(await request.scoped((q) => createInvitation(q, input, now())));
      },
    );

    app.get(
      level.path,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.params, response: { 200: List(Invitation), ...AUTHED_ERRORS } },
      },
      async (request) => ({ items: await request.scoped((q) => listInvitations(q, now())) }),
    );

    app.delete(
      `${level.path}/:invitationId`,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.oneParams, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
      },
      async (request, reply) => {
        await request.scoped((q) => withdrawInvitation(q, request.params.invitationId));
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/v1/invitations/accept',
    {
      config: { access: { public: true } },
      schema: { body: Acceptance, response: { 204: Type.Null(), 400: ErrorResponse, 404: ErrorResponse } },
    },
    async (request, reply) => {
      const { token, password } = request.body;
      // Looked up before the hash is made: a wrong token costs no scrypt.
      const open = await app.data.privilegedFind('invitation: find it by its token', (db) =>
        findOpenInvitation(db, token, now()),
      );
      if (!open) throw new InvitationInvalid();
      const hash = await hashPassword(password, options.passwordCost);
      const actor: Actor = { type: 'anonymous', id: null, requestId: request.id, ip: request.ip };
      // An email is one account across the deployment: taken in another database, it is taken.
      const takenElsewhere = await app.data.privilegedFind(
        'invitation: is its email taken in another database',
        (db) => db.selectFrom('accounts').select('user_id').where('email', '=', open.email).executeTakeFirst(),
        { beyondDatabaseOf: open.agency_id },
      );
      let accepted;
      try {
        accepted = takenElsewhere
          ? { made: false as const }
          : await app.data.privilegedFor(open.agency_id, 'invitation: accept it', (db) =>
              acceptInvitation(db, token, hash, actor, platform, now()),
            );
      } catch (error) {
        // The email was taken a moment ago, by this invitation accepted twice at once or by another
        // tenant: the same answer as for an email taken before.
        if ((error as { code?: string }).code !== '23505') throw error;
        accepted = { made: false };
      }
      if (!accepted) throw new InvitationInvalid();
      return reply.code(204).send(null);
    },
  );
};
