// The timeline of one capability or behaviour: scores over real time, one shape per kind of
// measurement (self, 360, pulse), with the person's experiments as bands from start to review and a
// numbered bar each in a strip under the axis. Scales and lines from visx (ADR 0026), styled by
// progress.css.
// The SVG carries a role=img summary; every score is also in the table under it and every
// experiment in the numbered list, so nothing is only in the picture.
import { scaleLinear, scaleTime } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { t, tn } from '../../i18n/index.ts';
import { formatMonth, formatStat } from '../../ui/format.ts';
import type { MeasurementKind } from './labels.ts';
import { kindLabel } from './labels.ts';
import type { ProgressPoint } from './queries.ts';

/** One shape per kind, so the chart reads without colour (WCAG 1.4.1). */
const SHAPES: Record<MeasurementKind, string> = {
  self: 'M-5.5 0 A5.5 5.5 0 1 0 5.5 0 A5.5 5.5 0 1 0 -5.5 0 Z', // circle
  '360': 'M-5 -5 H5 V5 H-5 Z', // square
  pulse: 'M0 -7 L7 0 L0 7 L-7 0 Z', // diamond
};
export const KINDS: MeasurementKind[] = ['self', '360', 'pulse'];

export function KindMarker({ kind, size = 16 }: { kind: MeasurementKind; size?: number }) {
  return (
    <svg
      className={`progress-marker progress-${kindClass(kind)}`}
      width={size}
      height={size}
      viewBox="-8 -8 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={SHAPES[kind]} />
    </svg>
  );
}

const kindClass = (kind: MeasurementKind) => (kind === '360' ? 'feedback' : kind);

export interface MarkedExperiment {
  number: number;
  title: string;
  startsOn: string;
  reviewOn: string;
  /** On the capability shown: drawn stronger. */
  onThis: boolean;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).getTime();

/** Experiments into lanes so that bars in one lane never overlap (greedy, by start). */
function lanesOf(experiments: ReadonlyArray<MarkedExperiment>): number[] {
  const ends: number[] = [];
  return experiments.map((e) => {
    const start = dayOf(e.startsOn);
    let lane = ends.findIndex((end) => end < start);
    if (lane === -1) lane = ends.length;
    ends[lane] = dayOf(e.reviewOn) + 20 * DAY;
    return lane;
  });
}

/** First days of months in [from, to], thinned to at most `most`. */
function monthTicks(from: number, to: number, most: number): number[] {
  const ticks: number[] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (cursor <= to) {
    ticks.push(cursor);
    const c = new Date(cursor);
    cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  const step = Math.ceil(ticks.length / most);
  return ticks.filter((_, i) => i % step === 0);
}

export function TimelineChart({
  name,
  points,
  min,
  max,
  experiments,
  narrow,
  connectAll = false,
}: {
  name: string;
  points: ReadonlyArray<ProgressPoint>;
  min: number;
  max: number;
  experiments: ReadonlyArray<MarkedExperiment>;
  narrow: boolean;
  /** Join every point in date order (a behaviour: its 360 figure, then the pulses on it). */
  connectAll?: boolean;
}) {
  const W = narrow ? 290 : 900;
  const lanes = lanesOf(experiments);
  const laneCount = lanes.length ? Math.max(...lanes) + 1 : 0;
  const LANE = 18;
  const PAD = { left: 28, right: 10, top: 14, bottom: 26 + laneCount * LANE + (laneCount ? 6 : 0) };
  const plotH = narrow ? 160 : 220;
  const H = PAD.top + plotH + PAD.bottom;

  const times = [
    ...points.map((p) => dayOf(p.date)),
    ...experiments.flatMap((e) => [dayOf(e.startsOn), dayOf(e.reviewOn)]),
  ];
  let from = Math.min(...times);
  let to = Math.max(...times);
  if (to - from < 30 * DAY) {
    from -= 15 * DAY;
    to += 15 * DAY;
  }
  const margin = (to - from) * 0.04;
  from -= margin;
  to += margin;
  const x = scaleTime<number>({ domain: [new Date(from), new Date(to)], range: [PAD.left, W - PAD.right] });
  const y = scaleLinear<number>({ domain: [min, max], range: [PAD.top + plotH, PAD.top] });
  const axisY = PAD.top + plotH;

  const gridValues: number[] = [];
  for (let v = min; v <= max; v++) gridValues.push(v);
  const byKind = KINDS.map((kind) => ({ kind, series: points.filter((p) => p.kind === kind) }));

  const summary = t('progress.timeline.summary', {
    name: name.replace(/[.!?]$/, ''),
    min,
    max,
    points: points
      .map((p) =>
        t('progress.timeline.point', {
          kind: kindLabel(p.kind),
          date: formatMonth(p.date),
          score: formatStat(p.score),
        }),
      )
      .join('; '),
  });
  const label = experiments.length
    ? `${summary} ${tn('progress.timeline.experiments', experiments.length, { count: experiments.length })}`
    : summary;

  return (
    <svg
      className="progress-timeline"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {experiments.map((e) => (
        <rect
          key={`band-${e.number}`}
          className={`progress-band${e.onThis ? ' progress-band-this' : ''}`}
          x={x(dayOf(e.startsOn))}
          y={PAD.top}
          width={Math.max(2, x(dayOf(e.reviewOn)) - x(dayOf(e.startsOn)))}
          height={plotH}
        />
      ))}
      {gridValues.map((v) => (
        <g key={v}>
          <line className="progress-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="progress-axis" x={PAD.left - 8} y={y(v) + 4} textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {monthTicks(from, to, narrow ? 4 : 10).map((tick) => (
        <text key={tick} className="progress-axis" x={x(tick)} y={axisY + 18} textAnchor="middle">
          {formatMonth(new Date(tick).toISOString())}
        </text>
      ))}
      {connectAll && points.length > 1 ? (
        <LinePath
          className="progress-line progress-connect"
          data={[...points]}
          x={(p) => x(dayOf(p.date))}
          y={(p) => y(p.score)}
        />
      ) : null}
      {byKind.map(({ kind, series }) =>
        series.length > 1 ? (
          <LinePath
            key={`line-${kind}`}
            className={`progress-line progress-${kindClass(kind)}`}
            data={series}
            x={(p) => x(dayOf(p.date))}
            y={(p) => y(p.score)}
          />
        ) : null,
      )}
      {byKind.flatMap(({ kind, series }) =>
        series.map((p) => (
          <path
            key={`${kind}-${p.sourceId}`}
            className={`progress-point progress-${kindClass(kind)}`}
            d={SHAPES[kind]}
            transform={`translate(${x(dayOf(p.date))} ${y(p.score)})`}
          />
        )),
      )}
      {experiments.map((e, i) => {
        const x1 = x(dayOf(e.startsOn));
        const width = Math.max(14, x(dayOf(e.reviewOn)) - x1);
        const top = axisY + 28 + lanes[i]! * LANE;
        return (
          <g key={`bar-${e.number}`}>
            <rect
              className={`progress-bar${e.onThis ? ' progress-bar-this' : ''}`}
              x={x1}
              y={top}
              width={width}
              height={LANE - 4}
              rx="3"
            />
            <text className="progress-bar-text" x={x1 + 4} y={top + LANE - 8}>
              {e.number}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
