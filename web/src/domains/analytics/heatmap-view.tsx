// The capability heatmap: a table (team × stage rows, capability columns) whose cells are coloured
// by their mean and print the mean and n, so the grid is its own text equivalent. Withheld cells
// carry the withheld marker and no colour.
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { t } from '../../i18n/index.ts';
import { heatScale, inkOn } from '../../ui/charts/colour-scale.ts';
import { Withheld } from '../../ui/charts/withheld.tsx';
import { Alert, ScrollTable } from '../../ui/components.tsx';
import { withFilter } from './filters.ts';
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
      <strong>
        {row.team ? <TeamLink id={row.team.id} name={row.team.name} /> : t('analytics.allInScope')}
      </strong>
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

type Row = Heatmap['rows'][number];
type Line = { kind: 'row'; row: Row } | { kind: 'withheld'; team: Row['team']; stages: string[] };

/**
 * A team's stage rows with nothing released (no headcount, no cell) become one line naming those
 * stages: in a large organisation most team × stage pairs are too small, and a row of markers per
 * pair buries the figures. The export keeps every row.
 */
export function heatmapLines(rows: readonly Row[]): Line[] {
  const lines: Line[] = [];
  for (const row of rows) {
    const empty = row.stage !== null && row.people === null && row.cells.every((c) => c === null);
    if (!empty) {
      lines.push({ kind: 'row', row });
      continue;
    }
    const last = lines.at(-1);
    if (last?.kind === 'withheld' && last.team?.id === row.team?.id) last.stages.push(row.stage!);
    else lines.push({ kind: 'withheld', team: row.team, stages: [row.stage!] });
  }
  return lines;
}

/** A team's name opens its subtree: the rows stop a few levels down, so this is how to go deeper. */
function TeamLink({ id, name }: { id: string; name: string }) {
  const [search] = useSearchParams();
  return <Link to={{ search: withFilter(search, 'team', id).toString() }}>{name}</Link>;
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
            {heatmapLines(data.rows).map((line) =>
              line.kind === 'withheld' ? (
                <tr key={`${line.team?.id ?? 'all'}:withheld`} className="heat-withheld-line">
                  <td colSpan={data.capabilities.length + 1}>
                    <Withheld
                      label={t('analytics.heatmap.stagesWithheld', {
                        team: line.team?.name ?? t('analytics.allInScope'),
                        stages: line.stages.map((k) => stageName.get(k) ?? k).join(', '),
                      })}
                    />
                  </td>
                </tr>
              ) : (
                <HeatRow
                  key={`${line.row.team?.id ?? 'all'}:${line.row.stage ?? 'all'}`}
                  row={line.row}
                  data={data}
                  fill={fill}
                  stage={line.row.stage ? (stageName.get(line.row.stage) ?? line.row.stage) : null}
                />
              ),
            )}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function HeatRow({
  row,
  data,
  fill,
  stage,
}: {
  row: Row;
  data: Heatmap;
  fill: (mean: number) => string;
  stage: string | null;
}) {
  return (
    <tr>
      <th scope="row" className="heat-row-head">
        <RowHead row={row} stage={stage} />
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
  );
}
