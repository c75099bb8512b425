/**
 * A typed client of the Upzento API: openapi-fetch over the types openapi-typescript generates from the
 * server's OpenAPI document (client/schema.d.ts; `npm run generate:client` writes it again).
 *
 *   const api = createUpzentoClient({ baseUrl: 'https://crm.example.com', token: () => currentToken });
 *   const agency = ok(await api.POST('/v1/agencies', { body: { name: 'Acme Agency' } }));
 *   const page = ok(await api.GET('/v1/clients/{clientId}/contacts', { params: { path: { clientId }, query: { limit: 20 } } }));
 *
 * Every call answers `{ data, error, response }`, typed by path, method and status; `ok()` gives the
 * data or throws an UpzentoApiError carrying the API's error body.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type { components, paths };
/** The named schemas of the document: `Schemas['Contact']`, `Schemas['Domain']`, … */
export type Schemas = components['schemas'];
/** Every error body: `{ statusCode, code, error, message }` (codes in docs/errors.md). */
export type ApiErrorBody = Schemas['Error'];
export type UpzentoClient = Client<paths>;

/** A token, or what gives the current one before each request (so a renewed token is used at once). */
export type TokenSource =
  | string
  | null
  | undefined
  | (() => string | null | undefined | Promise<string | null | undefined>);

export interface UpzentoClientOptions {
  /** The server's address, such as `https://crm.example.com`; a trailing slash is dropped. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` unless a request sets its own; default none (public routes only). */
  token?: TokenSource;
  /** The fetch to use; default globalThis.fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request (an `Upzento-Version`, say); default none. */
  headers?: Record<string, string>;
}

export function createUpzentoClient(options: UpzentoClientOptions): UpzentoClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.headers && { headers: options.headers }),
  });
  const { token } = options;
  if (token) {
    client.use({
      async onRequest({ request }) {
        const current = typeof token === 'function' ? await token() : token;
        if (current && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${current}`);
        return request;
      },
    });
  }
  return client;
}

/** An answer of the API that was not a success. `body` is its error body when it sent one. */
export class UpzentoApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly body: ApiErrorBody | null;

  constructor(status: number, body: unknown) {
    const known = isErrorBody(body) ? body : null;
    super(known ? `${status} ${known.code}: ${known.message}` : `the API answered ${status}`);
    this.name = 'UpzentoApiError';
    this.status = status;
    this.code = known?.code ?? null;
    this.body = known;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const candidate = body as Partial<ApiErrorBody> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string'
  );
}

/** The data of a successful answer; an UpzentoApiError for any other. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new UpzentoApiError(result.response.status, result.error);
  return result.data as T;
}
