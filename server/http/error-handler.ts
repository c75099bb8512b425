/**
 * Turns every error into Fastify's body shape without leaking internals: no stack, no SQL, no
 * constraint text of another tenant. Database constraint failures that a caller can cause map to
 * 4xx with the field named; a database that cannot serve now (server/db/unavailable.ts) is a 503
 * with Retry-After, logged once per kind and interval; anything unexpected is logged in full and
 * answered as a bare 500.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { databaseFailureKind, describeFailure } from '../db/unavailable.ts';
import { FailureLog } from './failure-log.ts';
import { RETRY_AFTER_SECONDS, unavailableBody } from './unavailable.ts';
import { knownVersion, NEWEST_VERSION, setVersionHeaders, VERSION_HEADER } from '../versions/api-versions.ts';

/** Unique and foreign keys a caller can run into, and what to tell them. */
const CONSTRAINTS: Record<string, { status: number; message: string }> = {
  accounts_email_key: { status: 409, message: 'email: a user with this email already exists' },
  users_agency_id_email_key: { status: 409, message: 'email: a user with this email already exists' },
  contacts_email_idx: { status: 409, message: 'email: this client already has a contact with this email' },
  domains_agency_id_client_id_hostname_key: {
    status: 409,
    message: 'hostname: this client has already registered this domain',
  },
};

const PG_STATUS: Record<string, { status: number; message: string }> = {
  '23503': { status: 404, message: 'a referenced record does not exist' },
  '23505': { status: 409, message: 'a record with these values already exists' },
  '23514': { status: 400, message: 'a value is out of the allowed range' },
  '22001': { status: 400, message: 'a value is too long' },
  // A NUL character (U+0000) in a text field, or \u0000 in a JSON one: PostgreSQL cannot store it.
  '22021': { status: 400, message: 'a text value contains a character that cannot be stored (U+0000)' },
  '22P05': { status: 400, message: 'a JSON value contains a character that cannot be stored (\\u0000)' },
  '42501': { status: 403, message: 'not permitted' },
};

/** The reason phrase Fastify itself puts in `error` ("Unauthorized", "Too Many Requests", …). */
function statusText(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

interface DatabaseError {
  code?: string;
  constraint?: string;
}

function isDatabaseError(error: unknown): error is DatabaseError {
  const code = (error as DatabaseError | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('FST');
}

/** Longest `field` named: a property the caller made up is repeated only this far. */
const SHOWN_FIELD_LENGTH = 100;

/**
 * The input a validation error is about, as a dotted path inside the part it was sent in: Ajv's
 * instancePath (`/context/utm/source`), plus the property that is missing, not allowed, or whose name
 * is refused. '' for the part as a whole.
 */
export function validationField(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const params = first.params as { missingProperty?: unknown; additionalProperty?: unknown; propertyName?: unknown };
  const steps = first.instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'));
  const named = params.missingProperty ?? params.additionalProperty ?? params.propertyName;
  if (typeof named === 'string') steps.push(named);
  return steps.join('.').slice(0, SHOWN_FIELD_LENGTH);
}

/** A validation error that the caller may branch on by its own code. */
function validationCode(error: FastifyError): string {
  const first = error.validation?.[0];
  return first?.keyword === 'format' && (first.params as { format?: unknown }).format === 'email'
    ? 'UPZ_INVALID_EMAIL'
    : 'FST_ERR_VALIDATION';
}

/**
 * Ajv's message names the field it checked, except for a field that should not be there at all
 * ("body must NOT have additional properties"); name that one too, so every 400 says what to fix.
 */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const extra =
    first?.keyword === 'additionalProperties'
      ? (first.params as { additionalProperty?: unknown }).additionalProperty
      : undefined;
  return typeof extra === 'string' ? `${error.message}: "${extra.slice(0, 100)}"` : error.message;
}

/**
 * Errors Fastify meets before any route runs (a URL that does not decode, a parameter too long),
 * answered in the API's shape and without the caller's path, which Fastify's own message repeats.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id).code(400).send({
    statusCode: 400,
    code: 'FST_ERR_BAD_URL',
    error: 'Bad Request',
    message: 'The URL cannot be read: a malformed percent-encoding, or a path parameter over 100 characters',
  });
  request.log.info({ code: error.code }, 'request URL refused');
}

/**
 * Sees the errors that may be signals of a boundary crossed (the database's refusals, and what is
 * answered 500), after the answer is decided; it must not throw or wait. Default none.
 */
export type ErrorObserver = (request: FastifyRequest, error: FastifyError) => void;

export function installErrorHandler(app: FastifyInstance, observe?: ErrorObserver): void {
  const failures = new FailureLog(app.log);
  app.addHook('onClose', async () => failures.close());
  app.setErrorHandler((error: FastifyError & DatabaseError, request, reply) => {
    reply.header('x-request-id', request.id);
    const outage = error.statusCode ? null : databaseFailureKind(error);
    if (outage) {
      failures.report(
        outage,
        { reqId: request.id, pgCode: error.code, reason: error.message },
        `database unavailable: ${outage}`,
      );
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send(unavailableBody(describeFailure(outage)));
    }
    if (isDatabaseError(error) && !error.statusCode) {
      const known = (error.constraint && CONSTRAINTS[error.constraint]) || PG_STATUS[error.code ?? ''];
      if (known) {
        observe?.(request, error);
        request.log.info({ pgCode: error.code, constraint: error.constraint }, 'database refused the change');
        return reply.code(known.status).send({
          statusCode: known.status,
          code: `UPZ_DB_${error.code}`,
          error: statusText(known.status),
          message: known.message,
        });
      }
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      observe?.(request, error);
      if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return reply.code(status).send({
        statusCode: status,
        code: status === 503 && error.code?.startsWith('UPZ_') ? error.code : 'UPZ_INTERNAL',
        error: statusText(status),
        message: status === 503 ? error.message : 'Something went wrong on our side; it has been logged.',
      });
    }
    if (error.validation) {
      const field = validationField(error);
      return reply.code(400).send({
        statusCode: 400,
        code: validationCode(error),
        error: 'Bad Request',
        message: validationMessage(error),
        ...(field !== undefined && { field }),
      });
    }
    const field = (error as { field?: unknown }).field;
    return reply.code(status).send({
      statusCode: status,
      code: error.code ?? 'UPZ_ERROR',
      error: statusText(status),
      message: error.message,
      ...(typeof field === 'string' && { field }),
    });
  });
  app.setNotFoundHandler((request, reply) => {
    // No route, so no caller's pin: the version the request named, else the newest (docs/versions.md).
    if (request.url.startsWith('/v1/'))
      setVersionHeaders(reply, knownVersion(request.headers[VERSION_HEADER]) ?? NEWEST_VERSION);
    // The path is not repeated: a caller's bytes never come back in a body.
    reply.code(404).send({
      statusCode: 404,
      code: 'UPZ_NOT_FOUND',
      error: 'Not Found',
      message: `No route answers ${request.method} at this path`,
    });
  });
}
