// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget, type Widget, type WidgetOptions } from '../../widget/index.js';
import { WIDGET_API_VERSION } from '../../shared/api-version.js';
import {
  API_BASE,
  created,
  domainRefused,
  fakeFetch,
  field,
  fillValidForm,
  hostOf,
  json,
  networkError,
  part,
  submitForm,
  type,
  widgetConfig,
} from '../support/widget-fixtures.js';

const widgets: Widget[] = [];
function start(options: Partial<WidgetOptions> & Pick<WidgetOptions, 'fetch'>): Widget {
  const widget = createWidget({ publicKey: 'pk_test', apiBase: API_BASE, ...options });
  widgets.push(widget);
  return widget;
}

function readyPromise(widget: Widget): Promise<void> {
  return new Promise((resolve) => widget.on('ready', () => resolve()));
}

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  for (const widget of widgets.splice(0)) widget.destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('start-up', () => {
  it('fetches its configuration and renders the launcher in a shadow root under a marked host', async () => {
    const server = fakeFetch();
    const widget = start({ fetch: server.fetch });
    const ready = vi.fn();
    widget.on('ready', ready);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledOnce());

    expect(server.configCalls().map((c) => [c.method, c.url])).toEqual([
      ['GET', `${API_BASE}/v1/widget/pk_test/config?v=2026-12-01`],
    ]);
    expect(ready.mock.calls[0]![0].config.title).toBe('Talk to us');
    const host = hostOf()!;
    expect(host.parentElement).toBe(document.body);
    expect(host.shadowRoot).not.toBeNull();
    expect(part('launcher').textContent).toBe('Contact');
    // Nothing but the host element lives in the page's own DOM.
    expect(document.body.querySelectorAll('button, form, input')).toHaveLength(0);
  });

  it('on 403 renders nothing, removes its host and warns once with the origin and the fix', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = fakeFetch({ config: [domainRefused()] });
    const widget = start({ fetch: server.fetch });
    const errors = vi.fn();
    widget.on('error', errors);

    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ source: 'config', willRetry: false }));
    expect(warn).toHaveBeenCalledOnce();
    const message = String(warn.mock.calls[0]![0]);
    // jsdom's page is http://localhost:3000, a loopback origin: the fix is the client's localhost setting.
    expect(message).toContain(location.origin);
    expect(message).toContain('turn on allowLocalhost for this client in Upzento');
    expect(hostOf()).toBeNull();
    expect(document.querySelectorAll('[data-upzento-widget]')).toHaveLength(0);
    // Not retried: the same request would be refused again.
    expect(server.configCalls()).toHaveLength(1);
  });

  it('names the hostname to verify when the page is not on a loopback origin', async () => {
    const page = new URL('https://shop.example.com/cart') as unknown as Location;
    vi.spyOn(window, 'location', 'get').mockReturnValue(page);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start({ fetch: fakeFetch({ config: [domainRefused()] }).fetch });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(warn.mock.calls[0]![0]).toContain('https://shop.example.com');
    expect(warn.mock.calls[0]![0]).toContain('verify shop.example.com as a domain of this client in Upzento');
  });

  it('reports other failures as error events and retries the configuration with backoff', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const server = fakeFetch({ config: [json(503, { message: 'busy' }), json(500), json(200, widgetConfig())] });
    const widget = start({ fetch: server.fetch, recovery: { baseDelayMs: 1000 } });
    const errors = vi.fn();
    const ready = vi.fn();
    widget.on('error', errors);
    widget.on('ready', ready);

    await vi.advanceTimersByTimeAsync(0);
    expect(server.configCalls()).toHaveLength(1);
    expect(errors).toHaveBeenLastCalledWith({
      source: 'config',
      error: { kind: 'http', status: 503, message: 'busy' },
      willRetry: true,
    });
    // No host element while there is nothing to show.
    expect(hostOf()).toBeNull();
    // Jitter pinned to 0: each wait is half a ceiling that doubles from 1000 ms.
    await vi.advanceTimersByTimeAsync(499);
    expect(server.configCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.configCalls()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.configCalls()).toHaveLength(3);
    expect(ready).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledTimes(2);
    expect(part('launcher')).toBeTruthy();
  });

  it('keeps trying past the quick retries with waits capped at maxDelayMs, and loads once the server recovers', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const server = fakeFetch({ config: [json(500)] });
    const widget = start({ fetch: server.fetch, recovery: { attempts: 12, baseDelayMs: 1000, maxDelayMs: 4000 } });
    const ready = vi.fn();
    widget.on('ready', ready);
    // Waits of 1, 2, 4, 4, 4 … s: eight tries in the first 25 s.
    await vi.advanceTimersByTimeAsync(25_000);
    expect(server.configCalls()).toHaveLength(8);
    expect(hostOf()).toBeNull();
    server.reply('config', json(200, widgetConfig()));
    await vi.advanceTimersByTimeAsync(4000);
    expect(ready).toHaveBeenCalledOnce();
    expect(part('launcher').textContent).toBe('Contact');
  });

  it('leaves no trace and warns once when it gives up, and does not count time offline', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const offline = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const server = fakeFetch({ config: [networkError()] });
    const widget = start({ fetch: server.fetch, recovery: { attempts: 3, maxDelayMs: 1000 } });
    const errors = vi.fn();
    widget.on('error', errors);
    await vi.advanceTimersByTimeAsync(600_000);
    // Offline: one try, then a wait for the `online` event.
    expect(server.configCalls()).toHaveLength(1);
    expect(errors).toHaveBeenLastCalledWith(expect.objectContaining({ willRetry: true }));

    offline.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.configCalls()).toHaveLength(4);
    expect(errors).toHaveBeenLastCalledWith(expect.objectContaining({ source: 'config', willRetry: false }));
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain('could not reach https://crm.example.test and stopped trying');
    expect(hostOf()).toBeNull();
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.configCalls()).toHaveLength(4);
  });

  it('treats a 200 that is not a configuration (a wrong apiBase) as a failure, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = fakeFetch({ config: [json(200)] });
    const widget = start({ fetch: server.fetch });
    const errors = vi.fn();
    widget.on('error', errors);
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    expect(errors.mock.calls[0]![0]).toMatchObject({ source: 'config', willRetry: false });
    expect(errors.mock.calls[0]![0].error.message).toContain(`${API_BASE}/v1/widget/pk_test/config`);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${API_BASE}/v1/widget/pk_test/config`));
    expect(hostOf()).toBeNull();
  });

  it('leaves quietly, with one warning, when the key is unknown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unknown = json(404, { statusCode: 404, error: 'Not Found', message: 'Unknown widget' });
    const server = fakeFetch({ config: [unknown] });
    start({ fetch: server.fetch });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(warn.mock.calls[0]![0]).toBe(
      `Upzento: no Upzento client at ${API_BASE} has the key "pk_test", so the widget stays hidden. ` +
        "Copy the client's publicKey into data-key (or publicKey).",
    );
    expect(warn.mock.calls[0]![0]).not.toContain('allowLocalhost');
    expect(hostOf()).toBeNull();
    expect(server.configCalls()).toHaveLength(1);
  });

  it('leaves quietly, with one warning that says so, when its client is suspended', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const suspended = json(403, {
      statusCode: 403,
      code: 'UPZ_TENANT_SUSPENDED',
      error: 'Forbidden',
      message: 'This client is suspended',
    });
    const server = fakeFetch({ config: [suspended] });
    start({ fetch: server.fetch });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(warn.mock.calls[0]![0]).toBe(
      'Upzento: the client with key "pk_test" is suspended, so the widget stays hidden until the suspension is lifted.',
    );
    expect(hostOf()).toBeNull();
    expect(server.configCalls()).toHaveLength(1);
  });

  it('says a key that does not look like one is no key, without asking the server', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = fakeFetch();
    createWidget({ publicKey: 'PUBLIC_KEY', apiBase: API_BASE, fetch: server.fetch });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(/^Upzento: "PUBLIC_KEY" is not a widget key \(they look like pk_…\)/);
    expect(warn.mock.calls[0]![0]).not.toContain('allowLocalhost');
    expect(server.calls).toHaveLength(0);
    expect(document.querySelectorAll('[data-upzento-widget]')).toHaveLength(0);
  });

  it('tells a refused origin from an outage when the browser hides the status: the server answers, and is not asked again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = fakeFetch({ config: [networkError()] });
    // What a refused request looks like in a browser: the CORS request fails, a no-cors one gets an opaque answer.
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      init?.mode === 'no-cors' ? ({ type: 'opaque' } as Response) : server.fetch(input, init),
    );
    const widget = start({ fetch: fetch as unknown as typeof globalThis.fetch });
    const errors = vi.fn();
    widget.on('error', errors);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      `${API_BASE}/v1/widget/pk_test/config?v=2026-12-01`,
      `${API_BASE}/healthz`,
    ]);
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ source: 'config', willRetry: false }));
    expect(warn.mock.calls[0]![0]).toContain('either no Upzento client');
    expect(warn.mock.calls[0]![0]).toContain(`or ${location.origin} is not authorized for it (turn on allowLocalhost`);
    expect(hostOf()).toBeNull();
  });

  it('waits for <body> when started from <head>', async () => {
    const body = document.body;
    body.remove();
    const widget = start({ fetch: fakeFetch().fetch });
    await readyPromise(widget);
    expect(hostOf()).toBeNull();
    document.documentElement.append(body);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(hostOf()?.parentElement).toBe(body);
  });

  it('appends to a given container instead of the body', async () => {
    const container = document.createElement('section');
    document.body.append(container);
    const widget = start({ fetch: fakeFetch().fetch, container });
    await readyPromise(widget);
    expect(hostOf()?.parentElement).toBe(container);
  });
});

describe('opening and closing', () => {
  async function ready(): Promise<Widget> {
    const widget = start({ fetch: fakeFetch().fetch });
    await readyPromise(widget);
    return widget;
  }

  it('toggles from the launcher, with aria-expanded and focus moving in and back', async () => {
    const widget = await ready();
    const events: string[] = [];
    widget.on('open', () => events.push('open'));
    widget.on('close', () => events.push('close'));
    const launcher = part('launcher');
    const panel = part('panel');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.hidden).toBe(true);

    launcher.click();
    expect(panel.hidden).toBe(false);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect(hostOf()!.shadowRoot!.activeElement).toBe(field('name'));

    launcher.click();
    expect(panel.hidden).toBe(true);
    expect(hostOf()!.shadowRoot!.activeElement).toBe(launcher);
    expect(events).toEqual(['open', 'close']);
  });

  it('closes on Escape and returns focus to the launcher', async () => {
    const widget = await ready();
    widget.open();
    field('email').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(part('panel').hidden).toBe(true);
    expect(hostOf()!.shadowRoot!.activeElement).toBe(part('launcher'));
  });

  it('does not take focus from the page when the page closes the panel', async () => {
    const widget = await ready();
    widget.open();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    widget.close();
    expect(document.activeElement).toBe(outside);
  });

  it('remembers an open() made before the configuration arrived', async () => {
    const widget = start({ fetch: fakeFetch().fetch });
    const order: string[] = [];
    widget.on('ready', () => order.push('ready'));
    widget.on('open', () => order.push('open'));
    widget.open();
    await vi.waitFor(() => expect(order).toEqual(['ready', 'open']));
    expect(part('panel').hidden).toBe(false);
  });

  it('is a labelled, non-modal dialog', async () => {
    await ready();
    const panel = part('panel');
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-modal')).toBe('false');
    const title = hostOf()!.shadowRoot!.getElementById(panel.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Talk to us');
    expect(part('status').getAttribute('role')).toBe('status');
  });
});

describe('submitting', () => {
  async function openWidget(options: Partial<WidgetOptions> & Pick<WidgetOptions, 'fetch'>): Promise<Widget> {
    const widget = start(options);
    await readyPromise(widget);
    widget.open();
    return widget;
  }

  it('posts the wire format with an Idempotency-Key and shows the success message', async () => {
    const server = fakeFetch();
    const widget = await openWidget({ fetch: server.fetch });
    const submitted = vi.fn();
    const sent = vi.fn();
    widget.on('submit', submitted);
    widget.on('sent', sent);
    fillValidForm();
    submitForm();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledOnce());

    const [call] = server.submissions();
    expect(call!.method).toBe('POST');
    expect(call!.url).toBe(`${API_BASE}/v1/widget/pk_test/submissions`);
    expect(call!.body).toEqual({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      message: 'Please call me back.',
      fields: { phone: '+44 20 7946 0000' },
      context: { pageUrl: location.href },
    });
    const key = call!.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(call!.headers.get('Content-Type')).toBe('application/json');
    // The version the bundle was built for, on the submission and on the configuration it was shown from.
    expect(call!.headers.get('Upzento-Version')).toBe(WIDGET_API_VERSION);
    // The config names it in its query, with no header a CORS preflight would be asked for.
    const configCall = server.configCalls()[0]!;
    expect(new URL(configCall.url).searchParams.get('v')).toBe(WIDGET_API_VERSION);
    expect(configCall.headers.get('Upzento-Version')).toBeNull();
    expect(submitted).toHaveBeenCalledWith({ idempotencyKey: key, request: call!.body });
    expect(sent).toHaveBeenCalledWith({ idempotencyKey: key, id: '6f1c1e5e-8a40-4b7a-9a55-0d7c1c2b3a4d' });
    expect(part('status').textContent).toBe('Thanks, we got it!');
    expect(hostOf()!.shadowRoot!.querySelector('[part="form"]')).toBeNull();
    // The form gave way to its result; focus stays inside the panel.
    expect(hostOf()!.shadowRoot!.activeElement).toBe(part('panel'));
    expect(localStorage.getItem('upzento:outbox:pk_test')).toBeNull();
  });

  it('sends one submission however fast the user submits again', async () => {
    const server = fakeFetch({ submissions: ['hang'] });
    await openWidget({ fetch: server.fetch });
    fillValidForm();
    submitForm();
    submitForm();
    part<HTMLButtonElement>('form').querySelector('button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.submissions()).toHaveLength(1);
    expect(part('form').querySelector('button')!.getAttribute('aria-disabled')).toBe('true');
  });

  it('sends nothing while a field is invalid', async () => {
    const server = fakeFetch();
    await openWidget({ fetch: server.fetch });
    type(field('email'), 'not-an-email');
    submitForm();
    await vi.waitFor(() => expect(field('email').getAttribute('aria-invalid')).toBe('true'));
    expect(server.submissions()).toHaveLength(0);
  });

  it('retries network errors and 5xx with backoff, keeping one Idempotency-Key', async () => {
    vi.useFakeTimers();
    const server = fakeFetch({ submissions: [networkError(), json(502), json(429), created()] });
    const widget = await openWidget({ fetch: server.fetch });
    const sent = vi.fn();
    widget.on('sent', sent);
    // Jitter pinned to the middle: each wait is three quarters of a ceiling that doubles from 500 ms.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    fillValidForm();
    submitForm();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.submissions()).toHaveLength(1);
    expect(part('status').textContent).toBe('Sending…');

    for (const wait of [375, 750, 1500]) {
      const before = server.submissions().length;
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(server.submissions()).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(server.submissions()).toHaveLength(before + 1);
    }

    const keys = new Set(server.submissions().map((c) => c.headers.get('Idempotency-Key')));
    expect(keys.size).toBe(1);
    expect(sent).toHaveBeenCalledOnce();
    expect(part('status').textContent).toBe('Thanks, we got it!');
  });

  it('shows a 4xx to the user, drops it, and does not retry', async () => {
    vi.useFakeTimers();
    const message = 'body/email must match format "email"';
    const server = fakeFetch({ submissions: [json(400, { statusCode: 400, error: 'Bad Request', message })] });
    const widget = await openWidget({ fetch: server.fetch });
    const errors = vi.fn();
    widget.on('error', errors);
    fillValidForm();
    submitForm();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(server.submissions()).toHaveLength(1);
    const status = part('status');
    // A sentence for visitors chosen by the field the server named, never the server's own words.
    expect(status.textContent).toBe('Enter an email address like name@example.com.');
    expect(status.className).toContain('error');
    expect(errors).toHaveBeenCalledWith({
      source: 'submission',
      error: { kind: 'http', status: 400, message: 'body/email must match format "email"' },
      willRetry: false,
    });
    expect(localStorage.getItem('upzento:outbox:pk_test')).toBeNull();
    // The form stays, values kept, so the user can correct and send again.
    expect(field('email').value).toBe('ada@example.com');
  });

  it('retries 408 like a network error', async () => {
    vi.useFakeTimers();
    const server = fakeFetch({ submissions: [json(408), created()] });
    await openWidget({ fetch: server.fetch });
    fillValidForm();
    submitForm();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.submissions()).toHaveLength(2);
  });

  it('says a server problem is one, and sends the saved lead by itself once the server is back', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const server = fakeFetch({ submissions: [json(500)] });
    const widget = await openWidget({ fetch: server.fetch, recovery: { baseDelayMs: 1000, maxDelayMs: 8000 } });
    const sent = vi.fn();
    widget.on('sent', sent);
    fillValidForm();
    submitForm();
    // The quick tries: 4 within 3.5 s.
    await vi.advanceTimersByTimeAsync(3500);
    expect(server.submissions()).toHaveLength(4);
    expect(part('status').textContent).toBe(
      "We couldn't reach our server just now. Your message is saved and we'll keep trying to send it.",
    );
    expect(part('status').textContent).not.toMatch(/offline/i);
    // Then one try after each wait of 1, 2, 4 s … without any `online` event or reload.
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.submissions()).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.submissions()).toHaveLength(6);
    server.reply('submissions', created('later'));
    await vi.advanceTimersByTimeAsync(4000);
    expect(server.submissions()).toHaveLength(7);
    expect(new Set(server.submissions().map((c) => c.headers.get('Idempotency-Key'))).size).toBe(1);
    expect(sent).toHaveBeenCalledWith(expect.objectContaining({ id: 'later' }));
    expect(part('status').textContent).toBe('Thanks, we got it!');
    expect(localStorage.getItem('upzento:outbox:pk_test')).toBeNull();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.submissions()).toHaveLength(7);
  });

  it('treats a 429 as a server problem to wait out, not as offline', async () => {
    vi.useFakeTimers();
    const server = fakeFetch({
      submissions: [
        json(429, { statusCode: 429, code: 'UPZ_RATE_LIMITED', message: 'Too many requests; try again in 30 seconds' }),
      ],
    });
    await openWidget({ fetch: server.fetch });
    fillValidForm();
    submitForm();
    await vi.advanceTimersByTimeAsync(4000);
    expect(part('status').textContent).toBe(
      "We're receiving a lot of messages right now. Yours is saved and will be sent in a moment.",
    );
    expect(part('status').textContent).not.toMatch(/offline|Too many requests/);
  });

  it('keeps an unsendable submission and tells the user it will go out once back online', async () => {
    vi.useFakeTimers();
    const server = fakeFetch({ submissions: [networkError()] });
    const widget = await openWidget({ fetch: server.fetch });
    const errors = vi.fn();
    const sent = vi.fn();
    widget.on('error', errors);
    widget.on('sent', sent);
    fillValidForm();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    submitForm();
    await vi.advanceTimersByTimeAsync(60_000);

    // Offline, the first failure is the last until the browser says it is back.
    expect(server.submissions()).toHaveLength(1);
    const status = part('status');
    expect(status.textContent).toMatch(/offline.*sent when you're back online/i);
    expect(status.className).not.toContain('error');
    expect(errors).toHaveBeenLastCalledWith(expect.objectContaining({ source: 'submission', willRetry: true }));
    const stored = JSON.parse(localStorage.getItem('upzento:outbox:pk_test')!);
    expect(stored).toHaveLength(1);
    expect(stored[0].key).toBe(server.submissions()[0]!.headers.get('Idempotency-Key'));

    server.reply('submissions', created('x'));
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveBeenCalledWith({ idempotencyKey: stored[0].key, id: 'x' });
    expect(part('status').textContent).toBe('Thanks, we got it!');
    expect(localStorage.getItem('upzento:outbox:pk_test')).toBeNull();
  });

  it('does not wait through the backoff when the browser says it is offline', async () => {
    vi.useFakeTimers();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const server = fakeFetch({ submissions: [networkError()] });
    await openWidget({ fetch: server.fetch });
    fillValidForm();
    submitForm();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.submissions()).toHaveLength(1);
    expect(part('status').textContent).toMatch(/offline/);
  });

  it('sends what an earlier page load left in the outbox, with its original key', async () => {
    localStorage.setItem(
      'upzento:outbox:pk_test',
      JSON.stringify([{ key: 'b3f0c0de-0000-4000-8000-000000000001', request: { email: 'old@example.com' } }]),
    );
    const server = fakeFetch();
    const widget = start({ fetch: server.fetch });
    const sent = vi.fn();
    widget.on('sent', sent);
    await vi.waitFor(() => expect(sent).toHaveBeenCalledOnce());
    expect(server.submissions()[0]!.headers.get('Idempotency-Key')).toBe('b3f0c0de-0000-4000-8000-000000000001');
    expect(server.submissions()[0]!.body).toEqual({ email: 'old@example.com' });
    expect(localStorage.getItem('upzento:outbox:pk_test')).toBeNull();
  });

  it('gives up on a request that hangs past the time limit and retries it', async () => {
    vi.useFakeTimers();
    const server = fakeFetch({ submissions: ['hang', created()] });
    await openWidget({ fetch: server.fetch, timeoutMs: 5000 });
    fillValidForm();
    submitForm();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.submissions()[0]!.signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(server.submissions()).toHaveLength(2);
    expect(part('status').textContent).toBe('Thanks, we got it!');
  });
});

describe('what the page and the settings choose', () => {
  it('opens from the page with no launcher shown, and gives the focus back to the page on close', async () => {
    const widget = start({ fetch: fakeFetch().fetch, launcher: false });
    await readyPromise(widget);
    expect(part('launcher').hidden).toBe(true);
    const own = document.body.appendChild(document.createElement('button'));
    own.focus();
    widget.open();
    expect(part('panel').hidden).toBe(false);
    field('email').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(part('panel').hidden).toBe(true);
    expect(document.activeElement).toBe(own);
  });

  it("hides the launcher when the settings say display 'none', and takes icon, size and offsets from them", async () => {
    const launcher = { display: 'none', icon: 'mail', size: 64, offsetX: 32, offsetY: 48 } as const;
    const server = fakeFetch({ config: [json(200, widgetConfig('pk_test', { launcher }))] });
    await readyPromise(start({ fetch: server.fetch }));
    expect(part('launcher').hidden).toBe(true);
    const root = hostOf()!.shadowRoot!.querySelector<HTMLElement>('.root')!;
    expect(root.classList.contains('nolauncher')).toBe(true);
    expect([
      root.style.getPropertyValue('--ls'),
      root.style.getPropertyValue('--lx'),
      root.style.getPropertyValue('--ly'),
    ]).toEqual(['64px', '32px', '48px']);
    expect(part('launcher').querySelector('path')!.getAttribute('d')).toMatch(/^M4 4h16/);
  });

  it("follows the visitor's colour scheme by default, or the one the settings fix", async () => {
    const root = () => hostOf()!.shadowRoot!.querySelector<HTMLElement>('.root')!;
    const auto = start({ fetch: fakeFetch().fetch });
    await readyPromise(auto);
    expect(root().classList.contains('auto')).toBe(true);
    expect(root().style.getPropertyValue('--db')).toMatch(/^#[0-9a-f]{6}$/);
    auto.destroy();
    const dark = start({
      fetch: fakeFetch({ config: [json(200, widgetConfig('pk_test', { colorScheme: 'dark' }))] }).fetch,
    });
    await readyPromise(dark);
    expect(root().classList.contains('dark')).toBe(true);
    expect(root().classList.contains('auto')).toBe(false);
  });

  it('closes on a click outside the widget, unless the settings turn that off', async () => {
    const widget = start({ fetch: fakeFetch().fetch });
    await readyPromise(widget);
    widget.open();
    part('panel').dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(part('panel').hidden).toBe(false);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(part('panel').hidden).toBe(true);
    widget.destroy();

    const server = fakeFetch({ config: [json(200, widgetConfig('pk_test', { closeOnOutsideClick: false }))] });
    const kept = start({ fetch: server.fetch });
    await readyPromise(kept);
    kept.open();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(part('panel').hidden).toBe(false);
  });

  it("speaks the client's language, or the page's choice, with the settings' overrides", async () => {
    const server = fakeFetch({
      config: [json(200, widgetConfig('pk_test', { locale: 'de', strings: { sending: 'Moment…' } }))],
    });
    const widget = start({ fetch: server.fetch });
    await readyPromise(widget);
    widget.open();
    expect(part('close').getAttribute('aria-label')).toBe('Schließen');
    expect(part('launcher').textContent).toBe('Schließen');
    submitForm();
    await vi.waitFor(() =>
      expect(hostOf()!.shadowRoot!.querySelector('.err')?.textContent).toBe('Email ist ein Pflichtfeld.'),
    );
    fillValidForm();
    server.reply('submissions', 'hang');
    submitForm();
    expect(part('status').textContent).toBe('Moment…');
    widget.destroy();

    const french = start({
      fetch: fakeFetch({ config: [json(200, widgetConfig('pk_test', { locale: 'de' }))] }).fetch,
      locale: 'fr-CA',
    });
    await readyPromise(french);
    french.open();
    expect(part('close').getAttribute('aria-label')).toBe('Fermer');
  });

  it('runs right to left for a right-to-left language', async () => {
    const widget = start({ fetch: fakeFetch().fetch, locale: 'ar' });
    await readyPromise(widget);
    expect(hostOf()!.shadowRoot!.querySelector<HTMLElement>('.root')!.dir).toBe('rtl');
  });

  it('prefills a known visitor and sends the identity, the page values of hidden fields and the context', async () => {
    const config = widgetConfig('pk_test', {
      fields: [...widgetConfig().fields, { name: 'plan', label: 'Plan', type: 'hidden', required: false }],
    });
    const server = fakeFetch({ config: [json(200, config)] });
    const identity = { userId: 'u-42', email: 'grace@example.com', name: 'Grace Hopper', userHash: 'f'.repeat(64) };
    const widget = start({ fetch: server.fetch, fields: { plan: 'free' } });
    await readyPromise(widget);
    widget.identify(identity);
    widget.set({ plan: 'pro' });
    widget.open();
    expect([field('name').value, field('email').value]).toEqual(['Grace Hopper', 'grace@example.com']);
    expect(field('plan')).toBeNull();
    type(field('message'), 'Hello');
    submitForm();
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    expect(server.submissions()[0]!.body).toEqual({
      email: 'grace@example.com',
      name: 'Grace Hopper',
      message: 'Hello',
      fields: { plan: 'pro' },
      context: { pageUrl: location.href },
      identity,
    });
  });

  it('offers to send another once sent, and brings the form back', async () => {
    const widget = start({ fetch: fakeFetch().fetch });
    await readyPromise(widget);
    widget.open();
    fillValidForm();
    submitForm();
    await vi.waitFor(() => expect(part('status').textContent).toBe('Thanks, we got it!'));
    expect(hostOf()!.shadowRoot!.querySelector('.intro')).toBeNull();
    part('again').click();
    expect(part('form')).toBeTruthy();
    expect(part('status').textContent).toBe('');
  });

  it("warns once and leaves when the page's CSP blocks the server", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = fakeFetch({ config: [networkError()] });
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      // What Chromium does for a connect-src violation: an event on the document, and a failed fetch.
      const event = Object.assign(new Event('securitypolicyviolation'), {
        blockedURI: String(input),
        effectiveDirective: 'connect-src',
      });
      setTimeout(() => document.dispatchEvent(event), 0);
      return server.fetch(input, init);
    });
    const widget = start({ fetch: fetch as unknown as typeof globalThis.fetch });
    const errors = vi.fn();
    widget.on('error', errors);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce());
    expect(warn.mock.calls[0]![0]).toContain("this page's Content-Security-Policy blocks the widget");
    expect(warn.mock.calls[0]![0]).toContain(`connect-src ${API_BASE}`);
    expect(fetch).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ willRetry: false }));
    expect(hostOf()).toBeNull();
  });
});

describe('lifetime', () => {
  it('destroy() removes every node, listener and timer, even mid-backoff', async () => {
    vi.useFakeTimers();
    const added = vi.spyOn(window, 'addEventListener');
    const server = fakeFetch({ config: [networkError()] });
    const widget = start({ fetch: server.fetch });
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1); // the backoff before the second attempt

    widget.destroy();
    expect(hostOf()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    for (const [, , options] of added.mock.calls) {
      expect((options as AddEventListenerOptions).signal?.aborted).toBe(true);
    }
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.configCalls()).toHaveLength(1);
    widget.destroy();
  });

  it('destroy() aborts a submission in flight and keeps it for the next page load', async () => {
    const server = fakeFetch({ submissions: ['hang'] });
    const widget = start({ fetch: server.fetch });
    await readyPromise(widget);
    const events = vi.fn();
    widget.on('error', events);
    widget.on('sent', events);
    widget.open();
    fillValidForm();
    submitForm();
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));

    widget.destroy();
    expect(server.submissions()[0]!.signal?.aborted).toBe(true);
    expect(document.body.innerHTML).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).not.toHaveBeenCalled();
    expect(JSON.parse(localStorage.getItem('upzento:outbox:pk_test')!)).toHaveLength(1);
  });

  it('lets two widgets with different keys live on one page', async () => {
    const one = fakeFetch({ config: [json(200, widgetConfig('pk_one', { launcherLabel: 'One' }))] });
    const two = fakeFetch({
      config: [json(200, widgetConfig('pk_two', { launcherLabel: 'Two', position: 'bottom-left' }))],
    });
    const first = start({ publicKey: 'pk_one', fetch: one.fetch });
    const second = start({ publicKey: 'pk_two', fetch: two.fetch });
    await Promise.all([readyPromise(first), readyPromise(second)]);

    expect(part('launcher', 'pk_one').textContent).toBe('One');
    expect(part('launcher', 'pk_two').textContent).toBe('Two');
    second.open();
    expect(part('panel', 'pk_one').hidden).toBe(true);
    expect(part('panel', 'pk_two').hidden).toBe(false);

    fillValidForm('pk_two');
    submitForm('pk_two');
    await vi.waitFor(() => expect(two.submissions()).toHaveLength(1));
    expect(one.submissions()).toHaveLength(0);

    first.destroy();
    expect(hostOf('pk_one')).toBeNull();
    expect(part('launcher', 'pk_two')).toBeTruthy();
  });

  it('stays mounted through single-page-app navigation', async () => {
    const app = document.createElement('main');
    document.body.append(app);
    const widget = start({ fetch: fakeFetch().fetch });
    await readyPromise(widget);
    const host = hostOf();

    for (const path of ['/pricing', '/about', '/']) {
      history.pushState({}, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
      app.innerHTML = `<h1>${path}</h1>`;
    }
    expect(hostOf()).toBe(host);
    expect(host?.isConnected).toBe(true);
    widget.open();
    expect(part('panel').hidden).toBe(false);
  });

  it('keeps working when a page handler throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const widget = start({ fetch: fakeFetch().fetch });
    widget.on('ready', () => {
      throw new Error('page bug');
    });
    const second = vi.fn();
    widget.on('ready', second);
    await vi.waitFor(() => expect(second).toHaveBeenCalled());
    expect(error).toHaveBeenCalled();
  });

  it('unsubscribes with the function on() returns', async () => {
    const widget = start({ fetch: fakeFetch().fetch });
    const ready = vi.fn();
    const off = widget.on('ready', ready);
    off();
    const other = vi.fn();
    widget.on('ready', other);
    await vi.waitFor(() => expect(other).toHaveBeenCalled());
    expect(ready).not.toHaveBeenCalled();
  });

  it('asks for the options it cannot do without', () => {
    expect(() => createWidget({ publicKey: '', apiBase: API_BASE })).toThrow(/publicKey/);
    expect(() => createWidget({ publicKey: 'pk', apiBase: '' })).toThrow(/apiBase/);
  });
});
