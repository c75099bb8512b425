/**
 * The widget with a bundler instead of a script tag: the same widget, created and driven from the site's
 * own code, with types. Replace the key and host with your client's `publicKey` and your Upzento server.
 */
import { createWidget, type Widget, type WidgetErrorEvent, type WidgetSubmitEvent } from '@upzento/widget';

const widget: Widget = createWidget({
  publicKey: 'pk_REPLACE_WITH_YOUR_PUBLIC_KEY',
  apiBase: 'https://UPZENTO_HOST',
  // Two tries instead of four before a lead waits for the browser to come back online.
  retry: { attempts: 2 },
});

/** Each lead carries its Idempotency-Key from the first try on: the `sent` event names the same key. */
const pending = new Set<string>();

widget.on('submit', (event: WidgetSubmitEvent) => {
  const key: string = event.idempotencyKey;
  pending.add(key);
  console.log(`lead from ${event.request.email} submitted as ${key}`);
});

widget.on('sent', ({ idempotencyKey, id }) => {
  pending.delete(idempotencyKey);
  console.log(`lead ${idempotencyKey} stored${id ? ` as ${id}` : ''}`);
});

widget.on('error', ({ source, error, willRetry }: WidgetErrorEvent) => {
  const why = error.kind === 'http' ? `HTTP ${error.status}: ${error.message}` : error.message;
  console.warn(`Upzento ${source} error (${willRetry ? 'will retry' : 'gave up'}): ${why}`);
});

// @ts-expect-error the types know the widget's events, so a misspelt one does not compile
widget.on('sumbit', () => {});

document.querySelector<HTMLButtonElement>('#contact')?.addEventListener('click', () => widget.open());
