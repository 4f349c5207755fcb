// Climate by team and its trend, for the analytics pages: the climate domain's own results (the
// frozen figures each round's close released, with who may see which view), not recomputed here
// (docs/decisions/0021, 0022); only their tables are added for exports.
import type { TenantScope } from '../../platform/scope.ts';
import { climateResults } from '../climate/results.ts';
import type { AnalyticsClimate, ExportTable } from './contracts.ts';

export async function climateView(scope: TenantScope): Promise<AnalyticsClimate> {
  const results = await climateResults(scope);
  const closedAt = new Map(results.rounds.map((r) => [r.id, r.closedAt.slice(0, 10)]));
  const table: ExportTable = {
    id: 'climate',
    title: 'Team climate by round',
    columns: ['View', 'Round closed', 'Responses (n)', ...results.factors.map((f) => f.name), 'Change shown'],
    rows: results.views.flatMap((view) =>
      view.rounds.map((round) => [
        view.label,
        closedAt.get(round.roundId) ?? null,
        round.released ? (round.n ?? null) : null,
        ...results.factors.map((f) => {
          const figure = round.factors?.find((x) => x.key === f.key);
          return figure ? Math.round(figure.mean * 100) / 100 : null;
        }),
        round.changeFromPrevious ? 'yes' : 'no',
      ]),
    ),
  };
  return { ...results, tables: [table] };
}
