// A view's factor averages over rounds, drawn with the shared visx line chart (ADR 0026): one shape
// per factor, so it reads without colour (WCAG 1.4.1); two rounds are joined by a line only when
// the change between them may be shown (the round's changeFromPrevious, decided by the disclosure
// module). Every figure is also in the table under it.
import { FACTOR_KEYS, type FactorKey } from '../../../../src/domains/climate/constants.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { LineChart } from '../../ui/charts/line-chart.tsx';
import { markerOf } from '../../ui/charts/markers.ts';
import { Responsive } from '../../ui/charts/responsive.tsx';
import type { ClimateResults, ClimateView } from './queries.ts';

/** The factor's shape and colour, as in the chart: beside its name in the tables. */
export function FactorMarker({ factor }: { factor: FactorKey }) {
  const marker = markerOf(FACTOR_KEYS.indexOf(factor));
  return (
    <svg
      className="climate-marker"
      width="16"
      height="16"
      viewBox="-8 -8 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d={marker.shape} fill={marker.colour} stroke={marker.colour} strokeWidth={2} />
    </svg>
  );
}

export function TrendChart({ view, results }: { view: ClimateView; results: ClimateResults }) {
  const rounds = results.rounds.filter((r) => view.rounds.some((v) => v.roundId === r.id));
  if (rounds.length < 2) return null;
  const pointOf = (roundId: string) => view.rounds.find((r) => r.roundId === roundId);
  return (
    <Responsive max={640}>
      {(width) => (
        <LineChart
          width={width}
          text={{
            id: `climate-trend-${view.key}`,
            title: t('climate.trend'),
            description: t('climate.trendSummary', { count: String(rounds.length) }),
          }}
          xLabels={rounds.map((r) => formatDate(r.closedAt))}
          domain={[1, 5]}
          series={results.factors.map((f) => ({
            key: f.key,
            label: f.name,
            marker: FACTOR_KEYS.indexOf(f.key),
            values: rounds.map((r) => pointOf(r.id)?.factors?.find((x) => x.key === f.key)?.mean ?? null),
            joined: rounds.map((r) => pointOf(r.id)?.changeFromPrevious ?? false),
          }))}
        />
      )}
    </Responsive>
  );
}
