// Horizontal bars, one row per category with its label above the bar: the participation funnel,
// derailer prevalence, and manage/lead balance by stage, where each row may also carry a reference
// value (the expected curve) drawn as a diamond, the diamonds joined by a dashed line. A row without
// a value shows why (the withheld marker, or a note). Presentational and server-renderable.
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import { ChartFrame, type ChartText } from './chart-frame.tsx';
import { COLOURS, DEFAULT_WIDTH, FONT_SIZE, MARGIN, ROW, SMALL_FONT_SIZE } from './theme.ts';
import { SvgWithheld } from './withheld.tsx';

export interface BarRow {
  key: string;
  label: string;
  /** null: no bar; `note` says why. */
  value: number | null;
  /** The value as printed at the end of the bar, e.g. "42 %" or "3.41 (n = 12)". */
  valueText?: string;
  /** A reference for this row (e.g. the expected balance); null: none. */
  reference?: number | null;
  note?: string;
  withheld?: boolean;
}

export interface BarRowsProps {
  text: ChartText;
  rows: readonly BarRow[];
  domain: readonly [number, number];
  /** Shown above the bars when rows carry references, e.g. "◆ expected". */
  referenceLabel?: string;
  /** Shown above the bars for the bar itself, e.g. "observed". */
  barLabel?: string;
  width?: number;
}

const KEY = 24;
const VALUE_ROOM = 120; // the value is printed after the bar; keep room for it

export function BarRows({
  text,
  rows,
  domain,
  referenceLabel,
  barLabel,
  width = DEFAULT_WIDTH,
}: BarRowsProps) {
  const hasKey = Boolean(referenceLabel || barLabel);
  // The key's two entries side by side when they fit (about 7 px a character), else one per line.
  const referenceAt = barLabel ? MARGIN.left + 40 + barLabel.length * 7 : MARGIN.left;
  const keyWraps = Boolean(
    barLabel && referenceLabel && referenceAt + 44 + referenceLabel.length * 7 > width,
  );
  const top = hasKey ? KEY + (keyWraps ? 18 : 0) : 4;
  const height = top + rows.length * ROW.height + 4;
  const x = scaleLinear<number>({
    domain: [domain[0], domain[1]],
    range: [MARGIN.left, Math.max(MARGIN.left + 40, width - MARGIN.right - VALUE_ROOM)],
    clamp: true,
  });
  const references = rows.flatMap((row, i) =>
    row.reference === undefined || row.reference === null
      ? []
      : [{ x: x(row.reference), y: top + i * ROW.height + ROW.markY }],
  );
  return (
    <ChartFrame text={text} width={width} height={height}>
      {hasKey ? (
        <g transform="translate(0 4)">
          {barLabel ? (
            <>
              <rect x={MARGIN.left} width={14} height={12} fill={COLOURS.accent} />
              <text x={MARGIN.left + 20} y={11} fill={COLOURS.text} fontSize={SMALL_FONT_SIZE}>
                {barLabel}
              </text>
            </>
          ) : null}
          {referenceLabel ? (
            <g transform={keyWraps ? `translate(${MARGIN.left} 18)` : `translate(${referenceAt} 0)`}>
              <path d="M7 0 L14 6 L7 12 L0 6 Z" fill={COLOURS.reference} />
              <line
                x1={18}
                x2={34}
                y1={6}
                y2={6}
                stroke={COLOURS.reference}
                strokeWidth={1.5}
                strokeDasharray="4 3"
              />
              <text x={40} y={11} fill={COLOURS.text} fontSize={SMALL_FONT_SIZE}>
                {referenceLabel}
              </text>
            </g>
          ) : null}
        </g>
      ) : null}
      {rows.map((row, i) => (
        <Group key={row.key} top={top + i * ROW.height}>
          <text x={MARGIN.left} y={ROW.labelY} fill={COLOURS.text} fontSize={FONT_SIZE}>
            {row.label}
          </text>
          {row.value !== null ? (
            <>
              <Bar
                x={x(domain[0])}
                y={ROW.markY - ROW.markHeight / 2}
                width={Math.max(1, x(row.value) - x(domain[0]))}
                height={ROW.markHeight}
                fill={COLOURS.accent}
              />
              {/* After the bar, and after the row's reference diamond when that is further right. */}
              <text
                x={Math.max(x(row.value), row.reference == null ? 0 : x(row.reference) + 8) + 6}
                y={ROW.markY + 5}
                fill={COLOURS.text}
                fontSize={FONT_SIZE}
              >
                {row.valueText}
              </text>
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
      {references.length > 1 ? (
        <LinePath
          data={references}
          x={(p) => p.x}
          y={(p) => p.y}
          stroke={COLOURS.reference}
          strokeWidth={1.5}
          strokeDasharray="4 3"
          fill="none"
        />
      ) : null}
      {references.map((p) => (
        <path
          key={`${p.x},${p.y}`}
          d="M0 -7 L7 0 L0 7 L-7 0 Z"
          transform={`translate(${p.x} ${p.y})`}
          fill={COLOURS.reference}
          stroke={COLOURS.white}
          strokeWidth={1}
        />
      ))}
    </ChartFrame>
  );
}
