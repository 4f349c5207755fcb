import {
  ANY,
  type AnalyticsMeasure,
  type AnalyticsPerson,
  type AnalyticsSnapshotInput,
  checkInput,
} from './analytics-input.ts';
import { type DisclosureCell, releaseCells } from './cells.ts';
import { DisclosureError } from './errors.ts';

/*
 * Organisation analytics (issue #12 item 1, docs/decisions/0025): heatmaps and counts over people
 * filtered by team subtree, career stage and programme. An admin can ask many questions; deciding
 * each answer alone is safe within it but two answers can be subtracted (subtree A vs A without a
 * sub-team, stage filter on and off). So no answer is ever computed over an arbitrary set: a
 * *snapshot* (one calendar bucket, people and their team, stage, programme and values frozen at its
 * date) decides once, with releaseCells, every cell of a fixed lattice — team scope (organisation or
 * one team's subtree) × stage (all or one) × programme (all or one) × figure — and a question is
 * answered only as a signed sum of released lattice cells (analytics-query.ts). Every answer is then
 * a linear combination of released cells, so all answers together determine nothing the released
 * cells do not, and those were decided together under the atom rule.
 */

export {
  ANY,
  type AnalyticsMeasure,
  type AnalyticsPerson,
  type AnalyticsSnapshotInput,
} from './analytics-input.ts';

/** `people` (headcount), `<measure>` (mean: n and sum; count: the base) or `<measure>#counted`. */
export type AnalyticsFigure = string;

export interface AnalyticsCellKey {
  readonly team: string;
  readonly stage: string;
  readonly programme: string;
  readonly figure: AnalyticsFigure;
}

/** A released lattice cell: how many people it rests on and the sum of their values (n for counts). */
export interface ReleasedAnalyticsCell {
  readonly n: number;
  readonly sum: number;
}

export interface AnalyticsSnapshotDecision {
  readonly stages: ReadonlyArray<string>;
  readonly programmes: ReadonlyArray<string>;
  readonly measures: ReadonlyArray<AnalyticsMeasure>;
  /** Each team's parent (for normalising subtree filters). */
  readonly parentOf: Readonly<Record<string, string | null>>;
  /** Released cells by cellId; every lattice cell not here is withheld. JSON, to freeze. */
  readonly released: Readonly<Record<string, ReleasedAnalyticsCell>>;
  /**
   * Person ids of each released cell's set, by family (`people` or a measure id): the `earlier`
   * context of the next snapshot. Stored server-side, never shown.
   */
  readonly releasedSets: Readonly<Record<string, ReadonlyArray<ReadonlyArray<string>>>>;
}

export function analyticsCellId(key: AnalyticsCellKey): string {
  return JSON.stringify([key.team, key.stage, key.programme, key.figure]);
}

export interface AnalyticsSnapshotOptions {
  readonly minimum: number;
  /**
   * Which totals win when they conflict (see priorityOf): `teams` (default) keeps each team's total
   * and gives up the organisation's per-stage row where a stage is rare; `stages` the reverse.
   */
  readonly prefer?: 'teams' | 'stages';
  /**
   * `releasedSets` of every earlier snapshot still readable. Scores persist from one month to the
   * next, so without them a person who moved team, joined or left would be the difference of two
   * months' figures.
   */
  readonly earlier?: ReadonlyArray<AnalyticsSnapshotDecision['releasedSets']>;
}

/**
 * Decides a snapshot's lattice once, one releaseCells call per *family*: headcounts, and each
 * measure (a count measure's base and counted cells together). Figures of different families are
 * sums of different unknowns (a person's coaching score is not their strategy score), so no
 * combination of them solves either; deciding them apart keeps one measure's missing values from
 * suppressing another's cells. What this leaves open is stated in ADR 0025: a slice's headcount
 * minus a measure's n is how many there have no value.
 */
export function analyticsSnapshot(
  input: AnalyticsSnapshotInput,
  options: AnalyticsSnapshotOptions,
): AnalyticsSnapshotDecision {
  const parentOf = checkInput(input);
  const ancestorsOf = new Map<string, string[]>();
  for (const team of input.teams) {
    const chain = [team.id];
    for (let up = parentOf[team.id] ?? null; up !== null; up = parentOf[up] ?? null) {
      if (chain.includes(up)) throw new DisclosureError('teams', `team "${team.id}" is in a loop`);
      chain.push(up);
    }
    ancestorsOf.set(team.id, chain);
  }

  const figures = [
    'people',
    ...input.measures.flatMap((m) => (m.kind === 'count' ? [m.id, `${m.id}#counted`] : [m.id])),
  ];
  const measureOf = new Map(input.measures.map((m) => [m.id, m]));
  const cells = new Map<string, { key: AnalyticsCellKey; members: number[]; sum: number; value: number }>();
  input.people.forEach((person, p) => {
    const teams = person.teamId === null ? [ANY] : [ANY, ...ancestorsOf.get(person.teamId)!];
    const stages = [ANY, person.stage];
    const programmes = person.programmeId === null ? [ANY] : [ANY, person.programmeId];
    for (const figure of figures) {
      const [measureId, counted] = figure.split('#');
      const value = figure === 'people' ? 1 : person.values[measureId!];
      if (value === null || value === undefined) continue;
      if (figure !== 'people' && measureOf.get(measureId!)!.kind === 'count' && value !== 0 && value !== 1) {
        throw new DisclosureError(
          `people[${p}].values.${measureId}`,
          `must be 0 or 1 (a count); got ${value}`,
        );
      }
      if (counted !== undefined && value !== 1) continue;
      for (const team of teams)
        for (const stage of stages)
          for (const programme of programmes) {
            const key = { team, stage, programme, figure };
            const id = analyticsCellId(key);
            let cell = cells.get(id);
            if (!cell) {
              cell = { key, members: [], sum: 0, value: priorityOf(key, options.prefer ?? 'teams') };
              cells.set(id, cell);
            }
            cell.members.push(p);
            cell.sum += counted === undefined ? value : 1;
          }
    }
  });

  const released: Record<string, ReleasedAnalyticsCell> = {};
  const releasedSets: Record<string, string[][]> = {};
  for (const family of ['people', ...input.measures.map((m) => m.id)]) {
    const ofFamily = [...cells].filter(([, cell]) => familyOf(cell.key.figure) === family);
    const decided = decideFamily(input.people, ofFamily, family, options);
    for (const id of decided.released) {
      const cell = cells.get(id)!;
      released[id] = { n: cell.members.length, sum: cell.sum };
    }
    releasedSets[family] = decided.sets;
  }
  return {
    stages: [...input.stages],
    programmes: [...input.programmes],
    measures: input.measures.map((m) => ({ ...m })),
    parentOf,
    released,
    releasedSets,
  };
}

