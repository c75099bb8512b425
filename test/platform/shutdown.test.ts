/**
 * A shutdown finishes the requests in flight, and a request that arrives meanwhile on a kept-alive
 * connection is answered in the API's shape, 503 UPZ_UNAVAILABLE with Retry-After and
 * `Connection: close`, not Fastify's bare 503 without a code.
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, listen, type TestApp } from '../support/test-app.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The responses on one connection, in order, each with a Content-Length body. */
function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    const [statusLine, ...headerLines] = rest.slice(0, headEnd).split('\r\n');
    const headers = Object.fromEntries(
      headerLines.map((line) => [
        line.slice(0, line.indexOf(':')).toLowerCase(),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
    );
    const length = Number(headers['content-length'] ?? 0);
    const body = Buffer.from(rest.slice(headEnd + 4))
      .subarray(0, length)
      .toString();
    responses.push({ status: Number((statusLine as string).split(' ')[1]), headers, body });
    rest = Buffer.from(rest.slice(headEnd + 4))
      .subarray(length)
      .toString();
  }
  return responses;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

test('a request on a kept-alive connection during shutdown: 503 UPZ_UNAVAILABLE with Retry-After; the one in flight finishes', async () => {
  const base = new URL(await listen(t.app));
  const request = `GET /v1/agencies HTTP/1.1\r\nHost: ${base.host}\r\nAuthorization: Bearer ${t.adminToken}\r\nConnection: keep-alive\r\n\r\n`;

  // The database is held busy, so the first request is still in flight when the shutdown begins.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = t.db.handle.db.connection().execute(async (connection) => {
    await sql.raw('BEGIN; LOCK TABLE agencies IN ACCESS EXCLUSIVE MODE').execute(connection);
    locked();
    await held;
    await sql.raw('COMMIT').execute(connection);
  });
  // The first request must find the table locked, or it could finish before the shutdown begins.
  await isLocked;

  const socket = net.connect({ host: base.hostname, port: Number(base.port) });
  let raw = '';
  socket.on('data', (chunk) => (raw += chunk.toString()));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(request);
  await sleep(200);
  const closing = t.app.close();
  await sleep(100);
  socket.write(request);
  await sleep(200);
  release();
  await holder;
  await Promise.race([ended, sleep(5000)]);
  await closing;
  socket.destroy();

  const [inFlight, late] = parseResponses(raw);
  expect(inFlight?.status, raw).toBe(200);
  expect(late?.status, raw).toBe(503);
  const body = JSON.parse(late?.body ?? '{}');
  expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  expect(body).toMatchObject({ statusCode: 503, code: 'UPZ_UNAVAILABLE', error: 'Service Unavailable' });
  expect(Number(late?.headers['retry-after'])).toBeGreaterThan(0);
  expect(late?.headers.connection).toBe('close');
});

test('idle keep-alive connections are kept 72 s, as Fastify keeps them, longer than a balancer’s usual 60 s', async () => {
  const fresh = await createTestApp();
  try {
    const base = await listen(fresh.app);
    expect(fresh.app.server.keepAliveTimeout).toBe(72_000);
    const response = await fetch(`${base}/healthz`);
    expect(response.headers.get('keep-alive')).toBe('timeout=72');
  } finally {
    await fresh.close();
  }
});
