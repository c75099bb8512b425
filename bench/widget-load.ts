/**
 * The widget's load time in Chromium on loopback: from the moment the page starts fetching widget.js to the
 * first frame after the launcher is on the page (the widget's `ready` event, then one animation frame),
 * the median of 20 page loads. Every load is cold: a new browser context each time, so no HTTP cache, no
 * kept-alive connection and no stored outbox carry over; one uncounted load first warms the server.
 * Also prints the gzip sizes of dist/widget.js (before the launcher) and dist/widget-panel.js (after it)
 * against their budgets.
 *
 *   node --import tsx bench/widget-load.ts
 *
 * The page is http://localhost:<port> (a loopback origin, allowed by the client's allowLocalhost), and the
 * API with widget.js is http://127.0.0.1:<port>: no TLS, so the figure is the widget's own cost plus two
 * loopback round trips (the script and the configuration).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { createTestApp } from '../test/support/test-app.ts';
import { CHROMIUM_PATH, launchChromium } from '../test/support/browser.ts';
import { existsSync } from 'node:fs';
import { atMost, listen, type Benchmark, type BenchReport } from './harness.ts';
import { createAgency, createClient } from './provision.ts';
import { median } from './stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOADS = 20;

interface WidgetLoadResult {
  medianMs: number;
  gzipBytes: number;
  budgetBytes: number;
  /** Milliseconds of each counted load, in the order measured. */
  samples: number[];
}

interface BuildConfig {
  measure(file: string): Promise<{ bytes: number; gzipBytes: number }>;
  WIDGET_GZIP_BUDGET: number;
  PANEL_GZIP_BUDGET: number;
}

/** The customer page: the documented script tag, and a queued `ready` handler that notes when the launcher shows. */
function customerPage(apiBase: string, publicKey: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget load</title>
<script async src="${apiBase}/widget.js" data-key="${publicKey}"></script>
<script>
  window.Upzento = window.Upzento || function () { (Upzento.q = Upzento.q || []).push(arguments); };
  window.widgetShown = new Promise(function (resolve) {
    Upzento('on', 'ready', function () {
      requestAnimationFrame(function () {
        var host = document.querySelector('[data-upzento-widget]');
        var launcher = host && host.shadowRoot && host.shadowRoot.querySelector('[part~="launcher"]');
        var box = launcher && launcher.getBoundingClientRect();
        var script = performance.getEntriesByType('resource').find(function (e) { return /\\/widget\\.js$/.test(e.name); });
        resolve({ visible: Boolean(box && box.width && box.height), ms: script ? performance.now() - script.startTime : null });
      });
    });
  });
</script></head><body><h1>Widget load</h1></body></html>`;
}

async function runWidgetLoadBench(): Promise<WidgetLoadResult> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`widget load: no Chromium at ${CHROMIUM_PATH} (the Debian "chromium" package)`);
  const config = (await import(pathToFileURL(path.join(root, 'esbuild.config.mjs')).href)) as BuildConfig;
  const size = await config.measure(path.join(root, 'dist/widget.js'));
  const panel = await config.measure(path.join(root, 'dist/widget-panel.js'));
  const within = size.gzipBytes <= config.WIDGET_GZIP_BUDGET ? 'within' : 'OVER';
  console.log(
    `widget load: dist/widget.js ${size.bytes} B, ${size.gzipBytes} B gzipped, ${within} the budget of ${config.WIDGET_GZIP_BUDGET} B ` +
      `(${Math.round((size.gzipBytes / config.WIDGET_GZIP_BUDGET) * 100)} %); ` +
      `dist/widget-panel.js, loaded after the launcher shows: ${panel.bytes} B, ${panel.gzipBytes} B gzipped of ${config.PANEL_GZIP_BUDGET} B`,
  );

  const t = await createTestApp();
  let pages: Server | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const apiBase = await listen(t.app);
    const { clientId, publicKey } = await createClient(t, await createAgency(t, 'Bench Agency'), 'Bench Client');
    const settings = await t.call('PATCH', `/v1/clients/${clientId}/settings`, t.adminToken, { allowLocalhost: true });
    if (settings.statusCode !== 200)
      throw new Error(`widget load: allowLocalhost: ${settings.statusCode} ${settings.body}`);

    const html = customerPage(apiBase, publicKey);
    pages = createServer((req, res) => {
      if (req.url !== '/') return void res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    });
    await new Promise<void>((resolve) => pages!.listen(0, '127.0.0.1', resolve));
    const pageUrl = `http://localhost:${(pages.address() as AddressInfo).port}/`;
    browser = await launchChromium();

    const samples: number[] = [];
    for (let load = 0; load <= LOADS; load++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(pageUrl);
        const shown = (await Promise.race([
          page.evaluate('window.widgetShown'),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('widget load: no launcher within 15 s')), 15_000).unref(),
          ),
        ])) as { visible: boolean; ms: number | null };
        if (!shown.visible || shown.ms === null)
          throw new Error(`widget load: the launcher did not show (${JSON.stringify(shown)})`);
        if (load > 0) samples.push(shown.ms);
      } finally {
        await context.close();
      }
    }
    const medianMs = median(samples);
    console.log(
      `widget load: script tag → launcher visible, ${LOADS} cold loads (new context each, no cache): ` +
        `median ${medianMs.toFixed(1)} ms, min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`,
    );
    return { medianMs, samples, gzipBytes: size.gzipBytes, budgetBytes: config.WIDGET_GZIP_BUDGET };
  } finally {
    await browser?.close();
    if (pages) await new Promise((resolve) => pages!.close(resolve));
    await t.close();
  }
}

/** For bench/run.ts: the ratio is the bundle's gzip size to its budget; the load median is printed beside it. */
export const widgetLoad: Benchmark = {
  name: 'widget load',
  budgetMs: 180_000,
  async run(): Promise<BenchReport> {
    const result = await runWidgetLoadBench();
    return atMost(
      'widget load (gzip size / budget)',
      result.gzipBytes / result.budgetBytes,
      1,
      'Chromium on loopback',
      `${result.gzipBytes} of ${result.budgetBytes} B gzipped; script tag → launcher median ${result.medianMs.toFixed(1)} ms of ${result.samples.length} cold loads`,
    );
  },
};

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await runWidgetLoadBench();
}
