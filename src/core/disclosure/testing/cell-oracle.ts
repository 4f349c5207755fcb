import { ExactRowSpace } from './exact-span.ts';

/*
 * An attacker of released cells, independent of the module: every released figure over a set of
 * people is the equation Σ x_p = (its sum, or its count when x_p = 1), and an attacker who knows who
 * is in each set solves what they can, exactly. Rebuilt from plain arrays, not from bitsets or atoms.
 */

/** People grouped by which of the sets they are in (naively, by membership signature). */
export function naiveAtoms(sets: ReadonlyArray<ReadonlyArray<number>>): number[][] {
  const bySignature = new Map<string, number[]>();
  const people = [...new Set(sets.flat())].sort((a, b) => a - b);
  for (const person of people) {
    const signature = sets.map((set) => (set.includes(person) ? '1' : '0')).join('');
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), person]);
  }
  return [...bySignature.values()];
}

/**
 * The groups of fewer than `minimum` people — checked are every single person and, for a minimum
 * above 2, every pair — whose sum (hence mean, or count) the released sets determine exactly.
 * Empty when the release is safe against this attacker.
 */
export function solvableSmallGroups(
  universeSize: number,
  released: ReadonlyArray<ReadonlyArray<number>>,
  minimum: number,
): number[][] {
  const space = new ExactRowSpace(universeSize);
  const vector = (members: ReadonlyArray<number>) => {
    const row = new Array<bigint>(universeSize).fill(0n);
    for (const member of members) row[member] = 1n;
    return row;
  };
  for (const set of released) space.add(vector(set));
  if (space.rank === 0) return [];
  const inSome = [...new Set(released.flat())].sort((a, b) => a - b);
  const found: number[][] = [];
  for (const person of inSome) if (space.contains(vector([person]))) found.push([person]);
  if (minimum > 2) {
    for (let i = 0; i < inSome.length; i++) {
      for (let j = i + 1; j < inSome.length; j++) {
        const pair = [inSome[i]!, inSome[j]!];
        if (space.contains(vector(pair))) found.push(pair);
      }
    }
  }
  return found;
}
