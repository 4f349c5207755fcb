// Point shapes for series, so lines are told apart by shape as well as colour (WCAG 1.4.1).
// Paths centred on (0, 0), about 12 px across.
export const MARKERS = [
  { shape: 'M-5.5 0 A5.5 5.5 0 1 0 5.5 0 A5.5 5.5 0 1 0 -5.5 0 Z', colour: '#1d4ed8' }, // circle
  { shape: 'M-5 -5 H5 V5 H-5 Z', colour: '#047857' }, // square
  { shape: 'M0 -7 L7 0 L0 7 L-7 0 Z', colour: '#b45309' }, // diamond
  { shape: 'M0 -6.5 L6.5 5.5 L-6.5 5.5 Z', colour: '#7e22ce' }, // triangle
  { shape: 'M-5 -5 L5 5 M5 -5 L-5 5', colour: '#be123c' }, // cross (stroked)
] as const;

export const markerOf = (index: number) => MARKERS[index % MARKERS.length]!;
