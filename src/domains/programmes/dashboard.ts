// The cohort dashboard (issue 11 item 5): counts of enrolled people per building block and per
// funnel status, for the whole programme and per team, and alumni activity once it has ended.
// Every count is a cell — the set of people it counts — and ALL cells of the dashboard (every team
// included, whichever view is asked for) are decided together by disclosure control's
// releaseCounts, so no count under the minimum is shown and none can be rebuilt by subtracting
// shown ones, in any view. A withheld count is null.
import { createHash } from 'node:crypto';
import { type DisclosureCell, releaseCounts } from '../../core/disclosure/index.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import { asViewer, type OrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { loadSettings } from '../feedback/settings.ts';
import { cachedCohort } from './cohort-read.ts';
import type { CohortDashboard } from './contracts.ts';
import { phaseOf } from './dates.ts';
import {
  ALUMNI_ACTIVITY,
  alumniActivity,
  blocksInPlace,
  FUNNEL,
  funnelReached,
  JOURNEY_BLOCKS,
} from './funnel.ts';
import { programmeDetail } from './programmes.ts';

// The decision is a pure function of the cells: the same cohort asked again (the common case: a
// page reloaded, the view switched to teams, another admin) reuses it instead of re-running the
// atom selection (~40 ms for 40 teams of a 2,000-person programme). Keyed by a digest of every
// cell's key, members and value, so any change in the cohort decides afresh.
const decisions = new Map<string, Map<string, number>>();
const DECISIONS_KEPT = 200;

function decide(universe: number, cells: DisclosureCell<string>[], minimum: number): Map<string, number> {
  const digest = createHash('sha256');
  digest.update(`${universe}|${minimum}`);
  for (const c of cells) digest.update(`|${c.key}:${c.value}:${c.members.join(',')}`);
  const key = digest.digest('base64');
  const known = decisions.get(key);
  if (known) return known;
  const released = new Map(releaseCounts(universe, cells, { minimum }).counts.map((c) => [c.key, c.count]));
  if (decisions.size >= DECISIONS_KEPT) decisions.delete(decisions.keys().next().value!);
  decisions.set(key, released);
  return released;
}

/**
 * The organisation's disclosure minimum: the strictest of its 360 rater-group minimums (feedback's
 * policy), so a count of people is never looser than a 360 figure.
 */
async function cohortMinimum(scope: OrganisationScope): Promise<number> {
  const { policy } = await loadSettings(scope.tx, scope.organisationId);
  return Math.max(...Object.values(policy.minimumByGroup));
}

// Whole-programme figures are kept before a team's when two conflict.
const OVERALL = 4;
const PER_TEAM = 1;

/**
 * Two transactions, not one: the programme and the minimum as the admin (row-level security), then
 * the cohort as the system (cohort-read.ts), which cannot nest inside the first.
 */
export async function cohortDashboard(
  services: Services,
  viewer: Viewer,
  programmeId: string,
  byTeam: boolean,
): Promise<CohortDashboard> {
  const { programme, minimum, now } = await asViewer(services, viewer, async (scope) => ({
    programme: await programmeDetail(scope, programmeId),
    minimum: await cohortMinimum(scope),
    now: scope.now(),
  }));
  const ended = phaseOf(programme, now) === 'ended';
  const cohort = await cachedCohort(services, viewer.organisationId, programme);

  const cells: DisclosureCell<string>[] = [];
  const groups = new Map<string, { name: string | null; members: number[] }>();
  const add = (key: string, members: number[], value: number) => cells.push({ key, members, value });
  const facts = cohort.map((p, i) => {
    const team = p.teamId ?? 'none';
    const g = groups.get(team) ?? { name: p.teamName, members: [] };
    g.members.push(i);
    groups.set(team, g);
    return { reached: funnelReached(p), blocks: blocksInPlace(p, now), alumni: alumniActivity(p) };
  });
  const figures = (prefix: string, members: number[], value: number) => {
    add(`${prefix}enrolled`, members, value);
    for (const b of JOURNEY_BLOCKS)
      add(
        `${prefix}block:${b}`,
        members.filter((i) => facts[i]!.blocks.has(b)),
        value,
      );
    for (const [k, s] of FUNNEL.entries())
      add(
        `${prefix}status:${s}`,
        members.filter((i) => facts[i]!.reached >= k),
        value,
      );
    if (ended)
      for (const a of ALUMNI_ACTIVITY)
        add(
          `${prefix}alumni:${a}`,
          members.filter((i) => facts[i]!.alumni.has(a)),
          value,
        );
  };
  const everyone = cohort.map((_, i) => i);
  figures('', everyone, OVERALL);
  for (const [team, g] of groups) figures(`team:${team}:`, g.members, PER_TEAM);

  const released = decide(cohort.length, cells, minimum);
  const view = (prefix: string) => ({
    enrolled: released.get(`${prefix}enrolled`) ?? null,
    blocks: JOURNEY_BLOCKS.map((key) => ({ key, count: released.get(`${prefix}block:${key}`) ?? null })),
    statuses: FUNNEL.map((key) => ({ key, count: released.get(`${prefix}status:${key}`) ?? null })),
    alumni: ended
      ? ALUMNI_ACTIVITY.map((key) => ({ key, count: released.get(`${prefix}alumni:${key}`) ?? null }))
      : null,
  });
  return {
    minimum,
    phase: programme.phase,
    ...view(''),
    teams: byTeam
      ? [...groups]
          .map(([team, g]) => ({
            teamId: team === 'none' ? null : team,
            name: g.name,
            ...view(`team:${team}:`),
          }))
          .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
      : null,
  };
}
