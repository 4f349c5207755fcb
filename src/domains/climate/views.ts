// The views of one climate round as pure functions (no I/O): the respondent each response is to the
// disclosure module, what a view shows once decided, and who may see which view. Which views exist
// and which figures may be shown is the disclosure module's (releaseRoundViews, called once per
// round with every view in close.ts), so no figure shown can be combined with another to single out
// a withheld group (DESIGN §3.1).
//
// A response carries the leader and team its respondent had when the round was sent, and the team
// tree is the round's own snapshot, so the views never move with people. The tree is walked here
// with the people domain's pure team-tree rules rather than in SQL since the snapshot is in memory.
import {
  type RoundRespondent,
  type RoundView,
  type RoundViewRelease,
  roundViewKey,
} from '../../core/disclosure/index.ts';
import { type TeamTree, teamAncestors, teamSubtree, teamTreeOf } from '../../identity/people/team-tree.ts';
import type { FactorKey } from './constants.ts';
import { climateItem } from './instrument.ts';

export interface SnapshotTeam {
  id: string;
  name: string;
  parentId: string | null;
  leaderId: string | null;
}

/** The organisation's shape when the round was sent. */
export interface RoundSnapshot {
  teams: SnapshotTeam[];
  /** Names of the people asked about, for labels. */
  leaders: Array<{ id: string; name: string }>;
}

export type ViewKind = RoundView['kind'];

export interface Figure {
  key: string;
  mean: number;
  n: number;
}

export interface ViewResult {
  /** Stable across rounds, so a trend follows it: `leader:<id>`, `team:<id>`, … */
  key: string;
  kind: ViewKind;
  label: string;
  leaderId: string | null;
  teamId: string | null;
  released: boolean;
  /** Only on a released view; a withheld one carries no number at all, not even its n. */
  n?: number;
  factors?: Array<Figure & { key: FactorKey }>;
  items?: Figure[];
  /**
   * Whether the step from the previous round's figure of this view may be shown as a change
   * (releaseTrend); absent when the previous round had no such view.
   */
  changeFromPrevious?: boolean;
}

export interface RoundResults {
  views: ViewResult[];
}

/** Where a respondent sat when the round was sent. */
export interface Placement {
  leaderId: string;
  teamId: string | null;
}

// Built once per snapshot (a round's snapshot is read once and never changes): closing a round
// places every respondent and labels every view, and rebuilding these per call made a close
// quadratic — minutes for an organisation of 10,000 people (found by `seed --synthetic`).
const trees = new WeakMap<readonly SnapshotTeam[], TeamTree>();
const parents = new WeakMap<readonly SnapshotTeam[], Set<string>>();
const teamNames = new WeakMap<readonly SnapshotTeam[], Map<string, string>>();
const leaderNames = new WeakMap<RoundSnapshot['leaders'], Map<string, string>>();

function once<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** The snapshot's teams as the people domain's team tree, so one set of tree rules walks both. */
function treeOf(teams: readonly SnapshotTeam[]): TeamTree {
  return once(trees, teams, () =>
    teamTreeOf(
      teams.map((t) => ({ id: t.id, name: t.name, parentTeamId: t.parentId, leaderId: t.leaderId })),
    ),
  );
}

/** The team and every team below it in the snapshot. */
export function subtreeOf(teams: readonly SnapshotTeam[], rootId: string): Set<string> {
  return new Set(teamSubtree(treeOf(teams), rootId));
}

/** Whether a team of the snapshot has sub-teams (cached: asked once per view). */
export function hasSubTeams(teams: readonly SnapshotTeam[], teamId: string): boolean {
  return once(parents, teams, () => new Set(teams.flatMap((t) => (t.parentId ? [t.parentId] : [])))).has(
    teamId,
  );
}

/** Team ids from the top of the snapshot's tree down to `teamId` ([] for no team). */
export function teamPathOf(teams: readonly SnapshotTeam[], teamId: string | null): string[] {
  if (!teamId) return [];
  return [...teamAncestors(treeOf(teams), teamId).reverse(), teamId];
}

