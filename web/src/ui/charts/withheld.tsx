// The withheld marker: a crossed circle and the word, never colour alone. Inside a chart (SVG) and
// in tables and legends (HTML) it is the same glyph, so the legend explains what a reader sees.
import { COLOURS, FONT, FONT_SIZE } from './theme.ts';

const GLYPH = 'M6 0a6 6 0 1 0 0.001 0ZM1.8 10.2L10.2 1.8';

/** At (x, y) = the left end of the text baseline. */
export function SvgWithheld({ x, y, label }: { x: number; y: number; label: string }) {
  return (
    <g transform={`translate(${x} ${y})`}>
      <path d={GLYPH} transform="translate(0 -11)" fill="none" stroke={COLOURS.muted} strokeWidth={1.6} />
      <text x={18} y={0} fill={COLOURS.muted} fontFamily={FONT} fontSize={FONT_SIZE} fontStyle="italic">
        {label}
      </text>
    </g>
  );
}

export function WithheldGlyph() {
  return (
    <svg
      className="withheld-glyph"
      width="14"
      height="14"
      viewBox="-1 -1 14 14"
      aria-hidden="true"
      focusable="false"
    >
      <path d={GLYPH} fill="none" stroke="currentColor" strokeWidth={1.6} />
    </svg>
  );
}

/** In a table cell or legend: the glyph and the word (the word is what assistive technology reads). */
export function Withheld({ label }: { label: string }) {
  return (
    <span className="withheld">
      <WithheldGlyph />
      <span>{label}</span>
    </span>
  );
}
