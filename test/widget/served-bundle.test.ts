/** GET /widget.js: the built bundle, compressed, with an ETag that revalidates to 304. */
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_WIDGET_BUNDLE } from '../../server/embedding/bundle.ts';
import { ensureWidgetBundle } from '../../server/embedding/ensure-bundle.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let built: Buffer;
beforeAll(async () => {
  await ensureWidgetBundle();
  built = await readFile(DEFAULT_WIDGET_BUNDLE);
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/widget.js', headers });

test('serves the built bundle as JavaScript with cache headers', async () => {
  const response = await get();
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8');
  expect(response.headers['cache-control']).toMatch(/public, max-age=\d+/);
  expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  expect(response.rawPayload.equals(built)).toBe(true);
});

test('compresses with brotli or gzip, as the browser accepts', async () => {
  const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(br.rawPayload).equals(built)).toBe(true);
  expect(br.rawPayload.length).toBeLessThan(built.length / 2);

  const gzip = await get({ 'accept-encoding': 'gzip' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.rawPayload).equals(built)).toBe(true);
  expect(String(gzip.headers.vary)).toMatch(/accept-encoding/i);
});

test('revalidates with If-None-Match to a bodiless 304', async () => {
  const { etag } = (await get()).headers;
  const again = await get({ 'if-none-match': String(etag) });
  expect(again.statusCode).toBe(304);
  expect(again.rawPayload.length).toBe(0);
});

test('is public: no token and no Origin needed', async () => {
  const response = await get({ origin: 'https://anywhere.example' });
  expect(response.statusCode).toBe(200);
});