/** `people` for headcounts, else the measure: figures of one family share their unknowns. */
function familyOf(figure: AnalyticsFigure): string {
  return figure.split('#')[0]!;
}

/**
 * Whole-dimension cells first: no programme filter, then (preferring teams) all stages, then the
 * organisation — the organisation and team totals, then the stage row, then team × stage, then
 * programme splits, which give way first. With a rare stage (1 % at enterprise level) the stage
 * row and the team totals cannot both be shown: the intersection of a team and the stage is
 * formable and holds a few people. `prefer: 'stages'` swaps the two.
 */
function priorityOf(key: AnalyticsCellKey, prefer: 'teams' | 'stages'): number {
  const [teamWeight, stageWeight] = prefer === 'teams' ? [1, 2] : [2, 1];
  return (
    1 +
    (key.programme === ANY ? 4 : 0) +
    (key.stage === ANY ? stageWeight : 0) +
    (key.team === ANY ? teamWeight : 0)
  );
}

/**
 * One family's cells decided together with its earlier released sets. The universe is this
 * snapshot's people, then anyone known only from earlier sets (they are in no cell here, but their
 * unknowns are in the earlier equations).
 */
function decideFamily(
  people: ReadonlyArray<AnalyticsPerson>,
  cells: ReadonlyArray<[string, { members: number[]; value: number }]>,
  family: string,
  options: AnalyticsSnapshotOptions,
): { released: string[]; sets: string[][] } {
  const idOf = people.map((person) =>
    family === 'people' ? person.personId : (person.observations?.[family] ?? person.personId),
  );
  const indexOf = new Map(idOf.map((id, p) => [id, p]));
  const earlier = connectedSets(
    (options.earlier ?? []).flatMap((sets) => sets[family] ?? []),
    new Set(idOf),
  ).map((set) =>
    set.map((id) => {
      if (!indexOf.has(id)) indexOf.set(id, indexOf.size);
      return indexOf.get(id)!;
    }),
  );
  // One candidate per distinct set at the highest priority of its cells: releaseCells would add the
  // priorities up, and a small team's cell repeated at several levels would outrank the totals.
  const bySet = new Map<string, { members: number[]; value: number; ids: string[] }>();
  for (const [id, cell] of cells) {
    const key = cell.members.join();
    const known = bySet.get(key);
    if (known) {
      known.value = Math.max(known.value, cell.value);
      known.ids.push(id);
    } else bySet.set(key, { members: cell.members, value: cell.value, ids: [id] });
  }
  const list: Array<DisclosureCell<string>> = [...bySet].map(([key, set]) => ({
    key,
    members: set.members,
    value: set.value,
  }));
  const decision = releaseCells(indexOf.size, list, {
    minimum: options.minimum,
    ...(earlier.length > 0 ? { earlier } : {}),
  });
  const released = decision.released.flatMap((key) => bySet.get(key)!.ids);
  const sets = decision.released.map((key) => bySet.get(key)!.members.map((p) => idOf[p]!));
  return { released, sets };
}

/**
 * The earlier sets linked to this snapshot's observations through shared ids, directly or through
 * other earlier sets. The rest cannot meet any cell here: their classes are never split, so dropping
 * them changes no decision, and a month of fresh assessments does not carry every earlier month's
 * partition. (Dropping only the sets disjoint from this snapshot would not do: a set of old ids can
 * cut an earlier set that also holds current ones, and with it gone a cell could split off a class
 * that is really smaller.)
 */
function connectedSets(
  sets: ReadonlyArray<ReadonlyArray<string>>,
  current: ReadonlySet<string>,
): Array<ReadonlyArray<string>> {
  const reached = new Set(current);
  const kept = sets.map(() => false);
  for (let changed = true; changed; ) {
    changed = false;
    sets.forEach((set, s) => {
      if (kept[s] || !set.some((id) => reached.has(id))) return;
      kept[s] = true;
      changed = true;
      for (const id of set) reached.add(id);
    });
  }
  return sets.filter((_, s) => kept[s]);
}
