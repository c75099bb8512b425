/**
 * The API reference at /docs in Chromium: Swagger UI, served by the server itself, renders every
 * operation of /openapi.json under the page's own Content-Security-Policy, without a violation,
 * a script error, or a request to anywhere but the server.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsSkipped, launchChromium } from '../support/browser.ts';
import { openApiDocument } from '../support/openapi-responses.ts';
import { createTestApp, listen, type TestApp } from '../support/test-app.ts';

const root = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(root, 'test-artifacts');
const skipped = browserTestsSkipped('test/browser/api-reference.browser.test.ts');

describe.skipIf(skipped)('the API reference at /docs in Chromium', () => {
  let t: TestApp;
  let browser: Browser | undefined;
  let base: string;
  let operationCount = 0;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    t = await createTestApp();
    base = await listen(t.app);
    const doc = await openApiDocument(t);
    operationCount = Object.values(doc.paths as Record<string, Record<string, unknown>>).reduce(
      (sum, item) =>
        sum +
        Object.keys(item).filter((key) => ['get', 'post', 'put', 'patch', 'delete', 'options'].includes(key)).length,
      0,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders every operation of the document, with nothing blocked and nothing fetched from elsewhere', async () => {
    const context = await (browser as Browser).newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    try {
      const response = await page.goto(`${base}/docs`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.locator('.opblock').first().waitFor({ state: 'visible', timeout: 20_000 });
      // From 150 tags and operations on, Swagger UI (5.35) keeps only those near the window in the page
      // (a virtual list), so the page is read down to its end as a reader would, noting each operation seen.
      const seen = new Set<string>();
      const tags = new Set<string>();
      const until = performance.now() + 60_000;
      for (;;) {
        for (const id of await page.locator('.opblock').evaluateAll((ops) => ops.map((op) => op.id))) seen.add(id);
        for (const tag of await page.locator('.opblock-tag').allTextContents()) tags.add(tag);
        const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2);
        if ((atEnd && seen.size > 0) || performance.now() > until) break;
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(50);
      }
      expect(seen.size).toBe(operationCount);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => page.locator('.info .title').textContent()).toContain('Upzento API');
      expect([...tags]).toEqual(
        expect.arrayContaining([expect.stringContaining('Contacts'), expect.stringContaining('Widget')]),
      );

      // One operation opened: its parameters and its error responses are there, with the Error schema.
      const create = page.locator('.opblock', { hasText: 'Create a contact' }).first();
      while ((await create.count()) === 0 && performance.now() < until) {
        await page.mouse.wheel(0, 400);
        await page.waitForTimeout(50);
      }
      await create.locator('.opblock-summary').click();
      await create.locator('.responses-table').first().waitFor({ state: 'visible' });
      const responses = await create.locator('.responses-table .response-col_status').allTextContents();
      expect(responses.map((s) => s.trim())).toEqual(
        expect.arrayContaining(['201', '400', '401', '403', '404', '409', '503']),
      );
      expect(await create.locator('.parameters').textContent()).toContain('clientId');
      await page.screenshot({ path: path.join(ARTIFACTS, 'api-reference.png'), fullPage: false });

      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      expect(errors).toEqual([]);
      const origins = new Set(requested.map((url) => new URL(url).origin));
      expect([...origins]).toEqual([base]);
      expect(requested).toEqual(expect.arrayContaining([`${base}/openapi.json`, `${base}/docs/swagger-ui-bundle.js`]));
    } finally {
      await context.close();
    }
  }, 60_000);
});
