// Colours, type and row geometry shared by the charts. Written as SVG attributes (not CSS classes),
// so a chart rendered on the server with react-dom/server (the impact PDF) looks as it does on the
// page. Colours are the app's palette (styles/base.css); every one used for a mark has at least 3:1
// against white (WCAG 1.4.11) and every text colour at least 4.5:1 against what it sits on.
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const COLOURS = {
  text: '#1d2733',
  muted: '#56616e',
  grid: '#d9dee3',
  axis: '#8a94a0',
  accent: '#0f5e66',
  positive: '#146c2e',
  neutral: '#d9dee3',
  negative: '#b42318',
  reference: '#8a5a00',
  white: '#ffffff',
} as const;
export const FONT_SIZE = 13;
export const SMALL_FONT_SIZE = 12;

/** Each row: its label on one line, its mark under it, so long names never squeeze the plot. */
export const ROW = { height: 46, labelY: 15, markY: 31, markHeight: 14 } as const;
export const MARGIN = { left: 4, right: 12 } as const;
/** Width used when the caller gives none (the PDF's content width at 96 dpi). */
export const DEFAULT_WIDTH = 640;

/** Numbers as the charts print them: fixed decimals, a real minus sign. */
export function formatNumber(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
