/**
 * The console's API: the typed client of the public API (client/), with the session's token, and one
 * renewal and retry when a request is answered 401. The console has no routes of its own.
 */
import { createUpzentoClient, UpzentoApiError, type UpzentoClient } from '../client/index.ts';
import { Session } from './session.ts';

export { ok, UpzentoApiError } from '../client/index.ts';
export type { Schemas } from '../client/index.ts';

export const session = new Session(location.origin);

async function fetchWithRenewal(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(request);
  if (response.status !== 401 || !session.current) return response;
  const renewed = await session.renew();
  if (!renewed) return response;
  retry.headers.set('authorization', `Bearer ${renewed.token}`);
  return fetch(retry);
}

export const api: UpzentoClient = createUpzentoClient({
  baseUrl: location.origin,
  token: () => session.current?.token,
  fetch: fetchWithRenewal,
});

/** What to tell a person about a failed call: the API's own message, or what went wrong on the way. */
export function describeError(error: unknown): string {
  if (error instanceof UpzentoApiError) {
    if (error.status === 503) return 'The server cannot reach its database right now. Try again in a moment.';
    if (error.status === 429) return 'Too many requests. Wait a moment and try again.';
    const message = error.body?.message ?? `The server answered ${error.status}.`;
    return message.charAt(0).toUpperCase() + message.slice(1);
  }
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
