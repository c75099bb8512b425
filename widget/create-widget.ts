import { h, render } from 'preact';
import type { WidgetConfig } from '../shared/widget-wire.js';
import { createApiClient } from './api-client.js';
import type { FormStatus } from './components/panel.js';
import { WidgetRoot } from './components/widget-root.js';
import { createEmitter } from './emitter.js';
import { createOutbox, type OutboxItem, type OutboxStorage } from './outbox.js';
import { DEFAULT_RETRY, isRetryable, type RetryPolicy, withRetry } from './retry.js';
import { applyStyles } from './styles.js';
import { toSubmissionRequest } from './submission-request.js';
import type { WidgetEventMap } from './widget-events.js';

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
   * CSP nonce for a `<style>` element, used only where constructable stylesheets are missing. Default: none,
   * in which case such browsers get no fallback style rather than a CSP violation. The script-tag loader
   * passes its own script's nonce.
   */
  nonce?: string | undefined;
  /**
   * Where submissions wait until the server has them, under `upzento:outbox:<publicKey>`. Default:
   * `localStorage`, or memory when the page may not use it; `null` keeps them in memory only.
   */
  storage?: OutboxStorage | null;
  /** Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Default: 4 attempts, first wait 500 ms, doubling, at most 8000 ms, each wait with jitter. */
  retry?: Partial<RetryPolicy>;
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
    send: (item) => withRetry(() => api.submit(item.key, item.request), policy, signal),
    onDelivery(item, delivery) {
      if (signal.aborted) return;
      if (delivery.status === 'sent') {
        events.emit('sent', { idempotencyKey: item.key, id: delivery.id });
        if (item.key === queuedKey) setStatus({ state: 'sent' });
      } else {
        events.emit('error', { source: 'submission', error: delivery.error, willRetry: delivery.status === 'pending' });
      }
    },
  });

  const host = document.createElement('div');
  host.setAttribute('data-upzento-widget', publicKey);
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, options.nonce);
  // Preact owns this element alone; rendering into the shadow root itself would remove a fallback <style>.
  const mount = document.createElement('div');
  shadow.append(mount);

  let config: WidgetConfig | undefined;
  let isOpen = false;
  let status: FormStatus = { state: 'idle' };
  // The submission this page queued offline; when the outbox delivers it later, the panel says so.
  let queuedKey: string | undefined;
  let loadingConfig = false;
  let destroyed = false;

  const part = (name: string) => shadow.querySelector<HTMLElement>(`[part="${name}"]`);

  function update(): void {
    if (!config || destroyed) return;
    render(
      h(WidgetRoot, {
        config,
        open: isOpen,
        status,
        onToggle: () => (isOpen ? close() : open()),
        onClose: close,
        onSubmit: (values) => void submit(values),
      }),
      mount,
    );
  }

  function setStatus(next: FormStatus): void {
    const focused = shadow.activeElement;
    status = next;
    update();
    // The form gives way to its result; keep the keyboard in the panel instead of dropping it on <body>.
    if (focused && !focused.isConnected) part('panel')?.focus();
  }

  function announceOpen(): void {
    (part('form')?.querySelector<HTMLElement>('input, textarea') ?? part('panel'))?.focus();
    events.emit('open', undefined);
  }

  function open(): void {
    if (destroyed || isOpen) return;
    isOpen = true;
    if (!config) return;
    update();
    announceOpen();
  }

  function close(): void {
    if (destroyed || !isOpen) return;
    isOpen = false;
    if (!config) return;
    const hadFocus = shadow.activeElement !== null;
    update();
    if (hadFocus) part('launcher')?.focus();
    events.emit('close', undefined);
  }

  async function submit(values: Record<string, string>): Promise<void> {
    // The key is fixed now, before the first try, so every retry and reload repeats the same submission.
    const item: OutboxItem = { key: crypto.randomUUID(), request: toSubmissionRequest(values) };
    outbox.add(item);
    events.emit('submit', { idempotencyKey: item.key, request: item.request });
    setStatus({ state: 'sending' });
    const delivery = await outbox.deliver(item);
    if (signal.aborted) return;
    if (delivery.status === 'rejected') {
      setStatus({ state: 'error', message: `Sorry, your message could not be sent: ${delivery.error.message}` });
    } else if (delivery.status === 'pending') {
      queuedKey = item.key;
      setStatus({ state: 'queued' });
    } else {
      setStatus({ state: 'sent' });
      // The connection works now, so anything an earlier page left unsent can follow.
      void outbox.flush();
    }
  }

  async function loadConfig(): Promise<void> {
    if (loadingConfig || config) return;
    loadingConfig = true;
    const result = await withRetry(api.config, policy, signal, (error, willRetry) =>
      events.emit('error', { source: 'config', error, willRetry }),
    );
    loadingConfig = false;
    if (signal.aborted) return;
    if (result.ok) {
      config = result.data;
      update();
      events.emit('ready', { config });
      if (isOpen) announceOpen();
      void outbox.flush();
    } else {
      const { error } = result;
      // In a browser a refused origin fails like the network (no CORS headers), but there the server answers.
      const refused = error.kind === 'http' ? error.status === 403 : navigator.onLine && (await api.answers());
      if (signal.aborted || (isRetryable(error) && !refused)) return;
      // Nothing will change by itself, so leave no trace but a word to the site's developer on the console.
      console.warn(refused ? domainWarning(publicKey) : `Upzento: the widget "${publicKey}" could not load: ${error.message}`);
      destroy();
    }
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    lifetime.abort();
    render(null, mount);
    host.remove();
    events.clear();
  }

  addEventListener('online', () => void (config ? outbox.flush() : loadConfig()), { signal });
  const attach = () => (options.container ?? document.body).append(host);
  if (options.container || document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true, signal });
  void loadConfig();

  return { open, close, destroy, on: events.on };
}

function defaultStorage(): OutboxStorage | null {
  try {
    return localStorage;
  } catch {
    // Merely reading `localStorage` throws in sandboxed frames and with site data blocked.
    return null;
  }
}

function domainWarning(publicKey: string): string {
  const { origin, hostname } = location;
  const fix = /^(localhost|127\.0\.0\.1)$/.test(hostname)
    ? `turn on allowLocalhost for this client in Upzento`
    : `verify ${hostname} as a domain of this client in Upzento`;
  return (
    `Upzento: ${origin} is not authorized to show the widget with key "${publicKey}", so it stays hidden. ` +
    `To show it here, ${fix}.`
  );
}
