import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../shared/contrast.js';
import { darkPalette, lightPalette, themeProperties } from '../../widget/theme.js';

const THEMES = [
  { primary: '#1a73e8', text: '#202124', background: '#ffffff' },
  { primary: '#22c55e', text: '#1f2933', background: '#ffffff' },
  { primary: '#f97316', text: '#111111', background: '#fffdf7' },
  { primary: '#0b6e4f', text: '#1f2933', background: '#fffdf7' },
  { primary: '#ffd400', text: '#f5f5f5', background: '#111827' },
  { primary: '#000000', text: '#000000', background: '#ffffff' },
];

describe('theme palettes', () => {
  it.each(THEMES)('derive readable colours in light and dark for %j', (theme) => {
    for (const palette of [lightPalette(theme), darkPalette(theme)]) {
      expect(contrastRatio(palette.onPrimary, palette.primary)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.error, palette.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette.focus, palette.background)).toBeGreaterThanOrEqual(3);
    }
    const dark = darkPalette(theme);
    expect(contrastRatio(dark.text, dark.background)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(dark.primary, dark.background)).toBeGreaterThanOrEqual(3);
  });

  it('keeps the light palette as the client chose it', () => {
    const theme = THEMES[3]!;
    expect(lightPalette(theme)).toMatchObject({
      primary: '#0b6e4f',
      text: '#1f2933',
      background: '#fffdf7',
      onPrimary: '#ffffff',
    });
  });

  it('derives a dark background from the primary colour, not a fixed grey', () => {
    const [green, orange] = [darkPalette(THEMES[1]!), darkPalette(THEMES[2]!)];
    expect(green.background).not.toBe(orange.background);
    expect(contrastRatio(green.background, '#000000')).toBeLessThan(1.5);
  });

  it('sets both palettes as custom properties', () => {
    const properties = themeProperties(THEMES[0]!);
    expect(Object.keys(properties).sort()).toEqual(
      ['b', 'e', 'f', 'o', 'p', 't'].flatMap((k) => [`--d${k}`, `--l${k}`]).sort(),
    );
  });
});
