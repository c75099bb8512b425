import { contrastRatio, MIN_TEXT_CONTRAST, readableTextOn, rgbOf } from '../shared/contrast.js';
import type { WidgetTheme } from '../shared/widget-wire-types.js';

/** Contrast a focus ring or a control's edge needs against what surrounds it (WCAG 2.x, 1.4.11). */
const MIN_UI_CONTRAST = 3;

/** The colours the widget paints with, each readable where it is used. */
export interface Palette {
  primary: string;
  /** Text on the primary colour. */
  onPrimary: string;
  text: string;
  background: string;
  /** Error messages and invalid fields' edges: 4.5:1 on the background. */
  error: string;
  /** The focus ring: 3:1 on the background. */
  focus: string;
}

function hex(rgb: number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `a` moved towards `b` by `t` (0 to 1), channel by channel. */
function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgbOf(a), rgbOf(b)];
  return hex(x.map((v, i) => v + (y[i]! - v) * t));
}

/** `colour`, moved towards `toward` in tenths until it reaches `ratio` against `background`. */
function until(colour: string, toward: string, background: string, ratio: number): string {
  for (let t = 0; t <= 1; t += 0.1) {
    const candidate = mix(colour, toward, t);
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return toward;
}

/** The light palette: the theme as the client chose it, with error and focus colours derived to be readable. */
export function lightPalette(theme: WidgetTheme): Palette {
  const { primary, text, background } = theme;
  const onText = readableTextOn(background);
  return {
    primary,
    onPrimary: readableTextOn(primary),
    text,
    background,
    error: until('#d92d20', onText, background, MIN_TEXT_CONTRAST),
    focus: until(primary, onText, background, MIN_UI_CONTRAST),
  };
}

/**
 * The dark palette derived from the theme: a near-black background tinted by the primary colour, light text,
 * and the primary colour lightened until it stands out from that background.
 */
export function darkPalette(theme: WidgetTheme): Palette {
  const background = mix(theme.primary, '#0d0d10', 0.88);
  const primary = until(theme.primary, '#ffffff', background, MIN_UI_CONTRAST);
  return {
    primary,
    onPrimary: readableTextOn(primary),
    text: until(mix(theme.primary, '#f4f4f6', 0.92), '#ffffff', background, 7),
    background,
    error: until('#ff6b61', '#ffffff', background, MIN_TEXT_CONTRAST),
    focus: until(primary, '#ffffff', background, MIN_UI_CONTRAST),
  };
}

/**
 * Custom properties of both palettes (`--l*` light, `--d*` dark); the stylesheet picks one by the widget's
 * colour scheme, and the page's `--upz-*` properties override either.
 */
export function themeProperties(theme: WidgetTheme): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [prefix, palette] of [
    ['--l', lightPalette(theme)],
    ['--d', darkPalette(theme)],
  ] as const) {
    const { primary, onPrimary, text, background, error, focus } = palette;
    Object.assign(properties, {
      [`${prefix}p`]: primary,
      [`${prefix}o`]: onPrimary,
      [`${prefix}t`]: text,
      [`${prefix}b`]: background,
      [`${prefix}e`]: error,
      [`${prefix}f`]: focus,
    });
  }
  return properties;
}
