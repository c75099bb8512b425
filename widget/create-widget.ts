import type { WidgetConfig } from '../shared/widget-wire-types.js';
import { createApiClient } from './api-client.js';
import type { ApiError } from './api-client.js';
import { createEmitter } from './emitter.js';
import type { FormStatus } from './form-status.js';
import { createLauncher, PANEL_ID } from './launcher.js';
import { createOutbox, type OutboxItem, type OutboxStorage } from './outbox.js';
import type { PanelModule } from './panel-contract.js';
import { loadPanel, PANEL_INLINE } from './panel-loader.js';
import {
  backoff,
  DEFAULT_RECOVERY,
  DEFAULT_RETRY,
  isOffline,
  isRetryable,
  type RetryPolicy,
  withRetry,
} from './retry.js';
import { applyStyles } from './styles.js';
import { toSubmissionRequest, type WidgetIdentity } from './submission-request.js';
import { isRightToLeft } from './locale-direction.js';
import { later, sleep } from './timers.js';
import type { WidgetEventMap } from './widget-events.js';
import { PUBLIC_KEY_PATTERN } from './wire-constants.js';

export interface WidgetOptions {
  /** The client's widget key (its `publicKey`). Required. */
  publicKey: string;
  /**
   * Origin of the Upzento server, optionally with a path prefix, e.g. `https://crm.example.com`. Required;
   * the script-tag loader passes `data-api-base`, or else the origin its own `src` came from.
   */
  apiBase: string;
  /**
   * Element the widget's host element is appended to. Default: `document.body`, waiting for
   * `DOMContentLoaded` when the body does not exist yet. The launcher stays fixed to a corner of the viewport
   * either way.
   */
  container?: HTMLElement;
  /**
   * CSP nonce for the `<style>` element used where constructable stylesheets are missing, and for the
   * panel's script. Default: none; such browsers then still get a `<style>`, which a strict `style-src`
   * without `'unsafe-inline'` blocks. The script-tag loader passes its own script's nonce.
   */
  nonce?: string | undefined;
  /**
   * Where submissions wait until the server has them, under `upzento:outbox:<publicKey>`. Default:
   * `localStorage`, or memory when the page may not use it; `null` keeps them in memory only.
   */
  storage?: OutboxStorage | null;
  /**
   * False: no launcher button, whatever the client's settings say; the page opens the panel itself
   * (`widget.open()`, `Upzento('open')`). Default: true, as the settings say. The script tag's
   * `data-launcher="none"` sets it to false.
   */
  launcher?: boolean;
  /**
   * The visitors' language, a BCP 47 tag (`de`, `pt-BR`); built in are en, de, fr, es, nl and pt, and
   * any other falls back to its base language, then English. Default: the client's `locale` setting.
   * The script tag's `data-locale` sets it.
   */
  locale?: string;
  /**
   * Who the visitor is, as the site knows and vouches for (see `identify`). Default: none.
   */
  identity?: WidgetIdentity;
  /**
   * Values by field name: what hidden fields send (`{ plan: 'pro' }`), and what visible ones start with.
   * Default: none. `widget.set()` and `Upzento('set', …)` add to them later.
   */
  fields?: Record<string, string>;
  /** Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Quick tries of one request while a visitor waits on it. Default: 4 attempts, first wait 500 ms,
   * doubling, at most 8000 ms, each wait with jitter.
   */
  retry?: Partial<RetryPolicy>;
  /**
   * How the widget keeps trying after that, while the page is open: the configuration (given up after
   * `attempts`, then the widget leaves the page) and leads waiting in the outbox (never given up; they also
   * go out on the `online` event and the next page load). Default: 12 attempts, first wait 1000 ms,
   * doubling, at most 60000 ms, each wait with jitter.
   */
  recovery?: Partial<RetryPolicy>;
  /** Time limit of one request, after which it counts as a network error. Default: 15000 ms. */
  timeoutMs?: number;
}

export interface Widget {
  /** Opens the panel and moves focus to its first field; before the configuration arrives, opens it then. */
  open(): void;
  /** Closes the panel, returning focus to the launcher if focus was inside the widget. */
  close(): void;
  /**
   * Removes the widget's nodes, listeners and timers and aborts its requests. Unsent submissions stay in
   * storage for the next page load. Calling it again does nothing.
   */
  destroy(): void;
  /**
   * Says who the visitor is: sent with each submission as `identity` (the server checks `userHash`), and
   * their name and email fill the form. Replaces an earlier identity.
   */
  identify(identity: WidgetIdentity): void;
  /** Adds values by field name: hidden fields send them, visible ones start with them. */
  set(values: Record<string, string>): void;
  /** Subscribes to an event; the returned function unsubscribes. */
  on<K extends keyof WidgetEventMap>(event: K, fn: (payload: WidgetEventMap[K]) => void): () => void;
}

