// Climate by team and trend: the latest round's factor averages for each team view (a table, with
// n and the withheld marker), and the chosen team's factors over rounds as lines.
import { useId, useState } from 'react';
import { FACTOR_KEYS } from '../../../../src/domains/climate/constants.ts';
import { formatDate, t } from '../../i18n/index.ts';
import { LineChart } from '../../ui/charts/line-chart.tsx';
import { Responsive } from '../../ui/charts/responsive.tsx';
import { Withheld } from '../../ui/charts/withheld.tsx';
import { Alert, ScrollTable } from '../../ui/components.tsx';
import type { AnalyticsClimate } from './queries.ts';

type View = AnalyticsClimate['views'][number];

/** One series per factor: its mean per round (null when not released), steps as released. */
export function climateSeries(data: AnalyticsClimate, view: View) {
  return data.factors.map((factor) => ({
    key: factor.key,
    label: factor.name,
    // The same shape and colour as the factor has on the climate page (FactorMarker).
    marker: FACTOR_KEYS.indexOf(factor.key),
    values: view.rounds.map((r) =>
      r.released ? (r.factors?.find((f) => f.key === factor.key)?.mean ?? null) : null,
    ),
    joined: view.rounds.map((r) => r.changeFromPrevious),
  }));
}

export function ClimateView({ data }: { data: AnalyticsClimate }) {
  const id = useId();
  const [key, setKey] = useState(data.views[0]?.key ?? '');
  const view = data.views.find((v) => v.key === key) ?? data.views[0];
  if (!view) return <Alert tone="info">{t('analytics.climate.empty')}</Alert>;
  const closedAt = new Map(data.rounds.map((r) => [r.id, r.closedAt]));
  return (
    <>
      <section aria-labelledby={id}>
        <h2 id={id}>{t('analytics.climate.title')}</h2>
        <h3 id={`${id}-latest`}>{t('analytics.climate.latest')}</h3>
        <ScrollTable labelledBy={`${id}-latest`}>
          <table className="table analytics-table">
            <thead>
              <tr>
                <th scope="col">{t('analytics.climate.view')}</th>
                {data.factors.map((f) => (
                  <th scope="col" key={f.key}>
                    {f.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.views.map((v) => {
                const latest = v.rounds.at(-1);
                return (
                  <tr key={v.key}>
                    <th scope="row">{v.label}</th>
                    {data.factors.map((f) => {
                      const figure = latest?.released
                        ? latest.factors?.find((x) => x.key === f.key)
                        : undefined;
                      return (
                        <td key={f.key}>
                          {figure ? (
                            <>
                              {figure.mean.toFixed(2)}{' '}
                              <span className="muted">({t('analytics.n', { n: figure.n })})</span>
                            </>
                          ) : (
                            <Withheld label={t('analytics.withheld')} />
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      <section aria-labelledby={`${id}-trend`}>
        <h3 id={`${id}-trend`}>{t('analytics.climate.trend', { team: view.label })}</h3>
        <div className="field analytics-view-choice">
          <label htmlFor={`${id}-view`}>{t('analytics.climate.view')}</label>
          <select id={`${id}-view`} value={view.key} onChange={(e) => setKey(e.target.value)}>
            {data.views.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <p className="muted">{t('analytics.chartHint')}</p>
        <Responsive>
          {(width) => (
            <LineChart
              width={width}
              text={{
                id: `${id}-chart`,
                title: t('analytics.climate.trend', { team: view.label }),
                description: t('analytics.climate.chartDescription', { count: view.rounds.length }),
              }}
              xLabels={view.rounds.map((r) => {
                const at = closedAt.get(r.roundId);
                return at ? formatDate(at) : '';
              })}
              series={climateSeries(data, view)}
              domain={[1, 5]}
            />
          )}
        </Responsive>
      </section>
    </>
  );
}
