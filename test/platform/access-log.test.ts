/**
 * What the server writes to its log per request: one line when a request completes (none when it
 * starts), none for a successful request of the public widget routes, whose traffic the metrics
 * count, and always one for their refusals and failures. Each line names the server's own request
 * id, and the caller's X-Request-Id beside it.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';

interface Line {
  msg: string;
  reqId?: string;
  callerRequestId?: string;
  res?: { statusCode: number };
  level: number;
}

const lines: Line[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
    done();
  },
});

let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture({ logger: { level: 'info', stream } });
  await f.verifiedDomain('shop.test');
});
afterAll(() => f.close());

/** The lines written while `fn` ran. */
async function logged(fn: () => Promise<unknown>): Promise<Line[]> {
  const from = lines.length;
  await fn();
  return lines.slice(from);
}

const config = () => `/v1/widget/${f.publicKey}/config`;

describe('access log', () => {
  test('an API request writes one line, when it completes, with our request id and the caller’s beside it', async () => {
    let response: Awaited<ReturnType<DomainFixture['t']['call']>> | undefined;
    const written = await logged(async () => {
      response = await f.t.call('GET', `/v1/clients/${f.clientId}/domains`, f.t.adminToken, undefined, {
        'x-request-id': 'trace-456',
      });
    });
    const ours = response!.headers['x-request-id'];
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    const access = written.filter((line) => line.msg === 'request completed' || line.msg === 'incoming request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      msg: 'request completed',
      reqId: ours,
      callerRequestId: 'trace-456',
      res: { statusCode: 200 },
    });
  });

  test('a caller id of the wrong shape is not logged', async () => {
    const written = await logged(() =>
      f.t.call('GET', `/v1/clients/${f.clientId}/domains`, f.t.adminToken, undefined, {
        'x-request-id': 'has spaces and "quotes"',
      }),
    );
    expect(written.find((line) => line.msg === 'request completed')).not.toHaveProperty('callerRequestId');
  });

  test('an allowed widget config request writes nothing once its verdict is cached', async () => {
    await f.t.app.inject({ method: 'GET', url: config(), headers: { origin: 'https://shop.test' } });
    const written = await logged(async () => {
      for (let i = 0; i < 5; i++) {
        const response = await f.t.app.inject({
          method: 'GET',
          url: config(),
          headers: { origin: 'https://shop.test' },
        });
        expect(response.statusCode).toBe(200);
      }
    });
    expect(written).toEqual([]);
  });

  test('a refused widget request is logged with its reason when decided; repeats are counted, not written', async () => {
    const refused = () =>
      f.t.app.inject({ method: 'GET', url: config(), headers: { origin: 'https://elsewhere.test' } });
    const written = await logged(async () => {
      for (let i = 0; i < 20; i++) expect((await refused()).statusCode).toBe(403);
    });
    expect(written.map((line) => line.msg)).toEqual(['widget origin refused', 'request refused']);
    expect(written[1]!.res!.statusCode).toBe(403);
  });
});
