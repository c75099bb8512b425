/**
 * Headers every response carries, bound per route when it is registered: the request id on all, and
 * on the API's `/v1` routes (not the public widget ones, which say their own caching) `no-store` and
 * `nosniff`, since their answers hold a tenant's data or a token.
 */
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { hookList } from './server-options.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers synchronously, and what hooks would add (request id, duration) comes from
     * wrappers around its handler instead: each hook costs the cheapest route a share of its throughput.
     */
    hotPath?: boolean;
  }
}

const requestId: onRequestHookHandler = (request, reply, done) => {
  reply.header('x-request-id', request.id);
  done();
};

const apiHeaders: onRequestHookHandler = (request, reply, done) => {
  reply
    .header('x-request-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store');
  done();
};

export function installResponseHeaders(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.hotPath) {
      const handler = route.handler;
      route.handler = function (request, reply) {
        reply.header('x-request-id', request.id);
        return handler.call(this, request, reply);
      };
      return;
    }
    const api = route.url.startsWith('/v1/') && !route.url.startsWith('/v1/widget/');
    route.onRequest = [api ? apiHeaders : requestId, ...hookList(route.onRequest)];
  });
}
