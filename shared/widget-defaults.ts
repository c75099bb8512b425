/**
 * What a widget gets for the settings a client has not set; the server serves every one of them filled in
 * with these, so today's widgets keep looking the same. Dependency-free: the widget may bundle it.
 */
import type { WidgetConfig } from './widget-wire.js';

export const WIDGET_DEFAULTS = {
  locale: 'en',
  strings: {},
  colorScheme: 'auto',
  launcher: { display: 'button', icon: 'chat', size: 56, offsetX: 20, offsetY: 20 },
  closeOnOutsideClick: true,
  privacyPolicyUrl: null,
} as const satisfies Required<
  Pick<WidgetConfig, 'locale' | 'strings' | 'colorScheme' | 'launcher' | 'closeOnOutsideClick' | 'privacyPolicyUrl'>
>;
