import {
  difference,
  fullRaterSet,
  intersection,
  isEmptySet,
  membersOf,
  type RaterSet,
  setSize,
} from './rater-set.ts';

/*
 * The anonymity rule of DESIGN §3.1 says every non-empty set that can be formed from the released
 * sets by intersection and difference must hold at least the minimum number of raters. Those
 * formable sets are exactly the non-empty unions of the *atoms*: the classes of raters that belong
 * to the same released sets. (Each atom is formable — intersect the sets it is in, subtract the
 * others — and intersection or difference of unions of atoms is again a union of atoms.) A union is
 * never smaller than any atom in it, so checking the atoms checks every formable set, in
 * sets × atoms word operations instead of an exponential closure.
 *
 * Raters outside every released set form no atom: nothing released is computed over them, and the
 * complement of a set cannot be formed by intersection and difference alone.
 */

/** One class of the partition, with whether its raters are in at least one released set. */
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

/** The non-empty atoms of the released sets: raters grouped by which of the sets they belong to. */
export function disclosureAtoms(raterCount: number, sets: ReadonlyArray<RaterSet>): RaterSet[] {
  let classes = initialPartition(raterCount);
  for (const set of sets) classes = refine(classes, set);
  return classes.filter((cls) => cls.inReleasedSet).map((cls) => cls.members);
}

/** What each rater needs from any atom they end up in. */
export interface AtomRequirements {
  /**
   * Fewest raters an atom containing this rater must hold. An atom needs the largest minimum of
   * its raters, so a stricter group keeps its own minimum when it shares an atom with others. 1
   * marks the declared exception (the manager, when raters were told it is shown separately).
   */
  readonly minimumByRater: ArrayLike<number>;
  /**
   * Raters of a group that must never be isolated whatever its size (the manager when raters were
   * not told it is shown separately): an atom of only such raters is unsafe, so their group's
   * mean can never be formed — they only ever count inside sets mixed with other raters.
   */
  readonly concealedByRater?: ArrayLike<boolean>;
}

export function requiredAtomSize(atom: RaterSet, requirements: AtomRequirements): number {
  let required = 1;
  for (const rater of membersOf(atom)) required = Math.max(required, requirements.minimumByRater[rater]!);
  return required;
}

export function isAtomSafe(atom: RaterSet, requirements: AtomRequirements): boolean {
  const members = membersOf(atom);
  const concealed = requirements.concealedByRater;
  if (concealed && members.every((rater) => concealed[rater])) return false;
  return members.length >= requiredAtomSize(atom, requirements);
}

/** Atoms that break their requirements; empty when the released sets are safe. */
export function findUnsafeAtoms(
  raterCount: number,
  sets: ReadonlyArray<RaterSet>,
  requirements: AtomRequirements,
): RaterSet[] {
  return disclosureAtoms(raterCount, sets).filter((atom) => !isAtomSafe(atom, requirements));
}

export function isDisclosureSafe(
  raterCount: number,
  sets: ReadonlyArray<RaterSet>,
  requirements: AtomRequirements,
): boolean {
  return findUnsafeAtoms(raterCount, sets, requirements).length === 0;
}

/** A set some figures would be computed over, and how much the report loses if it is suppressed. */
export interface CandidateSet {
  readonly set: RaterSet;
  /** Value of the figures over this set (e.g. how many figures, weighted by kind); higher is kept first. */
  readonly value: number;
}

/**
 * Chooses which candidate sets may be released together, returning one flag per candidate.
 *
 * This is DESIGN's "suppress one more figure (the smallest) and check again", run from the other
 * end so it is one pass: candidates are admitted in order of value, then size, and a candidate that
 * would split off an atom below its minimum is suppressed. Adding sets only ever splits atoms, so a
 * candidate refused now could never be admitted later — one pass gives the same answer as retrying.
 * Of two conflicting sets the one carrying fewer or smaller figures is the one suppressed; a group's
 * main set (shared by every item all its raters answered) thus survives a single "can't say", which
 * costs only the figures over the shrunken set.
 */
export function selectReleasableSets(
  raterCount: number,
  candidates: ReadonlyArray<CandidateSet>,
  requirements: AtomRequirements,
): boolean[] {
  const sizes = candidates.map((candidate) => setSize(candidate.set));
  const order = candidates
    .map((_, index) => index)
    .sort((a, b) => candidates[b]!.value - candidates[a]!.value || sizes[b]! - sizes[a]! || a - b);
  const released = candidates.map(() => false);
  let classes = initialPartition(raterCount);
  for (const index of order) {
    const set = candidates[index]!.set;
    if (wouldStaySafe(classes, set, requirements)) {
      classes = refine(classes, set);
      released[index] = true;
    }
  }
  return released;
}

/**
 * Outcome of a candidate set released after earlier releases over the same people: `released`;
 * `refused` when it would break the rule within this release alone; `refused-earlier` when it
 * would be safe alone but, with the sets released earlier, narrows down to too few raters.
 */
export type SelectionOutcome = 'released' | 'refused' | 'refused-earlier';

/**
 * `selectReleasableSets` continued from sets already released (an earlier report over the same
 * raters, e.g. the 360 a pulse follows). Those sets cannot be withdrawn, so they start the partition
 * and every candidate must leave every atom of all sets together safe: the same greedy order, the
 * same one pass. Each refusal says whether the earlier sets were the reason: it is, when the
 * candidate would have been admitted next to this release's admitted sets alone.
 *
 * Earlier sets are taken as given: an earlier atom already below a (since raised) minimum is not
 * made worse by releasing a set that leaves it whole, and is not split further.
 */
export function selectReleasableSetsAfter(
  raterCount: number,
  earlier: ReadonlyArray<RaterSet>,
  candidates: ReadonlyArray<CandidateSet>,
  requirements: AtomRequirements,
): SelectionOutcome[] {
  const sizes = candidates.map((candidate) => setSize(candidate.set));
  const order = candidates
    .map((_, index) => index)
    .sort((a, b) => candidates[b]!.value - candidates[a]!.value || sizes[b]! - sizes[a]! || a - b);
  const outcomes = candidates.map((): SelectionOutcome => 'refused');
  let together = initialPartition(raterCount);
  for (const set of earlier) together = refine(together, set);
  let alone = initialPartition(raterCount);
  for (const index of order) {
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

/** Whether adding `set` leaves every atom safe; only the classes it splits or enters can change. */
function wouldStaySafe(classes: ReadonlyArray<RaterClass>, set: RaterSet, requirements: AtomRequirements) {
  for (const cls of classes) {
    const inside = intersection(cls.members, set);
    if (isEmptySet(inside)) continue;
    const outside = difference(cls.members, set);
    if (isEmptySet(outside)) {
      // The class keeps its members; it becomes an atom only if it was outside every released set.
      if (!cls.inReleasedSet && !isAtomSafe(inside, requirements)) return false;
      continue;
    }
    if (!isAtomSafe(inside, requirements)) return false;
    if (cls.inReleasedSet && !isAtomSafe(outside, requirements)) return false;
  }
  return true;
}
