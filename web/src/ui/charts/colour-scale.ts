// The heatmap's sequential colour scale (a d3 scale through @visx/scale) and the ink that stays
// readable on each fill: light cells get dark text, dark cells white: whichever has the higher
// WCAG contrast (the unit test checks every fill along the scale reaches 4.5:1).
import { scaleLinear } from '@visx/scale';
import { COLOURS } from './theme.ts';

export const HEAT_LOW = '#eef6f7';
export const HEAT_HIGH = '#0b4a50';

export function heatScale(domain: readonly [number, number]): (value: number) => string {
  const scale = scaleLinear<string>({
    domain: [domain[0], domain[1]],
    range: [HEAT_LOW, HEAT_HIGH],
    clamp: true,
  });
  return (value) => toHex(scale(value));
}

/** d3's interpolated colours come as rgb(r, g, b). */
function toHex(colour: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
  if (!m) return colour;
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * The text colour for a fill: the app's text colour, black or white, whichever contrasts most (in
 * the middle of the scale only pure black still reaches 4.5:1).
 */
export function inkOn(fill: string): string {
  const inks = [COLOURS.text, '#000000', COLOURS.white];
  return inks.reduce((best, ink) => (contrast(fill, ink) > contrast(fill, best) ? ink : best));
}
