/**
 * Which API version serves each request on `/v1` (the widget's routes decide their own, see
 * server/embedding/widget-routes.ts), decided per route when it is registered:
 *
 * - onRequest: an `Upzento-Version` header names the version (an unknown one is a 400); without one,
 *   public routes are served in the newest version, and the rest in the caller's pin, looked up once
 *   the token is verified. Every answer, errors included, says its version in the same header.
 * - preValidation (authenticated routes): the caller's pin (pin-cache.ts; synchronous when cached);
 *   then, on routes whose body an older version shapes differently, the body is validated against
 *   that version's schema and moved forward to the newest one, which the route validates as usual.
 * - preSerialization (routes whose answers differ): the newest answer is moved back and serialized
 *   with the older version's schema, which keeps out every field the newest schema would.
 *
 * A route no version change reaches gets the two header hooks and nothing else.
 */
import fp from 'fastify-plugin';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  preSerializationHookHandler,
  preValidationHookHandler,
} from 'fastify';
import { UnknownVersion } from '../errors.ts';
import { hookList } from '../http/server-options.ts';
import {
  KNOWN_VERSIONS_TEXT,
  knownVersion,
  NEWEST_VERSION,
  setVersionHeaders,
  VERSION_HEADER,
  type ApiVersion,
} from './api-versions.ts';
import { VERSION_CHANGES } from './changes/index.ts';
import type { PinCache } from './pin-cache.ts';
import { routeVersions, type RouteAtVersion } from './schema-versions.ts';
import type { VersionChange } from './version-change.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API version that serves the request; the newest until the header or the caller's pin says otherwise. */
    apiVersion: ApiVersion;
    /** Whether the request named its version (so the caller's pin is not asked). */
    apiVersionNamed: boolean;
  }
  interface FastifyInstance {
    /** The version each tenant is pinned to. */
    versionPins: PinCache;
  }
}

export interface VersionPluginOptions {
  pins: PinCache;
  /** The changes between versions; default every change in server/versions/changes/. */
  changes?: readonly VersionChange[];
}

/** Whether the version hooks serve a route: the API's, not the widget's, which name their version themselves. */
export function isVersionedRoute(url: string): boolean {
  return url.startsWith('/v1/') && !url.startsWith('/v1/widget/');
}

function serveIn(request: FastifyRequest, reply: FastifyReply, version: ApiVersion): void {
  request.apiVersion = version;
  setVersionHeaders(reply, version);
}

/** The version the request's header names; undefined when it sends none. Throws for one this API does not have. */
function namedVersion(request: FastifyRequest): ApiVersion | undefined {
  const header = request.headers[VERSION_HEADER];
  if (header === undefined) return undefined;
  const version = knownVersion(header);
  if (version === null) throw new UnknownVersion(`${VERSION_HEADER} header`, KNOWN_VERSIONS_TEXT);
  return version;
}

/**
 * A Fastify-shaped validation error (as the route's own schema would give), for a body of an older
 * version: the error handler names its field the same way.
 */
function validationError(errors: unknown[]): Error {
  const first = errors[0] as { instancePath?: string; message?: string } | undefined;
  return Object.assign(new Error(`body${first?.instancePath ?? ''} ${first?.message ?? 'is not valid'}`), {
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
    validation: errors,
    validationContext: 'body',
  });
}

async function versions(
  app: FastifyInstance,
  { pins, changes = VERSION_CHANGES }: VersionPluginOptions,
): Promise<void> {
  app.decorate('versionPins', pins);
  app.decorateRequest('apiVersion', NEWEST_VERSION);
  app.decorateRequest('apiVersionNamed', false);

  const readHeader: onRequestHookHandler = (request, reply, done) => {
    let version: ApiVersion | undefined;
    try {
      version = namedVersion(request);
    } catch (error) {
      serveIn(request, reply, NEWEST_VERSION);
      return done(error as Error);
    }
    request.apiVersionNamed = version !== undefined;
    serveIn(request, reply, version ?? NEWEST_VERSION);
    done();
  };

  /** Moves an older version's body forward (after checking it against that version's schema). */
  function moveBody(request: FastifyRequest, at: ReadonlyMap<ApiVersion, RouteAtVersion>): Error | undefined {
    const body = at.get(request.apiVersion)?.body;
    if (!body || request.body === undefined) return undefined;
    const validate = request.compileValidationSchema(body.schema, 'body');
    if (!validate(request.body)) return validationError(validate.errors ?? []);
    request.body = body.forward(request.body);
    return undefined;
  }

  function beforeValidation(at: ReadonlyMap<ApiVersion, RouteAtVersion>, pinned: boolean): preValidationHookHandler {
    return (request, reply, done) => {
      if (pinned && !request.apiVersionNamed) {
        const known = pins.peek(request.tenant);
        if (known === undefined) {
          pins.versionOf(request.tenant).then((version) => {
            serveIn(request, reply, version);
            done(moveBody(request, at));
          }, done);
          return;
        }
        serveIn(request, reply, known);
      }
      done(moveBody(request, at));
    };
  }

  function beforeSerialization(at: ReadonlyMap<ApiVersion, RouteAtVersion>): preSerializationHookHandler<unknown> {
    return (request, reply, payload, done) => {
      const response = at.get(request.apiVersion)?.responses.get(reply.statusCode);
      if (!response) return done(null, payload);
      reply.serializer(reply.compileSerializationSchema(response.schema, String(reply.statusCode)));
      done(null, response.backward(payload));
    };
  }

  app.addHook('onRoute', (route) => {
    if (!isVersionedRoute(route.url)) return;
    const access = route.config?.access;
    const pinned = access !== undefined && !('public' in access);
    const at = routeVersions(route.schema, changes);
    route.onRequest = [...hookList(route.onRequest), readHeader];
    if (pinned || [...at.values()].some((version) => version.body))
      route.preValidation = [beforeValidation(at, pinned), ...hookList(route.preValidation)];
    if ([...at.values()].some((version) => version.responses.size > 0))
      route.preSerialization = [...hookList(route.preSerialization), beforeSerialization(at)];
  });
}

export const versionPlugin = fp(versions, { name: 'upzento-versions', fastify: '5.x' });
