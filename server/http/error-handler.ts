/**
 * Turns every error into Fastify's body shape without leaking internals: no stack, no SQL, no
 * constraint text of another tenant. Database constraint failures that a caller can cause map to
 * 4xx with the field named; anything unexpected is logged in full and answered as a bare 500.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

/** Unique and foreign keys a caller can run into, and what to tell them. */
const CONSTRAINTS: Record<string, { status: number; message: string }> = {
  accounts_email_key: { status: 409, message: 'email: a user with this email already exists' },
  users_agency_id_email_key: { status: 409, message: 'email: a user with this email already exists' },
  contacts_email_idx: { status: 409, message: 'email: this client already has a contact with this email' },
  domains_agency_id_client_id_hostname_key: { status: 409, message: 'hostname: this client has already registered this domain' },
};

const PG_STATUS: Record<string, { status: number; message: string }> = {
  '23503': { status: 404, message: 'a referenced record does not exist' },
  '23505': { status: 409, message: 'a record with these values already exists' },
  '23514': { status: 400, message: 'a value is out of the allowed range' },
  '22001': { status: 400, message: 'a value is too long' },
  '42501': { status: 403, message: 'not permitted' },
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface DatabaseError {
  code?: string;
  constraint?: string;
}

function isDatabaseError(error: unknown): error is DatabaseError {
  const code = (error as DatabaseError | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('FST');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & DatabaseError, request, reply) => {
    if (isDatabaseError(error) && !error.statusCode) {
      const known = (error.constraint && CONSTRAINTS[error.constraint]) || PG_STATUS[error.code ?? ''];
      if (known) {
        request.log.info({ pgCode: error.code, constraint: error.constraint }, 'database refused the change');
        return reply.code(known.status).send({
          statusCode: known.status,
          code: `UPZ_DB_${error.code}`,
          error: STATUS_TEXT[known.status] ?? 'Error',
          message: known.message,
        });
      }
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({
        statusCode: status,
        code: status === 503 && error.code?.startsWith('UPZ_') ? error.code : 'UPZ_INTERNAL',
        error: STATUS_TEXT[status] ?? 'Internal Server Error',
        message: status === 503 ? error.message : 'Something went wrong on our side; it has been logged.',
      });
    }
    if (error.validation) {
      return reply.code(400).send({ statusCode: 400, code: 'FST_ERR_VALIDATION', error: 'Bad Request', message: error.message });
    }
    return reply.code(status).send({
      statusCode: status,
      code: error.code ?? 'UPZ_ERROR',
      error: STATUS_TEXT[status] ?? 'Error',
      message: error.message,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ statusCode: 404, code: 'UPZ_NOT_FOUND', error: 'Not Found', message: `Route ${request.method} ${request.url.split('?')[0]} not found` });
  });
}
