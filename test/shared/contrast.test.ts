import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  formatContrast,
  luminance,
  MIN_TEXT_CONTRAST,
  readableTextOn,
  rgbOf,
} from '../../shared/contrast.js';

describe('contrast', () => {
  it('reads #rrggbb in either case', () => {
    expect(rgbOf('#1A73e8')).toEqual([0x1a, 0x73, 0xe8]);
  });

  it('computes WCAG relative luminance', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    // The value WCAG's own examples give for mid grey.
    expect(luminance('#777777')).toBeCloseTo(0.184, 3);
  });

  it('gives 21:1 for black on white, 1:1 for equal colours, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#2563eb', '#2563eb')).toBe(1);
  });

  it('puts known pairs on the right side of 4.5:1', () => {
    // #767676 on white is the lightest grey that passes AA; #777777 just fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(MIN_TEXT_CONTRAST);
    expect(contrastRatio('#111827', '#ffffff')).toBeGreaterThan(MIN_TEXT_CONTRAST);
  });

  it('rounds the figure down, so a failing ratio never prints as a passing one', () => {
    expect(formatContrast(21)).toBe('21.00:1');
    expect(formatContrast(4.4999)).toBe('4.49:1');
    expect(formatContrast(contrastRatio('#aaaaaa', '#ffffff'))).toBe('2.32:1');
  });

  it('picks black or white text, whichever reads better, always at 4.5:1 or more', () => {
    expect(readableTextOn('#ffffff')).toBe('#000000');
    expect(readableTextOn('#1a1a1a')).toBe('#ffffff');
    expect(readableTextOn('#2563eb')).toBe('#ffffff');
    expect(readableTextOn('#facc15')).toBe('#000000');
    for (let grey = 0; grey < 256; grey += 5) {
      const colour = `#${grey.toString(16).padStart(2, '0').repeat(3)}`;
      expect(contrastRatio(colour, readableTextOn(colour))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });
});
