/** The Fastify server options of the application, shared with the benchmarks' bare baseline. */
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Which proxies' X-Forwarded-For to believe: none, all, a hop count, or addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

/**
 * `trustProxy` decides which address is `request.ip`, and so what the sign-in brake and the widget's
 * rate limit count by: behind a load balancer it must be set, or every caller looks like the balancer.
 */
export function serverOptions(logger: FastifyServerOptions['logger'] = false, trustProxy: TrustProxy = false): FastifyServerOptions {
  return {
    logger,
    // Fastify accepts a hop count at run time; its types leave numbers out.
    trustProxy: trustProxy as FastifyServerOptions['trustProxy'],
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
