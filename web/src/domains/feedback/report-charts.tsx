// Charts of the 360 report, drawn as inline SVG (no chart library). Every figure a chart shows is
// also printed as text beside it and in a table, so the SVG is decoration for sighted readers and
// hidden from assistive technology. Positions are percentages (nested <svg x="…%">), so markers
// keep their shape and size at any width, from a 360 px phone to print.
import type { ReactNode } from 'react';
import { t } from '../../i18n/index.ts';
import { formatScore } from '../../ui/format.ts';
import type { ColumnGroup } from './feedback-api.ts';
import { groupLabel } from './labels.ts';

export type Series = 'self' | 'others' | ColumnGroup;

/** One shape per series, so the chart is readable without colour (WCAG 1.4.1). */
const SHAPES: Record<Series, string> = {
  self: 'M0 -7 L7 0 L0 7 L-7 0 Z', // diamond
  others: 'M-6 -6 H6 V6 H-6 Z', // square
  manager: 'M0 -7 L7 6 H-7 Z', // triangle
  peers: 'M-7 -6 H7 L0 7 Z', // triangle down
  direct_reports: 'M-6 0 A6 6 0 1 0 6 0 A6 6 0 1 0 -6 0 Z', // circle
};

export const seriesLabel = (series: Series): string =>
  series === 'self' ? t('report.self') : series === 'others' ? t('report.allOthers') : groupLabel(series);

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

export function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="chart-legend" aria-label={t('report.legend')}>
      {series.map((s) => (
        <li key={s}>
          <Marker series={s} />
          {seriesLabel(s)}
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
 * "all others" and a marker per series. Markers have a white outline, so one drawn over another stays visible.
 */
export function DotRow({ points, min, max }: { points: Point[]; min: number; max: number }) {
  const x = (v: number) => `${((v - min) / (max - min)) * 100}%`;
  const others = points.find((p) => p.series === 'others')?.value ?? null;
  const shown = points.filter((p) => p.value !== null && p.series !== 'others');
  const ticks: number[] = [];
  for (let v = Math.ceil(min); v <= max; v++) ticks.push(v);
  return (
    <svg className="dot-row" width="100%" height="28" aria-hidden="true" focusable="false">
      <rect className="dot-track" x="0" y="11" width="100%" height="6" rx="3" />
      {ticks.map((v) => (
        <line key={v} className="dot-tick" x1={x(v)} x2={x(v)} y1="6" y2="22" />
      ))}
      {others === null ? null : (
        <>
          <rect className="dot-others" x="0" y="9" width={x(others)} height="10" rx="3" />
          <svg x={x(others)} y="14" width="1" height="1" overflow="visible" aria-hidden="true">
            <path className="marker-others" d={SHAPES.others} />
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

/** The figures of a row as text: "Self 4.2 · Manager 3.8 · All others 3.6". */
export function Figures({ points }: { points: Point[] }): ReactNode {
  return (
    <ul className="figures">
      {points.map((p) => (
        <li key={p.series}>
          <Marker series={p.series} size={12} />
          <span className="figure-label">{seriesLabel(p.series)}</span>{' '}
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
