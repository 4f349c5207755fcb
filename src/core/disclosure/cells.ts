import { DisclosureError } from './errors.ts';
import { DistinctSets, MemberChecker } from './member-lists.ts';
import { type AtomRequirements, type MemberCandidate, selectAmongMembers } from './partition.ts';
import { LOWEST_ALLOWED_MINIMUM } from './policy.ts';

/*
 * DESIGN §3.1 for any aggregate over people, not only 360 rater groups (docs/decisions/0021): a
 * climate round's views, a programme's counts per step. A caller describes each figure it would
 * show as a *cell* — the people it is computed over — and gets back which cells may be shown. The
 * rule and the selection are atoms.ts's, unchanged: every atom of the released cells (with the sets
 * released earlier over the same people) holds at least the minimum, so no set of fewer people is
 * formable by intersection and difference, and no sum, mean or count over fewer people is solvable
 * from the figures (the released equations are constant on atoms).
 */

/** One figure a caller would like to show, over a set of people of one universe. */
export interface DisclosureCell<K> {
  /** The caller's name for the figure; returned as given. */
  readonly key: K;
  /** The people the figure is computed over: indexes into the universe, 0 ≤ index < universeSize. */
  readonly members: ReadonlyArray<number>;
  /**
   * How much the caller wants this figure kept when two conflict; higher is kept first (default 1).
   * Cells over the same people share one decision and add up their values, so a set many figures
   * rest on outweighs a set of one figure.
   */
  readonly value?: number;
}

/**
 * `below-minimum`: fewer people than the minimum (never shown). `complementary`: shown together with
 * the released cells it would narrow down to fewer people than the minimum. `earlier-release`: safe
 * with this release alone, but not with the sets released earlier over the same people.
 */
export type CellWithholdingReason = 'below-minimum' | 'complementary' | 'earlier-release';

export interface CellDecision<K> {
  /** Keys of the cells that may be shown, in input order. */
  readonly released: K[];
  /** Keys of the other cells, in input order, with why. */
  readonly withheld: Array<{ key: K; reason: CellWithholdingReason }>;
}

export interface ReleaseCellsOptions {
  /** Fewest people any figure, and any set formable from the figures, may rest on (at least 2). */
  readonly minimum: number;
  /**
   * Sets already released (or otherwise known to readers) over the same universe, as member indexes:
   * they cannot be withdrawn, so the cells are chosen to keep every atom of all sets together safe.
   */
  readonly earlier?: ReadonlyArray<ReadonlyArray<number>>;
}

/**
 * Decides which cells of one universe may be shown together. Cells below the minimum are never
 * shown; the rest are admitted by value (then size, then input order) and a cell that would split
 * off an atom below the minimum is withheld — deterministic for the same input.
 */
export function releaseCells<K>(
  universeSize: number,
  cells: ReadonlyArray<DisclosureCell<K>>,
  options: ReleaseCellsOptions,
): CellDecision<K> {
  const { shown, withheld } = decideCells(universeSize, cells, options);
  return { released: shown.map((cell) => cell.key), withheld };
}

/** A count that may be shown: the number of people in a released cell. */
export interface ReleasedCount<K> {
  readonly key: K;
  readonly count: number;
}

export interface CountDecision<K> {
  /** Released counts, in input order; a count is never returned for a withheld cell. */
  readonly counts: Array<ReleasedCount<K>>;
  readonly withheld: Array<{ key: K; reason: CellWithholdingReason }>;
}

/**
 * `releaseCells` for counts of people (a programme's funnel, per step and team): a count is the size
 * of the set it counts, so the same atom rule decides it. A step that differs from the one before it
 * by fewer people than the minimum loses one of the two. A zero is below the minimum like any small
 * count: "nobody in team X practises" states something about every person of team X.
 */
export function releaseCounts<K>(
  universeSize: number,
  cells: ReadonlyArray<DisclosureCell<K>>,
  options: ReleaseCellsOptions,
): CountDecision<K> {
  const { shown, withheld } = decideCells(universeSize, cells, options);
  return { counts: shown.map((cell) => ({ key: cell.key, count: cell.members.length })), withheld };
}

/** The cells split into those released and those withheld (with why), each in input order. */
function decideCells<K>(
  universeSize: number,
  cells: ReadonlyArray<DisclosureCell<K>>,
  options: ReleaseCellsOptions,
): { shown: Array<DisclosureCell<K>>; withheld: Array<{ key: K; reason: CellWithholdingReason }> } {
  if (!Number.isInteger(universeSize) || universeSize < 0) {
    throw new DisclosureError('universeSize', `must be a whole number of at least 0; got ${universeSize}`);
  }
  const { minimum } = options;
  if (!Number.isInteger(minimum) || minimum < LOWEST_ALLOWED_MINIMUM) {
    throw new DisclosureError(
      'minimum',
      `must be a whole number of at least ${LOWEST_ALLOWED_MINIMUM} (a smaller group would show individual answers); got ${minimum}`,
    );
  }
  // Member lists throughout, never a bitset per cell: a snapshot's universe is 100 000 people.
  const checker = new MemberChecker(universeSize);
  const earlier = options.earlier ?? [];
  earlier.forEach((members, s) => {
    checker.check(members, `earlier[${s}]`);
  });
  const requirements: AtomRequirements = { minimumByRater: new Array<number>(universeSize).fill(minimum) };

  // Cells over the same people are one candidate set: releasing one releases the others' set.
  const distinct = new DistinctSets(universeSize);
  const candidates: MemberCandidate[] = [];
  const candidateOfCell = cells.map((cell, c): number | null => {
    checker.check(cell.members, `cells[${c}].members`);
    const value = cell.value ?? 1;
    if (!Number.isFinite(value)) {
      throw new DisclosureError(`cells[${c}].value`, `must be a finite number; got ${value}`);
    }
    // Exactly the atom test, no stricter one: a set withheld on a stricter rule would bypass the
    // selection below and could still be rebuilt from released cells (see release-report.ts).
    if (cell.members.length < minimum) return null;
    const index = distinct.idOf(cell.members);
    if (index === candidates.length) candidates.push({ members: cell.members, value: 0 });
    candidates[index] = { members: candidates[index]!.members, value: candidates[index]!.value + value };
    return index;
  });

  const outcomes = selectAmongMembers(universeSize, earlier, candidates, requirements);
  const shown: Array<DisclosureCell<K>> = [];
  const withheld: Array<{ key: K; reason: CellWithholdingReason }> = [];
  cells.forEach((cell, c) => {
    const index = candidateOfCell[c] ?? null;
    const outcome = index === null ? 'below-minimum' : outcomes[index]!;
    if (outcome === 'released') shown.push(cell);
    else {
      const reason =
        outcome === 'below-minimum'
          ? 'below-minimum'
          : outcome === 'refused-earlier'
            ? 'earlier-release'
            : 'complementary';
      withheld.push({ key: cell.key, reason });
    }
  });
  return { shown, withheld };
}
