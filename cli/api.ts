/**
 * Every HTTP call of the command line goes through `request`: one route table with the request and
 * response types of each route the commands use, one place that turns an answer into data or into a
 * failure with its exit code.
 */
import type { WidgetConfig } from '../shared/widget-wire.ts';
import { CliFailure, ExitCode } from './failure.ts';

export interface TokenResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}
export interface Agency {
  id: string;
  name: string;
  createdAt: string;
}
export interface Client {
  id: string;
  agencyId: string;
  name: string;
  publicKey: string;
  createdAt: string;
}
export type Role = 'admin' | 'member' | 'viewer';
export interface User {
  id: string;
  email: string;
  role: string;
  tenantId: string;
  tenantType: string;
  createdAt: string;
}
export interface Invitation extends User {
  expiresAt: string;
}
export interface NewInvitation extends Invitation {
  /** Only in the answer that creates it. */
  token: string;
}
export interface DomainCheck {
  at: string;
  queried: string;
  expected: string;
  found: string[];
  outcome: string;
  message: string;
}
export interface Domain {
  id: string;
  hostname: string;
  includeSubdomains: boolean;
  status: 'pending' | 'verified' | 'failing' | 'revoked' | 'expired';
  challenge: { type: 'TXT'; name: string; value: string };
  createdAt: string;
  verifiedAt: string | null;
  failingSince: string | null;
  nextCheckAt: string | null;
  expiresAt: string | null;
  lastCheck: DomainCheck | null;
}
export type WidgetSettings = Omit<WidgetConfig, 'publicKey'>;
export interface Settings {
  widget: WidgetSettings;
  allowLocalhost: boolean;
}
export interface SettingsChange {
  widget?: Partial<WidgetSettings>;
  allowLocalhost?: boolean;
}
export interface AuditEntry {
  id: string;
  at: string;
  actor: { type: string; id: string | null };
  tenantId: string;
  tenantType: string;
  action: string;
  target: { type: string; id: string | null };
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  seq: number;
}
export interface AuditVerification {
  valid: boolean;
  rowsChecked: number;
  firstBrokenSeq: number | null;
}
export interface List<T> {
  items: T[];
}
export interface Page<T> extends List<T> {
  nextCursor: string | null;
}

interface Route<Body, Query, Response> {
  body: Body;
  query: Query;
  response: Response;
}
type NoQuery = undefined;
type PageQuery = { limit?: number; cursor?: string };
type TenantRoutes<Base extends string> = {
  [K in `GET ${Base}/users`]: Route<undefined, NoQuery, List<User>>;
} & {
  [K in `POST ${Base}/users`]: Route<{ email: string; password: string; role: Role }, NoQuery, User>;
} & {
  [K in `PATCH ${Base}/users/{userId}`]: Route<{ role: Role }, NoQuery, User>;
} & {
  [K in `DELETE ${Base}/users/{userId}`]: Route<undefined, NoQuery, null>;
} & {
  [K in `POST ${Base}/invitations`]: Route<{ email: string; role: Role }, NoQuery, NewInvitation>;
} & {
  [K in `GET ${Base}/invitations`]: Route<undefined, NoQuery, List<Invitation>>;
} & {
  [K in `DELETE ${Base}/invitations/{invitationId}`]: Route<undefined, NoQuery, null>;
} & {
  [K in `GET ${Base}/audit-log`]: Route<undefined, PageQuery, Page<AuditEntry>>;
} & {
  [K in `GET ${Base}/audit-log/verify`]: Route<undefined, NoQuery, AuditVerification>;
};

/** The routes the commands call, written as in the OpenAPI document: `METHOD /path/{param}`. */
export type Routes = {
  'POST /v1/auth/token': Route<{ email: string; password: string }, NoQuery, TokenResponse>;
  'POST /v1/invitations/accept': Route<{ token: string; password: string }, NoQuery, null>;
  'GET /v1/agencies': Route<undefined, NoQuery, List<Agency>>;
  'POST /v1/agencies': Route<{ name: string }, NoQuery, Agency>;
  'GET /v1/agencies/{agencyId}/clients': Route<undefined, NoQuery, List<Client>>;
  'POST /v1/agencies/{agencyId}/clients': Route<{ name: string }, NoQuery, Client>;
  'GET /v1/clients/{clientId}': Route<undefined, NoQuery, Client>;
  'GET /v1/clients/{clientId}/domains': Route<undefined, PageQuery, Page<Domain>>;
  'POST /v1/clients/{clientId}/domains': Route<{ hostname: string; includeSubdomains?: boolean }, NoQuery, Domain>;
  'POST /v1/clients/{clientId}/domains/{domainId}/verify': Route<undefined, NoQuery, Domain>;
  'DELETE /v1/clients/{clientId}/domains/{domainId}': Route<undefined, NoQuery, null>;
  'GET /v1/clients/{clientId}/settings': Route<undefined, NoQuery, Settings>;
  'PATCH /v1/clients/{clientId}/settings': Route<SettingsChange, NoQuery, Settings>;
} & TenantRoutes<'/v1/agencies/{agencyId}'> &
  TenantRoutes<'/v1/clients/{clientId}'>;

