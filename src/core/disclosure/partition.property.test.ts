import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { analyticsSnapshot } from './analytics.ts';
import {
  type AtomRequirements,
  type CandidateSet,
  disclosureAtoms,
  selectReleasableSets,
  selectReleasableSetsAfter,
} from './atoms.ts';
import { type DisclosureCell, releaseCells } from './cells.ts';
import { raterSetOf } from './rater-set.ts';
import { randomOrganisation } from './testing/analytics-org.ts';
import { referenceAnalyticsSnapshot } from './testing/analytics-reference.ts';
import {
  referenceAtoms,
  referenceReleaseCells,
  referenceSelect,
  referenceSelectAfter,
} from './testing/bitset-reference.ts';

/*
 * The class-label partition (partition.ts) against the bitset refinement it replaced
 * (testing/bitset-reference.ts): on random universes, candidate sets, earlier sets, per-rater
 * minimums and concealed raters, every decision must be the same — released, refused and
 * refused-earlier alike — and the atoms the same, in the same order. Sets are drawn so that they
 * nest and overlap (a set, a set minus a few, unions of blocks), which is where refusals happen.
 */

interface Scenario {
  readonly universe: number;
  readonly candidates: ReadonlyArray<{ members: number[]; value: number }>;
  readonly earlier: ReadonlyArray<number[]>;
  readonly requirements: AtomRequirements;
  readonly minimum: number;
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    universe: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 13, max: 80 })),
    candidateCount: fc.integer({ min: 0, max: 24 }),
    earlierCount: fc.constantFrom(0, 0, 1, 3, 8),
    minimums: fc.constantFrom([3], [5], [2, 3], [1, 3, 4], [2, 2, 6]),
    concealedRate: fc.constantFrom(-1, 0, 0.1, 0.4),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((shape) => {
    // Per-set draws from a seeded uniform source: fast-check biases numbers towards their bounds.
    const random = seededRandom(shape.seed);
    const pick = (count: number) => Math.floor(random() * count);
    const n = shape.universe;
    const blockOf = Array.from({ length: n }, () => pick(4));
    const shuffled = (members: number[]) => [...members].sort(() => random() - 0.5);
    const sets: number[][] = [];
    const draw = (): number[] => {
      const kind = pick(5);
      if (kind === 0 && sets.length > 0) {
        // An earlier set minus a few: a complementary pair.
        const base = sets[pick(sets.length)]!;
        const drop = 1 + pick(3);
        return base.filter(() => random() >= drop / Math.max(1, base.length));
      }
      if (kind === 1 && sets.length > 0) return [...sets[pick(sets.length)]!]; // the same people again
      if (kind === 2) {
        const blocks = new Set([pick(4), pick(4)]);
        return [...Array(n).keys()].filter((p) => blocks.has(blockOf[p]!));
      }
      const density = [0.1, 0.3, 0.6, 0.9][pick(4)]!;
      return [...Array(n).keys()].filter(() => random() < density);
    };
    const earlier = Array.from({ length: shape.earlierCount }, () => {
      const set = draw();
      sets.push(set);
      return shuffled(set);
    });
    const candidates = Array.from({ length: shape.candidateCount }, () => {
      const set = draw();
      sets.push(set);
      return { members: shuffled(set), value: pick(4) };
    });
    const minimumByRater = Array.from({ length: n }, () => shape.minimums[pick(shape.minimums.length)]!);
    const requirements: AtomRequirements =
      shape.concealedRate < 0
        ? { minimumByRater }
        : {
            minimumByRater,
            concealedByRater: Array.from({ length: n }, () => random() < shape.concealedRate),
          };
    return { universe: n, candidates, earlier, requirements, minimum: Math.max(2, shape.minimums[0]!) };
  });

const bitsets = (scenario: Scenario): CandidateSet[] =>
  scenario.candidates.map((c) => ({ set: raterSetOf(scenario.universe, c.members), value: c.value }));

