import type { SubmissionRequest, SubmissionResponse, WidgetConfig } from '../shared/widget-wire-types.js';
import { later } from './timers.js';
import { API_VERSION_HEADER, IDEMPOTENCY_HEADER, WIDGET_API_VERSION } from './wire-constants.js';

/**
 * Why a request failed: no answer at all (offline, DNS, CORS, time limit), or an HTTP status with the
 * answer's `code` and the `field` it names, when it has them. `message` is for developers, never visitors.
 */
export type ApiError =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string; code?: string; field?: string };

/** Network outcomes are values, so the UI branches on them instead of catching. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface ApiClientOptions {
  apiBase: string;
  publicKey: string;
  fetch: typeof fetch;
  /** Aborts every request in flight when the widget is destroyed. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** What a 2xx to a submission carries; any 2xx counts, with or without the id. */
export type SubmitReceipt = Partial<SubmissionResponse> | undefined;

export interface ApiClient {
  config(): Promise<ApiResult<WidgetConfig>>;
  submit(idempotencyKey: string, request: SubmissionRequest): Promise<ApiResult<SubmitReceipt>>;
  /**
   * Whether the server answers this page at all, CORS aside. A refused origin gets no
   * Access-Control-Allow-Origin, so the browser shows its 403 to the widget as a network error; a `no-cors`
   * request that the server answers (an opaque response) tells that apart from a server out of reach.
   */
  answers(): Promise<boolean>;
}

export function createApiClient({ apiBase, publicKey, fetch: send, signal, timeoutMs }: ApiClientOptions): ApiClient {
  const base = `${apiBase.replace(/\/+$/, '')}/v1/widget/${encodeURIComponent(publicKey)}`;

  async function request<T>(path: string, init: RequestInit, accept: (body: unknown) => body is T) {
    const attempt = new AbortController();
    // A hung connection would otherwise hold the form in "Sending…" forever; the time limit makes it retryable.
    const cancel = later(signal, timeoutMs, () => attempt.abort());
    try {
      const res = await send(base + path, { ...init, credentials: 'omit', signal: attempt.signal });
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        const { message, code, field } = (body ?? {}) as Record<string, unknown>;
        const error: ApiError = {
          kind: 'http',
          status: res.status,
          message: typeof message === 'string' ? message : `HTTP ${res.status}`,
        };
        if (typeof code === 'string') error.code = code;
        if (typeof field === 'string') error.field = field;
        return { ok: false, error } as const;
      }
      // A wrong apiBase often answers 200 with an HTML page; say so rather than render garbage.
      if (!accept(body)) return fail(res.status, `Unexpected response from ${base + path}`);
      return { ok: true, data: body } as const;
    } catch (e) {
      return { ok: false, error: { kind: 'network', message: e instanceof Error ? e.message : String(e) } } as const;
    } finally {
      cancel();
    }
  }

  return {
    // The version goes with every request, so a browser's cached bundle keeps the answers it was built for;
    // in the config's query, not a header, so that the page's first request needs no CORS preflight.
    config: () => request(`/config?v=${WIDGET_API_VERSION}`, { method: 'GET' }, isConfig),
    submit: (idempotencyKey, body) =>
      request(
        '/submissions',
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            [IDEMPOTENCY_HEADER]: idempotencyKey,
            [API_VERSION_HEADER]: WIDGET_API_VERSION,
          },
          body: JSON.stringify(body),
        },
        (_body): _body is SubmitReceipt => true,
      ),
    answers: () =>
      send(`${apiBase.replace(/\/+$/, '')}/healthz`, { mode: 'no-cors', credentials: 'omit', signal }).then(
        (res) => res.type === 'opaque',
        () => false,
      ),
  };
}

function fail(status: number, message: string) {
  return { ok: false, error: { kind: 'http', status, message } } as const;
}

function isConfig(body: unknown): body is WidgetConfig {
  return typeof body === 'object' && body !== null && Array.isArray((body as WidgetConfig).fields);
}
