/** Everything the panel needs that the launcher does not: loaded after the launcher shows (see panel-loader.ts). */
import { h, render } from 'preact';
import { Panel } from './components/panel.js';
import type { PanelModule } from './panel-contract.js';
import { PANEL_CSS } from './panel-styles.js';
import { stringsFor } from './strings.js';

export const panelModule: PanelModule = {
  render: (props, slot) => render(props && h(Panel, props), slot),
  css: PANEL_CSS,
  strings: stringsFor,
};
