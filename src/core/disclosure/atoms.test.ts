import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  disclosureAtoms,
  findUnsafeAtoms,
  isDisclosureSafe,
  requiredAtomSize,
  selectReleasableSets,
} from './atoms.ts';
import { membersOf, type RaterSet, raterSetOf } from './rater-set.ts';

/** Every set formable from `sets` by intersection and difference, by brute-force closure. */
function formableSets(sets: ReadonlyArray<ReadonlySet<number>>): Array<Set<number>> {
  const key = (set: ReadonlySet<number>) => [...set].sort((a, b) => a - b).join(',');
  const found = new Map<string, Set<number>>();
  for (const set of sets) found.set(key(set), new Set(set));
  let grew = true;
  while (grew) {
    grew = false;
    const current = [...found.values()];
    for (const a of current) {
      for (const b of current) {
        const both = new Set([...a].filter((x) => b.has(x)));
        const onlyA = new Set([...a].filter((x) => !b.has(x)));
        for (const formed of [both, onlyA]) {
          if (!found.has(key(formed))) {
            found.set(key(formed), formed);
            grew = true;
          }
        }
      }
    }
  }
  return [...found.values()].filter((set) => set.size > 0);
}

/**
 * The rule as DESIGN states it, checked on the closure: every non-empty formable set is big enough
 * and is not made of concealed raters alone.
 */
function safeByClosure(sets: ReadonlyArray<ReadonlySet<number>>, requirements: Requirements): boolean {
  return formableSets(sets).every(
    (set) =>
      set.size >= Math.max(1, ...[...set].map((rater) => requirements.minimumByRater[rater]!)) &&
      ![...set].every((rater) => requirements.concealedByRater[rater]),
  );
}

interface Requirements {
  minimumByRater: number[];
  concealedByRater: boolean[];
}

const smallFamily = fc.integer({ min: 1, max: 8 }).chain((raterCount) =>
  fc.record({
    raterCount: fc.constant(raterCount),
    sets: fc.array(fc.subarray([...Array(raterCount).keys()]), { minLength: 0, maxLength: 5 }),
    // 1 marks a declared-manager rater (the exception); others need 2 or 3.
    minimumByRater: fc.array(fc.constantFrom(1, 2, 2, 3, 3, 3), {
      minLength: raterCount,
      maxLength: raterCount,
    }),
    // An unannounced manager: never isolated, whatever the size.
    concealedByRater: fc.array(fc.constantFrom(false, false, false, true), {
      minLength: raterCount,
      maxLength: raterCount,
    }),
  }),
);

const toRaterSets = (raterCount: number, sets: ReadonlyArray<ReadonlyArray<number>>): RaterSet[] =>
  sets.map((members) => raterSetOf(raterCount, members));

describe('disclosureAtoms', () => {
  it('groups raters by the released sets they belong to, leaving out raters in none', () => {
    const atoms = disclosureAtoms(
      6,
      toRaterSets(6, [
        [0, 1, 2, 3],
        [2, 3, 4],
      ]),
    );
    expect(atoms.map(membersOf).sort()).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('matches a partition by membership signature', () => {
    fc.assert(
      fc.property(smallFamily, ({ raterCount, sets }) => {
        const bySignature = new Map<string, number[]>();
        for (let rater = 0; rater < raterCount; rater++) {
          const signature = sets.map((set) => (set.includes(rater) ? '1' : '0')).join('');
          if (!signature.includes('1')) continue;
          bySignature.set(signature, [...(bySignature.get(signature) ?? []), rater]);
        }
        const expected = [...bySignature.values()].map((atom) => atom.join(',')).sort();
        const actual = disclosureAtoms(raterCount, toRaterSets(raterCount, sets))
          .map((atom) => membersOf(atom).join(','))
          .sort();
        expect(actual).toEqual(expected);
      }),
    );
  });

  it('handles more raters than one 32-bit word', () => {
    const everyone = [...Array(70).keys()];
    const atoms = disclosureAtoms(70, toRaterSets(70, [everyone, everyone.filter((r) => r >= 40)]));
    expect(atoms.map((atom) => membersOf(atom).length).sort()).toEqual([30, 40]);
  });
});

describe('isDisclosureSafe', () => {
  it('agrees with the brute-force closure of intersections and differences', () => {
    fc.assert(
      fc.property(smallFamily, ({ raterCount, sets, ...requirements }) => {
        const closure = safeByClosure(
          sets.map((set) => new Set(set)),
          requirements,
        );
        expect(isDisclosureSafe(raterCount, toRaterSets(raterCount, sets), requirements)).toBe(closure);
      }),
      { numRuns: 500 },
    );
  });

  it('flags the classic subtraction: all raters minus the shown groups', () => {
    // peers 0–2 and direct reports 3–5 shown; raters 6–7 are only in the "all raters" figure.
    const sets = toRaterSets(8, [
      [0, 1, 2],
      [3, 4, 5],
      [0, 1, 2, 3, 4, 5, 6, 7],
    ]);
    const unsafe = findUnsafeAtoms(8, sets, { minimumByRater: Array(8).fill(3) });
    expect(unsafe.map(membersOf)).toEqual([[6, 7]]);
  });

  it('lets a declared manager stand alone but counts the strictest minimum in a mixed atom', () => {
    const requirements = { minimumByRater: [1, 3, 3, 4] };
    expect(isDisclosureSafe(4, toRaterSets(4, [[0]]), requirements)).toBe(true);
    expect(requiredAtomSize(raterSetOf(4, [1, 2, 3]), requirements)).toBe(4);
    expect(isDisclosureSafe(4, toRaterSets(4, [[1, 2, 3]]), requirements)).toBe(false);
  });

  it('never lets concealed raters (an unannounced manager group) form an atom alone', () => {
    const requirements = {
      minimumByRater: [3, 3, 3, 3, 3, 3],
      concealedByRater: [true, true, true, false, false, false],
    };
    expect(
      isDisclosureSafe(
        6,
        toRaterSets(6, [
          [0, 1, 2, 3, 4, 5],
          [3, 4, 5],
        ]),
        requirements,
      ),
    ).toBe(false);
    expect(isDisclosureSafe(6, toRaterSets(6, [[0, 1, 2, 3, 4, 5]]), requirements)).toBe(true);
  });
});

describe('selectReleasableSets', () => {
  it('keeps a safe selection that no refused set could join', () => {
    fc.assert(
      fc.property(
        smallFamily,
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 5, maxLength: 5 }),
        ({ raterCount, sets, ...requirements }, values) => {
          const raterSets = toRaterSets(raterCount, sets);
          const released = selectReleasableSets(
            raterCount,
            raterSets.map((set, i) => ({ set, value: values[i]! })),
            requirements,
          );
          const kept = raterSets.filter((_, i) => released[i]);
          expect(isDisclosureSafe(raterCount, kept, requirements)).toBe(true);
          raterSets.forEach((set, i) => {
            if (!released[i]) expect(isDisclosureSafe(raterCount, [...kept, set], requirements)).toBe(false);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives way with the less valuable of two conflicting sets', () => {
    // Set A: peers who answered everything else (worth 10 figures); set B: the same peers minus
    // the one who said "can't say" on one item (worth 1). Both cannot stand: rater 3 would be alone.
    const a = raterSetOf(4, [0, 1, 2, 3]);
    const b = raterSetOf(4, [0, 1, 2]);
    const requirements = { minimumByRater: [3, 3, 3, 3] };
    expect(
      selectReleasableSets(
        4,
        [
          { set: b, value: 1 },
          { set: a, value: 10 },
        ],
        requirements,
      ),
    ).toEqual([false, true]);
  });
});
