import { type CellWithholdingReason, type DisclosureCell, releaseCells } from './cells.ts';
import { DisclosureError } from './errors.ts';

/*
 * A team climate round (docs/decisions/0021): respondents answer a few items once, and the results
 * are shown per view — a leader's direct reports, those split by team when the leader has several,
 * a team, a team's subtree, the organisation. Every view of the round is decided together, whoever
 * may read it: readers compare notes, so figures one reader sees and another's can be subtracted.
 * Rounds are separate universes: each response belongs to one round, and a respondent's leader and
 * team are those snapshotted when the round was sent, so past rounds' views never change.
 */

/** One person who submitted the round, as snapshotted when it was sent. */
export interface RoundRespondent {
  /** The respondent's leader (manager) when the round was sent; null when they had none. */
  readonly leaderId: string | null;
  /** Team ids from the top of the organisation's tree down to the respondent's own team; [] for none. */
  readonly teamPath: ReadonlyArray<string>;
  /** Answer per item id; an item missing or null was not answered (the person is not in its figure). */
  readonly answers: Readonly<Record<string, number | null>>;
}

/**
 * A view of a round. `team`: the people whose own team it is; `subtree`: the team and every team
 * below it; `leader-team`: a leader's direct reports in one of the leader's teams, only for a leader
 * whose reports are in more than one team (otherwise it is the `leader` view).
 */
export type RoundView =
  | { readonly kind: 'organisation' }
  | { readonly kind: 'leader'; readonly leaderId: string }
  | { readonly kind: 'leader-team'; readonly leaderId: string; readonly teamId: string }
  | { readonly kind: 'team'; readonly teamId: string }
  | { readonly kind: 'subtree'; readonly teamId: string };

export type RoundViewKind = RoundView['kind'];

export const ROUND_VIEW_KINDS: ReadonlyArray<RoundViewKind> = [
  'organisation',
  'leader',
  'team',
  'subtree',
  'leader-team',
];

/**
 * Which figure gives way when two conflict: the organisation is everyone's benchmark, a leader's
 * own view is what the survey is for (DESIGN: the leader sees their climate), then teams and
 * subtrees; the split of one leader's reports by team is the finest and gives way first.
 */
const DEFAULT_VALUE: Readonly<Record<RoundViewKind, number>> = {
  organisation: 5,
  leader: 4,
  team: 3,
  subtree: 2,
  'leader-team': 1,
};

/** A string naming a view, unique within a round: `leader:<id>`, `leader-team:<id>:<team>`, … */
export function roundViewKey(view: RoundView): string {
  switch (view.kind) {
    case 'organisation':
      return 'organisation';
    case 'leader':
      return `leader:${view.leaderId}`;
    case 'leader-team':
      return `leader-team:${view.leaderId}:${view.teamId}`;
    case 'team':
      return `team:${view.teamId}`;
    case 'subtree':
      return `subtree:${view.teamId}`;
  }
}

/** A released mean over the `n` respondents of the view who answered the item. */
export interface ReleasedRoundFigure {
  readonly itemId: string;
  readonly n: number;
  readonly mean: number;
}

export interface WithheldRoundFigure {
  readonly itemId: string;
  readonly reason: CellWithholdingReason;
}

export interface RoundViewRelease {
  /** roundViewKey(view), for looking a view up. */
  readonly key: string;
  readonly view: RoundView;
  /** Released item figures, in item order. */
  readonly items: ReadonlyArray<ReleasedRoundFigure>;
  readonly withheld: ReadonlyArray<WithheldRoundFigure>;
}

export interface ReleaseRoundOptions {
  /** Fewest respondents any figure, and any set formable from the figures, may rest on. */
  readonly minimum: number;
  /** The round's items, in display order. */
  readonly itemIds: ReadonlyArray<string>;
  /** Kinds of view the product shows (default all); views of other kinds are not built. */
  readonly kinds?: ReadonlyArray<RoundViewKind>;
  /** Priority of a view's figures when two conflict, higher kept first (default by kind, see above). */
  readonly priority?: (view: RoundView) => number;
}

interface ViewMembers {
  readonly view: RoundView;
  readonly members: number[];
}

/**
 * The views a round's respondents make up, each with the indexes of its respondents (whether or not
 * they answered a given item). Only views with at least one respondent exist; a view absent from a
 * round's release had nobody in it. Exported for callers that need their own figures over the same
 * views through `releaseCells`.
 */
