/** Records every route's request durations by status, each route's recorder bound when it is registered. */
import type { FastifyInstance } from 'fastify';
import { hookList } from '../http/server-options.ts';
import type { Metrics } from './metrics.ts';

export function recordRequestDurations(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onRoute', (route) => {
    const observe = metrics.requestObserver(String(route.method), route.url);
    if (route.config?.hotPath) {
      const handler = route.handler;
      route.handler = function (request, reply) {
        const result = handler.call(this, request, reply);
        observe(reply.statusCode, reply.elapsedTime);
        return result;
      };
      return;
    }
    route.onResponse = [
      ...hookList(route.onResponse),
      (_request, reply, done) => {
        observe(reply.statusCode, reply.elapsedTime);
        done();
      },
    ];
  });
}
