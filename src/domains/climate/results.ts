// Climate results as a reader sees them: the views of every closed round they may see (views.ts,
// mayView), each with its frozen figures per round, oldest first, which is the trend. Nothing here
// computes a figure: a view's figures are exactly what the round's close released, and a withheld
// view carries none. Admins see every view; a leader the views of their own reports and of the
// teams they led (with sub-teams) when each round was sent; anyone else sees no views.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import type { ClimateResults, ClimateView } from './contracts.ts';
import { CURRENT_INSTRUMENT } from './instrument.ts';
import { loadClimateSettings } from './settings.ts';
import { mayView, type RoundResults, type RoundSnapshot } from './views.ts';

export async function climateResults(scope: TenantScope): Promise<ClimateResults> {
  const { tx, organisationId, viewer } = scope;
  const rounds = await queryRows(
    tx,
    sql`SELECT id, opened_at AS "openedAt", closed_at AS "closedAt", snapshot, results
          FROM climate_rounds
         WHERE organisation_id = ${organisationId} AND status = 'closed'
         ORDER BY opened_at`,
    z.object({
      id: z.string(),
      openedAt: col.timestamp,
      closedAt: col.timestamp,
      snapshot: z.custom<RoundSnapshot>(),
      results: z.custom<RoundResults>(),
    }),
  );
  const who = { personId: viewer.personId, admin: viewer.roles.includes('admin') };
  const views = new Map<string, ClimateView>();
  for (const round of rounds) {
    for (const v of round.results.views) {
      if (!mayView(v, round.snapshot, who)) continue;
      const view = views.get(v.key) ?? { key: v.key, kind: v.kind, label: v.label, rounds: [] };
      view.label = v.label; // the latest round's wording (a renamed team)
      view.rounds.push(
        v.released
          ? {
              roundId: round.id,
              released: true,
              n: v.n!,
              factors: v.factors!,
              items: v.items!,
              changeFromPrevious: v.changeFromPrevious ?? false,
            }
          : { roundId: round.id, released: false, changeFromPrevious: false },
      );
      views.set(v.key, view);
    }
  }
  const settings = await loadClimateSettings(tx, organisationId);
  const shown = new Set([...views.values()].flatMap((v) => v.rounds.map((r) => r.roundId)));
  return {
    factors: CURRENT_INSTRUMENT.factors.map((f) => ({ ...f })),
    items: CURRENT_INSTRUMENT.items.map((i) => ({ ...i })),
    rounds: rounds
      .filter((r) => shown.has(r.id))
      .map((r) => ({ id: r.id, openedAt: r.openedAt.toISOString(), closedAt: r.closedAt.toISOString() })),
    minimum: settings.minimum,
    views: [...views.values()],
  };
}
