// What admins see of development plans: counts of people, never content or names. The database
// function lodestar_plan_counts (SECURITY DEFINER; private rows are otherwise invisible to admins)
// returns how many people share each combination of facts; every figure shown is then a set of
// people, and the disclosure module releases only sets whose every intersection and difference —
// with each other and with the whole organisation, whose headcount admins know — holds at least the
// organisation's minimum group size (DESIGN §3.1). A figure that fails is null.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type CandidateSet, raterSetOf, selectReleasableSets } from '../../core/disclosure/index.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { loadSettings } from '../feedback/settings.ts';
import type { PlansSummary } from './contracts.ts';

const patternRow = z.object({
  active_plan: z.boolean(),
  blocks: z.array(z.string()),
  running: z.boolean(),
  practised: z.boolean(),
  people: col.count,
});
type Pattern = z.output<typeof patternRow>;

/** The strictest minimum of the organisation's disclosure policy: the smallest group ever shown. */
async function minimumGroupSize(scope: TenantScope): Promise<number> {
  const { policy } = await loadSettings(scope.tx, scope.organisationId);
  return Math.max(...Object.values(policy.minimumByGroup));
}

export async function plansSummary(scope: TenantScope): Promise<PlansSummary> {
  const patterns = await queryRows(scope.tx, sql`SELECT * FROM lodestar_plan_counts()`, patternRow);
  const minimum = await minimumGroupSize(scope);
  return summarise(patterns, minimum);
}

/** Pure: people are numbered by pattern (no identities exist here), figures become sets of them. */
export function summarise(patterns: Pattern[], minimum: number): PlansSummary {
  const members: Pattern[] = patterns.flatMap((p) => Array.from({ length: p.people }, () => p));
  const total = members.length;
  const setOf = (test: (p: Pattern) => boolean) =>
    raterSetOf(
      total,
      members.flatMap((p, i) => (test(p) ? [i] : [])),
    );
  const blocks = [...new Set(patterns.flatMap((p) => p.blocks))].sort();
  const figures: { key: string; test: (p: Pattern) => boolean; value: number }[] = [
    // The headcount is known anyway: release it first, so every other set is checked against it.
    { key: 'people', test: () => true, value: 1000 },
    { key: 'peopleWithActivePlan', test: (p) => p.active_plan, value: 100 },
    { key: 'peopleWithRunningExperiments', test: (p) => p.running, value: 50 },
    { key: 'peoplePractisedLast30Days', test: (p) => p.practised, value: 50 },
    ...blocks.map((b) => ({ key: `block:${b}`, test: (p: Pattern) => p.blocks.includes(b), value: 10 })),
  ];
  const candidates: CandidateSet[] = figures.map((f) => ({ set: setOf(f.test), value: f.value }));
  const released = selectReleasableSets(total, candidates, {
    minimumByRater: new Array(total).fill(minimum),
  });
  const figure = (key: string) => {
    const i = figures.findIndex((f) => f.key === key);
    return released[i] ? members.filter(figures[i]!.test).length : null;
  };
  return {
    minimumGroupSize: minimum,
    people: total,
    peopleWithActivePlan: figure('peopleWithActivePlan'),
    focusAreasByBlock: blocks.map((b) => ({ blockKey: b, people: figure(`block:${b}`) })),
    peopleWithRunningExperiments: figure('peopleWithRunningExperiments'),
    peoplePractisedLast30Days: figure('peoplePractisedLast30Days'),
  };
}
