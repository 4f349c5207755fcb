// Series over a few points in time (climate factors across rounds): one line and one marker shape
// per series. A step is drawn only where the series says it may be shown (a withheld point or a
// change the disclosure module did not release leaves a gap). Presentational and server-renderable.
import { AxisBottom, AxisLeft } from '@visx/axis';
import { scaleLinear, scalePoint } from '@visx/scale';
import { Line } from '@visx/shape';
import { ChartFrame, type ChartText } from './chart-frame.tsx';
import { markerOf } from './markers.ts';
import { COLOURS, DEFAULT_WIDTH, FONT, SMALL_FONT_SIZE } from './theme.ts';

export interface LineSeries {
  key: string;
  label: string;
  /** One value per x label; null: not shown. */
  values: readonly (number | null)[];
  /** joined[i]: the step from point i − 1 to i may be drawn (joined[0] is ignored). */
  joined: readonly boolean[];
  /** Which marker shape and colour (markers.ts); default: the series' place. */
  marker?: number;
}

export interface LineChartProps {
  text: ChartText;
  xLabels: readonly string[];
  series: readonly LineSeries[];
  domain: readonly [number, number];
  width?: number;
}

const M = { top: 12, right: 24, bottom: 34, left: 36 };
const PLOT_HEIGHT = 200;

export function LineChart({ text, xLabels, series, domain, width = DEFAULT_WIDTH }: LineChartProps) {
  const legendRows = Math.ceil(series.length / Math.max(1, Math.floor((width - 8) / 150)));
  const legendTop = M.top + PLOT_HEIGHT + M.bottom;
  const height = legendTop + legendRows * 22 + 4;
  const perRow = Math.max(1, Math.floor((width - 8) / 150));
  const x = scalePoint<string>({
    domain: xLabels.map((_, i) => String(i)),
    range: [M.left + 16, width - M.right - 16],
  });
  const y = scaleLinear<number>({ domain: [domain[0], domain[1]], range: [M.top + PLOT_HEIGHT, M.top] });
  const xi = (i: number) => x(String(i)) ?? 0;
  const tickProps = { fill: COLOURS.text, fontSize: SMALL_FONT_SIZE, fontFamily: FONT };
  return (
    <ChartFrame text={text} width={width} height={height}>
      {y.ticks(domain[1] - domain[0]).map((v) => (
        <Line
          key={v}
          from={{ x: M.left, y: y(v) }}
          to={{ x: width - M.right, y: y(v) }}
          stroke={COLOURS.grid}
        />
      ))}
      <AxisLeft
        left={M.left}
        scale={y}
        numTicks={domain[1] - domain[0]}
        tickFormat={(v) => String(v)}
        stroke={COLOURS.axis}
        tickStroke={COLOURS.axis}
        tickLabelProps={{ ...tickProps, textAnchor: 'end', dx: -4, dy: 4 }}
      />
      <AxisBottom
        top={M.top + PLOT_HEIGHT}
        scale={x}
        tickFormat={(i) => xLabels[Number(i)] ?? ''}
        stroke={COLOURS.axis}
        tickStroke={COLOURS.axis}
        tickLabelProps={{ ...tickProps, textAnchor: 'middle' }}
      />
      {series.map((s, si) => {
        const marker = markerOf(s.marker ?? si);
        return (
          <g key={s.key} stroke={marker.colour} fill={marker.colour}>
            {s.values.map((v, i) => {
              const before = i > 0 ? s.values[i - 1] : null;
              return v !== null && before !== null && before !== undefined && s.joined[i] ? (
                <Line
                  // biome-ignore lint/suspicious/noArrayIndexKey: one step per point in time, in order.
                  key={`l${i}`}
                  from={{ x: xi(i - 1), y: y(before) }}
                  to={{ x: xi(i), y: y(v) }}
                  stroke={marker.colour}
                  strokeWidth={2}
                />
              ) : null;
            })}
            {s.values.map((v, i) =>
              v === null ? null : (
                <path
                  // biome-ignore lint/suspicious/noArrayIndexKey: one marker per point in time, in order.
                  key={`p${i}`}
                  d={marker.shape}
                  transform={`translate(${xi(i)} ${y(v)})`}
                  strokeWidth={2}
                />
              ),
            )}
          </g>
        );
      })}
      {series.map((s, si) => {
        const marker = markerOf(s.marker ?? si);
        const col = si % perRow;
        const row = Math.floor(si / perRow);
        return (
          <g key={s.key} transform={`translate(${8 + col * 150} ${legendTop + row * 22 + 10})`}>
            <path d={marker.shape} fill={marker.colour} stroke={marker.colour} strokeWidth={2} />
            <text x={14} y={4} fill={COLOURS.text} fontSize={SMALL_FONT_SIZE}>
              {s.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
