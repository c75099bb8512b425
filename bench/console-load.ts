/**
 * The console's first load in Chromium, against the server as `npm start` runs it (its own process,
 * embedded database, its defaults): from navigation to the sign-in form on screen, each load cold (a
 * new browser context: no cache, no cookie, no kept-alive connection); and, signed in, from navigation
 * to the start page's heading with the session restored from its cookie and the assets cached. The
 * median of 20 loads each, after one uncounted load that warms the server. Also the gzip size of the
 * console's files the first load fetched (entry, the chunks it imports, stylesheet) against its budget.
 *
 *   node --import tsx bench/console-load.ts
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../test/support/browser.ts';
import { atMost, runIfMain, type Benchmark, type BenchReport } from './harness.ts';
import { buildServer, spawnServer, startCommand } from './processes.ts';
import { median } from './stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOADS = 20;
const ADMIN = { email: 'bench@upzento.test', password: 'bench password, long enough' };

interface BuildConfig {
  measure(file: string): Promise<{ bytes: number; gzipBytes: number }>;
  CONSOLE_GZIP_BUDGET: number;
}

/** Milliseconds from navigation start until `selector` is on screen, and the console's files the page fetched. */
async function timeTo(page: Page, url: string, selector: string): Promise<{ ms: number; assets: string[] }> {
  await page.goto(url);
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15_000 });
  return page.evaluate(() => ({
    ms: performance.now(),
    assets: performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((pathname) => pathname.startsWith('/console/assets/')),
  }));
}

/** Raw and gzipped size of the console's files a page fetched, as built in dist/console. */
async function sizeOf(config: BuildConfig, assets: readonly string[]): Promise<{ bytes: number; gzipBytes: number }> {
  const files = [...new Set(assets)].map((pathname) => path.join(root, 'dist', pathname));
  const sizes = await Promise.all(files.map((file) => config.measure(file)));
  return sizes.reduce((a, b) => ({ bytes: a.bytes + b.bytes, gzipBytes: a.gzipBytes + b.gzipBytes }));
}

async function runConsoleLoad() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`console load: no Chromium at ${CHROMIUM_PATH}`);
  const config = (await import(pathToFileURL(path.join(root, 'esbuild.config.mjs')).href)) as BuildConfig;
  buildServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'upzento-bench-'));
  const server = await spawnServer(
    startCommand(),
    { UPZENTO_DATA_DIR: dataDir, PORT: '0', UPZENTO_ADMIN_EMAIL: ADMIN.email, UPZENTO_ADMIN_PASSWORD: ADMIN.password },
    /listening on (http:\/\/\S+)/,
  );
  const browser = await launchChromium();
  try {
    const consoleUrl = `${server.url}/console`;
    const cold: number[] = [];
    let fetched: string[] = [];
    for (let load = 0; load <= LOADS; load++) {
      const context = await browser.newContext();
      const { ms, assets } = await timeTo(await context.newPage(), consoleUrl, '#sign-in-title');
      if (load > 0) cold.push(ms);
      fetched = assets;
      await context.close();
    }
    const size = await sizeOf(config, fetched);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('main h1').first().waitFor();
    const signedIn: number[] = [];
    for (let load = 0; load <= LOADS; load++) {
      const { ms } = await timeTo(page, consoleUrl, 'main h1');
      if (load > 0) signedIn.push(ms);
    }
    await context.close();
    const describe = (samples: number[]) =>
      `median ${median(samples).toFixed(1)} ms (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`;
    console.log(
      `console load: the first load fetched ${fetched.length} files, ${size.bytes} B, ${size.gzipBytes} B gzipped (budget ${config.CONSOLE_GZIP_BUDGET} B); ` +
        `cold → sign-in form ${describe(cold)}; signed in, cached → start page ${describe(signedIn)}; ${LOADS} loads each`,
    );
    return { size, cold: median(cold), signedIn: median(signedIn), budget: config.CONSOLE_GZIP_BUDGET };
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const consoleLoad: Benchmark = {
  name: 'console load',
  budgetMs: 180_000,
  async run(): Promise<BenchReport> {
    const result = await runConsoleLoad();
    return atMost(
      'console load (gzip size / budget)',
      result.size.gzipBytes / result.budget,
      1,
      'Chromium, npm start (PGlite)',
      `${result.size.gzipBytes} of ${result.budget} B gzipped; cold → sign-in ${result.cold.toFixed(1)} ms, signed in → start page ${result.signedIn.toFixed(1)} ms (medians of ${LOADS})`,
    );
  },
};

await runIfMain(import.meta.url, consoleLoad);
