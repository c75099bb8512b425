/**
 * POST /v1/auth/token: email and password for an access token carrying the tenant context.
 * Unknown email and wrong password get the same 401 after the same amount of work (a scrypt
 * verification against a dummy hash), and both count against the sign-in brake.
 *
 * POST /v1/auth/password: the caller's own password. Every token issued before it (this one too)
 * stops working on every instance; the current password is braked like a sign-in.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { Type, type Static } from '@sinclair/typebox';
import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Role, TenantType } from '../db/schema.ts';
import { writeAudit, type AuditTenant } from '../db/audit-writer.ts';
import type { Actor } from '../db/tenant-db.ts';
import { BadCredentials, TenantSuspended, TooManyAttempts, Unauthorized, WrongPassword } from '../errors.ts';
import { AUTHED_ERRORS, ErrorResponse } from '../http/schemas.ts';
import { announceCredentialChange } from '../tenancy/credential-events.ts';
import { ACCESS_TOKEN_TTL_SECONDS, toClaims, type TenantContext } from '../tenancy/tenant-context.ts';
import { hashPassword, verifyPassword, type PasswordCost } from './password.ts';
import { SignInBrake } from './sign-in-brake.ts';
import { callerAddress } from '../http/caller-address.ts';
import { clearSessionCookie, SESSION_COOKIE, sessionTokens, setSessionCookie } from './console-session.ts';

export interface AuthRoutesOptions {
  platformId: string;
  passwordCost: PasswordCost;
  brake?: SignInBrake;
  /** The key the console's session cookies are signed with is derived from it. */
  jwtSecret: string;
}

const TokenRequest = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { title: 'TokenRequest', additionalProperties: false },
);
type SignIn = Static<typeof TokenRequest>;
const TokenResponse = Type.Object(
  { accessToken: Type.String(), tokenType: Type.Literal('Bearer'), expiresIn: Type.Integer() },
  { title: 'AccessToken' },
);
/** Both sign-ins: an email and password for a token (and, for a browser, its session cookie). */
const SIGN_IN_SCHEMA = {
  body: TokenRequest,
  response: {
    200: TokenResponse,
    400: ErrorResponse,
    401: ErrorResponse,
    403: ErrorResponse,
    429: ErrorResponse,
  },
};
/** What every new password must be, wherever it is set. */
export const NewPassword = Type.String({ minLength: 12, maxLength: 200 });
const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: NewPassword },
  { title: 'PasswordChange', additionalProperties: false },
);

interface Account {
  user_id: string;
  tenant_type: TenantType;
  agency_id: string | null;
  client_id: string | null;
  password_hash: string;
  role: Role | null;
  token_version: number;
}