export function createWidget(options: WidgetOptions): Widget {
  const { publicKey, apiBase } = options;
  if (!publicKey || !apiBase) throw new TypeError('Upzento: createWidget needs both publicKey and apiBase');

  // One signal ends everything the widget started: requests, backoff timers and window listeners.
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const events = createEmitter<WidgetEventMap>();
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const recovery: RetryPolicy = { ...DEFAULT_RECOVERY, ...options.recovery };
  const apiOrigin = originOf(apiBase);
  const api = createApiClient({
    apiBase,
    publicKey,
    fetch: options.fetch ?? globalThis.fetch,
    signal,
    timeoutMs: options.timeoutMs ?? 15_000,
  });
  const outbox = createOutbox({
    storage: options.storage === undefined ? defaultStorage() : options.storage,
    storageKey: `upzento:outbox:${publicKey}`,
    send: (item, patient) =>
      withRetry(() => api.submit(item.key, item.request), patient ? policy : { ...policy, attempts: 1 }, signal),
    onDelivery(item, delivery) {
      if (signal.aborted) return;
      if (delivery.status === 'sent') {
        events.emit('sent', { idempotencyKey: item.key, id: delivery.id });
        if (item.key === queuedKey) setStatus({ state: 'sent' });
      } else {
        events.emit('error', { source: 'submission', error: delivery.error, willRetry: delivery.status === 'pending' });
        if (delivery.status === 'pending') retryOutboxLater();
      }
    },
  });

  const host = document.createElement('div');
  host.setAttribute('data-upzento-widget', publicKey);
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, options.nonce);
  const view = createLauncher(shadow.appendChild(document.createElement('div')), {
    onToggle: () => (isOpen ? close() : open()),
    onIntent: () => requestPanel(),
    onEscape: () => close(),
  });

  let config: WidgetConfig | undefined;
  let panel: PanelModule | undefined;
  let panelRequested = false;
  let isOpen = false;
  let status: FormStatus = { state: 'idle' };
  // The submission this page queued; when the outbox delivers it later, the panel says so.
  let queuedKey: string | undefined;
  let destroyed = false;
  // What the page's Content-Security-Policy refused the widget, if anything (a directive's name).
  let blockedBy: string | undefined;
  let identity = options.identity;
  const pageValues: Record<string, string> = { ...options.fields };
  // Where the focus was when the panel opened, for a widget without a launcher to give it back to.
  let opener: Element | null = null;
  let outboxRound = 0;
  let cancelOutboxRetry: (() => void) | undefined;
  let wakeConfig: (() => void) | undefined;

  const part = (name: string) => shadow.querySelector<HTMLElement>(`[part~="${name}"]`);

  function update(): void {
    if (!config || destroyed) return;
    const strings = panel?.strings(config, options.locale);
    const locale = options.locale ?? config.locale;
    view.update({
      config,
      open: isOpen,
      closeLabel: strings?.close ?? 'Close',
      launcher: options.launcher !== false,
      rtl: isRightToLeft(locale) || (!locale && document.documentElement.dir === 'rtl'),
    });
    if (!panel || !strings) return;
    panel.render(
      {
        id: PANEL_ID,
        config,
        open: isOpen,
        status,
        strings,
        prefill: {
          ...pageValues,
          ...(identity?.name && { name: identity.name }),
          ...(identity?.email && { email: identity.email }),
        },
        onClose: close,
        onSubmit: (values) => void submit(values),
        onReset: () => setStatus({ state: 'idle' }),
      },
      view.panelSlot,
    );
  }

  /** Fetches the panel once: on the launcher's hover or focus, on open, or when the page is idle. */
  function requestPanel(): void {
    if (panelRequested || destroyed) return;
    panelRequested = true;
    const arrived = (module: PanelModule) => {
      if (destroyed) return;
      panel = module;
      applyStyles(shadow, options.nonce, module.css);
      update();
      if (isOpen && config) announceOpen();
    };
    const loaded = loadPanel({ apiBase, nonce: options.nonce });
    if (!('then' in loaded)) return arrived(loaded);
    loaded.then(arrived, (error: Error) => {
      panelRequested = false;
      if (destroyed) return;
      events.emit('error', { source: 'panel', error: { kind: 'network', message: error.message }, willRetry: true });
      if (blockedBy) giveUp(cspWarning(publicKey, apiOrigin, blockedBy));
    });
  }

  function setStatus(next: FormStatus): void {
    const focused = shadow.activeElement;
    status = next;
    update();
    // The form gives way to its result; keep the keyboard in the panel instead of dropping it on <body>.
    if (focused && !focused.isConnected) part('panel')?.focus();
  }

  function announceOpen(): void {
    (part('form')?.querySelector<HTMLElement>('input, textarea, select') ?? part('panel'))?.focus();
    events.emit('open', undefined);
  }

  function open(): void {
    if (destroyed || isOpen) return;
    isOpen = true;
    opener = document.activeElement;
    requestPanel();
    if (!config) return;
    update();
    if (panel) announceOpen();
  }

  function close(): void {
    if (destroyed || !isOpen) return;
    isOpen = false;
    if (!config) return;
    const hadFocus = shadow.activeElement !== null;
    update();
    if (hadFocus) (view.button.hidden ? (opener as HTMLElement | null) : view.button)?.focus();
    events.emit('close', undefined);
  }

  async function submit(values: Record<string, string>): Promise<void> {
    // The key is fixed now, before the first try, so every retry and reload repeats the same submission.
    const request = toSubmissionRequest(values, config?.fields ?? [], { pageValues, identity });
    const item: OutboxItem = { key: crypto.randomUUID(), request };
    outbox.add(item);
    events.emit('submit', { idempotencyKey: item.key, request: item.request });
    setStatus({ state: 'sending' });
    const delivery = await outbox.deliver(item);
    if (signal.aborted) return;
    if (delivery.status === 'rejected') {
      setStatus({ state: 'error', error: delivery.error });
    } else if (delivery.status === 'pending') {
      queuedKey = item.key;
      const { error } = delivery;
      setStatus({
        state: 'queued',
        offline: isOffline(error),
        rateLimited: error.kind === 'http' && error.status === 429,
      });
    } else {
      setStatus({ state: 'sent' });
      // The connection works now, so anything an earlier page left unsent can follow.
      void flushOutbox();
    }
  }

  /** Sends what waits in the outbox; while something still waits, tries again later with backoff. */
  async function flushOutbox(): Promise<void> {
    cancelOutboxRetry?.();
    cancelOutboxRetry = undefined;
    if (!(await outbox.flush())) outboxRound = 0;
  }

  function retryOutboxLater(): void {
    // Offline, every try fails at once; the `online` event says when to try again.
    if (cancelOutboxRetry || navigator.onLine === false || destroyed) return;
    cancelOutboxRetry = later(signal, backoff(++outboxRound, recovery), () => {
      cancelOutboxRetry = undefined;
      void flushOutbox();
    });
  }

  /** Waits out a backoff, or less when the browser comes back online. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = later(signal, ms, wake);
      function wake(): void {
        cancel();
        wakeConfig = undefined;
        resolve();
      }
      wakeConfig = wake;
    });
  }

  async function loadConfig(): Promise<void> {
    // A key of the wrong shape (the docs' PUBLIC_KEY placeholder, a client id) is no client's: no request.
    if (!PUBLIC_KEY_PATTERN.test(publicKey)) return giveUp(keyWarning(publicKey, apiBase));
    for (let attempt = 1; ; attempt++) {
      const result = await api.config();
      if (signal.aborted) return;
      if (result.ok) return ready(result.data);
      const failure = await explain(result.error);
      if (signal.aborted) return;
      const offline = failure === 'transient' && navigator.onLine === false;
      const willRetry = failure === 'transient' && (offline || attempt < recovery.attempts);
      events.emit('error', { source: 'config', error: result.error, willRetry });
      if (!willRetry) return giveUp(configWarning(failure, result.error, publicKey, apiBase, apiOrigin, blockedBy));
      // Offline, the attempt does not count: the `online` event ends the wait.
      if (offline) attempt--;
      await pause(offline ? 2 ** 31 - 1 : backoff(attempt, recovery));
      if (signal.aborted) return;
    }
  }

  /** Why the configuration failed, as far as the widget can tell. */
  async function explain(error: ApiError): Promise<ConfigFailure> {
    if (error.kind === 'http') {
      if (error.status === 403) return error.code === 'UPZ_TENANT_SUSPENDED' ? 'suspended' : 'refused';
      if (error.status === 404) return 'unknown';
      return isRetryable(error) ? 'transient' : 'broken';
    }
    if (error.message.startsWith('Unexpected response')) return 'broken';
    // The page's CSP reports a blocked request as an event, which may come just after the failure itself.
    await sleep(signal, 50);
    if (blockedBy) return 'csp';
    if (navigator.onLine === false) return 'transient';
    // In a browser a refused origin or an unknown key fails like the network (no CORS headers), but there
    // the server answers.
    return (await api.answers()) ? 'refused-or-unknown' : 'transient';
  }

  function ready(loaded: WidgetConfig): void {
    config = loaded;
    const attach = () => (options.container ?? document.body).append(host);
    // The host joins the page only with something to show, so a widget that never loads leaves no trace.
    if (options.container || document.body) attach();
    else document.addEventListener('DOMContentLoaded', attach, { once: true, signal });
    update();
    events.emit('ready', { config });
    if (isOpen) {
      requestPanel();
      if (panel) announceOpen();
    }
    // The bundler build has the panel at hand; widget.js fetches it once the page has a moment.
    if (PANEL_INLINE) requestPanel();
    else whenIdle(signal, requestPanel);
    void flushOutbox();
  }

  /** Leaves the page for good, with one word to the site's developer on the console. */
  function giveUp(warning: string): void {
    if (destroyed) return;
    console.warn(warning);
    destroy();
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    lifetime.abort();
    panel?.render(null, view.panelSlot);
    host.remove();
    events.clear();
  }

  addEventListener(
    'online',
    () => {
      outboxRound = 0;
      if (config) void flushOutbox();
      else wakeConfig?.();
    },
    { signal },
  );
  // A page whose CSP leaves the widget's server out would otherwise see it fail without a word.
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      if (blockedBy || originOf(event.blockedURI) !== apiOrigin) return;
      blockedBy = event.effectiveDirective;
      // The configuration's own failure reports a blocked connect-src; a blocked panel is reported here.
      if (config) giveUp(cspWarning(publicKey, apiOrigin, blockedBy));
    },
    { signal },
  );
  // A click on the page outside the widget closes the open panel, unless the client turned that off.
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (isOpen && config?.closeOnOutsideClick !== false && !event.composedPath().includes(host)) close();
    },
    { signal, capture: true },
  );
  void loadConfig();

  return {
    open,
    close,
    destroy,
    on: events.on,
    identify(next) {
      identity = next;
      update();
    },
    set(values) {
      Object.assign(pageValues, values);
      update();
    },
  };
}

