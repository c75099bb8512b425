/**
 * WCAG 2.x contrast between two `#rrggbb` colours, and what follows from it: whether a text colour is
 * readable on its background (4.5:1, level AA for body text) and which of black or white reads best on a
 * colour. Used by the server to refuse unreadable themes and by the widget for the colours it derives;
 * dependency-free, since the widget bundles it.
 */

/** Contrast that body text needs against its background (WCAG 2.x, 1.4.3, level AA). */
export const MIN_TEXT_CONTRAST = 4.5;

/** Red, green and blue of a `#rrggbb` colour, each 0–255; NaN for components that are not hex. */
export function rgbOf(hex: string): [number, number, number] {
  return [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}

/** Relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, 1 (the same) to 21 (black on white); the order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The ratio as people write it, rounded down to two decimals ("4.49:1", never "4.50:1" for a ratio that
 * fails 4.5), so a figure shown beside a refusal never looks like it passes.
 */
export function formatContrast(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** Black or white, whichever contrasts more with `background` (at least 4.58:1 for any colour). */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
