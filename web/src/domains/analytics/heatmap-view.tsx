// The capability heatmap: a table (team × stage rows, capability columns) whose cells are coloured
// by their mean and print the mean and n, so the grid is its own text equivalent. Withheld cells
// carry the withheld marker and no colour.
import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { heatScale, inkOn } from '../../ui/charts/colour-scale.ts';
import { Withheld } from '../../ui/charts/withheld.tsx';
import { Alert, ScrollTable } from '../../ui/components.tsx';
import type { Heatmap } from './queries.ts';

/** The colour domain: the released means, widened to whole points so close means stay close. */
export function heatDomain(data: Heatmap): [number, number] {
  const means = data.rows.flatMap((r) => r.cells.flatMap((c) => (c ? [c.mean] : [])));
  if (means.length === 0) return [1, 5];
  const low = Math.floor(Math.min(...means));
  const high = Math.ceil(Math.max(...means));
  return [low, high === low ? low + 1 : high];
}

/** Team (its parents above it, small), stage and people: one header cell, so the grid fits a phone. */
function RowHead({ row, stage }: { row: Heatmap['rows'][number]; stage: string | null }) {
  const parents =
    row.team && row.team.path !== row.team.name && row.team.path.endsWith(row.team.name)
      ? row.team.path.slice(0, -row.team.name.length)
      : '';
  return (
    <>
      {parents ? <span className="heat-parents">{parents.replace(/[\s/›]+$/, '')}</span> : null}
      <strong>{row.team ? row.team.name : t('analytics.allInScope')}</strong>
      <span className="heat-meta">
        {stage ?? t('analytics.allStages')}
        {' · '}
        {row.people === null ? (
          <Withheld label={t('analytics.withheld')} />
        ) : (
          t('analytics.heatmap.people', { n: row.people })
        )}
      </span>
    </>
  );
}

export function HeatmapView({ data }: { data: Heatmap }) {
  const id = useId();
  const domain = heatDomain(data);
  const fill = heatScale(domain);
  const stageName = new Map(data.choices.stages.map((s) => [s.key, s.name]));
  if (data.rows.length === 0) return <Alert tone="info">{t('analytics.heatmap.empty')}</Alert>;
  const steps = 5;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('analytics.heatmap.title')}</h2>
      <p>{t('analytics.heatmap.intro')}</p>
      <div className="heat-scale" aria-hidden="true">
        <span>{domain[0]}</span>
        {Array.from({ length: steps }, (_, i) => {
          const value = domain[0] + ((domain[1] - domain[0]) * i) / (steps - 1);
          return <span key={value} className="heat-swatch" style={{ background: fill(value) }} />;
        })}
        <span>{domain[1]}</span>
      </div>
      <ScrollTable labelledBy={id}>
        <table className="table heatmap">
          <thead>
            <tr>
              <th scope="col" className="heat-row-head">
                {t('analytics.heatmap.rowHead')}
              </th>
              {data.capabilities.map((c) => (
                <th scope="col" key={c.key}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={`${row.team?.id ?? 'all'}:${row.stage ?? 'all'}`}>
                <th scope="row" className="heat-row-head">
                  <RowHead row={row} stage={row.stage ? (stageName.get(row.stage) ?? row.stage) : null} />
                </th>
                {row.cells.map((cell, i) => {
                  const key = data.capabilities[i]?.key ?? i;
                  if (!cell) {
                    return (
                      <td key={key} className="heat-cell heat-withheld">
                        <Withheld label={t('analytics.withheld')} />
                      </td>
                    );
                  }
                  const background = fill(cell.mean);
                  return (
                    <td key={key} className="heat-cell" style={{ background, color: inkOn(background) }}>
                      <strong>{cell.mean.toFixed(2)}</strong>
                      <span className="heat-n">{t('analytics.n', { n: cell.n })}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
