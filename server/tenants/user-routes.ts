/**
 * Users of an agency and users of a client: the same routes at two levels of the tree, for the
 * tenant's admins and the admins above it. Storage and rules live in users.ts.
 *
 * Creating a user whose email already has an account in a tenant the caller cannot see answers as
 * if the user were made, and makes nothing: a 409 there would tell a client's admin that the email
 * is a customer somewhere else. The platform's audit log records what was withheld. Invitations
 * (invitation-routes.ts) are the way to add a person without ever setting their password.
 */
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { writeAudit } from '../db/audit-writer.ts';
import { hashPassword, type PasswordCost } from '../auth/password.ts';
import { NewPassword } from '../auth/routes.ts';
import type { Role } from '../db/schema.ts';
import { assertRoomFor } from '../limits/limits.ts';
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
import { levelOf } from '../tenancy/access.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { changeRole, createUser, listUsers, mayGive, removeUser, resetPassword, type UserView } from './users.ts';

export const User = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    role: RoleName,
    tenantId: Uuid,
    tenantType: Type.String(),
    createdAt: Timestamp,
  },
  { title: 'User' },
);
const NewUser = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 320 }), password: NewPassword, role: RoleName },
  { title: 'NewUser', additionalProperties: false },
);
const RoleChange = Type.Object({ role: RoleName }, { title: 'RoleChange', additionalProperties: false });
const PasswordReset = Type.Object(
  { newPassword: NewPassword },
  { title: 'PasswordReset', additionalProperties: false },
);

const CHANGE_ERRORS = { ...AUTHED_ERRORS, 409: ErrorResponse };

export interface UserRoutesOptions {
  passwordCost: PasswordCost;
  platformId: string;
}

interface EmailOwner {
  agency_id: string | null;
  client_id: string | null;
}

/** Whether the account lives in the caller's own tenant or below it, where the caller may list it. */
function within(caller: TenantContext, owner: EmailOwner): boolean {
  if (caller.tenantType === 'platform') return true;
  if (caller.tenantType === 'agency') return owner.agency_id === caller.tenantId;
  return owner.client_id === caller.tenantId;
}

function isTakenEmail(error: unknown): boolean {
  return (
    (error as { code?: string; constraint?: string }).code === '23505' &&
    (error as { constraint?: string }).constraint === 'accounts_email_key'
  );
}

/**
 * The email has an account in another of the deployment's databases, where the unique key of this
 * one does not reach: answered as that key's violation would be.
 */
function takenElsewhere(): Error {
  return Object.assign(new Error('the email has an account in another database'), {
    code: '23505',
    constraint: 'accounts_email_key',
  });
}

export const userRoutes: FastifyPluginAsyncTypebox<UserRoutesOptions> = async (app, options) => {
  for (const level of [
    {
      path: '/v1/agencies/:agencyId/users',
      on: 'agency',
      params: AgencyParams,
      userParams: Type.Object({ agencyId: Uuid, userId: Uuid }),
    },
    {
      path: '/v1/clients/:clientId/users',
      on: 'client',
      params: ClientParams,
      userParams: Type.Object({ clientId: Uuid, userId: Uuid }),
    },
  ] as const) {
    app.post(
      level.path,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.params, body: NewUser, response: { 201: User, ...CHANGE_ERRORS } },
      },
      async (request, reply) => {
        const input = { email: request.body.email.toLowerCase(), role: request.body.role as Role };
        mayGive(request.tenant, input.role);
        const hash = await hashPassword(request.body.password, options.passwordCost);
        const { scope } = request;
        const limits = await app.limits.get(scope.clientId ?? scope.agencyId, scope.agencyId);
        const ownerOf = (email: string, beyondDatabaseOf?: string) =>
          app.data.privilegedFind(
            'user creation: where the email is taken',
            (db) =>
              db
                .selectFrom('accounts')
                .select(['agency_id', 'client_id'])
                .where('email', '=', email)
                .executeTakeFirst(),
            beyondDatabaseOf === undefined ? {} : { beyondDatabaseOf },
          );
        try {
          // An email is one account across the deployment: one in another database takes it too.
          if (await ownerOf(input.email, scope.agencyId)) throw takenElsewhere();
          return reply.code(201).send(
            await request.scoped(async (q) => {
              await assertRoomFor(q, 'users', limits.users);
              return createUser(q, input, hash);
            }),
          );
        } catch (error) {
          if (!isTakenEmail(error)) throw error;
          const owner = await ownerOf(input.email);
          // Gone again in between, or visible to the caller anyway: the 409 tells nothing new.
          if (!owner || within(request.tenant, owner)) throw error;
          const withheld = await app.data.privileged('user creation: audit the withheld user', async (db) => {
            const platform = {
              agencyId: options.platformId,
              tenantId: options.platformId,
              tenantType: 'platform' as const,
            };
            const target = request.scope.clientId ?? request.scope.agencyId;
            await writeAudit(db, platform, request.actor, {
              action: 'user.creation_withheld',
              targetType: levelOf(request.scope),
              targetId: target,
              details: { email: input.email, role: input.role, reason: 'the email has an account in another tenant' },
            });
            const view: UserView = {
              id: randomUUID(),
              email: input.email,
              role: input.role,
              tenantId: target,
              tenantType: levelOf(request.scope),
              createdAt: new Date(),
            };
            return view;
          });
          return reply.code(201).send(withheld);
        }
      },
    );

    app.get(
      level.path,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.params, response: { 200: List(User), ...AUTHED_ERRORS } },
      },
      async (request) => ({ items: await request.scoped(listUsers) }),
    );

    app.patch(
      `${level.path}/:userId`,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.userParams, body: RoleChange, response: { 200: User, ...CHANGE_ERRORS } },
      },
      async (request) => {
        const { userId } = request.params;
        const user = await request.scoped((q) => changeRole(q, request.tenant, userId, request.body.role as Role));
        app.credentials.invalidate(userId);
        return user;
      },
    );

    app.delete(
      `${level.path}/:userId`,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.userParams, response: { 204: Type.Null(), ...CHANGE_ERRORS } },
      },
      async (request, reply) => {
        const { userId } = request.params;
        await request.scoped((q) => removeUser(q, request.tenant, userId));
        app.credentials.invalidate(userId);
        return reply.code(204).send(null);
      },
    );

    app.post(
      `${level.path}/:userId/password`,
      {
        config: { access: { on: level.on, role: 'admin' } },
        schema: { params: level.userParams, body: PasswordReset, response: { 204: Type.Null(), ...AUTHED_ERRORS } },
      },
      async (request, reply) => {
        const { userId } = request.params;
        const hash = await hashPassword(request.body.newPassword, options.passwordCost);
        await request.scoped((q) => resetPassword(q, request.tenant, userId, hash));
        app.credentials.invalidate(userId);
        return reply.code(204).send(null);
      },
    );
  }
};
