import type { WidgetConfig } from '../shared/widget-wire.js';

/**
 * The widget's whole stylesheet. `:host { all: initial }` stops the page's inherited styles at the shadow
 * boundary; colours come from custom properties set per widget, so two widgets never share a theme.
 */
export const WIDGET_CSS = `:host{all:initial}
.root{font:15px/1.45 system-ui,sans-serif;color:var(--t)}
.root *{box-sizing:border-box;margin:0}
button,input,textarea{font:inherit;color:inherit}
.launcher,.panel{position:fixed;right:20px;z-index:2147483000}
.bottom-left .launcher,.bottom-left .panel{right:auto;left:20px}
.launcher{bottom:20px;padding:12px 20px;border:0;border-radius:999px;background:var(--p);color:var(--o);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.panel{bottom:84px;width:360px;max-height:calc(100vh - 104px);overflow:auto;padding:20px;border-radius:12px;background:var(--b);box-shadow:0 8px 30px rgba(0,0,0,.3);animation:upz-in .18s ease-out}
@keyframes upz-in{from{opacity:0;transform:translateY(8px)}}
.head{display:flex;align-items:flex-start;justify-content:space-between;gap:8px}
h2{font-size:18px;font-weight:700}
.close{border:0;background:none;font-size:22px;line-height:1;padding:2px 6px;cursor:pointer}
.intro{margin-top:8px}
.field{margin-top:14px}
label{display:block;margin-bottom:4px;font-weight:600}
input,textarea{display:block;width:100%;padding:9px 10px;border:1px solid #767676;border-radius:6px;background:var(--b)}
textarea{resize:vertical;min-height:96px}
[aria-invalid=true]{border-color:#c0262d}
.err,.status.error{color:#c0262d}
.err{margin-top:4px;font-size:13px}
.submit{margin-top:16px;width:100%;padding:11px;border:0;border-radius:6px;background:var(--p);color:var(--o);font-weight:600;cursor:pointer}
.submit[aria-disabled=true]{opacity:.6;cursor:progress}
.status:not(:empty){margin-top:14px}
:focus-visible{outline:2px solid var(--p);outline-offset:2px}
@media (max-width:480px){.root .panel{left:8px;right:8px;width:auto;bottom:76px;max-height:calc(100vh - 92px)}}
@media (prefers-reduced-motion:reduce){.root *{animation:none!important;transition:none!important}}`;

/**
 * Constructable stylesheets need no `style-src 'unsafe-inline'`, so they work under a strict CSP. A `<style>`
 * is the fallback only with a nonce: without one a strict CSP would block it and report a violation.
 */
export function applyStyles(root: ShadowRoot, nonce: string | undefined): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } else if (nonce) {
    const style = document.createElement('style');
    style.setAttribute('nonce', nonce);
    style.textContent = WIDGET_CSS;
    root.append(style);
  }
}

/** Custom properties for the client's theme, plus a text colour that stays readable on the primary colour. */
export function themeProperties(theme: WidgetConfig['theme']): Record<string, string> {
  const rgb = parseInt(theme.primary.slice(1), 16);
  // Perceived brightness (ITU-R BT.601 weights) decides between black and white text.
  const brightness = ((rgb >> 16) * 299 + ((rgb >> 8) & 255) * 587 + (rgb & 255) * 114) / 1000;
  return {
    '--p': theme.primary,
    '--t': theme.text,
    '--b': theme.background,
    '--o': brightness > 150 ? '#000' : '#fff',
  };
}
