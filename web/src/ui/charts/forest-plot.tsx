// A forest plot: one row per estimate with its confidence interval, a line at zero and an optional
// external reference line (the impact page's d_rm per capability against Lacerenza et al., 2017).
// Plain SVG from visx with presentation attributes, no CSS or browser API, so the server renders the
// same component to SVG for the PDF (docs/decisions/0026, 0029). Labels come in as props: the web
// passes its translations, the PDF its English. The figures are also in the table beside it.
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Line } from '@visx/shape';

export interface ForestRow {
  label: string;
  /** null: not shown (withheld or no variance); the row keeps its place with `note`. */
  estimate: { estimate: number; low: number; high: number } | null;
  note?: string;
}

export interface ForestPlotProps {
  rows: ReadonlyArray<ForestRow>;
  /** A vertical reference line from outside the organisation's data, labelled as such. */
  reference?: { value: number; label: string } | null;
  /** Axis title, e.g. "d_rm (Hedges) with 95 % CI". */
  axisLabel: string;
  title: string;
  width?: number;
}

const ROW = 22;
const PAD = { top: 26, right: 16, bottom: 40, left: 170 };
const INK = '#1f2933';
const MUTED = '#6b7280';
const ACCENT = '#1d4ed8';
const REFERENCE = '#b45309';

export function ForestPlot({ rows, reference, axisLabel, title, width = 520 }: ForestPlotProps) {
  const height = PAD.top + PAD.bottom + ROW * Math.max(1, rows.length);
  const values = rows.flatMap((r) => (r.estimate ? [r.estimate.low, r.estimate.high] : []));
  if (reference) values.push(reference.value);
  const low = Math.min(-0.5, ...values);
  const high = Math.max(1, ...values);
  const x = scaleLinear<number>({
    domain: [low, high],
    range: [0, width - PAD.left - PAD.right],
    nice: true,
  });
  const y = scaleBand<string>({
    domain: rows.map((_, i) => String(i)),
    range: [0, ROW * Math.max(1, rows.length)],
    padding: 0.3,
  });
  const innerHeight = ROW * Math.max(1, rows.length);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
    >
      <title>{title}</title>
      <Group left={PAD.left} top={PAD.top}>
        <Line from={{ x: x(0), y: -6 }} to={{ x: x(0), y: innerHeight }} stroke={MUTED} strokeWidth={1} />
        {reference ? (
          <g>
            <Line
              from={{ x: x(reference.value), y: -6 }}
              to={{ x: x(reference.value), y: innerHeight }}
              stroke={REFERENCE}
              strokeWidth={1.5}
              strokeDasharray="5,3"
            />
            <text x={x(reference.value)} y={-10} fontSize={9} fill={REFERENCE} textAnchor="middle">
              {reference.label}
            </text>
          </g>
        ) : null}
        {rows.map((row, i) => {
          const mid = (y(String(i)) ?? 0) + y.bandwidth() / 2;
          return (
            <g key={row.label}>
              <text x={-8} y={mid + 3} fontSize={10} fill={INK} textAnchor="end">
                {shorten(row.label)}
              </text>
              {row.estimate ? (
                <g>
                  <Line
                    from={{ x: x(row.estimate.low), y: mid }}
                    to={{ x: x(row.estimate.high), y: mid }}
                    stroke={ACCENT}
                    strokeWidth={1.5}
                  />
                  <rect x={x(row.estimate.estimate) - 4} y={mid - 4} width={8} height={8} fill={ACCENT} />
                </g>
              ) : (
                <text x={x(0) + 6} y={mid + 3} fontSize={9} fill={MUTED} fontStyle="italic">
                  {row.note ?? ''}
                </text>
              )}
            </g>
          );
        })}
        <AxisBottom
          top={innerHeight}
          scale={x}
          numTicks={6}
          stroke={MUTED}
          tickStroke={MUTED}
          tickLabelProps={{ fontSize: 9, fill: INK, textAnchor: 'middle' }}
          label={axisLabel}
          labelProps={{ fontSize: 10, fill: INK, textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}

/** Long labels are cut to fit the margin; the full label is in the table beside the chart. */
export function shorten(label: string, max = 30): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
