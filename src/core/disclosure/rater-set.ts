/**
 * Sets of raters as bitsets over the rater indices of one report. A report has a few dozen raters,
 * so a set is one or two 32-bit words and intersection, difference and counting cost a handful of
 * machine operations — which is what lets the anonymity check run on every report request.
 */
export type RaterSet = Uint32Array;

const WORD_BITS = 32;

function wordCount(raterCount: number): number {
  return Math.max(1, Math.ceil(raterCount / WORD_BITS));
}

export function emptyRaterSet(raterCount: number): RaterSet {
  return new Uint32Array(wordCount(raterCount));
}

export function raterSetOf(raterCount: number, members: Iterable<number>): RaterSet {
  const set = emptyRaterSet(raterCount);
  for (const member of members) addMember(set, member);
  return set;
}

/** Every rater of the report. */
export function fullRaterSet(raterCount: number): RaterSet {
  const set = emptyRaterSet(raterCount);
  for (let rater = 0; rater < raterCount; rater++) addMember(set, rater);
  return set;
}

export function addMember(set: RaterSet, rater: number): void {
  const word = rater >>> 5;
  set[word] = set[word]! | (1 << (rater & 31));
}

export function hasMember(set: RaterSet, rater: number): boolean {
  return ((set[rater >>> 5]! >>> (rater & 31)) & 1) === 1;
}

export function intersection(a: RaterSet, b: RaterSet): RaterSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! & b[w]!;
  return out;
}

export function difference(a: RaterSet, b: RaterSet): RaterSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! & ~b[w]!;
  return out;
}

export function union(a: RaterSet, b: RaterSet): RaterSet {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w]! | b[w]!;
  return out;
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function setSize(set: RaterSet): number {
  let count = 0;
  for (let w = 0; w < set.length; w++) count += popcount32(set[w]!);
  return count;
}

export function isEmptySet(set: RaterSet): boolean {
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) return false;
  return true;
}

export function isSubset(a: RaterSet, b: RaterSet): boolean {
  for (let w = 0; w < a.length; w++) if ((a[w]! & ~b[w]!) !== 0) return false;
  return true;
}

/** A string identifying the set's members, for grouping figures that share one set. */
export function raterSetKey(set: RaterSet): string {
  return set.join(',');
}

export function membersOf(set: RaterSet): number[] {
  const out: number[] = [];
  for (let w = 0; w < set.length; w++) {
    let word = set[w]!;
    while (word !== 0) {
      const bit = 31 - Math.clz32(word & -word);
      out.push(w * WORD_BITS + bit);
      word &= word - 1;
    }
  }
  return out;
}
