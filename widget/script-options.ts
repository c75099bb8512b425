import type { WidgetOptions } from './create-widget.js';

/**
 * Options a script tag gives: `data-key`, and `data-api-base` or else the origin the script itself came from;
 * `data-launcher="none"` (the page opens the panel itself) and `data-locale`.
 * The tag's nonce serves the fallback style, since a page that nonces scripts likely nonces styles alike.
 * Undefined when the tag has no key: the page then calls `Upzento('init', …)` itself.
 */
export function scriptOptions(script: HTMLScriptElement): WidgetOptions | undefined {
  const publicKey = script.dataset.key;
  if (!publicKey) return undefined;
  return {
    publicKey,
    apiBase: script.dataset.apiBase || new URL(script.src, location.href).origin,
    nonce: script.nonce || undefined,
    ...(script.dataset.launcher === 'none' && { launcher: false }),
    ...(script.dataset.locale && { locale: script.dataset.locale }),
  };
}
