// A view's factor averages over rounds: inline SVG as the other charts (no chart library; see
// progress/timeline-chart.tsx). One shape per factor, so it reads without colour (WCAG 1.4.1); two
// rounds are joined by a line only when the change between them may be shown (the round's
// changeFromPrevious, decided by the disclosure module). Every figure is also in the table under it.
import type { FactorKey } from '../../../../src/domains/climate/constants.ts';
import { formatDate, t } from '../../i18n/index.ts';
import type { ClimateResults, ClimateView } from './queries.ts';

const SHAPES: Record<FactorKey, string> = {
  meaning: 'M-5.5 0 A5.5 5.5 0 1 0 5.5 0 A5.5 5.5 0 1 0 -5.5 0 Z', // circle
  growth: 'M-5 -5 H5 V5 H-5 Z', // square
  belonging: 'M0 -7 L7 0 L0 7 L-7 0 Z', // diamond
  safety: 'M0 -6.5 L6.5 5.5 L-6.5 5.5 Z', // triangle
};

export function FactorMarker({ factor }: { factor: FactorKey }) {
  return (
    <svg
      className={`climate-marker climate-${factor}`}
      width="16"
      height="16"
      viewBox="-8 -8 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={SHAPES[factor]} />
    </svg>
  );
}

const W = 480;
const H = 220;
const PAD = { left: 34, right: 48, top: 14, bottom: 34 };

export function TrendChart({ view, results }: { view: ClimateView; results: ClimateResults }) {
  const rounds = results.rounds.filter((r) => view.rounds.some((v) => v.roundId === r.id));
  if (rounds.length < 2) return null;
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, rounds.length - 1);
  const y = (mean: number) => PAD.top + ((5 - mean) * (H - PAD.top - PAD.bottom)) / 4;
  const pointOf = (roundId: string) => view.rounds.find((r) => r.roundId === roundId);
  return (
    <figure className="climate-trend">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('climate.trendSummary', { count: String(rounds.length) })}
        className="climate-trend-svg"
      >
        {[1, 2, 3, 4, 5].map((v) => (
          <g key={v}>
            <line className="climate-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text className="climate-axis" x={PAD.left - 10} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {rounds.map((r, i) => (
          <text
            key={r.id}
            className="climate-axis"
            x={x(i)}
            y={H - 12}
            textAnchor={i === 0 ? 'start' : i === rounds.length - 1 ? 'end' : 'middle'}
          >
            {formatDate(r.closedAt)}
          </text>
        ))}
        {results.factors.map((f) => (
          <g key={f.key} className={`climate-series climate-${f.key}`}>
            {rounds.map((r, i) => {
              const here = pointOf(r.id)?.factors?.find((x) => x.key === f.key);
              const point = pointOf(r.id);
              const before =
                i > 0 ? pointOf(rounds[i - 1]!.id)?.factors?.find((x) => x.key === f.key) : undefined;
              return (
                <g key={r.id}>
                  {here && before && point?.changeFromPrevious ? (
                    <line
                      className="climate-line"
                      x1={x(i - 1)}
                      y1={y(before.mean)}
                      x2={x(i)}
                      y2={y(here.mean)}
                    />
                  ) : null}
                  {here ? (
                    <path
                      className="climate-point"
                      d={SHAPES[f.key]}
                      transform={`translate(${x(i)} ${y(here.mean)})`}
                    />
                  ) : null}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="climate-legend">
          {results.factors.map((f) => (
            <li key={f.key}>
              <FactorMarker factor={f.key} /> {f.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
