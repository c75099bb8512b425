/**
 * The widget as a visitor's browser meets it: Chromium loads a customer's page over HTTPS from
 * https://shop.customer.test (port 443, a certificate made here), the page loads widget.js from
 * https://api.upzento.test, and the Upzento API behind it is a real listening app whose domain check asks
 * the suite's own DNS server. Both names reach 127.0.0.1 through Chromium's host resolver rules; one HTTPS
 * server on 443 serves the customer pages and passes api.upzento.test through to the app's port.
 *
 * One browser, one app and one client serve the whole file; each test has its own browser context (fresh
 * storage) and its own visitor email, so tests do not see each other's leads.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomainFixture, type DomainFixture } from '../support/domain-fixture.ts';
import axe from 'axe-core';
import { browserTestsSkipped, createTestCertificate, launchChromium } from '../support/browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const ARTIFACTS = path.join(root, 'test-artifacts');
const SHOP = 'shop.customer.test';
const OTHER = 'other.customer.test';
const API = 'api.upzento.test';
const THEME = { primary: '#0b6e4f', text: '#1f2933', background: '#fffdf7' };
const THEMED = 'rgb(11, 110, 79)';
const SUCCESS = 'Thank you! We will be in touch soon.';
const STRICT_CSP = [
  "default-src 'none'",
  `script-src https://${API}`,
  `connect-src https://${API}`,
  "style-src 'none'",
  "img-src 'none'",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const LOCALES = ['en', 'de', 'fr', 'es', 'nl', 'pt'] as const;
/** Sentences of the widget's own, as each built-in language has them. */
const LOCALE_SAMPLES: Record<(typeof LOCALES)[number], { close: string; invalidEmail: string }> = {
  en: { close: 'Close', invalidEmail: 'Enter an email address like name@example.com.' },
  de: { close: 'Schließen', invalidEmail: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.' },
  fr: { close: 'Fermer', invalidEmail: 'Saisissez une adresse e-mail comme nom@example.com.' },
  es: { close: 'Cerrar', invalidEmail: 'Escribe una dirección de correo como nombre@example.com.' },
  nl: { close: 'Sluiten', invalidEmail: 'Vul een e-mailadres in zoals naam@example.com.' },
  pt: { close: 'Fechar', invalidEmail: 'Digite um endereço de e-mail como nome@example.com.' },
};

const skipped = browserTestsSkipped('test/browser/widget.browser.test.ts');

describe.skipIf(skipped)('the widget on a customer page in Chromium', () => {
  let fixture: DomainFixture;
  let apiPort: number;
  let front: Server | undefined;
  let browser: Browser | undefined;
  let customerPage: string;
  /** Pages of the customer sites by path; each answer may carry headers (a CSP). */
  const pages = new Map<string, { html: string; headers?: Record<string, string> }>();

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const certificate = await createTestCertificate([SHOP, OTHER, API]);
    const [example] = await Promise.all([
      readFile(path.join(root, 'examples/customer-page/index.html'), 'utf8'),
      (async () => {
        fixture = await createDomainFixture();
        await fixture.t.app.listen({ host: '127.0.0.1', port: 0 });
        apiPort = (fixture.t.app.server.address() as AddressInfo).port;
      })(),
    ]);
    customerPage = example.replaceAll('UPZENTO_HOST', API).replaceAll('PUBLIC_KEY', fixture.publicKey);
    expect(customerPage, 'the example page still has the documented script tag').toContain(
      `<script async src="https://${API}/widget.js" data-key="${fixture.publicKey}"></script>`,
    );

    // As a customer would: register the domain, publish the challenge in DNS, ask Upzento to verify.
    const registered = await api('POST', `/v1/clients/${fixture.clientId}/domains`, { hostname: SHOP });
    expect(registered.status).toBe(201);
    const { id: domainId, challenge } = (await registered.json()) as {
      id: string;
      challenge: { name: string; value: string };
    };
    fixture.dns.setTxt(challenge.name, [challenge.value]);
    const verified = await api('POST', `/v1/clients/${fixture.clientId}/domains/${domainId}/verify`);
    expect(((await verified.json()) as { status: string }).status).toBe('verified');
    const themed = await api('PATCH', `/v1/clients/${fixture.clientId}/settings`, {
      widget: { theme: THEME, title: 'Contact Corner Bakery' },
    });
    expect(themed.status).toBe(200);

    pages.set('/', { html: customerPage });
    pages.set('/strict-csp', {
      html: plainPage(
        'Strict CSP',
        `<script async src="https://${API}/widget.js" data-key="${fixture.publicKey}"></script>`,
      ),
      headers: { 'content-security-policy': STRICT_CSP },
    });
    pages.set('/hostile-css', {
      html: customerPage.replace(
        '</head>',
        `<style>
          button, .launcher, [part~="launcher"], div button { background: red !important; font-size: 40px !important; color: yellow !important; border: 5px solid lime !important }
          body { font: 40px serif; letter-spacing: 4px; text-transform: uppercase; color: red }
          * { box-sizing: content-box !important }
        </style></head>`,
      ),
    });
    pages.set('/queue', {
      html: plainPage(
        'Command queue',
        `<script async src="https://${API}/widget.js" data-key="${fixture.publicKey}"></script>
        <script>
          window.Upzento = window.Upzento || function () { (Upzento.q = Upzento.q || []).push(arguments); };
          Upzento('open');
          window.queuedBeforeLoad = !Upzento.loaded;
        </script>`,
      ),
    });

    const tag = (attributes = '') =>
      `<script async src="https://${API}/widget.js" data-key="${fixture.publicKey}"${attributes}></script>`;
    pages.set('/themed', {
      html: customerPage.replace(
        '</head>',
        `<style>
          [data-upzento-widget] { --upz-primary: #5b21b6; --upz-radius: 2px }
          [data-upzento-widget]::part(submit) { text-transform: uppercase }
          [data-upzento-widget]::part(input) { border-width: 3px }
        </style></head>`,
      ),
    });
    pages.set('/wrong-key', {
      html: plainPage('Wrong key', `<script async src="https://${API}/widget.js" data-key="PUBLIC_KEY"></script>`),
    });
    pages.set('/unknown-key', {
      html: plainPage(
        'Unknown key',
        `<script async src="https://${API}/widget.js" data-key="pk_${'x'.repeat(24)}"></script>`,
      ),
    });
    pages.set('/no-connect-src', {
      html: plainPage('No connect-src', tag()),
      headers: { 'content-security-policy': `default-src 'none'; script-src https://${API}; style-src 'none'` },
    });
    for (const locale of LOCALES)
      pages.set(`/locale/${locale}`, { html: plainPage(`Locale ${locale}`, tag(` data-locale="${locale}"`)) });
    pages.set('/own-button', {
      html: plainPage(
        'Own button',
        `${tag(' data-launcher="none"')}
        <script>window.Upzento = window.Upzento || function () { (Upzento.q = Upzento.q || []).push(arguments); };</script>`,
      ).replace('</main>', '<button id="help" type="button">Need help?</button></main>'),
    });
    // The page's own button: an inline handler would need 'unsafe-inline', so the page wires it in a script.
    pages.set('/own-button', {
      html: pages
        .get('/own-button')!
        .html.replace(
          '</body>',
          `<script>document.getElementById('help').addEventListener('click', function () { Upzento('open'); });</script></body>`,
        ),
    });

    front = createHttpsServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:443$/, '');
      if (host === API) return proxyToApi(req, res);
      const pathname = new URL(req.url ?? '/', 'https://x').pathname;
      // The customer sites have no icon; an empty answer keeps a 404 off the console the tests read.
      if (pathname === '/favicon.ico') return void res.writeHead(204).end();
      const found = host === SHOP || host === OTHER ? pages.get(pathname) : undefined;
      if (!found) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...found.headers });
      res.end(found.html);
    });
    await new Promise<void>((resolve, reject) => {
      front!.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `The browser tests serve https://${SHOP} on 127.0.0.1:443 and could not bind it (${error.code}). ` +
              'They need root (or CAP_NET_BIND_SERVICE) and a free port 443.',
          ),
        ),
      );
      front!.listen(443, '127.0.0.1', resolve);
    });
    browser = await launchChromium({
      hosts: { [SHOP]: '127.0.0.1', [OTHER]: '127.0.0.1', [API]: '127.0.0.1' },
      trust: [certificate],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (front) {
      front.closeAllConnections();
      await new Promise((resolve) => front!.close(resolve));
    }
    await fixture?.close();
  });

  /** The API as the customer's admin calls it, over the app's real port. */
  function api(method: string, url: string, body?: unknown): Promise<Response> {
    return fetch(`http://127.0.0.1:${apiPort}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${fixture.t.adminToken}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }

  function proxyToApi(req: IncomingMessage, res: ServerResponse): void {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: apiPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  interface Submission {
    id: string;
    email: string;
    name: string | null;
    message: string | null;
    origin: string;
    consent?: unknown;
    context?: unknown;
  }

  async function submissions(email?: string): Promise<Submission[]> {
    const response = await api('GET', `/v1/clients/${fixture.clientId}/submissions?limit=100`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Submission[] };
    return email === undefined ? items : items.filter((item) => item.email === email);
  }

  /** A browser context of its own (fresh storage and cache), and a page that records its console. */
  async function visit(
    url: string,
    viewport = { width: 1024, height: 720 },
  ): Promise<{ context: BrowserContext; page: Page; console: ConsoleMessage[] }> {
    const context = await browser!.newContext({ viewport });
    const page = await context.newPage();
    const messages: ConsoleMessage[] = [];
    page.on('console', (message) => messages.push(message));
    if (url) await page.goto(url);
    return { context, page, console: messages };
  }

  /** Waits for an element of the widget to show, as a visitor would see it. */
  const visible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });
  const launcher = (page: Page) => page.locator('[data-upzento-widget] >> [part~="launcher"]');
  const panel = (page: Page) => page.locator('[data-upzento-widget] >> [part~="panel"]');
  const status = (page: Page) => page.locator('[data-upzento-widget] >> [part~="status"]');
  const formField = (page: Page, name: string) =>
    page.locator(`[data-upzento-widget] >> [part~="form"] [name="${name}"]`);

  async function fillForm(page: Page, lead: { name: string; email: string; message: string }): Promise<void> {
    await formField(page, 'name').fill(lead.name);
    await formField(page, 'email').fill(lead.email);
    await formField(page, 'message').fill(lead.message);
  }

  const send = (page: Page) => page.locator('[data-upzento-widget] >> [part~="form"] button[type="submit"]').click();
  const newLead = (label: string) => ({
    name: `Ada ${label}`,
    email: `ada+${label}-${randomUUID().slice(0, 8)}@example.com`,
    message: `About ${label}`,
  });
  const outbox = (page: Page) =>
    page.evaluate((key) => localStorage.getItem(`upzento:outbox:${key}`), fixture.publicKey);

  it('renders on the verified site, opens, and stores the lead it sends as a submission and a contact', async () => {
    const { context, page, console } = await visit(`https://${SHOP}/`);
    try {
      await visible(launcher(page));
      const shape = await page.evaluate(() => {
        const hosts = document.querySelectorAll('[data-upzento-widget]');
        const shadow = hosts[0]?.shadowRoot;
        return {
          hosts: hosts.length,
          shadow: Boolean(shadow),
          launcher: shadow?.querySelector('[part~="launcher"]')?.textContent,
        };
      });
      expect(shape).toEqual({ hosts: 1, shadow: true, launcher: 'Contact us' });

      await launcher(page).click();
      await visible(panel(page));
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
      // The first field has the focus, so a keyboard user can type at once.
      expect(
        await page.evaluate(() =>
          document.querySelector('[data-upzento-widget]')?.shadowRoot?.activeElement?.getAttribute('name'),
        ),
      ).toBe('name');
      const lead = newLead('open');
      await fillForm(page, lead);
      await page.screenshot({ path: path.join(ARTIFACTS, 'widget-open.png') });

      await send(page);
      await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(SUCCESS);
      await page.screenshot({ path: path.join(ARTIFACTS, 'widget-sent.png') });

      const stored = await submissions(lead.email);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        email: lead.email,
        name: lead.name,
        message: lead.message,
        origin: `https://${SHOP}`,
      });
      // The example page's own Upzento('on', …) calls, queued before the bundle arrived, heard both events.
      const lines = console.map((message) => message.text());
      expect(lines.filter((line) => line.startsWith('lead sent '))).toHaveLength(1);
      await expect
        .poll(() => lines.filter((line) => line.startsWith('lead stored ')))
        .toEqual([`lead stored ${stored[0]!.id}`]);

      const contacts = await api('GET', `/v1/clients/${fixture.clientId}/contacts?q=${encodeURIComponent(lead.email)}`);
      const { items } = (await contacts.json()) as { items: { email: string; name: string | null }[] };
      expect(items).toEqual([expect.objectContaining({ email: lead.email, name: lead.name })]);
      expect(await outbox(page)).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('renders nothing on a hostname that is not verified, stores nothing, and warns once naming the origin', async () => {
    const before = (await submissions()).length;
    const { context, page, console } = await visit('');
    try {
      const asked: string[] = [];
      page.on('request', (request) => new URL(request.url()).pathname.endsWith('/config') && asked.push(request.url()));
      await page.goto(`https://${OTHER}/`);
      const warnings = () => console.filter((message) => message.type() === 'warning').map((message) => message.text());
      await expect.poll(warnings, { timeout: 15_000 }).not.toEqual([]);
      // Give a second warning, or a late render, the time to show up.
      await page.waitForTimeout(300);
      expect(warnings()).toHaveLength(1);
      expect(warnings()[0]).toContain(`https://${OTHER}`);
      // A refusal is final: one request, so the browser reports one CORS failure and nothing more.
      await page.waitForTimeout(1500);
      expect(asked).toHaveLength(1);
      expect(errorsOf(console).length).toBeLessThanOrEqual(2);
      expect(await page.locator('[data-upzento-widget]').count()).toBe(0);
      expect(await outbox(page)).toBeNull();
      expect(await submissions()).toHaveLength(before);
    } finally {
      await context.close();
    }
  });

  it('renders styled under a strict Content-Security-Policy without a single violation', async () => {
    const { context, page, console } = await visit('');
    try {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { violations: string[] }).violations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
        );
      });
      const response = await page.goto(`https://${SHOP}/strict-csp`);
      expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
      await visible(launcher(page));
      const style = await launcher(page).evaluate((element) => {
        const computed = getComputedStyle(element);
        return {
          background: computed.backgroundColor,
          position: computed.position,
          radius: computed.borderTopLeftRadius,
        };
      });
      expect(style).toEqual({ background: THEMED, position: 'fixed', radius: '999px' });
      await launcher(page).click();
      await visible(panel(page));

      const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      expect(await violations()).toEqual([]);
      expect(console.filter((message) => message.type() === 'error').map((message) => message.text())).toEqual([]);
      // The control: the same listener does see a violation when the page breaks its own policy.
      await page.evaluate(() =>
        document.head.append(Object.assign(document.createElement('style'), { textContent: 'body{color:red}' })),
      );
      await expect.poll(violations).toEqual([expect.stringMatching(/^style-src-elem/)]);
    } finally {
      await context.close();
    }
  });

  it("keeps the theme against the host page's CSS", async () => {
    const { context, page } = await visit(`https://${SHOP}/hostile-css`);
    try {
      await visible(launcher(page));
      // The page's rules did apply to its own buttons.
      const pageButton = await page.evaluate(() => {
        const button = document.body.appendChild(document.createElement('button'));
        return getComputedStyle(button).backgroundColor;
      });
      expect(pageButton).toBe('rgb(255, 0, 0)');
      const style = await launcher(page).evaluate((element) => {
        const computed = getComputedStyle(element);
        return {
          background: computed.backgroundColor,
          color: computed.color,
          fontSize: computed.fontSize,
          letterSpacing: computed.letterSpacing,
          textTransform: computed.textTransform,
          borderWidth: computed.borderTopWidth,
          boxSizing: computed.boxSizing,
        };
      });
      expect(style).toEqual({
        background: THEMED,
        color: 'rgb(255, 255, 255)',
        fontSize: '15px',
        letterSpacing: 'normal',
        textTransform: 'none',
        borderWidth: '0px',
        boxSizing: 'border-box',
      });
    } finally {
      await context.close();
    }
  });

  it('keeps a lead made offline, sends it once back online, and stores it once though the page reloads', async () => {
    const { context, page } = await visit(`https://${SHOP}/`);
    try {
      await launcher(page).click();
      await visible(panel(page));
      const lead = newLead('offline');
      await fillForm(page, lead);

      await context.setOffline(true);
      await send(page);
      await expect.poll(() => status(page).textContent()).toMatch(/offline.*saved.*sent when you're back online/i);
      await page.screenshot({ path: path.join(ARTIFACTS, 'widget-offline.png') });
      const saved = JSON.parse((await outbox(page)) ?? '[]') as { key: string; request: { email: string } }[];
      expect(saved).toEqual([
        { key: expect.any(String), request: expect.objectContaining({ email: lead.email, name: lead.name }) },
      ]);
      expect(await submissions(lead.email)).toEqual([]);

      // Back online and, at once, a reload: the old page's `online` flush and the new page's start-up flush
      // may both send it; its Idempotency-Key makes that one submission.
      await context.setOffline(false);
      await page.reload();
      await visible(launcher(page));
      await expect.poll(() => submissions(lead.email), { timeout: 15_000 }).toHaveLength(1);
      await expect.poll(() => outbox(page)).toBeNull();
      await page.waitForTimeout(500);
      const stored = await submissions(lead.email);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ name: lead.name, message: lead.message, origin: `https://${SHOP}` });
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px wide screen, and Escape closes it with the focus back on the launcher', async () => {
    const { context, page } = await visit(`https://${SHOP}/`, { width: 360, height: 640 });
    try {
      await visible(launcher(page));
      await launcher(page).click();
      await visible(panel(page));
      const box = await panel(page).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden', timeout: 5_000 });
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');
      expect(
        await page.evaluate(() =>
          document.querySelector('[data-upzento-widget]')?.shadowRoot?.activeElement?.getAttribute('part'),
        ),
      ).toMatch(/\blauncher\b/);
    } finally {
      await context.close();
    }
  });

  it("carries out an Upzento('open') the page called before the script arrived", async () => {
    const { context, page } = await visit('');
    try {
      // Hold widget.js back, so the page's call surely runs against the queue stub.
      await page.route(`https://${API}/widget.js`, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      await page.goto(`https://${SHOP}/queue`);
      await visible(panel(page));
      expect(await page.evaluate(() => (window as unknown as { queuedBeforeLoad: boolean }).queuedBeforeLoad)).toBe(
        true,
      );
      expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('stays mounted and working through single-page-app navigation', async () => {
    const { context, page } = await visit(`https://${SHOP}/`);
    try {
      await visible(launcher(page));
      await page.evaluate(() => {
        (document.querySelector('[data-upzento-widget]') as HTMLElement & { mark?: number }).mark = 1;
        // What a router does: new URL, new content in the page's own root, no document load.
        for (const route of ['/menu', '/cakes', '/about']) {
          history.pushState({ route }, '', route);
          document.querySelector('main')!.innerHTML = `<h2>${route}</h2>`;
        }
        history.back();
      });
      await page.waitForURL(`https://${SHOP}/cakes`);
      const host = await page.evaluate(() => {
        const hosts = document.querySelectorAll('[data-upzento-widget]');
        return {
          count: hosts.length,
          same: (hosts[0] as HTMLElement & { mark?: number }).mark === 1,
          connected: hosts[0]?.isConnected,
        };
      });
      expect(host).toEqual({ count: 1, same: true, connected: true });

      await launcher(page).click();
      await visible(panel(page));
      const lead = newLead('spa');
      await fillForm(page, lead);
      await send(page);
      await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(SUCCESS);
      expect(await submissions(lead.email)).toEqual([expect.objectContaining({ origin: `https://${SHOP}` })]);
    } finally {
      await context.close();
    }
  });

  /** Serves the widget's configuration changed by `patch`, as the settings of a client would make it. */
  async function withConfig(page: Page, patch: (config: Record<string, unknown>) => void): Promise<void> {
    await page.route(`https://${API}/v1/widget/*/config*`, async (route) => {
      // Playwright fetches from this process, where the test's hostnames do not resolve: the app's own port.
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: `http://127.0.0.1:${apiPort}${url.pathname}` });
      const config = (await response.json()) as Record<string, unknown>;
      patch(config);
      await route.fulfill({ response, json: config });
    });
  }

  const errorsOf = (messages: ConsoleMessage[]) => messages.filter((m) => m.type() === 'error').map((m) => m.text());
  const warningsOf = (messages: ConsoleMessage[]) =>
    messages.filter((m) => m.type() === 'warning').map((m) => m.text());
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `widget-${name}.png`) });

  /** axe-core inside the widget's shadow root, the panel open with its messages showing. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(
        { include: [['[data-upzento-widget]']] } as never,
        { resultTypes: ['violations'] },
      );
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  it('says a server problem is one, keeps the lead, and sends it by itself when the server recovers', async () => {
    const { context, page } = await visit('');
    try {
      let failing = true;
      const tries: string[] = [];
      await page.route(`https://${API}/v1/widget/*/submissions`, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        tries.push(route.request().headers()['idempotency-key'] ?? '');
        if (!failing) return route.continue();
        await route.fulfill({
          status: 500,
          headers: { 'access-control-allow-origin': `https://${SHOP}` },
          json: { statusCode: 500, code: 'UPZ_INTERNAL', error: 'Internal Server Error', message: 'Something broke' },
        });
      });
      await page.goto(`https://${SHOP}/`);
      await launcher(page).click();
      await visible(panel(page));
      const lead = newLead('recovery');
      await fillForm(page, lead);
      await send(page);
      await expect
        .poll(() => status(page).textContent(), { timeout: 15_000 })
        .toMatch(/^We couldn't reach our server just now/);
      expect(await status(page).textContent()).not.toMatch(/offline|Something broke/i);
      expect(await page.evaluate(() => navigator.onLine)).toBe(true);
      await shot(page, 'server-problem');
      expect(await submissions(lead.email)).toEqual([]);

      failing = false;
      // No reload and no `online` event: the widget's own backoff sends it.
      await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe(SUCCESS);
      expect(await submissions(lead.email)).toHaveLength(1);
      expect(new Set(tries).size).toBe(1);
      expect(await outbox(page)).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('comes up once the configuration answers again after server errors', async () => {
    const { context, page } = await visit('');
    try {
      let failures = 2;
      await page.route(`https://${API}/v1/widget/*/config*`, async (route) => {
        if (failures-- <= 0) return route.continue();
        await route.fulfill({
          status: 503,
          headers: { 'access-control-allow-origin': `https://${SHOP}` },
          json: { statusCode: 503 },
        });
      });
      await page.goto(`https://${SHOP}/`);
      expect(await page.locator('[data-upzento-widget]').count()).toBe(0);
      await visible(launcher(page));
      expect(failures).toBeLessThan(0);
    } finally {
      await context.close();
    }
  });

  it('says a placeholder key is no key, asking the server nothing', async () => {
    const { context, page, console } = await visit('');
    try {
      const asked: string[] = [];
      page.on('request', (request) => request.url().includes('/v1/widget/') && asked.push(request.url()));
      await page.goto(`https://${SHOP}/wrong-key`);
      await expect.poll(() => warningsOf(console)).toHaveLength(1);
      expect(warningsOf(console)[0]).toMatch(/^Upzento: "PUBLIC_KEY" is not a widget key/);
      expect(warningsOf(console)[0]).not.toContain('allowLocalhost');
      expect(errorsOf(console)).toEqual([]);
      expect(asked).toEqual([]);
      expect(await page.locator('[data-upzento-widget]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('asks once for a key no client has, and says the key may be wrong', async () => {
    const { context, page, console } = await visit('');
    try {
      const asked: string[] = [];
      page.on('request', (request) => request.url().includes('/config') && asked.push(request.url()));
      await page.goto(`https://${SHOP}/unknown-key`);
      await expect.poll(() => warningsOf(console), { timeout: 15_000 }).toHaveLength(1);
      await page.waitForTimeout(1500);
      expect(warningsOf(console)).toHaveLength(1);
      // The server's 404 is readable by any page: the warning names the key, not a guess between two causes.
      expect(warningsOf(console)[0]).toMatch(
        new RegExp(
          `^Upzento: no Upzento client at https://${API.replaceAll('.', '\\.')} has the key "pk_x{24}", so the widget stays hidden`,
        ),
      );
      expect(asked).toHaveLength(1);
      // The browser's own report of the one refused request (CORS), nothing more.
      expect(errorsOf(console).length).toBeLessThanOrEqual(2);
      expect(await page.locator('[data-upzento-widget]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("warns once, naming the directives, when the page's CSP leaves out connect-src", async () => {
    const { context, page, console } = await visit('');
    try {
      await page.goto(`https://${SHOP}/no-connect-src`);
      await expect.poll(() => warningsOf(console), { timeout: 15_000 }).toHaveLength(1);
      await page.waitForTimeout(1500);
      const [warning] = warningsOf(console);
      expect(warning).toContain("this page's Content-Security-Policy blocks the widget");
      expect(warning).toContain(`connect-src https://${API}`);
      expect(warningsOf(console)).toHaveLength(1);
      // One blocked request, which the browser reports; no retries, no probes.
      const errors = errorsOf(console);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.length).toBeLessThanOrEqual(2);
      for (const error of errors) expect(error).toContain(`https://${API}/v1/widget/${fixture.publicKey}/config`);
      expect(await page.locator('[data-upzento-widget]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each(LOCALES)('speaks %s in every sentence of its own', async (locale) => {
    const expected = LOCALE_SAMPLES[locale];
    const { context, page } = await visit(`https://${SHOP}/locale/${locale}`);
    try {
      await launcher(page).click();
      await visible(panel(page));
      expect(await launcher(page).textContent()).toBe(expected.close);
      expect(await page.locator('[data-upzento-widget] >> [part~="close"]').getAttribute('aria-label')).toBe(
        expected.close,
      );
      await formField(page, 'email').fill('not an address');
      await send(page);
      const errors = page.locator('[data-upzento-widget] >> [part~="error"]');
      await expect.poll(() => errors.allTextContents()).toContain(expected.invalidEmail);
      await shot(page, `locale-${locale}`);
    } finally {
      await context.close();
    }
  });

  it('follows a dark colour scheme with readable colours, and axe finds nothing', async () => {
    const { context, page } = await visit('');
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`https://${SHOP}/`);
      await launcher(page).click();
      await visible(panel(page));
      const colours = await panel(page).evaluate((element) => ({
        background: getComputedStyle(element).backgroundColor,
        text: getComputedStyle(element).color,
      }));
      const lightness = (rgb: string) =>
        rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .reduce((sum, c) => sum + Number(c), 0) / 3;
      expect(lightness(colours.background)).toBeLessThan(50);
      expect(lightness(colours.text)).toBeGreaterThan(200);
      await send(page);
      await shot(page, 'dark');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['default theme', undefined],
    ['green brand', { primary: '#22c55e', text: '#1f2933', background: '#ffffff' }],
    ['orange brand', { primary: '#f97316', text: '#1f2933', background: '#ffffff' }],
  ])('has no axe-core violations with the %s', async (name, theme) => {
    const { context, page } = await visit('');
    try {
      if (theme) await withConfig(page, (config) => void (config.theme = theme));
      await page.goto(`https://${SHOP}/`);
      await launcher(page).click();
      await visible(panel(page));
      await send(page);
      await page.locator('[data-upzento-widget] >> [part~="error"]').first().waitFor();
      await shot(page, `axe-${name.replace(/ /g, '-')}`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('takes custom properties and ::part() rules from the page', async () => {
    const { context, page } = await visit(`https://${SHOP}/themed`);
    try {
      await launcher(page).click();
      await visible(panel(page));
      expect(await launcher(page).evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
        'rgb(91, 33, 182)',
      );
      expect(await panel(page).evaluate((element) => getComputedStyle(element).borderTopLeftRadius)).toBe('2px');
      const submit = page.locator('[data-upzento-widget] >> [part~="submit"]');
      expect(await submit.evaluate((element) => getComputedStyle(element).textTransform)).toBe('uppercase');
      expect(await formField(page, 'email').evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe(
        '3px',
      );
      await shot(page, 'themed-by-page');
    } finally {
      await context.close();
    }
  });

  it('stays dark when the settings fix the dark scheme, whatever the visitor prefers', async () => {
    const { context, page } = await visit('');
    try {
      await page.emulateMedia({ colorScheme: 'light' });
      await withConfig(page, (config) => void (config.colorScheme = 'dark'));
      await page.goto(`https://${SHOP}/`);
      await launcher(page).click();
      await visible(panel(page));
      const background = await panel(page).evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(
        background
          .match(/\d+/g)!
          .slice(0, 3)
          .every((c) => Number(c) < 60),
      ).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("opens from the page's own button with no launcher, and Escape gives the focus back", async () => {
    const { context, page } = await visit(`https://${SHOP}/own-button`);
    try {
      await page.locator('[data-upzento-widget]').waitFor({ state: 'attached' });
      await page.waitForTimeout(300);
      expect(await launcher(page).isVisible()).toBe(false);
      await page.locator('#help').click();
      await visible(panel(page));
      await shot(page, 'own-button');
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('help');
    } finally {
      await context.close();
    }
  });

  it('closes on Escape from the launcher and on a click outside', async () => {
    const { context, page } = await visit(`https://${SHOP}/`);
    try {
      await launcher(page).click();
      await visible(panel(page));
      await launcher(page).focus();
      await page.keyboard.press('Escape');
      await panel(page).waitFor({ state: 'hidden' });
      await launcher(page).click();
      await visible(panel(page));
      await page.mouse.click(40, 300);
      await panel(page).waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it('sends the consent it asked for, with its text, and where the lead came from', async () => {
    const { context, page } = await visit('');
    try {
      const consentText = 'I agree that Corner Bakery may contact me about my request.';
      await withConfig(page, (config) => {
        config.privacyPolicyUrl = `https://${SHOP}/privacy`;
        config.fields = [
          ...(config.fields as unknown[]),
          { name: 'consent', label: consentText, type: 'consent', required: true },
        ];
      });
      const bodies: Record<string, unknown>[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/submissions')) bodies.push(request.postDataJSON());
      });
      await page.goto(`https://${SHOP}/?utm_source=newsletter&utm_campaign=spring`, {
        referer: `https://${OTHER}/blog`,
      });
      await launcher(page).click();
      await visible(panel(page));
      const lead = newLead('consent');
      await fillForm(page, lead);
      await send(page);
      const errors = page.locator('[data-upzento-widget] >> [part~="error"]');
      await expect.poll(() => errors.allTextContents()).toEqual(['Please agree to continue.']);
      expect(await page.locator('[data-upzento-widget] >> [part~="link"]').getAttribute('href')).toBe(
        `https://${SHOP}/privacy`,
      );
      await shot(page, 'consent');
      await page.locator('[data-upzento-widget] >> [name="consent"]').check();
      await send(page);
      await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toBe(SUCCESS);
      expect(bodies).toHaveLength(1);
      // Read back through the API: the consent with its text and the server's time, and the lead's context.
      const [stored] = await submissions(lead.email);
      expect(stored).toMatchObject({
        consent: { text: consentText, givenAt: expect.any(String) },
        context: {
          pageUrl: `https://${SHOP}/?utm_source=newsletter&utm_campaign=spring`,
          referrer: `https://${OTHER}/blog`,
          utm: { source: 'newsletter', medium: null, campaign: 'spring', term: null, content: null },
        },
      });
      expect(bodies[0]).toMatchObject({
        email: lead.email,
        consent: { text: consentText },
        context: {
          pageUrl: `https://${SHOP}/?utm_source=newsletter&utm_campaign=spring`,
          referrer: `https://${OTHER}/blog`,
          utm: { source: 'newsletter', campaign: 'spring' },
        },
      });
    } finally {
      await context.close();
    }
  });

  it.each([
    [375, 667],
    [320, 256],
  ])('fills a %d×%d screen, with 16 px inputs and the title in view', async (width, height) => {
    const { context, page } = await visit(`https://${SHOP}/`, { width, height });
    try {
      await launcher(page).click();
      await visible(panel(page));
      // Past its opening animation.
      await page.waitForTimeout(400);
      const box = (await panel(page).boundingBox())!;
      expect([box.x, box.y, box.width, box.height].map(Math.round)).toEqual([0, 0, width, height]);
      const sizes = await page
        .locator('[data-upzento-widget] >> [part~="input"]')
        .evaluateAll((inputs) => inputs.map((input) => parseFloat(getComputedStyle(input).fontSize)));
      expect(sizes.length).toBeGreaterThan(0);
      for (const size of sizes) expect(size).toBeGreaterThanOrEqual(16);
      // Scrolled to its end, the panel still shows its title and close button.
      await panel(page).evaluate((element) => element.scrollTo(0, element.scrollHeight));
      const title = await page.locator('[data-upzento-widget] >> [part~="title"]').boundingBox();
      expect(title!.y).toBeGreaterThanOrEqual(0);
      expect(title!.y + title!.height).toBeLessThanOrEqual(height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await shot(page, `mobile-${width}x${height}`);
    } finally {
      await context.close();
    }
  });

  it('is styled where constructable stylesheets are missing', async () => {
    const { context, page } = await visit('');
    try {
      await page.addInitScript(() => {
        delete (ShadowRoot.prototype as Partial<ShadowRoot>).adoptedStyleSheets;
        delete (Document.prototype as Partial<Document>).adoptedStyleSheets;
      });
      await page.goto(`https://${SHOP}/`);
      await visible(launcher(page));
      const style = await launcher(page).evaluate((element) => {
        const computed = getComputedStyle(element);
        return { background: computed.backgroundColor, position: computed.position };
      });
      expect(style).toEqual({ background: THEMED, position: 'fixed' });
      await launcher(page).click();
      await visible(panel(page));
      // The launcher's sheet and the panel's, as <style> elements.
      expect(
        await page.evaluate(
          () => document.querySelector('[data-upzento-widget]')!.shadowRoot!.querySelectorAll('style').length,
        ),
      ).toBe(2);
      expect(await panel(page).evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
    } finally {
      await context.close();
    }
  });

  it('fetches the panel only after the launcher shows, from next to widget.js', async () => {
    const { context, page } = await visit('');
    try {
      const loaded: string[] = [];
      page.on('requestfinished', (request) => loaded.push(new URL(request.url()).pathname));
      await page.goto(`https://${SHOP}/`);
      await visible(launcher(page));
      await expect.poll(() => loaded).toContain('/widget-panel.js');
      expect(loaded.indexOf('/widget-panel.js')).toBeGreaterThan(loaded.findIndex((p) => p.endsWith('/config')));
    } finally {
      await context.close();
    }
  });
});

function plainPage(title: string, head: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main><h1>${title}</h1></main></body></html>`;
}
