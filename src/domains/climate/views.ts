// The views of one climate round, as pure functions (no I/O): which sets of respondents each view
// covers, what a released view shows, and who may see which view. Every view of a round is decided
// together, in one call of the disclosure module (close.ts), so no figure shown can be combined with
// another to single out a withheld group (DESIGN §3.1).
//
// A view's cell is a set of responses (indices into the round's responses): a response carries the
// leader and team its respondent had when the round was sent, so the views never move with people.
// The team tree is the round's own snapshot too (`subtreeOf` walks it here rather than in SQL, since
// the snapshot is already in memory).
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

export type ViewKind = 'leader' | 'leader-team' | 'team' | 'subtree' | 'organisation';

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
}

export interface RoundResults {
  views: ViewResult[];
}

/** Where a respondent sat when the round was sent. */
export interface Placement {
  leaderId: string;
  teamId: string | null;
}

export interface ViewCell {
  key: string;
  kind: ViewKind;
  label: string;
  leaderId: string | null;
  teamId: string | null;
  /** Indices of the responses in this view. */
  members: number[];
}

/** The team and every team below it in the snapshot (cycles, which the schema forbids, end the walk). */
export function subtreeOf(teams: readonly SnapshotTeam[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const t of teams) {
    if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  }
  const found = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}

/**
 * The views of a round: each leader's direct reports; per team, a leader's reports when they span
 * teams; each team with people asked in it; each team with sub-teams as a whole; the organisation.
 * Views come from the invitations (who was asked), so a view nobody answered is still listed, as
 * withheld; its cell comes from the responses.
 */
export function climateViews(
  snapshot: RoundSnapshot,
  invited: readonly Placement[],
  responses: readonly Placement[],
): ViewCell[] {
  const leaderName = new Map(snapshot.leaders.map((l) => [l.id, l.name]));
  const teamById = new Map(snapshot.teams.map((t) => [t.id, t]));
  const teamName = (id: string | null) => (id ? (teamById.get(id)?.name ?? 'A former team') : 'No team');
  const where = (test: (p: Placement) => boolean) => responses.flatMap((p, i) => (test(p) ? [i] : []));
  const views: ViewCell[] = [];

  const teamsOfLeader = new Map<string, Set<string | null>>();
  for (const p of invited) {
    teamsOfLeader.set(p.leaderId, (teamsOfLeader.get(p.leaderId) ?? new Set()).add(p.teamId));
  }
  for (const [leaderId, teams] of [...teamsOfLeader].sort(byKey)) {
    const name = leaderName.get(leaderId) ?? 'A former leader';
    views.push({
      key: `leader:${leaderId}`,
      kind: 'leader',
      label: `${name}: all direct reports`,
      leaderId,
      teamId: null,
      members: where((p) => p.leaderId === leaderId),
    });
    if (teams.size < 2) continue;
    for (const teamId of [...teams].sort()) {
      views.push({
        key: `leader-team:${leaderId}:${teamId ?? 'none'}`,
        kind: 'leader-team',
        label: `${name}: direct reports in ${teamName(teamId)}`,
        leaderId,
        teamId,
        members: where((p) => p.leaderId === leaderId && p.teamId === teamId),
      });
    }
  }

  const askedTeams = new Set(invited.flatMap((p) => (p.teamId ? [p.teamId] : [])));
  for (const team of [...snapshot.teams].sort((a, b) => a.name.localeCompare(b.name))) {
    const subtree = subtreeOf(snapshot.teams, team.id);
    const hasSubTeams = subtree.size > 1;
    const askedBelow = [...subtree].some((id) => askedTeams.has(id));
    if (askedTeams.has(team.id)) {
      views.push({
        key: `team:${team.id}`,
        kind: 'team',
        label: hasSubTeams ? `${team.name} (its own members)` : team.name,
        leaderId: null,
        teamId: team.id,
        members: where((p) => p.teamId === team.id),
      });
    }
    if (hasSubTeams && askedBelow) {
      views.push({
        key: `subtree:${team.id}`,
        kind: 'subtree',
        label: `${team.name} with its sub-teams`,
        leaderId: null,
        teamId: team.id,
        members: where((p) => p.teamId !== null && subtree.has(p.teamId)),
      });
    }
  }

  views.push({
    key: 'organisation',
    kind: 'organisation',
    label: 'Whole organisation',
    leaderId: null,
    teamId: null,
    members: responses.map((_, i) => i),
  });
  return views;
}

const byKey = <T>(a: [string, T], b: [string, T]) => a[0].localeCompare(b[0]);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** What a view shows: figures when released, nothing but its label when withheld. */
export function viewResult(
  view: ViewCell,
  released: boolean,
  answers: ReadonlyArray<Readonly<Record<string, number>>>,
  itemKeys: readonly string[],
): ViewResult {
  const base = {
    key: view.key,
    kind: view.kind,
    label: view.label,
    leaderId: view.leaderId,
    teamId: view.teamId,
  };
  if (!released || view.members.length === 0) return { ...base, released: false };
  const rows = view.members.map((i) => answers[i]!);
  const items: Figure[] = itemKeys.map((key) => {
    const values = rows.flatMap((r) => (typeof r[key] === 'number' ? [r[key]] : []));
    return { key, mean: round2(mean(values)), n: values.length };
  });
  const factorKeys = [...new Set(itemKeys.map((k) => climateItem(k)!.factor))];
  const factors = factorKeys.map((key) => {
    const ofFactor = itemKeys.filter((k) => climateItem(k)!.factor === key);
    // Each respondent's factor score (the mean of their items), then the mean over respondents.
    const scores = rows.flatMap((r) => {
      const values = ofFactor.flatMap((k) => (typeof r[k] === 'number' ? [r[k]] : []));
      return values.length ? [mean(values)] : [];
    });
    return { key, mean: round2(mean(scores)), n: scores.length };
  });
  return { ...base, released: true, n: rows.length, factors, items };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
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
