/**
 * POST /v1/auth/token: email and password for an access token carrying the tenant context.
 * Unknown email and wrong password get the same 401 after the same amount of work (a scrypt
 * verification against a dummy hash), and both count against the sign-in brake.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Role, TenantType } from '../db/schema.ts';
import { writeAudit, type AuditTenant } from '../audit/audit-writer.ts';
import type { Actor } from '../db/tenant-db.ts';
import { BadCredentials, TooManyAttempts } from '../errors.ts';
import { ErrorResponse } from '../http/schemas.ts';
import { ACCESS_TOKEN_TTL_SECONDS, toClaims, type TenantContext } from '../tenancy/tenant-context.ts';
import { hashPassword, verifyPassword, type PasswordCost } from './password.ts';
import { SignInBrake } from './sign-in-brake.ts';

export interface AuthRoutesOptions {
  platformId: string;
  passwordCost: PasswordCost;
  brake?: SignInBrake;
}

const TokenRequest = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const TokenResponse = Type.Object({ accessToken: Type.String(), tokenType: Type.Literal('Bearer'), expiresIn: Type.Integer() });

interface Account {
  user_id: string;
  tenant_type: TenantType;
  agency_id: string | null;
  client_id: string | null;
  password_hash: string;
  role: Role | null;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  const brake = options.brake ?? new SignInBrake();
  const dummyHash = await hashPassword('not a real password, only here to spend the same time', options.passwordCost);
  const platformTenant: AuditTenant = { agencyId: options.platformId, tenantId: options.platformId, tenantType: 'platform' };

  function auditTenantOf(account: Account | undefined): AuditTenant {
    if (!account || account.tenant_type === 'platform' || account.agency_id === null) return platformTenant;
    return account.client_id
      ? { agencyId: account.agency_id, tenantId: account.client_id, tenantType: 'client' }
      : { agencyId: account.agency_id, tenantId: account.agency_id, tenantType: 'agency' };
  }

  app.post(
    '/v1/auth/token',
    {
      config: { access: { public: true } },
      schema: { body: TokenRequest, response: { 200: TokenResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse } },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const wait = brake.attempt(email, request.ip);
      if (wait > 0) {
        reply.header('retry-after', String(wait));
        throw new TooManyAttempts(String(wait));
      }
      const account = await app.data.privileged('sign-in: find the account', (db) =>
        db
          .selectFrom('accounts')
          .leftJoin('users', (join) => join.onRef('users.agency_id', '=', 'accounts.agency_id').onRef('users.user_id', '=', 'accounts.user_id'))
          .select(['accounts.user_id', 'accounts.tenant_type', 'accounts.agency_id', 'accounts.client_id', 'accounts.password_hash', 'users.role'])
          .where('accounts.email', '=', email)
          .executeTakeFirst(),
      );
      const valid = await verifyPassword(request.body.password, account?.password_hash ?? dummyHash);
      const ok = valid && account !== undefined && (account.tenant_type === 'platform' || account.role !== null);
      const actor: Actor = ok
        ? { type: 'user', id: account.user_id, tenantType: account.tenant_type, requestId: request.id, ip: request.ip }
        : { type: 'anonymous', id: null, requestId: request.id, ip: request.ip };
      await app.data.privileged('sign-in: audit', (db) =>
        writeAudit(db, auditTenantOf(account), actor, {
          action: ok ? 'auth.signed_in' : 'auth.sign_in_failed',
          targetType: 'user',
          targetId: account?.user_id ?? null,
          details: ok ? {} : { email },
        }),
      );
      if (!ok) throw new BadCredentials();
      brake.succeeded(email, request.ip);
      const context: TenantContext = {
        userId: account.user_id,
        tenantType: account.tenant_type,
        tenantId: account.client_id ?? account.agency_id ?? options.platformId,
        parentId: account.tenant_type === 'client' ? account.agency_id : account.tenant_type === 'agency' ? options.platformId : null,
        role: account.tenant_type === 'platform' ? 'admin' : (account.role as Role),
      };
      const accessToken = await reply.jwtSign(toClaims(context));
      return { accessToken, tokenType: 'Bearer' as const, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
  );
};
