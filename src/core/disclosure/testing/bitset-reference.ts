import type { AtomRequirements, CandidateSet, SelectionOutcome } from '../atoms.ts';
import type { CellWithholdingReason, DisclosureCell } from '../cells.ts';
import {
  difference,
  fullRaterSet,
  intersection,
  isEmptySet,
  membersOf,
  type RaterSet,
  raterSetKey,
  raterSetOf,
  setSize,
} from '../rater-set.ts';

/*
 * The atom selection as it was before it moved to class labels (partition.ts), kept verbatim as the
 * oracle of partition.property.test.ts: every partition class a bitset over the whole universe, every
 * candidate checked against every class. Simple enough to trust, too slow for 100 000 people.
 * Input checks are left out: the property test only gives valid input.
 */

interface RaterClass {
  members: RaterSet;
  inReleasedSet: boolean;
}

function initialPartition(raterCount: number): RaterClass[] {
  return raterCount === 0 ? [] : [{ members: fullRaterSet(raterCount), inReleasedSet: false }];
}

function refine(classes: RaterClass[], set: RaterSet): RaterClass[] {
  const next: RaterClass[] = [];
  for (const cls of classes) {
    const inside = intersection(cls.members, set);
    if (isEmptySet(inside)) {
      next.push(cls);
      continue;
    }
    next.push({ members: inside, inReleasedSet: true });
    const outside = difference(cls.members, set);
    if (!isEmptySet(outside)) next.push({ members: outside, inReleasedSet: cls.inReleasedSet });
  }
  return next;
}

export function referenceAtoms(raterCount: number, sets: ReadonlyArray<RaterSet>): RaterSet[] {
  let classes = initialPartition(raterCount);
  for (const set of sets) classes = refine(classes, set);
  return classes.filter((cls) => cls.inReleasedSet).map((cls) => cls.members);
}

function isAtomSafe(atom: RaterSet, requirements: AtomRequirements): boolean {
  const members = membersOf(atom);
  const concealed = requirements.concealedByRater;
  if (concealed && members.every((rater) => concealed[rater])) return false;
  let required = 1;
  for (const rater of members) required = Math.max(required, requirements.minimumByRater[rater]!);
  return members.length >= required;
}

function wouldStaySafe(classes: ReadonlyArray<RaterClass>, set: RaterSet, requirements: AtomRequirements) {
  for (const cls of classes) {
    const inside = intersection(cls.members, set);
    if (isEmptySet(inside)) continue;
    const outside = difference(cls.members, set);
    if (isEmptySet(outside)) {
      if (!cls.inReleasedSet && !isAtomSafe(inside, requirements)) return false;
      continue;
    }
    if (!isAtomSafe(inside, requirements)) return false;
    if (cls.inReleasedSet && !isAtomSafe(outside, requirements)) return false;
  }
  return true;
}

function greedyOrder(candidates: ReadonlyArray<CandidateSet>): number[] {
  const sizes = candidates.map((candidate) => setSize(candidate.set));
  return candidates
    .map((_, index) => index)
    .sort((a, b) => candidates[b]!.value - candidates[a]!.value || sizes[b]! - sizes[a]! || a - b);
}

export function referenceSelect(
  raterCount: number,
  candidates: ReadonlyArray<CandidateSet>,
  requirements: AtomRequirements,
): boolean[] {
  const released = candidates.map(() => false);
  let classes = initialPartition(raterCount);
  for (const index of greedyOrder(candidates)) {
    const set = candidates[index]!.set;
    if (wouldStaySafe(classes, set, requirements)) {
      classes = refine(classes, set);
      released[index] = true;
    }
  }
  return released;
}

export function referenceSelectAfter(
  raterCount: number,
  earlier: ReadonlyArray<RaterSet>,
  candidates: ReadonlyArray<CandidateSet>,
  requirements: AtomRequirements,
): SelectionOutcome[] {
  const outcomes = candidates.map((): SelectionOutcome => 'refused');
  let together = initialPartition(raterCount);
  for (const set of earlier) together = refine(together, set);
  let alone = initialPartition(raterCount);
  for (const index of greedyOrder(candidates)) {
    const set = candidates[index]!.set;
    if (wouldStaySafe(together, set, requirements)) {
      together = refine(together, set);
      alone = refine(alone, set);
      outcomes[index] = 'released';
    } else if (wouldStaySafe(alone, set, requirements)) {
      outcomes[index] = 'refused-earlier';
    }
  }
  return outcomes;
}

/** releaseCells' decision as it was: a bitset per cell, identical cells grouped by the bitset's words. */
export function referenceReleaseCells<K>(
  universeSize: number,
  cells: ReadonlyArray<DisclosureCell<K>>,
  options: { minimum: number; earlier?: ReadonlyArray<ReadonlyArray<number>> },
): { released: K[]; withheld: Array<{ key: K; reason: CellWithholdingReason }> } {
  const { minimum } = options;
  const earlier = (options.earlier ?? []).map((members) => raterSetOf(universeSize, members));
  const requirements: AtomRequirements = { minimumByRater: new Array<number>(universeSize).fill(minimum) };
  const distinct = new Map<string, number>();
  const candidates: CandidateSet[] = [];
  const candidateOfCell = cells.map((cell): number | null => {
    const set = raterSetOf(universeSize, cell.members);
    if (cell.members.length < minimum) return null;
    const setKey = raterSetKey(set);
    let index = distinct.get(setKey);
    if (index === undefined) {
      index = candidates.length;
      distinct.set(setKey, index);
      candidates.push({ set, value: 0 });
    }
    candidates[index] = { set, value: candidates[index]!.value + (cell.value ?? 1) };
    return index;
  });
  const outcomes =
    earlier.length > 0
      ? referenceSelectAfter(universeSize, earlier, candidates, requirements)
      : referenceSelect(universeSize, candidates, requirements).map((ok) =>
          ok ? ('released' as const) : ('refused' as const),
        );
  const released: K[] = [];
  const withheld: Array<{ key: K; reason: CellWithholdingReason }> = [];
  cells.forEach((cell, c) => {
    const index = candidateOfCell[c] ?? null;
    const outcome = index === null ? 'below-minimum' : outcomes[index]!;
    if (outcome === 'released') released.push(cell.key);
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
  return { released, withheld };
}
