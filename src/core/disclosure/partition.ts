/*
 * The partition of a universe into atoms (atoms.ts) kept as one class label per person, so that
 * checking and adding a set costs the size of the set, not classes × universe. A set only changes
 * the classes it touches: walking its members gives, per touched class, how many of them (and how
 * many concealed ones, and their largest minimum) are inside; the outside part is the class minus
 * the inside, from per-class totals. Splitting relabels the inside members. With 100 000 people and
 * tens of thousands of candidate cells this is what keeps an analytics snapshot a batch of seconds
 * (docs/decisions/0025); for a 360 report's few dozen raters it is as cheap as the bitsets were.
 */

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

/**
 * Whether a part of `count` raters, `concealedCount` of them concealed, whose largest minimum is
 * `required` (at least 1), may be an atom. `Math.max` over the minimums keeps the old rule's
 * treatment of a missing or NaN minimum: it makes every atom holding that rater unsafe.
 */
function isPartSafe(count: number, concealedCount: number, required: number, concealment: boolean): boolean {
  if (concealment && concealedCount === count) return false;
  return count >= required;
}

/**
 * Classes of the universe: people grouped by which of the sets refined so far they are in. Member
 * lists given to it must hold distinct indexes below the universe size.
 */
export class RaterPartition {
  private readonly minimumByRater: ArrayLike<number>;
  private readonly concealedByRater: ArrayLike<boolean> | undefined;
  /** The minimum every rater shares, or null when they differ (then classes keep histograms). */
  private readonly uniformMinimum: number | null;
  private readonly label: Int32Array;
  private readonly size: Int32Array;
  /** 1 when the class is inside at least one refined set: only those are atoms. */
  private readonly inReleased: Uint8Array;
  private readonly concealed: Int32Array;
  /** Per class, how many of its raters have each minimum (only when minimums differ). */
  private readonly histogram: Array<Map<number, number>>;
  /** Classes in the order the bitset refinement kept them (inside before outside), for atoms(). */
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  private head: number;
  private classCount: number;
  // Scratch of one tally, by class; reset after each use.
  private readonly insideCount: Int32Array;
  private readonly insideConcealed: Int32Array;
  private readonly insideRequired: Float64Array;
  private readonly insideHistogram: Map<number, Map<number, number>> = new Map();
  private readonly splitInto: Int32Array;
  private touched: number[] = [];

  constructor(universeSize: number, requirements: AtomRequirements) {
    this.minimumByRater = requirements.minimumByRater;
    this.concealedByRater = requirements.concealedByRater;
    this.uniformMinimum = universeSize === 0 ? 1 : uniformValue(requirements.minimumByRater, universeSize);
    // Every split leaves two non-empty classes, so there are never more classes than people.
    const capacity = universeSize;
    this.label = new Int32Array(universeSize);
    this.size = new Int32Array(capacity);
    this.inReleased = new Uint8Array(capacity);
    this.concealed = new Int32Array(capacity);
    this.next = new Int32Array(capacity).fill(-1);
    this.previous = new Int32Array(capacity).fill(-1);
    this.insideCount = new Int32Array(capacity);
    this.insideConcealed = new Int32Array(capacity);
    this.insideRequired = new Float64Array(capacity);
    this.splitInto = new Int32Array(capacity).fill(-1);
    this.histogram = [];
    this.head = universeSize === 0 ? -1 : 0;
    this.classCount = universeSize === 0 ? 0 : 1;
    if (universeSize === 0) return;
    this.size[0] = universeSize;
    const concealedBy = this.concealedByRater;
    if (concealedBy) for (let r = 0; r < universeSize; r++) if (concealedBy[r]) this.concealed[0]! += 1;
    if (this.uniformMinimum === null) {
      const all = new Map<number, number>();
      for (let r = 0; r < universeSize; r++) increment(all, this.minimumByRater[r]!, 1);
      this.histogram.push(all);
    }
  }

  /** Whether adding the set leaves every atom safe; only the classes it splits or enters can change. */
  wouldStaySafe(members: ReadonlyArray<number>): boolean {
    this.tally(members);
    const safe = this.tallyIsSafe();
    this.clearTally();
    return safe;
  }

  /** Adds the set if that leaves every atom safe; says whether it did. */
  admitIfSafe(members: ReadonlyArray<number>): boolean {
    this.tally(members);
    const safe = this.tallyIsSafe();
    if (safe) this.split(members);
    this.clearTally();
    return safe;
  }

  /** Splits every class the set touches into its part inside the set (now an atom) and the rest. */
  refine(members: ReadonlyArray<number>): void {
    this.tally(members);
    this.split(members);
    this.clearTally();
  }

  /** Members of each atom (a class inside some refined set), ascending, in the bitset version's order. */
  atoms(): number[][] {
    const byClass: number[][] = Array.from({ length: this.classCount }, () => []);
    for (let r = 0; r < this.label.length; r++) byClass[this.label[r]!]!.push(r);
    const out: number[][] = [];
    for (let c = this.head; c !== -1; c = this.next[c]!) if (this.inReleased[c] === 1) out.push(byClass[c]!);
    return out;
  }

  private tally(members: ReadonlyArray<number>): void {
    const { label, insideCount, insideConcealed, insideRequired, minimumByRater, concealedByRater } = this;
    const touched = this.touched;
    const histograms = this.uniformMinimum === null;
    for (let i = 0; i < members.length; i++) {
      const rater = members[i]!;
      const c = label[rater]!;
      if (insideCount[c] === 0) {
        touched.push(c);
        insideRequired[c] = 1;
        if (histograms) this.insideHistogram.set(c, new Map());
      }
      insideCount[c]! += 1;
      insideRequired[c] = Math.max(insideRequired[c]!, minimumByRater[rater]!);
      if (concealedByRater?.[rater]) insideConcealed[c]! += 1;
      if (histograms) increment(this.insideHistogram.get(c)!, minimumByRater[rater]!, 1);
    }
  }

