import { DisclosureError } from './errors.ts';

/*
 * Sets of people as lists of indexes, for universes too large for a bitset per set (an analytics
 * snapshot: 100 000 people, tens of thousands of cells). Checking and grouping a list costs its
 * length, never the universe's size.
 */

/** Checks that every member is a distinct index into the universe; the first bad one names its field. */
export class MemberChecker {
  private readonly seenIn: Int32Array;
  private stamp = 0;

  constructor(private readonly universeSize: number) {
    this.seenIn = new Int32Array(universeSize);
  }

  check(members: ReadonlyArray<number>, field: string): void {
    const stamp = ++this.stamp;
    members.forEach((member, m) => {
      if (!Number.isInteger(member) || member < 0 || member >= this.universeSize) {
        throw new DisclosureError(
          `${field}[${m}]`,
          `must be a person's index from 0 to ${this.universeSize - 1}; got ${member}`,
        );
      }
      if (this.seenIn[member] === stamp)
        throw new DisclosureError(`${field}[${m}]`, `repeats person ${member}`);
      this.seenIn[member] = stamp;
    });
  }
}

/**
 * Numbers distinct sets in the order they are first seen; lists holding the same people in any
 * order get the same number. Lists are bucketed by an order-independent hash and compared exactly
 * within a bucket. Members must be distinct indexes below the universe size (MemberChecker).
 */
export class DistinctSets {
  private readonly byHash = new Map<string, number[]>();
  private readonly sets: Array<ReadonlyArray<number>> = [];
  private readonly markedIn: Int32Array;
  private stamp = 0;

  constructor(universeSize: number) {
    this.markedIn = new Int32Array(universeSize);
  }

  /** The number of the set `members` holds, new or seen before. */
  idOf(members: ReadonlyArray<number>): number {
    const key = hashOf(members);
    const bucket = this.byHash.get(key);
    if (bucket) for (const id of bucket) if (this.sameMembers(this.sets[id]!, members)) return id;
    const id = this.sets.length;
    this.sets.push(members);
    if (bucket) bucket.push(id);
    else this.byHash.set(key, [id]);
    return id;
  }

  private sameMembers(a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean {
    if (a.length !== b.length) return false;
    const stamp = ++this.stamp;
    for (const member of a) this.markedIn[member] = stamp;
    for (const member of b) if (this.markedIn[member] !== stamp) return false;
    return true;
  }
}

/** Two sums of 32-bit mixes of the members, and the count: the same for any order of the same set. */
function hashOf(members: ReadonlyArray<number>): string {
  let first = 0;
  let second = 0;
  for (const member of members) {
    first = (first + mix(member, 0x9e3779b9)) | 0;
    second = (second + mix(member, 0x85ebca6b)) | 0;
  }
  return `${members.length}:${first}:${second}`;
}

/** murmur3's finaliser over the member and a seed: spreads nearby indexes over all 32 bits. */
function mix(member: number, seed: number): number {
  let h = Math.imul(member ^ seed, 0xcc9e2d51);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
