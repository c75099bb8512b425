/**
 * A bare Fastify in a process of its own, with the application's server options and one route that
 * sends the body it is given (BENCH_BODY, as BENCH_CONTENT_TYPE) on GET BENCH_ROUTE (default /config):
 * the floor that the shipped widget route is compared with.
 */
import Fastify from 'fastify';
import { serverOptions } from '../server/http/server-options.ts';

const body = process.env.BENCH_BODY ?? '';
const contentType = process.env.BENCH_CONTENT_TYPE ?? 'application/json; charset=utf-8';
/** Headers the compared route sends besides the body's own, sent here too, so both answers are the same bytes. */
const headers: Record<string, string> = JSON.parse(process.env.BENCH_HEADERS ?? '{}');
const app = Fastify(serverOptions());
app.get(process.env.BENCH_ROUTE ?? '/config', (request, reply) => {
  reply.headers(headers).header('x-request-id', request.id).type(contentType).send(body);
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`bare listening on ${address}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
