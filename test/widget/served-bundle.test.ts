/** GET /widget.js and /widget-panel.js: the built bundles, compressed, with an ETag that revalidates to 304. */
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { DEFAULT_WIDGET_BUNDLE, panelBundlePath } from '../../server/embedding/bundle.ts';
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

test('serves the panel next to widget.js, cached for good only at the version widget.js asks for', async () => {
  const panel = await readFile(panelBundlePath(DEFAULT_WIDGET_BUNDLE));
  const version = createHash('sha256').update(panel).digest('hex').slice(0, 12);
  expect(built.toString('utf8')).toContain(`widget-panel.js?v=${version}`);
  const current = await t.app.inject({
    method: 'GET',
    url: `/widget-panel.js?v=${version}`,
    headers: { 'accept-encoding': 'gzip' },
  });
  expect(current.statusCode).toBe(200);
  expect(current.headers['content-type']).toBe('application/javascript; charset=utf-8');
  expect(current.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(current.headers['cross-origin-resource-policy']).toBe('cross-origin');
  expect(gunzipSync(current.rawPayload).equals(panel)).toBe(true);
  const other = await t.app.inject({ method: 'GET', url: '/widget-panel.js?v=000000000000' });
  expect(other.statusCode).toBe(200);
  expect(other.headers['cache-control']).toMatch(/^public, max-age=300\b/);
});