export function roundViews(
  respondents: ReadonlyArray<RoundRespondent>,
  kinds: ReadonlyArray<RoundViewKind> = ROUND_VIEW_KINDS,
): ViewMembers[] {
  const views = new Map<string, ViewMembers>();
  const add = (view: RoundView, member: number) => {
    const key = roundViewKey(view);
    const found = views.get(key);
    if (found) found.members.push(member);
    else views.set(key, { view, members: [member] });
  };
  const wanted = new Set(kinds);
  const teamsOfLeader = new Map<string, Set<string>>();
  respondents.forEach((respondent, r) => {
    if (wanted.has('organisation')) add({ kind: 'organisation' }, r);
    const ownTeam = respondent.teamPath.at(-1);
    if (respondent.leaderId !== null) {
      if (wanted.has('leader')) add({ kind: 'leader', leaderId: respondent.leaderId }, r);
      const teams = teamsOfLeader.get(respondent.leaderId) ?? new Set<string>();
      if (ownTeam !== undefined) teams.add(ownTeam);
      teamsOfLeader.set(respondent.leaderId, teams);
    }
    if (ownTeam !== undefined && wanted.has('team')) add({ kind: 'team', teamId: ownTeam }, r);
    if (wanted.has('subtree')) for (const teamId of respondent.teamPath) add({ kind: 'subtree', teamId }, r);
  });
  if (wanted.has('leader-team')) {
    respondents.forEach((respondent, r) => {
      const ownTeam = respondent.teamPath.at(-1);
      if (respondent.leaderId === null || ownTeam === undefined) return;
      if (teamsOfLeader.get(respondent.leaderId)!.size < 2) return;
      add({ kind: 'leader-team', leaderId: respondent.leaderId, teamId: ownTeam }, r);
    });
  }
  return [...views.values()];
}

/**
 * Decides and computes every view's item means of one round together (releaseCells over all (view,
 * item) figures): no set of fewer respondents than the minimum — no single answer — is formable or
 * solvable from everything the round shows. A figure the caller derives only from released figures
 * (a dimension's mean of released item means) needs no further decision; any other figure over
 * these people must go through releaseCells with these.
 */
export function releaseRoundViews(
  respondents: ReadonlyArray<RoundRespondent>,
  options: ReleaseRoundOptions,
): RoundViewRelease[] {
  validateRespondents(respondents, options.itemIds);
  const views = roundViews(respondents, options.kinds);
  const priority = options.priority ?? ((view: RoundView) => DEFAULT_VALUE[view.kind]);
  const answered = (r: number, itemId: string) => typeof respondents[r]!.answers[itemId] === 'number';

  // Views over the same respondents (a leaf team's team and subtree views, a leader who leads
  // exactly one team) are one figure shown in several places: one cell, at the highest value of its
  // views, so a figure is not preferred merely for being shown in more places.
  const cells: Array<DisclosureCell<{ item: number; views: number[] }>> = [];
  options.itemIds.forEach((itemId, item) => {
    const cellOfSet = new Map<string, DisclosureCell<{ item: number; views: number[] }>>();
    views.forEach(({ view, members }, v) => {
      const answering = members.filter((r) => answered(r, itemId));
      const setKey = answering.join(',');
      const found = cellOfSet.get(setKey);
      if (found) {
        found.key.views.push(v);
        cellOfSet.set(setKey, { ...found, value: Math.max(found.value!, priority(view)) });
      } else cellOfSet.set(setKey, { key: { item, views: [v] }, members: answering, value: priority(view) });
    });
    cells.push(...cellOfSet.values());
  });
  const decision = releaseCells(respondents.length, cells, { minimum: options.minimum });

  const releases = views.map(({ view }) => ({
    key: roundViewKey(view),
    view,
    items: [] as ReleasedRoundFigure[],
    withheld: [] as WithheldRoundFigure[],
  }));
  // releaseCells keeps input order and the cells were made item by item: each view's figures come
  // out in item order.
  for (const { item, views: shownIn } of decision.released) {
    const itemId = options.itemIds[item]!;
    const members = views[shownIn[0]!]!.members.filter((r) => answered(r, itemId));
    const sum = members.reduce((total, r) => total + (respondents[r]!.answers[itemId] as number), 0);
    const figure = { itemId, n: members.length, mean: sum / members.length };
    for (const v of shownIn) releases[v]!.items.push(figure);
  }
  for (const { key, reason } of decision.withheld) {
    for (const v of key.views) releases[v]!.withheld.push({ itemId: options.itemIds[key.item]!, reason });
  }
  return releases;
}

function validateRespondents(respondents: ReadonlyArray<RoundRespondent>, itemIds: ReadonlyArray<string>) {
  if (new Set(itemIds).size !== itemIds.length)
    throw new DisclosureError('itemIds', 'must not repeat an item');
  const items = new Set(itemIds);
  respondents.forEach((respondent, r) => {
    const field = `respondents[${r}]`;
    if (
      respondent.leaderId !== null &&
      (typeof respondent.leaderId !== 'string' || respondent.leaderId === '')
    ) {
      throw new DisclosureError(`${field}.leaderId`, 'must be a non-empty id or null');
    }
    const seen = new Set<string>();
    respondent.teamPath.forEach((teamId, t) => {
      if (typeof teamId !== 'string' || teamId === '' || seen.has(teamId)) {
        throw new DisclosureError(`${field}.teamPath[${t}]`, 'must be a non-empty team id, once per path');
      }
      seen.add(teamId);
    });
    for (const [itemId, value] of Object.entries(respondent.answers)) {
      if (!items.has(itemId)) {
        throw new DisclosureError(`${field}.answers.${itemId}`, 'is not an item of the round');
      }
      if (value !== null && !Number.isFinite(value)) {
        throw new DisclosureError(`${field}.answers.${itemId}`, `must be a number or null; got ${value}`);
      }
    }
  });
}
