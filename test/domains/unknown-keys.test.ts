/**
 * Public keys no client has cost the server little: an address that keeps sending them gets no more
 * database look-ups for a minute (429, from memory), other addresses and warm widgets are not held
 * back, and a flood of them writes a few log lines, not one per request.
 */
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';

const lines: { msg: string }[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text));
    done();
  },
});

const LIMIT = 5;
let f: DomainFixture;
beforeAll(async () => {
  f = await createDomainFixture({ unknownKeysPerMinute: LIMIT, logger: { level: 'info', stream } });
  await f.verifiedDomain('shop.test');
});
afterAll(() => f.close());

const unknownKey = () => `pk_${randomBytes(16).toString('base64url')}`;
const config = (key: string, remoteAddress = '203.0.113.7') =>
  f.t.app.inject({
    method: 'GET',
    url: `/v1/widget/${key}/config`,
    headers: { origin: 'https://shop.test' },
    remoteAddress,
  });

test('past the limit an address waits, without a database look-up; others and warm widgets do not', async () => {
  // Warm the real widget's decision for this address first.
  expect((await config(f.publicKey)).statusCode).toBe(200);
  const logFrom = lines.length;
  for (let i = 0; i < LIMIT; i++) expect((await config(unknownKey())).statusCode).toBe(404);

  const stats = f.t.db.handle.stats;
  const before = stats.queries;
  const answers = [];
  for (let i = 0; i < 50; i++) answers.push(await config(unknownKey()));
  expect(stats.queries - before).toBe(0);
  expect(new Set(answers.map((answer) => answer.statusCode))).toEqual(new Set([429]));
  expect(answers[0]!.json()).toMatchObject({ code: 'UPZ_RATE_LIMITED' });
  const retryAfter = Number(answers[0]!.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);

  // The widget whose decision is cached is still served to that address.
  expect((await config(f.publicKey)).statusCode).toBe(200);
  // Another address is not held back.
  expect((await config(unknownKey(), '198.51.100.9')).statusCode).toBe(404);

  // 56 refusals: a line when the address is braked, one per route and status, not one per request.
  const written = lines.slice(logFrom).map((line) => line.msg);
  expect(written.filter((msg) => msg.startsWith('widget: an address is sending'))).toHaveLength(1);
  expect(written.length).toBeLessThanOrEqual(4);
});

test('a real key sent from 200 different refused origins writes a few lines, not 200', async () => {
  const logFrom = lines.length;
  for (let i = 0; i < 200; i++) {
    const response = await f.t.app.inject({
      method: 'GET',
      url: `/v1/widget/${f.publicKey}/config`,
      headers: { origin: `https://site${i}.example` },
      remoteAddress: '192.0.2.44',
    });
    expect(response.statusCode).toBe(403);
  }
  const written = lines.slice(logFrom).map((line) => line.msg);
  expect(written.filter((msg) => msg === 'widget origin refused')).toHaveLength(1);
  expect(written.length).toBeLessThanOrEqual(3);
});