describe('class-label partition against the bitset refinement (property-based)', { timeout: 60_000 }, () => {
  it('selectReleasableSets decides every candidate as the bitset version did', () => {
    const seen = { released: 0, refused: 0 };
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const actual = selectReleasableSets(scenario.universe, bitsets(scenario), scenario.requirements);
        expect(actual).toEqual(referenceSelect(scenario.universe, bitsets(scenario), scenario.requirements));
        for (const ok of actual) seen[ok ? 'released' : 'refused']++;
      }),
      { numRuns: 400 },
    );
    // Not vacuous: both outcomes occur many times.
    expect(seen.released).toBeGreaterThan(500);
    expect(seen.refused).toBeGreaterThan(500);
  });

  it('selectReleasableSetsAfter gives the same outcomes, refused-earlier included', () => {
    const seen = { released: 0, refused: 0, 'refused-earlier': 0 };
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const earlier = scenario.earlier.map((members) => raterSetOf(scenario.universe, members));
        const actual = selectReleasableSetsAfter(
          scenario.universe,
          earlier,
          bitsets(scenario),
          scenario.requirements,
        );
        expect(actual).toEqual(
          referenceSelectAfter(scenario.universe, earlier, bitsets(scenario), scenario.requirements),
        );
        for (const outcome of actual) seen[outcome]++;
      }),
      { numRuns: 400 },
    );
    expect(seen.released).toBeGreaterThan(500);
    expect(seen.refused).toBeGreaterThan(200);
    expect(seen['refused-earlier']).toBeGreaterThan(50);
  });

  it('disclosureAtoms gives the same atoms in the same order', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const sets = [...scenario.earlier, ...scenario.candidates.map((c) => c.members)].map((members) =>
          raterSetOf(scenario.universe, members),
        );
        expect(disclosureAtoms(scenario.universe, sets)).toEqual(referenceAtoms(scenario.universe, sets));
      }),
      { numRuns: 300 },
    );
  });

  it('releaseCells groups cells over the same people (in any order) and decides them as before', () => {
    const seen = { released: 0, 'below-minimum': 0, complementary: 0, 'earlier-release': 0 };
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        // Each candidate becomes one or two cells; the second lists the same people in another order.
        const cells: Array<DisclosureCell<number>> = scenario.candidates.flatMap((c, i) => [
          { key: 2 * i, members: c.members, value: c.value },
          ...(i % 3 === 0 ? [{ key: 2 * i + 1, members: [...c.members].reverse() }] : []),
        ]);
        const options = { minimum: scenario.minimum, earlier: scenario.earlier };
        const actual = releaseCells(scenario.universe, cells, options);
        expect(actual).toEqual(referenceReleaseCells(scenario.universe, cells, options));
        seen.released += actual.released.length;
        for (const { reason } of actual.withheld) seen[reason]++;
      }),
      { numRuns: 400 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(50);
  });

  it('analyticsSnapshot gives the same decision as the bitset version, both months, to the key order', () => {
    let released = 0;
    fc.assert(
      fc.property(
        fc.record({
          teamCount: fc.integer({ min: 1, max: 8 }),
          people: fc.integer({ min: 0, max: 60 }),
          stages: fc.integer({ min: 1, max: 3 }),
          programmes: fc.integer({ min: 0, max: 2 }),
          moveRate: fc.constantFrom(0, 0.1, 0.3),
          reassessRate: fc.constantFrom(0, 0.5, 1),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          minimum: fc.integer({ min: 2, max: 4 }),
          prefer: fc.constantFrom('teams' as const, 'stages' as const),
        }),
        ({ minimum, prefer, ...shape }) => {
          const [first, second] = randomOrganisation(shape);
          const january = analyticsSnapshot(first, { minimum, prefer });
          // JSON, so the order of released cells and sets is compared too (the stored form).
          expect(JSON.stringify(january)).toBe(
            JSON.stringify(referenceAnalyticsSnapshot(first, { minimum, prefer })),
          );
          const options = { minimum, prefer, earlier: [january.releasedSets] };
          expect(JSON.stringify(analyticsSnapshot(second, options))).toBe(
            JSON.stringify(referenceAnalyticsSnapshot(second, options)),
          );
          released += Object.keys(january.released).length;
        },
      ),
      { numRuns: 150 },
    );
    expect(released).toBeGreaterThan(1000);
  });
});
