import type { WidgetOptions } from './create-widget.js';

/**
 * Options a script tag gives: `data-key`, and `data-api-base` or else the origin the script itself came from.
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
  };
}
