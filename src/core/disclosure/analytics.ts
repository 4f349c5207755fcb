import {
  ANY,
  type AnalyticsMeasure,
  type AnalyticsPerson,
  type AnalyticsSnapshotInput,
  checkInput,
} from './analytics-input.ts';
import { type DisclosureCell, releaseCells } from './cells.ts';
import { DisclosureError } from './errors.ts';
import { DistinctSets } from './member-lists.ts';

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
   * `prefer` for one family (a measure id, or `people`): a measure whose page is by stage (manage/lead
   * balance against the expected curve) keeps its stage row, while the heatmap's capabilities keep
   * their team totals. Safe either way: each family is decided on its own under the same rule; the
   * priority only chooses which of two conflicting figures is shown.
   */
  readonly preferByFamily?: Readonly<Record<string, 'teams' | 'stages'>>;
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
  const releasedSets: Record<string, string[][]> = {};
  const decision = decideAnalyticsSnapshot(input, options, (family, sets) => {
    releasedSets[family] = sets;
  });
  return { ...decision, releasedSets };
}

/**
 * analyticsSnapshot, handing each family's released sets to `keep` as soon as the family is decided
 * instead of returning them all: at 100,000 people every family's sets together are ~250 MB of ids,
 * while the job folds them into its partition (released-partition.ts) one family at a time.
 */
