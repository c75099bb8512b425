/**
 * The launcher's stylesheet, in widget.js; the panel's comes with the panel (panel-styles.ts).
 * `:host { all: initial }` stops the page's inherited styles at the shadow boundary (custom properties pass:
 * `all` leaves them alone, which is what lets a page set the documented `--upz-*` ones). Each `--upz-*`
 * falls back to the widget's own theme value, set per widget on `.root`, so two widgets never share a theme.
 */
export const WIDGET_CSS = `:host{all:initial}
.root{--p:var(--lp);--o:var(--lo);--t:var(--lt);--b:var(--lb);--e:var(--le);--f:var(--lf);color-scheme:light}
.dark{--p:var(--dp);--o:var(--do);--t:var(--dt);--b:var(--db);--e:var(--de);--f:var(--df);color-scheme:dark}
@media (prefers-color-scheme:dark){.auto{--p:var(--dp);--o:var(--do);--t:var(--dt);--b:var(--db);--e:var(--de);--f:var(--df);color-scheme:dark}}
.root{--P:var(--upz-primary,var(--p));--O:var(--upz-on-primary,var(--o));--T:var(--upz-text,var(--t));--B:var(--upz-background,var(--b));--E:var(--upz-error,var(--e));--F:var(--upz-focus,var(--f));--R:var(--upz-radius,12px);font:15px/1.45 var(--upz-font,system-ui,sans-serif);color:var(--T)}
.root *{box-sizing:border-box;margin:0}
button,input,textarea,select{font:inherit;color:inherit}
.launcher,.panel{position:fixed;right:var(--lx,20px);z-index:var(--upz-z-index,2147483000)}
.bottom-left .launcher,.bottom-left .panel{right:auto;left:var(--lx,20px)}
.launcher{bottom:var(--ly,20px);display:flex;align-items:center;gap:8px;min-width:var(--ls,56px);height:var(--ls,56px);padding:0 20px;border:0;border-radius:999px;background:var(--P);color:var(--O);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);transition:transform .15s,box-shadow .15s}
.launcher:hover{transform:translateY(-2px);box-shadow:0 6px 18px rgba(0,0,0,.3)}
.launcher svg{width:22px;height:22px;flex:none;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.nolauncher .launcher{display:none}
:focus-visible{outline:3px solid var(--F);outline-offset:2px}
@media (prefers-reduced-motion:reduce){.root *{animation:none!important;transition:none!important}}`;

/**
 * Adds a stylesheet to the shadow root. Constructable stylesheets need no `style-src 'unsafe-inline'`, so
 * they work under a strict CSP. Browsers without them get a `<style>`, nonced when a nonce is given: styled
 * rather than bare, even where a strict CSP without that nonce then reports it.
 */
export function applyStyles(root: ShadowRoot, nonce: string | undefined, css = WIDGET_CSS): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = css;
    // First in the root, before Preact's mount point, which Preact owns alone.
    root.prepend(style);
  }
}