type ConfigFailure = 'transient' | 'refused' | 'suspended' | 'unknown' | 'refused-or-unknown' | 'csp' | 'broken';

function originOf(url: string): string | undefined {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return undefined;
  }
}

function whenIdle(signal: AbortSignal, fn: () => void): void {
  if (typeof requestIdleCallback !== 'function') return void later(signal, 1000, () => signal.aborted || fn());
  const id = requestIdleCallback(fn, { timeout: 3000 });
  signal.addEventListener('abort', () => cancelIdleCallback(id));
}

function defaultStorage(): OutboxStorage | null {
  try {
    return localStorage;
  } catch {
    // Merely reading `localStorage` throws in sandboxed frames and with site data blocked.
    return null;
  }
}

function configWarning(
  failure: ConfigFailure,
  error: ApiError,
  publicKey: string,
  apiBase: string,
  apiOrigin: string | undefined,
  blockedBy: string | undefined,
): string {
  const { origin, hostname } = location;
  const fix = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(hostname)
    ? `turn on allowLocalhost for this client in Upzento`
    : `verify ${hostname} as a domain of this client in Upzento`;
  const unknown = `no Upzento client at ${apiBase} has the key "${publicKey}"`;
  switch (failure) {
    case 'refused':
      return `Upzento: ${origin} is not authorized to show the widget with key "${publicKey}", so it stays hidden. To show it here, ${fix}.`;
    case 'suspended':
      return `Upzento: the client with key "${publicKey}" is suspended, so the widget stays hidden until the suspension is lifted.`;
    case 'unknown':
      return `Upzento: ${unknown}, so the widget stays hidden. Copy the client's publicKey into data-key (or publicKey).`;
    case 'refused-or-unknown':
      return (
        `Upzento: ${apiBase} refused the widget with key "${publicKey}" on ${origin}, so it stays hidden: either ` +
        `${unknown} (copy the client's publicKey into data-key), or ${origin} is not authorized for it (${fix}).`
      );
    case 'csp':
      return cspWarning(publicKey, apiOrigin, blockedBy ?? 'connect-src');
    case 'transient':
      return `Upzento: the widget "${publicKey}" could not reach ${apiBase} and stopped trying: ${error.message}`;
    default:
      return `Upzento: the widget "${publicKey}" could not load: ${error.message}`;
  }
}

function keyWarning(publicKey: string, apiBase: string): string {
  return (
    `Upzento: "${publicKey}" is not a widget key (they look like pk_…), so no client at ${apiBase} has it and ` +
    `the widget stays hidden. Copy the client's publicKey into data-key (or publicKey).`
  );
}

function cspWarning(publicKey: string, apiOrigin: string | undefined, directive: string): string {
  const name = directive.replace(/-(elem|attr)$/, '');
  return (
    `Upzento: this page's Content-Security-Policy blocks the widget "${publicKey}" (${directive}), so it stays ` +
    `hidden. Add ${apiOrigin} to ${name}; the widget needs script-src ${apiOrigin} and connect-src ${apiOrigin}.`
  );
}
