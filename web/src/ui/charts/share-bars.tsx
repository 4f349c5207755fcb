// Shares of people who improved, did not change and declined, one 100 % bar per row. Each segment
// carries a symbol (↑ = ↓) and its percentage where it fits, so the categories read without colour;
// the legend and the table beneath give every figure. Presentational and server-renderable (PDF).
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { ChartFrame, type ChartText } from './chart-frame.tsx';
import { COLOURS, DEFAULT_WIDTH, FONT_SIZE, formatPercent, MARGIN, ROW, SMALL_FONT_SIZE } from './theme.ts';
import { SvgWithheld } from './withheld.tsx';

export interface Shares {
  improved: number;
  noChange: number;
  declined: number;
}

export interface ShareRow {
  key: string;
  label: string;
  shares: Shares | null;
  note?: string;
  withheld?: boolean;
}

export const SHARE_PARTS = [
  { key: 'improved', symbol: '↑', fill: COLOURS.positive, ink: COLOURS.white },
  { key: 'noChange', symbol: '=', fill: COLOURS.neutral, ink: COLOURS.text },
  { key: 'declined', symbol: '↓', fill: COLOURS.negative, ink: COLOURS.white },
] as const;

export interface ShareBarsProps {
  text: ChartText;
  rows: readonly ShareRow[];
  /** The legend's words for improved, no change and declined. */
  legend: Readonly<Record<keyof Shares, string>>;
  width?: number;
}

const LEGEND = 28;
/** Below this width a segment shows its symbol only; below MIN_SYMBOL, nothing. */
const MIN_TEXT = 52;
const MIN_SYMBOL = 14;

export function ShareBars({ text, rows, legend, width = DEFAULT_WIDTH }: ShareBarsProps) {
  const height = LEGEND + rows.length * ROW.height + 4;
  const x = scaleLinear<number>({ domain: [0, 1], range: [MARGIN.left, width - MARGIN.right] });
  let legendX = MARGIN.left;
  return (
    <ChartFrame text={text} width={width} height={height}>
      {SHARE_PARTS.map((part) => {
        const at = legendX;
        const label = `${part.symbol} ${legend[part.key]}`;
        legendX += 34 + label.length * 7.2;
        return (
          <g key={part.key} transform={`translate(${at} 4)`}>
            <rect width={14} height={14} fill={part.fill} stroke={COLOURS.axis} strokeWidth={0.5} />
            <text x={20} y={12} fill={COLOURS.text} fontSize={SMALL_FONT_SIZE}>
              {label}
            </text>
          </g>
        );
      })}
      {rows.map((row, i) => {
        let start = 0;
        return (
          <Group key={row.key} top={LEGEND + i * ROW.height}>
            <text x={MARGIN.left} y={ROW.labelY} fill={COLOURS.text} fontSize={FONT_SIZE}>
              {row.label}
            </text>
            {row.shares ? (
              SHARE_PARTS.map((part) => {
                const share = row.shares![part.key];
                const x0 = x(start);
                const w = x(start + share) - x0;
                start += share;
                const words =
                  w >= MIN_TEXT
                    ? `${part.symbol} ${formatPercent(share)}`
                    : w >= MIN_SYMBOL
                      ? part.symbol
                      : '';
                return (
                  <g key={part.key}>
                    <Bar
                      x={x0}
                      y={ROW.markY - 10}
                      width={Math.max(0, w)}
                      height={20}
                      fill={part.fill}
                      stroke={COLOURS.white}
                      strokeWidth={1}
                    />
                    {words ? (
                      <text
                        x={x0 + w / 2}
                        y={ROW.markY + 4}
                        textAnchor="middle"
                        fill={part.ink}
                        fontSize={SMALL_FONT_SIZE}
                        fontWeight={600}
                      >
                        {words}
                      </text>
                    ) : null}
                  </g>
                );
              })
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
        );
      })}
    </ChartFrame>
  );
}
