import { panelModule } from './panel-module.js';
import type { PanelModule } from './panel-contract.js';

/** Where the panel comes from; the script-tag build swaps this module for panel-loader-script.ts. */
export interface PanelSource {
  apiBase: string;
  nonce: string | undefined;
}

/** Whether the panel is part of this build (the bundler build) rather than a file of its own. */
export const PANEL_INLINE = true;

/**
 * The bundler build carries the panel inline, so it is there at once. Returning it synchronously (not a
 * promise) keeps opening the panel synchronous for pages and tests that use createWidget directly.
 */
export function loadPanel(_source: PanelSource): PanelModule | Promise<PanelModule> {
  return panelModule;
}

/** Only the script-tag build receives the panel as a second file; see panel-loader-script.ts. */
export function receivePanel(_factory: unknown): void {}
