/**
 * HTTP load from autocannon, run in a worker thread so that the load generator does not share the
 * server's event loop: in the same thread, every request's client-side work would be added to the
 * server's, on both sides of a comparison, and squeeze every ratio towards 1.
 *
 * autocannon's own latency histogram keeps whole milliseconds, too coarse for sub-millisecond
 * requests, so the worker also records each 2xx response's time (from process.hrtime) itself.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { percentile } from './stats.ts';

export interface LoadOptions {
  url: string;
  /** Concurrent keep-alive connections. */
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
  /** Default GET. */
  method?: 'GET' | 'POST';
  /** A request body, sent as it is (with its content-type among `headers`). */
  body?: string;
  /** A header given a value of its own on every request (an Idempotency-Key), unique across runs. */
  uniqueHeader?: string;
}

export interface LoadResult {
  /** 2xx responses per second over the run. */
  requestsPerSec: number;
  /** 2xx responses. */
  ok: number;
  p50: number;
  p99: number;
  /** Every 2xx response's latency in ms, in arrival order. */
  latencies: Float64Array;
}

/** CommonJS, evaluated in the worker: autocannon is a CommonJS package, and the worker needs no TypeScript. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.autocannon);
const latencies = [];
const options = workerData.options;
if (workerData.uniqueHeader) {
  let n = 0;
  const name = workerData.uniqueHeader;
  const prefix = 'bench-' + process.pid + '-' + Date.now() + '-';
  options.requests = [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, [name]: prefix + n++ } }) }];
}
const instance = autocannon(options, (error, result) => {
  if (error) return parentPort.postMessage({ error: String(error && error.stack || error) });
  parentPort.postMessage({
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    durationMs: result.finish - result.start,
    latencies: Float64Array.from(latencies),
  });
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
});
`;

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');

interface WorkerReply {
  error?: string;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
  durationMs: number;
  latencies: Float64Array;
}

/** One autocannon run. Rejects when any request failed: a benchmark that counts errors as throughput lies. */
export function hammer(options: LoadOptions): Promise<LoadResult> {
  const autocannonOptions = {
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    headers: options.headers ?? {},
    method: options.method ?? 'GET',
    ...(options.body !== undefined && { body: options.body }),
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { autocannon: AUTOCANNON, options: autocannonOptions, uniqueHeader: options.uniqueHeader ?? null },
    });
    worker.once('error', reject);
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (reply.error) return reject(new Error(`autocannon: ${reply.error}`));
      if (reply.non2xx > 0 || reply.errors > 0 || reply.timeouts > 0) {
        return reject(
          new Error(
            `load on ${options.url} had failures: ${reply.non2xx} non-2xx, ${reply.errors} errors, ` +
              `${reply.timeouts} time-outs (status codes ${JSON.stringify(reply.statusCodes)})`,
          ),
        );
      }
      const latencies = reply.latencies;
      const all = Array.from(latencies);
      resolve({
        requestsPerSec: reply.ok / (reply.durationMs / 1000),
        ok: reply.ok,
        p50: percentile(all, 50),
        p99: percentile(all, 99),
        latencies,
      });
    });
  });
}