export type RouteKey = keyof Routes;

/** `{ clientId: string, domainId: string }` for `'POST /v1/clients/{clientId}/domains/{domainId}/verify'`. */
type ParamsOf<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<Rest>
  : Record<never, never>;

export type RequestOptions<K extends RouteKey> = (keyof ParamsOf<K> extends never
  ? { params?: undefined }
  : { params: ParamsOf<K> }) &
  (Routes[K]['body'] extends undefined ? { body?: undefined } : { body: Routes[K]['body'] }) &
  (Routes[K]['query'] extends undefined ? { query?: undefined } : { query?: Routes[K]['query'] });

export interface ApiTarget {
  /** The server, without a trailing slash: `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; null on public routes. */
  accessToken: string | null;
}

/** How long one request may take, connecting included, before the server counts as unavailable. */
const REQUEST_TIMEOUT_MS = 30_000;

export async function request<K extends RouteKey>(
  target: ApiTarget,
  route: K,
  options: RequestOptions<K>,
): Promise<Routes[K]['response']> {
  const [method, template] = route.split(' ') as [string, string];
  const params = (options.params ?? {}) as Record<string, string>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const url = new URL(`${target.baseUrl}${path}`);
  for (const [key, value] of Object.entries((options.query ?? {}) as Record<string, unknown>)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.accessToken) headers.authorization = `Bearer ${target.accessToken}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(target.baseUrl, error);
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (response.ok) return body as Routes[K]['response'];
  throw failureOf(response, body, target, route);
}

function unreachable(baseUrl: string, error: unknown): CliFailure {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const timedOut = (error as Error).name === 'TimeoutError';
  const why = timedOut
    ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
    : (cause?.code ?? cause?.message ?? (error as Error).message);
  return new CliFailure(
    ExitCode.unavailable,
    `Cannot reach the Upzento server at ${baseUrl} (${why}).`,
    'Is it running (`npm start`)? Check the address: --url or UPZENTO_URL.',
  );
}

interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
}

function failureOf(response: Response, body: unknown, target: ApiTarget, route: RouteKey): CliFailure {
  const error = (body ?? {}) as ErrorBody;
  const said = error.message ?? `${response.status} ${response.statusText}`;
  const status = response.status;
  if (status === 401) {
    if (route === 'POST /v1/auth/token') {
      return new CliFailure(
        ExitCode.auth,
        `Sign-in refused: ${said}.`,
        'Check the email and password; repeated failures are braked for a while.',
        body,
      );
    }
    return new CliFailure(
      ExitCode.auth,
      `The server refused the sign-in token: ${said}.`,
      `Tokens last at most 15 minutes, and end when the account's password or role changes. Run \`upzento login --url ${target.baseUrl}\` again.`,
      body,
    );
  }
  if (status === 403 || status === 404) {
    return new CliFailure(
      ExitCode.notFound,
      said,
      status === 404
        ? 'Check the id: only records in your own tenant or below it can be found (the list commands show them).'
        : 'Ask an admin of this tenant, or of one above it.',
      body,
    );
  }
  if (status === 400 || status === 409 || status === 413 || status === 422)
    return new CliFailure(ExitCode.invalid, said, null, body);
  if (status === 429 || status === 502 || status === 503 || status === 504) {
    const retry = response.headers.get('retry-after');
    return new CliFailure(
      ExitCode.unavailable,
      said,
      retry ? `Try again in ${retry} s.` : 'Try again in a moment.',
      body,
    );
  }
  return new CliFailure(ExitCode.generic, `The server answered ${status}: ${said}`, null, body);
}
