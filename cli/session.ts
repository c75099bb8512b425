/**
 * Which server a command talks to and with which token: `--url` (or UPZENTO_URL), else the server
 * of the last `upzento login`, else http://127.0.0.1:3000. A token is only ever sent to the server
 * that issued it.
 */
import type { ApiTarget } from './api.ts';
import { readCredentials, type SignIn } from './credentials.ts';
import { CliFailure, ExitCode, usage } from './failure.ts';

export const DEFAULT_URL = 'http://127.0.0.1:3000';

/** What the token says about its holder (read, not verified: the server verifies). */
export interface TokenClaims {
  sub: string;
  tid: string;
  tty: 'platform' | 'agency' | 'client';
  pid: string | null;
  role: 'admin' | 'member' | 'viewer';
  exp?: number;
}

export interface Session {
  target: ApiTarget & { accessToken: string };
  signIn: SignIn;
  claims: TokenClaims;
}

/** `http://Host:3000/` → `http://host:3000`; a base path is kept. */
export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usage(`--url: "${raw}" is not a URL.`, `Give the server's address, like ${DEFAULT_URL}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usage(`--url: "${raw}" is not an http:// or https:// address.`);
  if (url.search || url.hash || url.username || url.password)
    throw usage(`--url: "${raw}" must be the server's address alone, without a query, fragment or credentials.`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export async function resolveUrl(flag: string | undefined): Promise<string> {
  // An empty UPZENTO_URL counts as unset, as shells and CI templates leave it.
  if (flag !== undefined && flag !== '') return normalizeUrl(flag);
  const { current } = await readCredentials();
  return current ?? DEFAULT_URL;
}

export function decodeClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
    return typeof claims.sub === 'string' && typeof claims.tid === 'string' && typeof claims.tty === 'string'
      ? (claims as TokenClaims)
      : null;
  } catch {
    return null;
  }
}

/** The signed-in session for the chosen server; fails with exit code 3 and what to run when there is none. */
export async function requireSession(urlFlag: string | undefined, now: Date = new Date()): Promise<Session> {
  const baseUrl = await resolveUrl(urlFlag);
  const { servers } = await readCredentials();
  const signIn = servers[baseUrl];
  const login = `upzento login --url ${baseUrl}`;
  if (!signIn) {
    const others = Object.keys(servers);
    throw new CliFailure(
      ExitCode.auth,
      `Not signed in to ${baseUrl}.`,
      others.length ? `Run \`${login}\` (signed in to ${others.join(', ')} only).` : `Run \`${login}\` first.`,
    );
  }
  const expiresAt = new Date(signIn.expiresAt);
  if (!(expiresAt.getTime() > now.getTime())) {
    throw new CliFailure(
      ExitCode.auth,
      `Your sign-in to ${baseUrl} as ${signIn.email} expired at ${expiresAt.toISOString()} (tokens last 15 minutes).`,
      `Run \`${login} --email ${signIn.email}\` again.`,
    );
  }
  const claims = decodeClaims(signIn.accessToken);
  if (!claims)
    throw new CliFailure(
      ExitCode.auth,
      `The stored token for ${baseUrl} is not one the server issued.`,
      `Run \`${login}\` again.`,
    );
  return { target: { baseUrl, accessToken: signIn.accessToken }, signIn, claims };
}
