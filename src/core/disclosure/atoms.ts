import {
  type AtomRequirements,
  RaterPartition,
  type SelectionOutcome,
  selectAmongMembers,
} from './partition.ts';
import { membersOf, type RaterSet, raterSetOf, setSize } from './rater-set.ts';

export type { AtomRequirements, SelectionOutcome } from './partition.ts';

/*
 * The anonymity rule of DESIGN §3.1 says every non-empty set that can be formed from the released
 * sets by intersection and difference must hold at least the minimum number of raters. Those
 * formable sets are exactly the non-empty unions of the *atoms*: the classes of raters that belong
 * to the same released sets. (Each atom is formable — intersect the sets it is in, subtract the
 * others — and intersection or difference of unions of atoms is again a union of atoms.) A union is
 * never smaller than any atom in it, so checking the atoms checks every formable set, at the cost
 * of the sets' sizes (the partition keeps a class label per rater, partition.ts) instead of an
 * exponential closure.
 *
 * Raters outside every released set form no atom: nothing released is computed over them, and the
 * complement of a set cannot be formed by intersection and difference alone.
 */

/** Members of a bitset within the universe (a class never holds a bit beyond it). */
function membersWithin(set: RaterSet, raterCount: number): number[] {
  const members = membersOf(set);
  return members.length > 0 && members[members.length - 1]! >= raterCount
    ? members.filter((rater) => rater < raterCount)
    : members;
}

/** The non-empty atoms of the released sets: raters grouped by which of the sets they belong to. */
export function disclosureAtoms(raterCount: number, sets: ReadonlyArray<RaterSet>): RaterSet[] {
  const partition = new RaterPartition(raterCount, { minimumByRater: [] });
  for (const set of sets) partition.refine(membersWithin(set, raterCount));
  return partition.atoms().map((members) => raterSetOf(raterCount, members));
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
  return selectAmongMembers(raterCount, [], memberCandidates(raterCount, candidates), requirements).map(
    (outcome) => outcome === 'released',
  );
}

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
  return selectAmongMembers(
    raterCount,
    earlier.map((set) => membersWithin(set, raterCount)),
    memberCandidates(raterCount, candidates),
    requirements,
  );
}

function memberCandidates(raterCount: number, candidates: ReadonlyArray<CandidateSet>) {
  return candidates.map((candidate) => ({
    members: membersWithin(candidate.set, raterCount),
    value: candidate.value,
    size: setSize(candidate.set),
  }));
}
