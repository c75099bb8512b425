/**
 * The console in Chromium: a listening test app (its domain checks ask the suite's own DNS server)
 * serving a console built from the source now, into a folder of the test's own; a browser; pages
 * signed in as a given user; and each page's check: a screenshot in test-artifacts/ and axe-core
 * over the whole document, which must find nothing.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createResolver } from '../../server/domains/dns/resolver.ts';
import { buildConfig } from '../../server/embedding/ensure-bundle.ts';
import { startTestDnsServer, type TestDnsServer } from './dns-server.ts';
import { launchChromium } from './browser.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, listen, type TestApp } from './test-app.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = path.join(root, 'test-artifacts');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

export interface ConsoleFixture {
  t: TestApp;
  /** The suite's DNS server, which the app's domain checks ask: `dns.setTxt(name, [value])` publishes a record. */
  dns: TestDnsServer;
  base: string;
  browser: Browser;
  /** A new browser context signed in through the sign-in form; on its first page after sign-in. */
  signIn(email?: string, password?: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleFixture> {
  await mkdir(ARTIFACTS, { recursive: true });
  const scratch = await mkdtemp(path.join(tmpdir(), 'upzento-console-'));
  const consoleDir = path.join(scratch, 'console');
  // Built from the source now, not dist/: the test sees the console as the code is.
  await (await buildConfig()).buildConsole({ outdir: consoleDir });
  const dns = await startTestDnsServer();
  const resolver = createResolver({ servers: [{ host: dns.address, port: dns.port }], timeoutMs: 2000, attempts: 2 });
  const t = await createTestApp({ resolver, consoleDir });
  const base = await listen(t.app);
  const browser = await launchChromium();
  return {
    t,
    dns,
    base,
    browser,
    async signIn(email = ADMIN_EMAIL, password = ADMIN_PASSWORD, viewport = DESKTOP) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(`${base}/console`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The shell's top bar, not any heading: the sign-in page has one of its own.
      await page.locator('.who').waitFor();
      await page.locator('main h1').first().waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await t.close();
      await resolver.close();
      await dns.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** axe-core's violations over the whole page, as `rule: selectors` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate, not a script tag: the console's CSP allows no inline script.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Screenshot to test-artifacts/console-<name>.png, then axe-core must find no violation. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe-core on ${name}`).toEqual([]);
}
