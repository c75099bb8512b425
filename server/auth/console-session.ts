/**
 * The console's session: a refresh token in an HttpOnly, SameSite=Strict cookie that only the
 * session routes receive (Path=/v1/auth/session), so no script, the console's own included, can
 * read it, and no other site can make the browser send it. The console keeps its 15-minute access
 * token in memory and trades the cookie for a new one before it expires.
 *
 * The refresh token is a JWT signed with a key of its own, derived from the JWT secret, so that it
 * never passes as an access token (nor an access token as it). It names the user and the token
 * version it was issued under: a changed password or a removed user ends the session. Each refresh
 * issues a new cookie (sliding, SESSION_IDLE_SECONDS), never past SESSION_MAX_SECONDS from sign-in.
 */
import { createHmac } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { isUuid } from '../db/uuid.ts';

export const SESSION_COOKIE = 'upzento_session';
/** A session not refreshed for this long ends (the console refreshes every few minutes while open). */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;
/** No session outlives this, counted from its sign-in. */
export const SESSION_MAX_SECONDS = 7 * 24 * 60 * 60;
const AUDIENCE = 'upzento-console-session';

export interface SessionClaims {
  /** The user. */
  sub: string;
  /** The account's token version at sign-in. */
  ver: number;
  /** When the session signed in, in seconds since the epoch. */
  auth: number;
}

export interface SessionTokens {
  sign(claims: SessionClaims, nowSeconds: number): string;
  /** The claims of a valid, unexpired session token, or null. */
  verify(token: string, nowSeconds: number): SessionClaims | null;
}

export function sessionTokens(jwtSecret: string): SessionTokens {
  const key = createHmac('sha256', jwtSecret).update('upzento console session').digest('base64url');
  const signer = createSigner({ key, algorithm: 'HS256', aud: AUDIENCE });
  const verifier = createVerifier({ key, algorithms: ['HS256'], allowedAud: AUDIENCE, requiredClaims: ['exp'] });
  return {
    sign(claims, nowSeconds) {
      const exp = Math.min(nowSeconds + SESSION_IDLE_SECONDS, claims.auth + SESSION_MAX_SECONDS);
      return signer({ ...claims, iat: nowSeconds, exp });
    },
    verify(token, nowSeconds) {
      let payload: Record<string, unknown>;
      try {
        payload = verifier(token);
      } catch {
        return null;
      }
      const { sub, ver, auth, exp } = payload;
      if (!isUuid(sub) || !Number.isSafeInteger(ver) || !Number.isSafeInteger(auth)) return null;
      if (typeof exp !== 'number' || exp <= nowSeconds) return null;
      return { sub, ver: ver as number, auth: auth as number };
    },
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Secure everywhere but on a loopback address over plain http (development, where browsers would refuse
 * it). A server behind a TLS proxy sees http unless UPZENTO_TRUST_PROXY is set, so the request's
 * protocol alone would leave a production cookie without Secure.
 */
function cookieOptions(request: FastifyRequest, maxAge: number): CookieSerializeOptions {
  return {
    path: '/v1/auth/session',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https' || !LOOPBACK.has(request.hostname.replace(/:\d+$/, '')),
    maxAge,
  };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_IDLE_SECONDS));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, 0));
}
