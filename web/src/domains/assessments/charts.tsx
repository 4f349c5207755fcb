// Small charts drawn as inline SVG (no chart library in the bundle). Every figure a chart shows is
// also in the HTML next to it (names, numbers) or in a table, so the SVG itself is decoration for
// sighted readers and is hidden from assistive technology, or carries a role=img summary.
// Bars use percentage lengths rather than a scaled viewBox, so their text never shrinks on a phone.
import type { ReactNode } from 'react';
import { t } from '../../i18n/index.ts';
import { formatMonth, formatScore, formatShare } from '../../ui/format.ts';

/** A horizontal bar from 0 to `share` (0..1) of the track, with optional guide ticks. */
export function Bar({ share, tone, ticks = [] }: { share: number | null; tone: string; ticks?: number[] }) {
  const width = `${Math.max(0, Math.min(1, share ?? 0)) * 100}%`;
  return (
    <svg className="bar" width="100%" height="16" aria-hidden="true" focusable="false">
      <rect className="bar-track" x="0" y="2" width="100%" height="12" rx="3" />
      {ticks.map((tick) => (
        <line key={tick} className="bar-tick" x1={`${tick * 100}%`} x2={`${tick * 100}%`} y1="0" y2="16" />
      ))}
      {share === null ? null : (
        <rect className={`bar-fill ${tone}`} x="0" y="2" width={width} height="12" rx="3" />
      )}
    </svg>
  );
}

/**
 * The manage/lead split as one bar: managing from the left, leading from the right, with the
 * expected split (when given) marked on it.
 */
export function SplitBar({ leadShare, expected }: { leadShare: number; expected?: number | null }) {
  const manage = `${(1 - leadShare) * 100}%`;
  return (
    <svg className="split-bar" width="100%" height="32" aria-hidden="true" focusable="false">
      <rect className="split-manage" x="0" y="4" width={manage} height="24" />
      <rect className="split-lead" x={manage} y="4" width={`${leadShare * 100}%`} height="24" />
      {expected === null || expected === undefined ? null : (
        <line
          className="split-expected"
          x1={`${(1 - expected) * 100}%`}
          x2={`${(1 - expected) * 100}%`}
          y1="0"
          y2="32"
        />
      )}
    </svg>
  );
}

export interface SeriesPoint {
  date: string;
  value: number | null;
}

const W = 300;
const H = 160;
const PAD = { left: 44, right: 8, top: 24, bottom: 30 };
/** Keeps the first and last points (and their centred date labels) clear of the axis and the edge. */
const INSET = 32;

/**
 * A small line-and-dot chart of one score over retakes. It scales with its container (viewBox),
 * which keeps the tiny text legible because panels never get much narrower than 260 px.
 */
export function TrendChart({
  points,
  min,
  max,
  label,
  format = formatScore,
}: {
  points: SeriesPoint[];
  min: number;
  max: number;
  label: string;
  format?: (n: number) => string;
}) {
  const plotW = W - PAD.left - PAD.right - 2 * INSET;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + INSET + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;
  const known = points.flatMap((p, i) => (p.value === null ? [] : [{ i, v: p.value }]));
  const line = known.map(({ i, v }) => `${x(i)},${y(v)}`).join(' ');
  const mid = (min + max) / 2;
  // With more than three retakes only the first and last dates fit under the axis; every date is
  // in the accessible name and in the table.
  const dated = (i: number) => points.length <= 3 || i === 0 || i === points.length - 1;
  const summary = points
    .map((p) =>
      t('profile.history.point', {
        date: formatMonth(p.date),
        value: p.value === null ? t('profile.notScored') : format(p.value),
      }),
    )
    .join('; ');
  return (
    <svg
      className="trend"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${label}: ${summary}`}
      preserveAspectRatio="xMidYMid meet"
    >
      {[min, mid, max].map((v) => (
        <g key={v}>
          <line className="trend-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="trend-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      {known.length > 1 ? <polyline className="trend-line" points={line} /> : null}
      {known.map(({ i, v }) => (
        <g key={i}>
          <circle className="trend-dot" cx={x(i)} cy={y(v)} r="4.5" />
          <text className="trend-value" x={x(i)} y={y(v) - 9} textAnchor="middle">
            {format(v)}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        dated(i) ? (
          <text key={p.date} className="trend-axis" x={x(i)} y={H - 8} textAnchor="middle">
            {formatMonth(p.date)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** A colour key entry for a chart. */
export function Swatch({ className, children }: { className: string; children: ReactNode }) {
  return (
    <span className="swatch-item">
      <span className={`swatch ${className}`} aria-hidden="true" />
      {children}
    </span>
  );
}

export const shareText = (share: number): string => formatShare(share);