export function decideAnalyticsSnapshot(
  input: AnalyticsSnapshotInput,
  options: AnalyticsSnapshotOptions,
  keep: (family: string, sets: string[][]) => void,
): Omit<AnalyticsSnapshotDecision, 'releasedSets'> {
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

  // Every count value is checked before any family is decided, so the first bad one (by person,
  // then measure) is the one named, whatever family it is in.
  input.people.forEach((person, p) => {
    for (const measure of input.measures) {
      const value = person.values[measure.id];
      if (measure.kind !== 'count' || value === null || value === undefined) continue;
      if (value !== 0 && value !== 1) {
        throw new DisclosureError(
          `people[${p}].values.${measure.id}`,
          `must be 0 or 1 (a count); got ${value}`,
        );
      }
    }
  });

  const released: Record<string, ReleasedAnalyticsCell> = {};
  const lattice = new Lattice(input, ancestorsOf);
  // One family at a time: only its cells' member lists are held (a snapshot of 100 000 people has
  // tens of millions of memberships over all families together).
  const families = [
    { id: 'people', figures: ['people'] },
    ...input.measures.map((m) => ({
      id: m.id,
      figures: m.kind === 'count' ? [m.id, `${m.id}#counted`] : [m.id],
    })),
  ];
  for (const family of families) {
    const prefer = options.preferByFamily?.[family.id] ?? options.prefer ?? 'teams';
    const decided = decideFamily(input.people, lattice.cellsOf(family.figures, prefer), family.id, options);
    for (const cell of decided.released) released[cell.id] = { n: cell.members.length, sum: cell.sum };
    keep(family.id, decided.sets);
  }
  return {
    stages: [...input.stages],
    programmes: [...input.programmes],
    measures: input.measures.map((m) => ({ ...m })),
    parentOf,
    released,
  };
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

/** A lattice cell of one family: its id, the people it is computed over (ascending) and their sum. */
interface LatticeCell {
  readonly id: string;
  readonly members: number[];
  sum: number;
  readonly value: number;
}

/**
 * Builds the lattice cells of a snapshot for some figures. Teams, stages and programmes are numbered
 * (0 = all) so that each of a person's memberships finds its cell by arithmetic; a cell's id is
 * built once, when the cell first gets a member. Cells come in the order they first get a member.
 */
class Lattice {
  private readonly teams: Numbering;
  private readonly stages: Numbering;
  private readonly programmes: Numbering;
  /** Per team, the numbers of the scopes that contain it: all, the team, each ancestor. */
  private readonly scopesOf = new Map<string, number[]>();

  constructor(
    private readonly input: AnalyticsSnapshotInput,
    ancestorsOf: ReadonlyMap<string, ReadonlyArray<string>>,
  ) {
    this.teams = numbering(input.teams.map((team) => team.id));
    this.stages = numbering(input.stages);
    this.programmes = numbering(input.programmes);
    for (const [team, chain] of ancestorsOf) {
      this.scopesOf.set(team, [0, ...chain.map((id) => this.teams.numberOf.get(id)!)]);
    }
  }

  cellsOf(figures: ReadonlyArray<AnalyticsFigure>, prefer: 'teams' | 'stages'): LatticeCell[] {
    const [stageCount, programmeCount] = [this.stages.names.length, this.programmes.names.length];
    const slots = new Array<LatticeCell | undefined>(
      this.teams.names.length * stageCount * programmeCount * figures.length,
    );
    const created: LatticeCell[] = [];
    this.input.people.forEach((person, p) => {
      const teams = person.teamId === null ? [0] : this.scopesOf.get(person.teamId)!;
      const stages = [0, this.stages.numberOf.get(person.stage)!];
      const programmes =
        person.programmeId === null ? [0] : [0, this.programmes.numberOf.get(person.programmeId)!];
      figures.forEach((figure, f) => {
        const [measureId, counted] = figure.split('#');
        const value = figure === 'people' ? 1 : person.values[measureId!];
        if (value === null || value === undefined) return;
        if (counted !== undefined && value !== 1) return;
        for (const team of teams)
          for (const stage of stages)
            for (const programme of programmes) {
              const slot = ((team * stageCount + stage) * programmeCount + programme) * figures.length + f;
              let cell = slots[slot];
              if (!cell) {
                const key = {
                  team: this.teams.names[team]!,
                  stage: this.stages.names[stage]!,
                  programme: this.programmes.names[programme]!,
                  figure,
                };
                cell = { id: analyticsCellId(key), members: [], sum: 0, value: priorityOf(key, prefer) };
                slots[slot] = cell;
                created.push(cell);
              }
              cell.members.push(p);
              cell.sum += counted === undefined ? value : 1;
            }
      });
    });
    return created;
  }
}

interface Numbering {
  readonly names: string[];
  readonly numberOf: Map<string, number>;
}

/** Numbers the names from 1 in order of first appearance, with ANY as 0 (a name equal to ANY is 0 too). */
function numbering(names: ReadonlyArray<string>): Numbering {
  const numbering: Numbering = { names: [ANY], numberOf: new Map([[ANY, 0]]) };
  for (const name of names) {
    if (numbering.numberOf.has(name)) continue;
    numbering.numberOf.set(name, numbering.names.length);
    numbering.names.push(name);
  }
  return numbering;
}

/**
 * One family's cells decided together with its earlier released sets. The universe is this
 * snapshot's people, then anyone known only from earlier sets (they are in no cell here, but their
 * unknowns are in the earlier equations).
 */
function decideFamily(
  people: ReadonlyArray<AnalyticsPerson>,
  cells: ReadonlyArray<LatticeCell>,
  family: string,
  options: AnalyticsSnapshotOptions,
): { released: LatticeCell[]; sets: string[][] } {
  const idOf = people.map((person) =>
    family === 'people' ? person.personId : (person.observations?.[family] ?? person.personId),
  );
  const indexOf = new Map(idOf.map((id, p) => [id, p]));
  const earlier = connectedSets(
    (options.earlier ?? []).flatMap((sets) => sets[family] ?? []),
    new Set(idOf),
  ).map((set) =>
    set.map((id) => {
      const known = indexOf.get(id);
      if (known !== undefined) return known;
      indexOf.set(id, indexOf.size);
      return indexOf.size - 1;
    }),
  );
  // One candidate per distinct set at the highest priority of its cells: releaseCells would add the
  // priorities up, and a small team's cell repeated at several levels would outrank the totals.
  const distinct = new DistinctSets(indexOf.size);
  const bySet: Array<{ members: number[]; value: number; cells: LatticeCell[] }> = [];
  for (const cell of cells) {
    const set = distinct.idOf(cell.members);
    const known = bySet[set];
    if (known) {
      known.value = Math.max(known.value, cell.value);
      known.cells.push(cell);
    } else bySet.push({ members: cell.members, value: cell.value, cells: [cell] });
  }
  const list: Array<DisclosureCell<number>> = bySet.map((set, key) => ({
    key,
    members: set.members,
    value: set.value,
  }));
  const decision = releaseCells(indexOf.size, list, {
    minimum: options.minimum,
    ...(earlier.length > 0 ? { earlier } : {}),
  });
  const released = decision.released.flatMap((key) => bySet[key]!.cells);
  const sets = decision.released.map((key) => bySet[key]!.members.map((p) => idOf[p]!));
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
