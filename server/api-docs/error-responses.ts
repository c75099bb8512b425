/**
 * The error responses each operation may give, in the shape of docs/errors.md, added to what its
 * route declares: the document lists every status a caller must be ready for, not only the ones a
 * route names for its serializer.
 */
import { ErrorResponse } from '../http/schemas.ts';

/** Every error body (server/http/schemas.ts). */
export const ERROR_SCHEMA = ErrorResponse;

export interface RouteFacts {
  method: string;
  url: string;
  /** No token: public routes (the widget's, health, sign-in). */
  isPublic: boolean;
  hasParams: boolean;
  hasQuery: boolean;
  hasBody: boolean;
}

const isWidget = (url: string) => url.startsWith('/v1/widget/');

/** Statuses a route may answer with an error body, beyond the ones its schema declares. */
export function errorStatuses(route: RouteFacts): number[] {
  const statuses = new Set<number>();
  if (route.hasParams || route.hasQuery || route.hasBody) statuses.add(400);
  if (route.hasBody) {
    statuses.add(413);
    statuses.add(415);
  }
  if (!route.isPublic) {
    statuses.add(401);
    statuses.add(403);
  }
  if (route.hasParams) statuses.add(404);
  if (isWidget(route.url)) {
    statuses.add(403);
    statuses.add(404);
    statuses.add(429);
  }
  // Everything under /v1 asks the database; /widget.js answers 503 until the bundle is built.
  if (route.url.startsWith('/v1/') || route.url === '/widget.js') statuses.add(503);
  // Anything unexpected, on any route: logged, and answered without detail.
  statuses.add(500);
  return [...statuses];
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: the message starts with the field (`FST_ERR_VALIDATION`, `UPZ_INVALID_*`, `UPZ_INVALID_JSON_VALUE`).',
  401: 'No token, or one that is not valid (any more): `UPZ_UNAUTHORIZED`. Sign in again.',
  403: 'Signed in, but the role does not allow this: `UPZ_FORBIDDEN`.',
  404: "Not found, or outside the caller's subtree (the two are answered alike): `UPZ_NOT_FOUND`.",
  409: 'Conflicts with what is stored: a value that must be unique (`UPZ_DB_23505`), a limit (`UPZ_LIMIT_REACHED`), the last admin (`UPZ_LAST_ADMIN`).',
  413: 'The body is over 64 KiB: `FST_ERR_CTP_BODY_TOO_LARGE`.',
  415: 'A body that is not JSON: `FST_ERR_CTP_INVALID_MEDIA_TYPE`.',
  429: 'Too many requests: wait `Retry-After` seconds.',
  500: 'Something unexpected, logged on the server with the `x-request-id`: `UPZ_INTERNAL`. The body says nothing more.',
  503: 'The database cannot serve now: `UPZ_UNAVAILABLE`; wait `Retry-After` seconds and send the same request again.',
};

export interface ErrorExample {
  statusCode: number;
  code: string;
  error: string;
  message: string;
}
type Example = ErrorExample;

function example(status: number, code: string, message: string): Example {
  return { statusCode: status, code, error: REASONS[status] ?? 'Error', message };
}

/** Examples of the error bodies a route answers with a status, the likeliest first; one body per code. */
export function errorExamples(status: number, method: string, url: string): ErrorExample[] {
  const list: Example[] = [];
  const widget = isWidget(url);
  switch (status) {
    case 400:
      if (widget && method === 'POST')
        list.push(
          example(400, 'UPZ_IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key header: required, 8 to 200 characters'),
        );
      list.push(example(400, 'FST_ERR_VALIDATION', "body must have required property 'email'"));
      if (url.endsWith('/domains') && method === 'POST')
        list.push(
          example(400, 'UPZ_INVALID_HOSTNAME', "hostname: a public suffix (co.uk) cannot be a widget's domain"),
        );
      if (url.endsWith('/webhooks') && method === 'POST')
        list.push(example(400, 'UPZ_INVALID_WEBHOOK_URL', 'url: must be https://'));
      if (method === 'GET') list.push(example(400, 'UPZ_INVALID_CURSOR', 'cursor: not a cursor this API gave out'));
      break;
    case 401:
      list.push(
        url === '/v1/auth/token' || url === '/v1/auth/session'
          ? example(401, 'UPZ_BAD_CREDENTIALS', 'Email or password is wrong')
          : example(401, 'UPZ_UNAUTHORIZED', 'Sign in first: the token has expired'),
      );
      break;
    case 403:
      if (widget) list.push(example(403, 'UPZ_DOMAIN_NOT_AUTHORIZED', 'Domain not authorized for this client'));
      else if (url === '/v1/auth/password')
        list.push(example(403, 'UPZ_WRONG_PASSWORD', 'currentPassword: not your current password'));
      else list.push(example(403, 'UPZ_FORBIDDEN', 'Your role does not allow this: needs the admin role'));
      break;
    case 404:
      if (widget) list.push(example(404, 'UPZ_UNKNOWN_WIDGET', 'No widget has this public key'));
      else if (url === '/v1/invitations/accept')
        list.push(
          example(
            404,
            'UPZ_INVITATION_INVALID',
            'token: no open invitation has this token (unknown, used, withdrawn or expired)',
          ),
        );
      else list.push(example(404, 'UPZ_NOT_FOUND', 'Client not found'));
      break;
    case 409:
      if (widget)
        list.push(
          example(409, 'UPZ_IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was already used for a different submission'),
        );
      else if (/\/(domains|webhooks)$/.test(url))
        list.push(
          example(
            409,
            'UPZ_LIMIT_REACHED',
            'this client has 100 domains, the most it may register; delete one it no longer uses first',
          ),
        );
      else if (/\/users\/:userId$/.test(url))
        list.push(example(409, 'UPZ_LAST_ADMIN', 'A tenant keeps at least one admin: make another user admin first'));
      else list.push(example(409, 'UPZ_DB_23505', 'email: a user with this email already exists'));
      break;
    case 413:
      list.push(example(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'));
      break;
    case 415:
      list.push(example(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type'));
      break;
    case 429:
      list.push(
        url.startsWith('/v1/auth/')
          ? example(429, 'UPZ_TOO_MANY_ATTEMPTS', 'Too many failed sign-ins; try again in 60 seconds')
          : example(429, 'UPZ_RATE_LIMITED', 'Too many requests; try again in 42 seconds'),
      );
      break;
    case 500:
      list.push(example(500, 'UPZ_INTERNAL', 'Something went wrong on our side; it has been logged.'));
      break;
    case 503:
      list.push(example(503, 'UPZ_UNAVAILABLE', 'The database cannot be reached; try again shortly.'));
      break;
    default:
      list.push(example(status, 'UPZ_ERROR', REASONS[status] ?? 'Error'));
  }
  return list;
}

export function errorDescription(status: number): string {
  return DESCRIPTIONS[status] ?? 'An error in the shape of docs/errors.md.';
}

/** Statuses whose answers say when to try again. */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);
