import { describe, expect, it } from 'vitest';
import { type AnalyticsPerson, analyticsSnapshot, decideAnalyticsSnapshot } from './analytics.ts';
import { PartitionRefiner, partitionAsSets, refinePartition } from './released-partition.ts';

/*
 * Deciding against the atoms of earlier releases must give the decisions that deciding against the
 * sets themselves gives: three months of a small organisation with movers and new assessments.
 */
function month(seed: number): AnalyticsPerson[] {
  let x = seed;
  const random = () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
  return Array.from({ length: 40 }, (_, p) => ({
    personId: `p${p}`,
    teamId: ['eng', 'platform', 'sales', 'ops'][Math.floor(random() * 4)]!,
    stage: random() < 0.7 ? 'individual' : 'manager',
    programmeId: random() < 0.5 ? 'emerging' : null,
    observations: { score: random() < 0.5 ? `a${p}` : `a${p}-${seed}` },
    values: { score: random() < 0.15 ? null : 1 + Math.floor(random() * 5), flagged: random() < 0.3 ? 1 : 0 },
  }));
}
const input = (people: AnalyticsPerson[]) => ({
  teams: [
    { id: 'eng', parentTeamId: null },
    { id: 'platform', parentTeamId: 'eng' },
    { id: 'sales', parentTeamId: null },
    { id: 'ops', parentTeamId: 'sales' },
  ],
  stages: ['individual', 'manager'],
  programmes: ['emerging'],
  measures: [
    { id: 'score', kind: 'mean' as const },
    { id: 'flagged', kind: 'count' as const },
  ],
  people,
});

describe('the released partition', () => {
  it('stands for every earlier release: the same decisions, month after month', () => {
    const [january, february, march] = [month(1), month(2), month(3)];
    const first = analyticsSnapshot(input(january), { minimum: 3 });
    const bySets2 = analyticsSnapshot(input(february), { minimum: 3, earlier: [first.releasedSets] });
    const afterFirst = refinePartition(null, first.releasedSets);
    const byAtoms2 = analyticsSnapshot(input(february), {
      minimum: 3,
      earlier: [partitionAsSets(afterFirst)],
    });
    expect(Object.keys(byAtoms2.released).sort()).toEqual(Object.keys(bySets2.released).sort());

    const bySets3 = analyticsSnapshot(input(march), {
      minimum: 3,
      earlier: [first.releasedSets, bySets2.releasedSets],
    });
    const afterSecond = refinePartition(afterFirst, byAtoms2.releasedSets);
    const byAtoms3 = analyticsSnapshot(input(march), { minimum: 3, earlier: [partitionAsSets(afterSecond)] });
    expect(Object.keys(byAtoms3.released).sort()).toEqual(Object.keys(bySets3.released).sort());
    // The control: deciding March alone releases more, so the earlier context did constrain it.
    const alone = analyticsSnapshot(input(march), { minimum: 3 });
    expect(Object.keys(alone.released).length).toBeGreaterThan(Object.keys(bySets3.released).length);
  });

  it('splits a class only where a set cuts it, and keeps ids in no set outside every atom', () => {
    const p = refinePartition(null, {
      people: [
        ['a', 'b', 'c', 'd'],
        ['a', 'b'],
      ],
    });
    const q = refinePartition(p, { people: [['c', 'd', 'e']] });
    const atoms = partitionAsSets(q)
      .people!.map((atom) => atom.sort().join(''))
      .sort();
    expect(atoms).toEqual(['ab', 'cd', 'e']);
    expect(refinePartition(q, { other: [['x']] }).families.people!.length).toBe(6);
  });

  it('is the same refined family by family as the job does it, as with every set at once', () => {
    const previous = refinePartition(null, analyticsSnapshot(input(month(1)), { minimum: 3 }).releasedSets);
    const options = { minimum: 3, earlier: [partitionAsSets(previous)] };
    const whole = analyticsSnapshot(input(month(2)), options);
    const refiner = new PartitionRefiner(previous);
    const handed: string[] = [];
    const { released } = decideAnalyticsSnapshot(input(month(2)), options, (family, sets) => {
      handed.push(family);
      refiner.refine(family, sets);
    });
    expect(released).toEqual(whole.released);
    expect(handed).toEqual(Object.keys(whole.releasedSets));
    // New ids (month 2's fresh assessments) arrive with later families, after earlier ones were refined.
    const expected = refinePartition(previous, whole.releasedSets);
    expect(expected.ids.length).toBeGreaterThan(previous.ids.length);
    expect(refiner.partition()).toEqual(expected);
  });
});