  private tallyIsSafe(): boolean {
    const concealment = Boolean(this.concealedByRater);
    for (const c of this.touched) {
      const inside = this.insideCount[c]!;
      const outside = this.size[c]! - inside;
      const insideSafe = isPartSafe(inside, this.insideConcealed[c]!, this.insideRequired[c]!, concealment);
      if (outside === 0) {
        // The class keeps its members; it becomes an atom only if it was outside every released set.
        if (this.inReleased[c] === 0 && !insideSafe) return false;
        continue;
      }
      if (!insideSafe) return false;
      if (
        this.inReleased[c] === 1 &&
        !isPartSafe(
          outside,
          this.concealed[c]! - this.insideConcealed[c]!,
          this.outsideRequired(c),
          concealment,
        )
      ) {
        return false;
      }
    }
    return true;
  }

  /** Largest minimum among the class's raters outside the tallied set (at least 1). */
  private outsideRequired(c: number): number {
    if (this.uniformMinimum !== null) return this.uniformMinimum;
    const inside = this.insideHistogram.get(c)!;
    let required = 1;
    for (const [minimum, count] of this.histogram[c]!) {
      if (count > (inside.get(minimum) ?? 0)) required = Math.max(required, minimum);
    }
    return required;
  }

  private split(members: ReadonlyArray<number>): void {
    for (const c of this.touched) {
      const inside = this.insideCount[c]!;
      if (inside === this.size[c]) {
        this.inReleased[c] = 1;
        continue;
      }
      const fresh = this.classCount++;
      this.splitInto[c] = fresh;
      this.size[fresh] = inside;
      this.size[c]! -= inside;
      this.inReleased[fresh] = 1;
      this.concealed[fresh] = this.insideConcealed[c]!;
      this.concealed[c]! -= this.insideConcealed[c]!;
      if (this.uniformMinimum === null) {
        const moved = this.insideHistogram.get(c)!;
        const rest = this.histogram[c]!;
        for (const [minimum, count] of moved) increment(rest, minimum, -count);
        this.histogram[fresh] = moved;
        this.insideHistogram.delete(c);
      }
      // The inside part goes just before the rest, as the bitset refinement listed them.
      const before = this.previous[c]!;
      this.previous[fresh] = before;
      this.next[fresh] = c;
      this.previous[c] = fresh;
      if (before === -1) this.head = fresh;
      else this.next[before] = fresh;
    }
    for (let i = 0; i < members.length; i++) {
      const rater = members[i]!;
      const into = this.splitInto[this.label[rater]!]!;
      if (into !== -1) this.label[rater] = into;
    }
    for (const c of this.touched) this.splitInto[c] = -1;
  }

  private clearTally(): void {
    for (const c of this.touched) {
      this.insideCount[c] = 0;
      this.insideConcealed[c] = 0;
    }
    this.insideHistogram.clear();
    this.touched = [];
  }
}

function increment(counts: Map<number, number>, key: number, by: number): void {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

/** When every rater has the same minimum, what any part requires (`Math.max(1, it)`); else null. */
function uniformValue(values: ArrayLike<number>, count: number): number | null {
  const first = values[0]!;
  for (let r = 1; r < count; r++) if (!Object.is(values[r], first)) return null;
  return Math.max(1, first);
}

/** A candidate set as a list of distinct member indexes. */
export interface MemberCandidate {
  readonly members: ReadonlyArray<number>;
  readonly value: number;
  /** Size for the greedy order when it differs from members.length (bits outside a bitset's universe). */
  readonly size?: number;
}

/**
 * Outcome of a candidate set released after earlier releases over the same people: `released`;
 * `refused` when it would break the rule within this release alone; `refused-earlier` when it
 * would be safe alone but, with the sets released earlier, narrows down to too few raters.
 */
export type SelectionOutcome = 'released' | 'refused' | 'refused-earlier';

/**
 * The greedy one-pass selection of atoms.ts over member lists: candidates in order of value, then
 * size, then index; each admitted if every atom stays safe with the earlier sets (`together`), and a
 * refusal is `refused-earlier` when it would have been admitted next to this release alone.
 * Without earlier sets the two partitions would be the same, so only one is kept.
 */
export function selectAmongMembers(
  universeSize: number,
  earlier: ReadonlyArray<ReadonlyArray<number>>,
  candidates: ReadonlyArray<MemberCandidate>,
  requirements: AtomRequirements,
): SelectionOutcome[] {
  const sizes = candidates.map((candidate) => candidate.size ?? candidate.members.length);
  const order = candidates
    .map((_, index) => index)
    .sort((a, b) => candidates[b]!.value - candidates[a]!.value || sizes[b]! - sizes[a]! || a - b);
  const outcomes = candidates.map((): SelectionOutcome => 'refused');
  const together = new RaterPartition(universeSize, requirements);
  for (const set of earlier) together.refine(set);
  const alone = earlier.length > 0 ? new RaterPartition(universeSize, requirements) : null;
  for (const index of order) {
    const members = candidates[index]!.members;
    if (together.admitIfSafe(members)) {
      alone?.refine(members);
      outcomes[index] = 'released';
    } else if (alone?.wouldStaySafe(members)) {
      outcomes[index] = 'refused-earlier';
    }
  }
  return outcomes;
}
