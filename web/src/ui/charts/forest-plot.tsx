// Effect sizes with their 95 % confidence intervals, one row per capability (a forest plot), with a
// solid line at zero and a dashed line at an external reference (the literature's benchmark).
// Presentational and free of browser APIs: the impact page renders it, and the impact PDF renders
// the same component with react-dom/server.
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Line } from '@visx/shape';
import { ChartFrame, type ChartText } from './chart-frame.tsx';
import {
  COLOURS,
  DEFAULT_WIDTH,
  FONT,
  FONT_SIZE,
  formatNumber,
  MARGIN,
  ROW,
  SMALL_FONT_SIZE,
} from './theme.ts';
import { SvgWithheld } from './withheld.tsx';

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface ForestRow {
  key: string;
  /** The row's label as printed, e.g. "Coaching (n = 14)". */
  label: string;
  /** null: nothing to draw; `note` says why (e.g. "withheld"). */
  interval: Interval | null;
  note?: string;
  /** Draw the note with the withheld marker (true) or as plain text (e.g. "no change to measure"). */
  withheld?: boolean;
}

export interface ForestPlotProps {
  text: ChartText;
  rows: readonly ForestRow[];
  reference: { value: number; label: string };
  axisLabel: string;
  width?: number;
}

const TOP = 30; // room for the reference line's label
const AXIS = 50;
/** Narrower than this, the label line has no room for the figures (they are in the table beneath). */
const NUMBERS_MIN_WIDTH = 520;

/** The x domain: every interval, zero and the reference, with some room, never narrower than −0.5…1. */
export function forestDomain(rows: readonly ForestRow[], reference: number): [number, number] {
  const values = rows.flatMap((r) => (r.interval ? [r.interval.low, r.interval.high] : []));
  const low = Math.min(-0.5, reference, ...values);
  const high = Math.max(1, reference, ...values);
  return [Math.floor(low * 4) / 4, Math.ceil(high * 4) / 4];
}

export function ForestPlot({ text, rows, reference, axisLabel, width = DEFAULT_WIDTH }: ForestPlotProps) {
  const height = TOP + rows.length * ROW.height + AXIS;
  const x = scaleLinear<number>({
    domain: forestDomain(rows, reference.value),
    range: [MARGIN.left + 6, width - MARGIN.right],
  });
  const plotBottom = TOP + rows.length * ROW.height;
  const refX = x(reference.value);
  const refOnRight = refX > width / 2;
  return (
    <ChartFrame text={text} width={width} height={height}>
      <Line
        from={{ x: x(0), y: TOP - 4 }}
        to={{ x: x(0), y: plotBottom }}
        stroke={COLOURS.axis}
        strokeWidth={1}
      />
      <Line
        from={{ x: refX, y: TOP - 4 }}
        to={{ x: refX, y: plotBottom }}
        stroke={COLOURS.reference}
        strokeWidth={1.5}
        strokeDasharray="6 4"
      />
      <text
        x={refOnRight ? refX - 4 : refX + 4}
        y={TOP - 10}
        textAnchor={refOnRight ? 'end' : 'start'}
        fill={COLOURS.reference}
        fontSize={SMALL_FONT_SIZE}
      >
        {reference.label}
      </text>
      {rows.map((row, i) => (
        <Group key={row.key} top={TOP + i * ROW.height}>
          <text x={MARGIN.left} y={ROW.labelY} fill={COLOURS.text} fontSize={FONT_SIZE}>
            {row.label}
            {row.interval && width >= NUMBERS_MIN_WIDTH ? (
              <tspan fill={COLOURS.muted}>
                {'  '}
                {formatNumber(row.interval.estimate)} [{formatNumber(row.interval.low)},{' '}
                {formatNumber(row.interval.high)}]
              </tspan>
            ) : null}
          </text>
          {row.interval ? (
            <>
              <Line
                from={{ x: x(row.interval.low), y: ROW.markY }}
                to={{ x: x(row.interval.high), y: ROW.markY }}
                stroke={COLOURS.accent}
                strokeWidth={2}
              />
              {[row.interval.low, row.interval.high].map((v, end) => (
                <Line
                  // biome-ignore lint/suspicious/noArrayIndexKey: the two whiskers, always in this order.
                  key={end}
                  from={{ x: x(v), y: ROW.markY - 5 }}
                  to={{ x: x(v), y: ROW.markY + 5 }}
                  stroke={COLOURS.accent}
                  strokeWidth={2}
                />
              ))}
              <rect
                x={x(row.interval.estimate) - 5}
                y={ROW.markY - 5}
                width={10}
                height={10}
                fill={COLOURS.accent}
              />
            </>
          ) : row.withheld ? (
            <SvgWithheld x={MARGIN.left} y={ROW.markY + 5} label={row.note ?? ''} />
          ) : (
            <text
              x={MARGIN.left}
              y={ROW.markY + 5}
              fill={COLOURS.muted}
              fontSize={FONT_SIZE}
              fontStyle="italic"
            >
              {row.note}
            </text>
          )}
        </Group>
      ))}
      <AxisBottom
        top={plotBottom + 4}
        scale={x}
        numTicks={width < 480 ? 4 : 8}
        tickFormat={(v) => formatNumber(Number(v), 2)}
        stroke={COLOURS.axis}
        tickStroke={COLOURS.axis}
        tickLabelProps={{
          fill: COLOURS.text,
          fontSize: SMALL_FONT_SIZE,
          fontFamily: FONT,
          textAnchor: 'middle',
        }}
        label={axisLabel}
        labelProps={{ fill: COLOURS.text, fontSize: SMALL_FONT_SIZE, fontFamily: FONT, textAnchor: 'middle' }}
      />
    </ChartFrame>
  );
}
