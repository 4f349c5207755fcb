import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnalyticsSnapshotDecision,
  type AnalyticsSnapshotInput,
  analyticsSnapshot,
} from './analytics.ts';
import { type AnalyticsFilter, answerQuery } from './analytics-query.ts';
import {
  adversaryFilters,
  filteredPeople,
  type OrgShape,
  observationOf,
  randomOrganisation,
} from './testing/analytics-org.ts';
import { naiveAtoms, solvableSmallGroups } from './testing/cell-oracle.ts';

/*
 * The differencing attacks of issue #12 item 1 against organisation analytics: an admin issues every
 * filter the pages offer — team subtrees, a subtree without one sub-team, the organisation without a
 * team, pairs of teams, every stage and programme selection, on and off — for every figure, over two
 * monthly snapshots between which people moved team, joined and left, their scores unchanged. Each
 * released answer is the equation Σ x_p over the people it is computed over (filtered here, not by
 * the module); the exact attacker (cell-oracle.ts) then tries to solve any group below the minimum
 * from all answers together. Controls decide each request alone and show the attack has teeth.
 */

const FIGURES = ['people', 'capability', 'derailer', 'derailer#counted'];
const MINIMUM = 3;
const FAMILIES = ['people', 'capability', 'derailer'];

const shapeArbitrary: fc.Arbitrary<OrgShape> = fc.record({
  teamCount: fc.integer({ min: 2, max: 7 }),
  people: fc.integer({ min: 8, max: 45 }),
  stages: fc.integer({ min: 1, max: 3 }),
  programmes: fc.integer({ min: 0, max: 2 }),
  moveRate: fc.constantFrom(0.05, 0.15, 0.3),
  reassessRate: fc.constantFrom(0, 0.5, 1),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/**
 * The attacker's unknowns across both snapshots: one per person and family — a headcount counts the
 * person, a measure's figures sum that person's value of it (the same value in both months, the
 * worst case), a count measure's base and counted figures the person's flag.
 */
function universeOf(snapshots: ReadonlyArray<AnalyticsSnapshotInput>): Map<string, number> {
  const ids = new Map<string, number>();
  for (const family of FAMILIES) {
    for (const snapshot of snapshots) {
      for (const p of snapshot.people) {
        const id = unknown(family, observationOf(p, family));
        if (!ids.has(id)) ids.set(id, ids.size);
      }
    }
  }
  return ids;
}

function unknown(figure: string, personId: string): string {
  return `${figure.split('#')[0]}:${personId}`;
}

/** The attacker's equations: the people behind every answer the lattice releases. */
function latticeEquations(
  input: AnalyticsSnapshotInput,
  decision: AnalyticsSnapshotDecision,
  ids: Map<string, number>,
) {
  const sets = new Map<string, number[]>();
  for (const filter of adversaryFilters(input)) {
    for (const figure of FIGURES) {
      const answer = answerQuery(decision, filter, figure);
      if (!answer.released) continue;
      const people = filteredPeople(input, filter, figure);
      // The answer is exactly the filter's figure: a sum of released cells, never an estimate.
      expect(answer.n).toBe(people.length);
      if (people.length > 0)
        sets.set(
          unknown(figure, people.sort().join()),
          people.map((id) => ids.get(unknown(figure, id))!),
        );
    }
  }
  return [...sets.values()];
}

/** The control: each request decided alone by releaseCells — released iff it reaches the minimum. */
function aloneEquations(input: AnalyticsSnapshotInput, ids: Map<string, number>) {
  const sets = new Map<string, number[]>();
  for (const filter of adversaryFilters(input)) {
    for (const figure of FIGURES) {
      const people = filteredPeople(input, filter, figure);
      if (people.length >= MINIMUM)
        sets.set(
          unknown(figure, people.sort().join()),
          people.map((id) => ids.get(unknown(figure, id))!),
        );
    }
  }
  return [...sets.values()];
}

/** A filter that is one lattice cell: one team scope, one stage or all, one programme or all. */
function isLatticeCell(filter: AnalyticsFilter): boolean {
  return (
    (filter.teams ?? []).length <= 1 &&
    filter.excludeTeams === undefined &&
    (filter.stages ?? []).length <= 1 &&
    (filter.programmes ?? []).length <= 1
  );
}

function broken(universe: number, sets: number[][]): boolean {
  return (
    naiveAtoms(sets).some((atom) => atom.length < MINIMUM) ||
    solvableSmallGroups(universe, sets, MINIMUM).length > 0
  );
}

// Property runs with an exact attacker: seconds alone, several times that on two loaded cores.
describe('organisation analytics against differencing attacks (property-based)', { timeout: 60_000 }, () => {
  it('no group below the minimum is solvable from every answer of two snapshots together', () => {
    let shown = 0;
    let reachable = 0;
    let cells = 0;
    let cellsShown = 0;
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const [january, february] = randomOrganisation(shape);
        const ids = universeOf([january, february]);
        const first = analyticsSnapshot(january, { minimum: MINIMUM });
        const second = analyticsSnapshot(february, { minimum: MINIMUM, earlier: [first.releasedSets] });
        const sets = [...latticeEquations(january, first, ids), ...latticeEquations(february, second, ids)];
        expect(broken(ids.size, sets)).toBe(false);
        shown += sets.length;
        reachable += aloneEquations(january, ids).length + aloneEquations(february, ids).length;
        for (const [input, decision] of [
          [january, first],
          [february, second],
        ] as const) {
          for (const filter of adversaryFilters(input).filter(isLatticeCell)) {
            for (const figure of FIGURES) {
              if (filteredPeople(input, filter, figure).length < MINIMUM) continue;
              cells++;
              if (answerQuery(decision, filter, figure).released) cellsShown++;
            }
          }
        }
      }),
      { numRuns: 60, seed: 25 },
    );
    // What the lattice costs: distinct answers (people sets) shown, of those reaching the minimum.
    console.log(
      `analytics lattice: ${shown} of ${reachable} distinct answers at or above the minimum shown; lattice cells (one team scope × one stage × one programme) at or above the minimum: ${cellsShown} of ${cells} shown`,
    );
    expect(cellsShown / cells).toBeGreaterThan(0.15);
  });

  it('control: each request decided alone gives a small group away in one snapshot', () => {
    let runs = 0;
    let fallen = 0;
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const [january] = randomOrganisation(shape);
        const ids = universeOf([january]);
        runs++;
        if (broken(ids.size, aloneEquations(january, ids))) fallen++;
      }),
      { numRuns: 40, seed: 26 },
    );
    console.log(
      `analytics control (requests alone): ${fallen} of ${runs} organisations give a small group away`,
    );
    expect(fallen / runs).toBeGreaterThan(0.5);
  });

  it('control: a second snapshot decided without the first gives a mover, joiner or leaver away', () => {
    let runs = 0;
    let fallen = 0;
    let alone = 0;
    let after = 0;
    fc.assert(
      fc.property(shapeArbitrary, (shape) => {
        const [january, february] = randomOrganisation(shape);
        const ids = universeOf([january, february]);
        const first = analyticsSnapshot(january, { minimum: MINIMUM });
        const secondAlone = analyticsSnapshot(february, { minimum: MINIMUM });
        const secondAfter = analyticsSnapshot(february, { minimum: MINIMUM, earlier: [first.releasedSets] });
        runs++;
        const sets = [
          ...latticeEquations(january, first, ids),
          ...latticeEquations(february, secondAlone, ids),
        ];
        if (broken(ids.size, sets)) fallen++;
        alone += Object.keys(secondAlone.released).length;
        after += Object.keys(secondAfter.released).length;
      }),
      { numRuns: 40, seed: 27 },
    );
    console.log(
      `analytics control (snapshots alone): ${fallen} of ${runs} broken; second snapshot keeps ${after} of ${alone} cells with the first as earlier`,
    );
    expect(fallen / runs).toBeGreaterThan(0.2);
  });
});
