/**
 * Every HTTP call of the command line goes through `request`: the typed client generated from the
 * server's OpenAPI document (client/), addressed as `METHOD /path/{param}`, and one place that turns
 * an answer into data or into a failure with its exit code.
 */
import { type ApiErrorBody, createUpzentoClient, type paths, type Schemas } from '../client/index.ts';
import { CliFailure, ExitCode } from './failure.ts';
import { API_VERSION_HEADER } from '../shared/api-version.ts';
import { NEWEST_VERSION } from '../server/versions/api-versions.ts';

export type Agency = Schemas['Agency'];
export type Client = Schemas['Client'];
export type User = Schemas['User'];
export type Role = Schemas['NewUser']['role'];
export type Domain = Schemas['Domain'];
export type Settings = Schemas['ClientSettings'];
export type SettingsChange = Schemas['ClientSettingsChange'];
export type AuditEntry = Schemas['AuditEntry'];
export type PrivacyJob = Schemas['PrivacyJob'];
export type TenantDeletion = Schemas['TenantDeletion'];
export type DataMigrationStatus = Schemas['DataMigrationStatus'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Every route of the document as `GET /v1/clients/{clientId}`. */
export type RouteKey = {
  [P in keyof paths & string]: {
    [M in Method]: [NonNullable<paths[P][M]>] extends [never] ? never : `${Uppercase<M>} ${P}`;
  }[Method];
}[keyof paths & string];

// One route at a time: indexing paths by a union of paths and a union of methods at once made every
// pairing of the two, a union that outgrew the checker's limit once routes with PUT were added.
type Operation<K extends RouteKey> = K extends `${infer M} ${infer P}`
  ? NonNullable<paths[P & keyof paths][Lowercase<M> & Method]>
  : never;

type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : null;
type Responses<K extends RouteKey> = Operation<K> extends { responses: infer R } ? R : never;
/** The body of the route's success: its 200, else its 201, else its 202, else null (204). */
export type ResponseOf<K extends RouteKey> = 200 extends keyof Responses<K>
  ? JsonOf<Responses<K>[200]>
  : 201 extends keyof Responses<K>
    ? JsonOf<Responses<K>[201]>
    : 202 extends keyof Responses<K>
      ? JsonOf<Responses<K>[202]>
      : null;

type Parameters<K extends RouteKey> = Operation<K> extends { parameters: infer P } ? P : never;
type PathParams<K extends RouteKey> =
  Parameters<K> extends { path: infer P } ? ([P] extends [never] ? undefined : P) : undefined;
type QueryParams<K extends RouteKey> =
  Parameters<K> extends { query?: infer Q } ? ([Q] extends [never] ? undefined : Q) : undefined;
type BodyOf<K extends RouteKey> =
  Operation<K> extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never]
      ? undefined
      : JsonOf<NonNullable<B>>
    : undefined;

export type RequestOptions<K extends RouteKey> = (PathParams<K> extends undefined
  ? { params?: undefined }
  : { params: PathParams<K> }) &
  (BodyOf<K> extends undefined ? { body?: undefined } : { body: BodyOf<K> }) &
  (QueryParams<K> extends undefined ? { query?: undefined } : { query?: QueryParams<K> });

export interface ApiTarget {
  /** The server, without a trailing slash: `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; null on public routes. */
  accessToken: string | null;
}

/**
 * Every request names the version this command line's types were generated in, so its answers keep
 * that shape whatever version the caller's tenant is pinned to.
 */
const VERSION_HEADERS = { [API_VERSION_HEADER]: NEWEST_VERSION };

/** How long one request may take, connecting included, before the server counts as unavailable. */
const REQUEST_TIMEOUT_MS = 30_000;

export async function request<K extends RouteKey>(
  target: ApiTarget,
  route: K,
  options: RequestOptions<K>,
): Promise<ResponseOf<K>> {
  const [method, path] = route.split(' ') as [string, string];
  const client = createUpzentoClient({
    baseUrl: target.baseUrl,
    token: target.accessToken,
    headers: VERSION_HEADERS,
  });
  const init = {
    params: { path: options.params ?? {}, query: options.query ?? {} },
    ...(options.body !== undefined && { body: options.body }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  };
  let answer: { data?: unknown; error?: unknown; response: Response };
  try {
    // One generic call for every route: the types of `route` and `options` were checked above.
    answer = await (client.request as (method: string, url: string, init: object) => Promise<typeof answer>)(
      method.toLowerCase(),
      path,
      init,
    );
  } catch (error) {
    throw unreachable(target.baseUrl, error);
  }
  if (answer.response.ok) return (answer.data ?? null) as ResponseOf<K>;
  const body = typeof answer.error === 'object' ? answer.error : null;
  throw failureOf(answer.response, body, target, route);
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

function failureOf(response: Response, body: unknown, target: ApiTarget, route: RouteKey): CliFailure {
  // What the API documents as its error body; any of it may be missing from a proxy's answer.
  const error = (body ?? {}) as Partial<ApiErrorBody>;
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
