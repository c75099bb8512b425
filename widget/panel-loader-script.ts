/**
 * The script-tag build's panel loader (the build puts it in place of panel-loader.ts): the panel is a second
 * file, `widget-panel.js`, served next to widget.js, so it passes the same `script-src`. It hands itself
 * over through `Upzento('panel', factory)`.
 */
import type { PanelModule } from './panel-contract.js';
import type { PanelSource } from './panel-loader.js';

/** Set by the build to the panel file's content hash, so a cached widget.js never meets a newer panel. */
declare const UPZENTO_PANEL_VERSION: string;

type PanelFactory = () => PanelModule;

export const PANEL_INLINE = false;

let arrived: ((factory: PanelFactory) => void) | undefined;
let loading: Promise<PanelModule> | undefined;

export function loadPanel({ apiBase, nonce }: PanelSource): Promise<PanelModule> {
  loading ??= new Promise<PanelModule>((resolve, reject) => {
    arrived = (factory) => resolve(factory());
    const script = document.createElement('script');
    script.src = `${apiBase.replace(/\/+$/, '')}/widget-panel.js?v=${UPZENTO_PANEL_VERSION}`;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.onerror = () => {
      // The next hover or open asks again: a later try may find the network back.
      loading = undefined;
      script.remove();
      reject(new Error(`could not load ${script.src}`));
    };
    document.head.append(script);
  });
  return loading;
}

export function receivePanel(factory: unknown): void {
  if (typeof factory === 'function') arrived?.(factory as PanelFactory);
}
