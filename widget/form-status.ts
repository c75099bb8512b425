import type { ApiError } from './api-client.js';

/**
 * Where the visitor's latest submission stands. `queued` says why it waits: the browser is offline, or the
 * server did not take it (no answer, a 5xx, a 429); the panel tells the two apart. An `error` carries the
 * server's answer only for the panel to pick one of its own sentences by status and field; its text is
 * never shown.
 */
export type FormStatus =
  | { state: 'idle' | 'sending' | 'sent' }
  | { state: 'queued'; offline: boolean; rateLimited?: boolean }
  | { state: 'error'; error: ApiError };
