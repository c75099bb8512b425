// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWidget, type Widget } from '../../widget/index.js';
import { PANEL_CSS } from '../../widget/panel-styles.js';
import { applyStyles, WIDGET_CSS } from '../../widget/styles.js';
import { API_BASE, fakeFetch, fillValidForm, hostOf, part, submitForm } from '../support/widget-fixtures.js';

function shadow(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  return host.attachShadow({ mode: 'open' });
}

/** Gives jsdom the constructable stylesheet API that every target browser has. */
function withConstructableSheets() {
  const adopted: CSSStyleSheet[][] = [];
  const replaceSync = vi.fn();
  Object.defineProperty(CSSStyleSheet.prototype, 'replaceSync', { value: replaceSync, configurable: true });
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
    configurable: true,
    get: () => adopted.at(-1) ?? [],
    set: (sheets: CSSStyleSheet[]) => adopted.push(sheets),
  });
  return {
    adopted,
    replaceSync,
    restore() {
      delete (CSSStyleSheet.prototype as Partial<CSSStyleSheet>).replaceSync;
      delete (ShadowRoot.prototype as Partial<ShadowRoot>).adoptedStyleSheets;
    },
  };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('styles', () => {
  it('adopts a constructed stylesheet and adds no <style>, so a strict CSP allows it', () => {
    const api = withConstructableSheets();
    try {
      const root = shadow();
      applyStyles(root, 'n0nce');
      expect(api.replaceSync).toHaveBeenCalledWith(WIDGET_CSS);
      expect(api.adopted).toHaveLength(1);
      expect(root.querySelector('style')).toBeNull();
    } finally {
      api.restore();
    }
  });

  it('falls back to a <style> where constructable stylesheets are missing, nonced when given a nonce', () => {
    const withNonce = shadow();
    applyStyles(withNonce, 'n0nce');
    const style = withNonce.querySelector('style');
    expect(style?.getAttribute('nonce')).toBe('n0nce');
    expect(style?.textContent).toBe(WIDGET_CSS);

    // Styled rather than bare: an old browser without a nonce still gets the widget's look.
    const without = shadow();
    applyStyles(without, undefined);
    applyStyles(without, undefined, PANEL_CSS);
    expect([...without.querySelectorAll('style')].map((s) => [s.hasAttribute('nonce'), s.textContent])).toEqual([
      [false, PANEL_CSS],
      [false, WIDGET_CSS],
    ]);
  });

  it('isolates the host, honours reduced motion, and fills a small screen with 16 px inputs', () => {
    expect(WIDGET_CSS).toMatch(/^:host\{all:initial\}/);
    const reduced = WIDGET_CSS.match(/@media \(prefers-reduced-motion:reduce\)\{(.*)\}$/m)?.[1];
    expect(reduced).toContain('animation:none!important');
    expect(reduced).toContain('transition:none!important');
    const narrow = PANEL_CSS.match(/@media \(max-width:(\d+)px\)\{(.*)\}$/m);
    expect(Number(narrow?.[1])).toBeGreaterThanOrEqual(360);
    expect(narrow?.[2]).toMatch(/\.panel\{left:0;right:0;top:0;bottom:0;width:auto/);
    // iOS zooms into a focused input under 16 px.
    expect(narrow?.[2]).toMatch(/\.root input,\.root textarea,\.root select\{font-size:16px\}/);
  });

  it('never writes inline handlers or style attributes, which a strict CSP would block', async () => {
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute');
    const widget: Widget = createWidget({ publicKey: 'pk_test', apiBase: API_BASE, fetch: fakeFetch().fetch });
    await new Promise<void>((resolve) => widget.on('ready', () => resolve()));
    widget.open();
    fillValidForm();
    submitForm();
    await vi.waitFor(() => expect(part('status').textContent).not.toBe('Sending…'));
    widget.close();

    const names = setAttribute.mock.calls.map(([name]) => name.toLowerCase());
    expect(names.filter((name) => name === 'style' || name.startsWith('on'))).toEqual([]);
    const all = [hostOf()!, ...hostOf()!.shadowRoot!.querySelectorAll('*')];
    expect(all.flatMap((el) => el.getAttributeNames().filter((name) => name.startsWith('on')))).toEqual([]);
    widget.destroy();
  });
});
