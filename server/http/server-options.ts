/** The Fastify server options of the application, shared with the benchmarks' bare baseline. */
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function serverOptions(logger: FastifyServerOptions['logger'] = false): FastifyServerOptions {
  return {
    logger,
    trustProxy: false,
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    // A caller's own request id is kept (so its logs and ours line up) when it looks like one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, allErrors: false } },
  };
}

/** A route option that may hold one hook or several, as a list. */
export function hookList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
