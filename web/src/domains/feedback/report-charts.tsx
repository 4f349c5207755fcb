// Charts of the 360 report, drawn as inline SVG (no chart library). Every figure a chart shows is
// also printed as text beside it and in a table, so the SVG is decoration for sighted readers and
// hidden from assistive technology. Positions are percentages (nested <svg x="…%">), so markers
// keep their shape and size at any width, from a 360 px phone to print.
import type { ReactNode } from 'react';
import { t } from '../../i18n/index.ts';
import { formatScore } from '../../ui/format.ts';
import type { ColumnGroup } from './feedback-api.ts';
import { groupLabel } from './labels.ts';

/**
 * `all` is the figure gaps are measured against (all raters together, or the average of the groups
 * shown); the rater group "others" is a column of its own, so the two need different keys.
 */
export type Series = 'self' | 'all' | ColumnGroup;

/** One shape per series, so the chart is readable without colour (WCAG 1.4.1). */
const SHAPES: Record<Series, string> = {
  self: 'M0 -7 L7 0 L0 7 L-7 0 Z', // diamond
  all: 'M-6 -6 H6 V6 H-6 Z', // square
  manager: 'M0 -7 L7 6 H-7 Z', // triangle
  peers: 'M-7 -6 H7 L0 7 Z', // triangle down
  direct_reports: 'M-6 0 A6 6 0 1 0 6 0 A6 6 0 1 0 -6 0 Z', // circle
  others: 'M-7 0 L-3.5 -6 H3.5 L7 0 L3.5 6 H-3.5 Z', // hexagon
};

/** How the report's `others` figures were formed, over every capability that has one. */
export type AllBasis = 'all-raters' | 'mean-of-groups' | 'mixed';

/** Each series named by what it counts: self, a rater group, or all raters / the groups' average. */
export const seriesLabel = (series: Series, basis: AllBasis): string =>
  series === 'self' ? t('report.self') : series === 'all' ? t(`report.all.${basis}`) : groupLabel(series);

export function Marker({ series, size = 16 }: { series: Series; size?: number }) {
  return (
    <svg
      className={`marker marker-${series}`}
      width={size}
      height={size}
      viewBox="-8 -8 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={SHAPES[series]} />
    </svg>
  );
}

export function Legend({ series, basis }: { series: Series[]; basis: AllBasis }) {
  return (
    <ul className="chart-legend" aria-label={t('report.legend')}>
      {series.map((s) => (
        <li key={s}>
          <Marker series={s} />
          {seriesLabel(s, basis)}
        </li>
      ))}
    </ul>
  );
}

export interface Point {
  series: Series;
  value: number | null;
}

/**
 * One row of the dot plot: a track from the scale's minimum to its maximum, a bar to the value of
 * the `all` series and a marker per series. Markers have a white outline, so one drawn over another stays visible.
 */
export function DotRow({ points, min, max }: { points: Point[]; min: number; max: number }) {
  const x = (v: number) => `${((v - min) / (max - min)) * 100}%`;
  const all = points.find((p) => p.series === 'all')?.value ?? null;
  const shown = points.filter((p) => p.value !== null && p.series !== 'all');
  const ticks: number[] = [];
  for (let v = Math.ceil(min); v <= max; v++) ticks.push(v);
  return (
    <svg className="dot-row" width="100%" height="28" aria-hidden="true" focusable="false">
      <rect className="dot-track" x="0" y="11" width="100%" height="6" rx="3" />
      {ticks.map((v) => (
        <line key={v} className="dot-tick" x1={x(v)} x2={x(v)} y1="6" y2="22" />
      ))}
      {all === null ? null : (
        <>
          <rect className="dot-all" x="0" y="9" width={x(all)} height="10" rx="3" />
          <svg x={x(all)} y="14" width="1" height="1" overflow="visible" aria-hidden="true">
            <path className="marker-all" d={SHAPES.all} />
          </svg>
        </>
      )}
      {shown.map((p) => (
        <svg key={p.series} x={x(p.value!)} y="14" width="1" height="1" overflow="visible" aria-hidden="true">
          <path className={`marker-${p.series}`} d={SHAPES[p.series]} />
        </svg>
      ))}
    </svg>
  );
}

/** The figures of a row as text: "Self 4.2 · Peers 3.8 · Others 3.4 · All raters 3.6". */
export function Figures({ points, basis }: { points: Point[]; basis: AllBasis }): ReactNode {
  return (
    <ul className="figures">
      {points.map((p) => (
        <li key={p.series}>
          <Marker series={p.series} size={12} />
          <span className="figure-label">{seriesLabel(p.series, basis)}</span>{' '}
          <strong>{p.value === null ? t('report.noFigure') : formatScore(p.value)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** Managing vs leading as one bar: managing from the left, leading from the right. */
export function BalanceBar({ leadShare }: { leadShare: number }) {
  const manage = `${(1 - leadShare) * 100}%`;
  return (
    <svg className="balance-bar" width="100%" height="24" aria-hidden="true" focusable="false">
      <rect className="split-manage" x="0" y="2" width={manage} height="20" />
      <rect className="split-lead" x={manage} y="2" width={`${leadShare * 100}%`} height="20" />
    </svg>
  );
}
