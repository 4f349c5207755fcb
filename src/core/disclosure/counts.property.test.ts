import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { type DisclosureCell, releaseCounts } from './cells.ts';
import { naiveAtoms, solvableSmallGroups } from './testing/cell-oracle.ts';

/*
 * A programme's cohort dashboard: counts of people per step (invited → answered → plan → practising
 * → re-rated, each step within the one before), in total and per team. A count is the equation
 * Σ_{p in cell} 1 = count; the attacker knows who could be in which cell and solves for small groups.
 * A later snapshot, when some people have moved on a step, is released with the first as `earlier`.
 */

const STEPS = ['invited', 'answered', 'plan', 'practising', 're-rated'] as const;

interface Cohort {
  readonly teams: ReadonlyArray<number>;
  /** Furthest step reached per person (0 = invited only), at each snapshot. */
  readonly reached: ReadonlyArray<ReadonlyArray<number>>;
  readonly minimum: number;
}

const cohortArbitrary: fc.Arbitrary<Cohort> = fc
  .record({
    size: fc.integer({ min: 4, max: 40 }),
    teamCount: fc.integer({ min: 1, max: 4 }),
    dropRate: fc.constantFrom(0.05, 0.15, 0.3, 0.5),
    advanceRate: fc.constantFrom(0, 0.1, 0.3),
    minimum: fc.integer({ min: 2, max: 5 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ size, teamCount, dropRate, advanceRate, minimum, seed }) => {
    const random = seededRandom(seed);
    const teams = Array.from({ length: size }, () => Math.floor(random() * teamCount));
    const first = teams.map(() => {
      let step = 0;
      while (step < STEPS.length - 1 && random() >= dropRate) step++;
      return step;
    });
    const second = first.map((step) => (step < STEPS.length - 1 && random() < advanceRate ? step + 1 : step));
    return { teams, reached: [first, second], minimum };
  });

function cellsOf(cohort: Cohort, snapshot: number): Array<DisclosureCell<string>> {
  const reached = cohort.reached[snapshot]!;
  const people = (step: number, team: number | null) =>
    reached
      .map((furthest, p) => ({ furthest, p }))
      .filter(({ furthest, p }) => furthest >= step && (team === null || cohort.teams[p] === team))
      .map(({ p }) => p);
  const teams = [...new Set(cohort.teams)].sort((a, b) => a - b);
  return STEPS.flatMap((name, step) => [
    // Totals matter more than the breakdown, and earlier steps more than later ones.
    { key: name, members: people(step, null), value: 20 - step },
    ...teams.map((team) => ({ key: `${name} team-${team}`, members: people(step, team), value: 10 - step })),
  ]);
}

function releasedSets(cohort: Cohort, snapshot: number, earlier?: number[][]): number[][] {
  const cells = cellsOf(cohort, snapshot);
  const decision = releaseCounts(cohort.teams.length, cells, {
    minimum: cohort.minimum,
    ...(earlier ? { earlier } : {}),
  });
  const membersOf = new Map(cells.map((cell) => [cell.key, cell.members as number[]]));
  return decision.counts.map(({ key, count }) => {
    const members = membersOf.get(key)!;
    expect(count).toBe(members.length);
    expect(count).toBeGreaterThanOrEqual(cohort.minimum);
    return members;
  });
}

function safe(cohort: Cohort, sets: number[][]): boolean {
  return (
    naiveAtoms(sets).every((atom) => atom.length >= cohort.minimum) &&
    solvableSmallGroups(cohort.teams.length, sets, cohort.minimum).length === 0
  );
}

const RUNS = { numRuns: 300 };

// Property runs with an exact attacker: seconds alone, several times that on two loaded cores.
describe('programme counts against an attacker (property-based)', { timeout: 60_000 }, () => {
  it('no count of fewer people than the minimum is formable or solvable from one snapshot', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        expect(safe(cohort, releasedSets(cohort, 0))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a later snapshot released with the first as earlier keeps both together safe', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        const first = releasedSets(cohort, 0);
        const second = releasedSets(cohort, 1, first);
        expect(safe(cohort, [...first, ...second])).toBe(true);
      }),
      RUNS,
    );
  });

  it('control: counts shown whenever they reach the minimum give small groups away, and the check keeps counts', () => {
    let broken = 0;
    let naiveShown = 0;
    let checkedShown = 0;
    let cohorts = 0;
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        cohorts++;
        const naive = cellsOf(cohort, 0)
          .map((cell) => cell.members as number[])
          .filter((members) => members.length >= cohort.minimum);
        if (!safe(cohort, naive)) broken++;
        naiveShown += naive.length;
        checkedShown += releasedSets(cohort, 0).length;
      }),
      { numRuns: 200, seed: 21 },
    );
    console.log('CTRL', broken, cohorts, checkedShown, naiveShown);
    expect(broken / cohorts).toBeGreaterThan(0.5);
    expect(checkedShown / naiveShown).toBeGreaterThan(0.4);
  });

  it('control: a later snapshot decided without the first one gives who moved on away', () => {
    // What a live dashboard does when each view is decided alone: safe per view, not over time.
    let broken = 0;
    let advancing = 0;
    let alone = 0;
    let after = 0;
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        if (cohort.reached[0]!.join() === cohort.reached[1]!.join()) return;
        advancing++;
        const first = releasedSets(cohort, 0);
        if (!safe(cohort, [...first, ...releasedSets(cohort, 1)])) broken++;
        alone += releasedSets(cohort, 1).length;
        after += releasedSets(cohort, 1, first).length;
      }),
      { numRuns: 200, seed: 22 },
    );
    // 65 of 97 broken with this seed; with the first snapshot as `earlier`, the second keeps 77 % of
    // the counts it would show alone (462 of 598).
    expect(broken / advancing).toBeGreaterThan(0.4);
    expect(after / alone).toBeGreaterThan(0.6);
  });
});