/** The respondent the disclosure module sees: leader and team path as at send time, and answers. */
export function respondentOf(
  snapshot: RoundSnapshot,
  placement: Placement,
  answers: Readonly<Record<string, number>> = {},
): RoundRespondent {
  return { leaderId: placement.leaderId, teamPath: teamPathOf(snapshot.teams, placement.teamId), answers };
}

/** What a view is called on the results page, with the names the round was sent with. */
export function labelOf(view: RoundView, snapshot: RoundSnapshot): string {
  const leaders = once(
    leaderNames,
    snapshot.leaders,
    () => new Map(snapshot.leaders.map((l) => [l.id, l.name])),
  );
  const teams = once(teamNames, snapshot.teams, () => new Map(snapshot.teams.map((t) => [t.id, t.name])));
  const leader = (id: string) => leaders.get(id) ?? 'A former leader';
  const team = (id: string) => teams.get(id) ?? 'A former team';
  switch (view.kind) {
    case 'organisation':
      return 'Whole organisation';
    case 'leader':
      return `${leader(view.leaderId)}: all direct reports`;
    case 'leader-team':
      return `${leader(view.leaderId)}: direct reports in ${team(view.teamId)}`;
    case 'team':
      return hasSubTeams(snapshot.teams, view.teamId)
        ? `${team(view.teamId)} (its own members)`
        : team(view.teamId);
    case 'subtree':
      return `${team(view.teamId)} with its sub-teams`;
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A view as frozen on the round: the released item figures, and a factor's mean (the mean of its
 * released item means, which the disclosure module says needs no further decision) only when every
 * item of the factor was released. A view with nothing released carries no number at all.
 */
export function viewResult(
  view: RoundView,
  release: RoundViewRelease | undefined,
  snapshot: RoundSnapshot,
  itemKeys: readonly string[],
): ViewResult {
  const base = {
    key: roundViewKey(view),
    kind: view.kind,
    label: labelOf(view, snapshot),
    leaderId: 'leaderId' in view ? view.leaderId : null,
    teamId: 'teamId' in view ? view.teamId : null,
  };
  const released = new Map((release?.items ?? []).map((f) => [f.itemId, f]));
  if (released.size === 0) return { ...base, released: false };
  const items = itemKeys.flatMap((key) => {
    const f = released.get(key);
    return f ? [{ key, mean: round2(f.mean), n: f.n }] : [];
  });
  const factorKeys = [...new Set(itemKeys.map((k) => climateItem(k)!.factor))];
  const factors = factorKeys.flatMap((key) => {
    const figures = itemKeys.filter((k) => climateItem(k)!.factor === key).map((k) => released.get(k));
    if (figures.some((f) => !f)) return [];
    const mean = figures.reduce((sum, f) => sum + f!.mean, 0) / figures.length;
    return [{ key, mean: round2(mean), n: Math.min(...figures.map((f) => f!.n)) }];
  });
  return { ...base, released: true, n: Math.max(...items.map((i) => i.n)), factors, items };
}

/** Who may see a view: admins every view; a leader the views of their own reports and of the teams
 * they led when the round was sent, with those teams' sub-teams. */
export function mayView(
  view: ViewResult,
  snapshot: RoundSnapshot,
  viewer: { personId: string; admin: boolean },
): boolean {
  if (viewer.admin) return true;
  if (view.kind === 'leader' || view.kind === 'leader-team') return view.leaderId === viewer.personId;
  if (view.kind === 'organisation' || !view.teamId) return false;
  return ledTeams(snapshot, viewer.personId).has(view.teamId);
}

/** The teams a person led in the snapshot, and every team below them. */
export function ledTeams(snapshot: RoundSnapshot, personId: string): Set<string> {
  const led = new Set<string>();
  for (const t of snapshot.teams) {
    if (t.leaderId === personId) for (const id of subtreeOf(snapshot.teams, t.id)) led.add(id);
  }
  return led;
}
