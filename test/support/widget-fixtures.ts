import { vi } from 'vitest';
import type { WidgetConfig } from '../../shared/widget-wire.js';

export const API_BASE = 'https://crm.example.test';

export function widgetConfig(publicKey = 'pk_test', overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return {
    publicKey,
    title: 'Talk to us',
    intro: 'We answer within a day.',
    launcherLabel: 'Contact',
    submitLabel: 'Send',
    successMessage: 'Thanks, we got it!',
    position: 'bottom-right',
    theme: { primary: '#1a73e8', text: '#202124', background: '#ffffff' },
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: false },
      { name: 'email', label: 'Email', type: 'email', required: true },
      { name: 'phone', label: 'Phone', type: 'tel', required: false },
      { name: 'message', label: 'Message', type: 'textarea', required: true, maxLength: 500 },
    ],
    ...overrides,
  };
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

export interface FakeResponse {
  status: number;
  /** Undefined: the body is not JSON. */
  body?: unknown;
}

/** What a route answers: a response, a thrown network error, or a promise that only an abort ends. */
export type Reply = FakeResponse | Error | 'hang';

export function json(status: number, body?: unknown): FakeResponse {
  return { status, body };
}

export const created = (id = '6f1c1e5e-8a40-4b7a-9a55-0d7c1c2b3a4d') => json(201, { id });
export const domainRefused = () =>
  json(403, { statusCode: 403, error: 'Forbidden', message: 'Domain not authorized for this client' });
export const networkError = () => new TypeError('Failed to fetch');

/**
 * A fetch double for the two widget routes. Each route takes a list of replies used in turn (the last one
 * repeats), and every call is recorded with its parsed body.
 */
export function fakeFetch(routes: { config?: Reply[]; submissions?: Reply[] } = {}) {
  const calls: RecordedCall[] = [];
  const queues = {
    config: routes.config ?? [json(200, widgetConfig())],
    submissions: routes.submissions ?? [created()],
  };
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const queue = new URL(url).pathname.endsWith('/config') ? queues.config : queues.submissions;
    const reply = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) =>
        call.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
      );
    }
    if (reply instanceof Error) throw reply;
    // Only what the widget reads, and no streams: replies settle in microtasks, which fake timers leave alone.
    const { status, body } = reply;
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => (body === undefined ? Promise.reject(new SyntaxError('Unexpected token')) : body),
    } as Response;
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    /** Replaces a route's replies from now on. */
    reply(route: keyof typeof queues, ...replies: Reply[]) {
      queues[route] = replies;
    },
    submissions: () => calls.filter((c) => c.url.endsWith('/submissions')),
    configCalls: () => calls.filter((c) => new URL(c.url).pathname.endsWith('/config')),
  };
}

export function hostOf(publicKey = 'pk_test'): HTMLElement | null {
  return document.querySelector(`[data-upzento-widget="${publicKey}"]`);
}

/** The element with `part="<name>"` inside the widget's shadow root. */
export function part<T extends HTMLElement = HTMLElement>(name: string, publicKey = 'pk_test'): T {
  const element = hostOf(publicKey)?.shadowRoot?.querySelector<T>(`[part~="${name}"]`);
  if (!element) throw new Error(`no part="${name}" in widget ${publicKey}`);
  return element;
}

export function field(name: string, publicKey = 'pk_test'): HTMLInputElement {
  return part<HTMLFormElement>('form', publicKey).elements.namedItem(name) as HTMLInputElement;
}

/** Types into a field the way a user does, so the form's input handler runs. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function fillValidForm(publicKey = 'pk_test'): void {
  type(field('name', publicKey), 'Ada Lovelace');
  type(field('email', publicKey), 'ada@example.com');
  type(field('phone', publicKey), '+44 20 7946 0000');
  type(field('message', publicKey), 'Please call me back.');
}

export function submitForm(publicKey = 'pk_test'): void {
  part<HTMLFormElement>('form', publicKey).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

/** Lets promise chains (fetch replies, Preact's render queue) settle without moving fake time. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
}