/** The account that signs in with `email`, with its role in its tenant. */
function accountByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('accounts')
    .leftJoin('users', (join) =>
      join.onRef('users.agency_id', '=', 'accounts.agency_id').onRef('users.user_id', '=', 'accounts.user_id'),
    )
    .select([
      'accounts.user_id',
      'accounts.tenant_type',
      'accounts.agency_id',
      'accounts.client_id',
      'accounts.password_hash',
      'accounts.token_version',
      'users.role',
    ])
    .where('accounts.email', '=', email);
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  const brake = options.brake ?? new SignInBrake();
  const dummyHash = await hashPassword('not a real password, only here to spend the same time', options.passwordCost);
  const platformTenant: AuditTenant = {
    agencyId: options.platformId,
    tenantId: options.platformId,
    tenantType: 'platform',
  };

  /** The privileged path on the database of the account's agency (the shared one for the platform's). */
  function onChainOf<R>(
    account: Pick<Account, 'agency_id'> | undefined,
    reason: string,
    fn: (db: Kysely<Database>) => Promise<R>,
  ): Promise<R> {
    return account?.agency_id ? app.data.privilegedFor(account.agency_id, reason, fn) : app.data.privileged(reason, fn);
  }

  function auditTenantOf(account: Pick<Account, 'tenant_type' | 'agency_id' | 'client_id'> | undefined): AuditTenant {
    if (!account || account.tenant_type === 'platform' || account.agency_id === null) return platformTenant;
    return account.client_id
      ? { agencyId: account.agency_id, tenantId: account.client_id, tenantType: 'client' }
      : { agencyId: account.agency_id, tenantId: account.agency_id, tenantType: 'agency' };
  }

  /**
   * Counts an attempt of `who` against the brake (429 with Retry-After while it holds) and finds the
   * account `lookup` selects: in the shared database with the count, else in an agency's own database.
   */
  async function brakedFind<A>(
    request: FastifyRequest,
    reply: FastifyReply,
    who: string,
    what: string,
    lookup: (db: Kysely<Database>) => SelectQueryBuilder<Database, keyof Database, A>,
  ): Promise<A | undefined> {
    const { wait, found } = await app.data.privileged(`${what}: count the attempt and find the account`, (db) =>
      brake.attempt<A>(db, who, callerAddress(request.ip), lookup(db)),
    );
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new TooManyAttempts(String(wait));
    }
    return (
      found ??
      app.data.privilegedFind(
        `${what}: the account, in an agency's own database`,
        (db) => lookup(db).executeTakeFirst(),
        { beyondDatabaseOf: null },
      )
    );
  }

  /**
   * Checks an email and password (braked, audited) and answers the tenant context to sign, or throws
   * the 401, 403 or 429 the caller gets.
   */
  async function signIn(request: FastifyRequest, reply: FastifyReply, credentials: SignIn): Promise<TenantContext> {
    const email = credentials.email.trim().toLowerCase();
    const account = await brakedFind(request, reply, email, 'sign-in', (db) => accountByEmail(db, email));
    const valid = await verifyPassword(credentials.password, account?.password_hash ?? dummyHash);
    const ok = valid && account !== undefined && (account.tenant_type === 'platform' || account.role !== null);
    // Only with the right password: a guess must not learn whether the tenant is suspended.
    const suspended = ok ? ((await app.credentials.current(account.user_id))?.suspended ?? null) : null;
    const actor: Actor = ok
      ? { type: 'user', id: account.user_id, tenantType: account.tenant_type, requestId: request.id, ip: request.ip }
      : { type: 'anonymous', id: null, requestId: request.id, ip: request.ip };
    await onChainOf(account, 'sign-in: audit', (db) =>
      writeAudit(db, auditTenantOf(account), actor, {
        action: !ok ? 'auth.sign_in_failed' : suspended ? 'auth.sign_in_refused_suspended' : 'auth.signed_in',
        targetType: 'user',
        targetId: account?.user_id ?? null,
        ...(!ok && { personal: { email, details: { email } } }),
      }),
    );
    if (ok)
      await app.data.privileged('sign-in: release the brake', (db) =>
        brake.succeeded(db, email, callerAddress(request.ip)),
      );
    if (!ok) throw new BadCredentials();
    if (suspended) throw new TenantSuspended(suspended);
    return {
      userId: account.user_id,
      tenantType: account.tenant_type,
      tenantId: account.client_id ?? account.agency_id ?? options.platformId,
      parentId:
        account.tenant_type === 'client'
          ? account.agency_id
          : account.tenant_type === 'agency'
            ? options.platformId
            : null,
      role: account.tenant_type === 'platform' ? 'admin' : (account.role as Role),
      tokenVersion: account.token_version,
    };
  }

  app.post(
    '/v1/auth/token',
    {
      config: { access: { public: true } },
      schema: SIGN_IN_SCHEMA,
    },
    async (request, reply) => {
      const context = await signIn(request, reply, request.body);
      const accessToken = await reply.jwtSign(toClaims(context));
      return { accessToken, tokenType: 'Bearer' as const, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
  );

  const sessions = sessionTokens(options.jwtSecret);
  await app.register(cookie);
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  app.post(
    '/v1/auth/session',
    {
      config: { access: { public: true } },
      schema: SIGN_IN_SCHEMA,
    },
    async (request, reply) => {
      const context = await signIn(request, reply, request.body);
      const now = nowSeconds();
      setSessionCookie(
        request,
        reply,
        sessions.sign({ sub: context.userId, ver: context.tokenVersion, auth: now }, now),
      );
      const accessToken = await reply.jwtSign(toClaims(context));
      return { accessToken, tokenType: 'Bearer' as const, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
  );

  app.post(
    '/v1/auth/session/refresh',
    {
      config: { access: { public: true } },
      schema: { response: { 200: TokenResponse, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request, reply) => {
      const now = nowSeconds();
      const token = request.cookies[SESSION_COOKIE];
      const claims = token ? sessions.verify(token, now) : null;
      const current = claims ? await app.credentials.current(claims.sub) : null;
      if (!claims || !current || current.tokenVersion !== claims.ver) {
        clearSessionCookie(request, reply);
        throw new Unauthorized(token ? 'the session has ended' : 'no session');
      }
      if (current.suspended) {
        clearSessionCookie(request, reply);
        throw new TenantSuspended(current.suspended);
      }
      // What the user is now, not at sign-in: a role raised since is the role of the new token (a lowered
      // one changed the token version, and ended the session above).
      const context: TenantContext = { userId: claims.sub, ...current };
      setSessionCookie(request, reply, sessions.sign(claims, now));
      const accessToken = await reply.jwtSign(toClaims(context));
      return { accessToken, tokenType: 'Bearer' as const, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
    },
  );

  app.delete(
    '/v1/auth/session',
    { config: { access: { public: true } }, schema: { response: { 204: Type.Null() } } },
    async (request, reply) => {
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/auth/password',
    {
      config: { access: { on: 'any', role: 'viewer' } },
      schema: { body: PasswordChange, response: { 204: Type.Null(), ...AUTHED_ERRORS, 429: ErrorResponse } },
    },
    async (request, reply) => {
      const { tenant } = request;
      // The brake counts per address and user: a stolen token must not make guessing free.
      const who = `user:${tenant.userId}`;
      const ownAccount = (db: Kysely<Database>) =>
        db
          .selectFrom('accounts')
          .select(['user_id', 'tenant_type', 'agency_id', 'client_id', 'password_hash', 'token_version'])
          .where('user_id', '=', tenant.userId);
      const account = await brakedFind(request, reply, who, 'password change', ownAccount);
      if (!account) throw new Unauthorized('the token is no longer valid for its user');
      const valid = await verifyPassword(request.body.currentPassword, account.password_hash);
      const newHash = valid ? await hashPassword(request.body.newPassword, options.passwordCost) : null;
      const changed = await onChainOf(account, "password change: the caller's own account", async (db) => {
        if (newHash === null) {
          await writeAudit(db, auditTenantOf(account), request.actor, {
            action: 'user.password_change_failed',
            targetType: 'user',
            targetId: account.user_id,
          });
          return false;
        }
        // Only the version read with the old hash: a change in between makes this one fail, not both pass.
        const updated = await db
          .updateTable('accounts')
          .set({ password_hash: newHash, token_version: sql<number>`token_version + 1` })
          .where('user_id', '=', account.user_id)
          .where('token_version', '=', account.token_version)
          .executeTakeFirst();
        if (updated.numUpdatedRows === 0n) return false;
        await announceCredentialChange(db, account.user_id);
        await writeAudit(db, auditTenantOf(account), request.actor, {
          action: 'user.password_changed',
          targetType: 'user',
          targetId: account.user_id,
          details: { by: 'self' },
        });
        return true;
      });
      if (!changed) throw new WrongPassword();
      await app.data.privileged('password change: release the brake', (db) =>
        brake.succeeded(db, who, callerAddress(request.ip)),
      );
      app.credentials.invalidate(account.user_id);
      return reply.code(204).send(null);
    },
  );
};
