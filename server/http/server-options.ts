/** The Fastify server options of the application, shared with the benchmarks' bare baseline. */
import { randomUUID } from 'node:crypto';
import { isValidEmail } from '../../shared/email.ts';
import { frameworkErrorHandler } from './error-handler.ts';
import { FailureLog } from './failure-log.ts';
import { lazyLogger } from './lazy-logger.ts';
import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';

/** The shape of a request id a caller may send in X-Request-Id to be logged beside ours. */
export const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `errors`: the route's successful requests write no access log line (the public widget
     * routes, whose traffic the metrics count), its 4xx answers one line per route and status and a
     * count every 10 s (a flood of bad keys stays a few lines), and its 5xx one line each. Default `all`.
     */
    accessLog?: 'all' | 'errors';
  }
}

/**
 * One access log line per request, when it completes (Fastify's "incoming request" line said
 * nothing the completion does not), none for a successful request of a quiet route, and a summary
 * for the refusals of quiet routes.
 */
class AccessLog extends LogController {
  #refusals: FailureLog | null = null;

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const status = reply.statusCode;
    if (error || status >= 500 || request.routeOptions.config.accessLog !== 'errors')
      return super.requestCompleted(error, request, reply);
    if (status < 400) return;
    this.#refusals ??= new FailureLog(request.server.log, 10_000, 'info');
    const route = `${request.method} ${request.routeOptions.url ?? '(no route)'} ${status}`;
    this.#refusals.report(
      route,
      { reqId: request.id, res: { statusCode: status }, responseTime: reply.elapsedTime },
      'request refused',
    );
  }
}

/**
 * The request's logger binds its id, and the caller's own X-Request-Id beside it when it has the
 * shape of one, so that their logs and ours line up. A request id is always ours: a caller's never
 * stands for it, in the logs, the audit log or the response. The child is made only when the
 * request first logs.
 */
function requestLogger(
  this: unknown,
  logger: FastifyBaseLogger,
  bindings: Record<string, unknown>,
  options: object,
  raw: { headers: Record<string, unknown> },
) {
  const given = raw.headers['x-request-id'];
  if (typeof given === 'string' && CALLER_REQUEST_ID.test(given)) bindings.callerRequestId = given;
  return lazyLogger(logger, bindings, options);
}

/** Which proxies' X-Forwarded-For to believe: none, all, a hop count, or addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

/**
 * `trustProxy` decides which address is `request.ip`, and so what the sign-in brake and the widget's
 * rate limit count by: behind a load balancer it must be set, or every caller looks like the balancer.
 */
export function serverOptions(
  logger: FastifyServerOptions['logger'] = false,
  trustProxy: TrustProxy = false,
): FastifyServerOptions {
  return {
    logger,
    trustProxy: proxyTrust(trustProxy),
    bodyLimit: 64 * 1024,
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    frameworkErrors: frameworkErrorHandler as NonNullable<FastifyServerOptions['frameworkErrors']>,
    ...(logger && {
      logController: new AccessLog(),
      childLoggerFactory: requestLogger as NonNullable<FastifyServerOptions['childLoggerFactory']>,
    }),
    // allowUnionTypes: a `type` list (contact attributes) is how a value may be one of several scalars
    // without Ajv's coercion turning it into the first of them.
    // `email` is shared/email.ts's rule, the one the widget checks with, in place of ajv-formats' own.
    ajv: {
      customOptions: { removeAdditional: false, allErrors: false, allowUnionTypes: true },
      onCreate: (ajv) => ajv.addFormat('email', isValidEmail),
    },
  };
}

/**
 * Fastify (5.12 on) trusts no hop at all when given a number, since a count cannot tell a proxy from a
 * caller that reaches the server directly. A count is taken as Express takes it, the nearest `hops`
 * hops are proxies, so it must only be used where nothing reaches the server but through them
 * (README); addresses or CIDRs are the safer setting.
 */
function proxyTrust(trustProxy: TrustProxy): NonNullable<FastifyServerOptions['trustProxy']> {
  if (typeof trustProxy !== 'number') return trustProxy;
  const hops = trustProxy;
  return (_address: string, hop: number) => hop < hops;
}

/** A route option that may hold one hook or several, as a list. */
export function hookList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
