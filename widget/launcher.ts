import { WIDGET_DEFAULTS } from '../shared/widget-defaults.js';
import type { WidgetConfig } from '../shared/widget-wire-types.js';
import { themeProperties } from './theme.js';

/**
 * The launcher and the root element the panel renders into, built with the DOM alone: widget.js carries no
 * UI library, so what a page pays before the launcher shows stays small. Preact comes with the panel.
 */
export interface LauncherView {
  /** Where the panel renders. */
  panelSlot: HTMLElement;
  button: HTMLButtonElement;
  update(state: LauncherState): void;
}

export interface LauncherState {
  config: WidgetConfig;
  open: boolean;
  /** The launcher's words while the panel is open. */
  closeLabel: string;
  /** False: no button, whatever the configuration says; the page opens the panel itself. */
  launcher: boolean;
  /** Right to left: the panel's text runs that way. */
  rtl: boolean;
}

export interface LauncherHandlers {
  onToggle(): void;
  /** Hover, focus or touch: the moment to fetch the panel, before the click that needs it. */
  onIntent(): void;
  onEscape(): void;
}

// Ids only need to be unique inside one widget's shadow root, so a constant serves every widget on the page.
export const PANEL_ID = 'upz-panel';

// Strokes on a 24 px grid; a few dozen bytes each.
const ICONS = {
  chat: 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z',
  mail: 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm18 2-10 7L2 6',
  question: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3m.1 4h0',
  close: 'M18 6 6 18M6 6l12 12',
};
const SVG = 'http://www.w3.org/2000/svg';

export function createLauncher(mount: HTMLElement, { onToggle, onIntent, onEscape }: LauncherHandlers): LauncherView {
  const root = mount.appendChild(document.createElement('div'));
  const button = root.appendChild(document.createElement('button'));
  button.type = 'button';
  button.setAttribute('part', 'launcher button');
  button.className = 'launcher';
  button.setAttribute('aria-controls', PANEL_ID);
  const svg = button.appendChild(document.createElementNS(SVG, 'svg'));
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = svg.appendChild(document.createElementNS(SVG, 'path'));
  const label = button.appendChild(document.createElement('span'));
  const panelSlot = root.appendChild(document.createElement('div'));

  button.addEventListener('click', onToggle);
  for (const type of ['pointerenter', 'focus', 'touchstart'])
    button.addEventListener(type, onIntent, { passive: true });
  // Escape closes from anywhere in the widget, the launcher included.
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onEscape();
  });

  // The palettes are derived once per theme, not on every update (open, close, a status change).
  let themed: { theme: WidgetConfig['theme']; properties: Record<string, string> } | null = null;

  return {
    panelSlot,
    button,
    update({ config, open, closeLabel, launcher: shown, rtl }) {
      const settings = config.launcher ?? WIDGET_DEFAULTS.launcher;
      const visible = shown && settings.display !== 'none';
      root.className = `root ${config.position} ${config.colorScheme ?? WIDGET_DEFAULTS.colorScheme}${visible ? '' : ' nolauncher'}`;
      root.dir = rtl ? 'rtl' : 'ltr';
      const properties = {
        ...(themed?.theme === config.theme
          ? themed.properties
          : (themed = { theme: config.theme, properties: themeProperties(config.theme) }).properties),
        '--ls': `${settings.size}px`,
        '--lx': `${settings.offsetX}px`,
        '--ly': `${settings.offsetY}px`,
      };
      for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
      button.hidden = !visible;
      button.setAttribute('aria-expanded', String(open));
      path.setAttribute('d', ICONS[open ? 'close' : settings.icon]);
      label.textContent = open ? closeLabel : config.launcherLabel;
    },
  };
}
