// Stacked bars of how many people improved reliably, did not change reliably, or declined: one
// 100 % bar per row (the impact page's capabilities). Plain SVG from visx with presentation
// attributes, rendered by the web page and, with react-dom/server, into the PDF (docs/decisions/0029).
// Each segment carries its count as text, and the three kinds differ in pattern as well as colour
// (hatched decline), so the chart reads without colour.
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { shorten } from './forest-plot.tsx';

export interface ChangeBarRow {
  label: string;
  /** null: withheld; the row keeps its place with `note`. */
  counts: { improved: number; noChange: number; declined: number } | null;
  note?: string;
}

export interface ChangeBarsProps {
  rows: ReadonlyArray<ChangeBarRow>;
  /** Legend words, in order: improved, no reliable change, declined. */
  legend: readonly [string, string, string];
  title: string;
  width?: number;
}

const ROW = 22;
const PAD = { top: 28, right: 16, bottom: 10, left: 170 };
const INK = '#1f2933';
const MUTED = '#6b7280';
const FILLS = ['#15803d', '#d1d5db', '#b91c1c'] as const;
const KEYS = ['improved', 'noChange', 'declined'] as const;

export function ChangeBars({ rows, legend, title, width = 520 }: ChangeBarsProps) {
  const innerWidth = width - PAD.left - PAD.right;
  const innerHeight = ROW * Math.max(1, rows.length);
  const height = PAD.top + PAD.bottom + innerHeight;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, innerWidth] });
  const y = scaleBand<string>({
    domain: rows.map((_, i) => String(i)),
    range: [0, innerHeight],
    padding: 0.25,
  });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
    >
      <title>{title}</title>
      <defs>
        <pattern id="change-bars-hatch" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" fill={FILLS[2]} />
          <path d="M0 4 L4 0" stroke="#ffffff" strokeWidth={1} />
        </pattern>
      </defs>
      <Group left={PAD.left} top={8}>
        {legend.map((word, i) => (
          <g key={word} transform={`translate(${i * 130}, 0)`}>
            <rect width={10} height={10} fill={FILLS[i]} />
            <text x={14} y={9} fontSize={9} fill={INK}>
              {word}
            </text>
          </g>
        ))}
      </Group>
      <Group left={PAD.left} top={PAD.top}>
        {rows.map((row, i) => {
          const top = y(String(i)) ?? 0;
          const total = row.counts ? KEYS.reduce((sum, k) => sum + row.counts![k], 0) : 0;
          let start = 0;
          return (
            <g key={row.label}>
              <text x={-8} y={top + y.bandwidth() / 2 + 3} fontSize={10} fill={INK} textAnchor="end">
                {shorten(row.label)}
              </text>
              {row.counts && total > 0 ? (
                KEYS.map((k, s) => {
                  const share = row.counts![k] / total;
                  const left = x(start);
                  start += share;
                  const w = x(share);
                  return (
                    <g key={k}>
                      <Bar
                        x={left}
                        y={top}
                        width={w}
                        height={y.bandwidth()}
                        fill={s === 2 ? 'url(#change-bars-hatch)' : FILLS[s]}
                      />
                      {w > 18 ? (
                        <text
                          x={left + w / 2}
                          y={top + y.bandwidth() / 2 + 3}
                          fontSize={9}
                          fill={s === 1 ? INK : '#ffffff'}
                          textAnchor="middle"
                        >
                          {row.counts![k]}
                        </text>
                      ) : null}
                    </g>
                  );
                })
              ) : (
                <text x={4} y={top + y.bandwidth() / 2 + 3} fontSize={9} fill={MUTED} fontStyle="italic">
                  {row.note ?? ''}
                </text>
              )}
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
