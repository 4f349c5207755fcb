import { describe, expect, it } from 'vitest';
import { decideProgramme, type ImpactCapability, type ImpactPerson, pairsOf } from './figures.ts';

const statistics = {
  reliability: { value: 0.8, source: 'default' as const, n: 0, basis: 'alpha' as const, reason: null },
  sd: { value: 0.8, source: 'default' as const, n: 0 },
};
const capabilities: ImpactCapability[] = [
  { key: 'a', name: 'Alpha', statistics },
  { key: 'b', name: 'Beta', statistics },
];
// Deterministic, varied scores: before 2.x, after higher by a varying amount.
const person = (
  i: number,
  opts: { allBlocks: boolean; skipB?: boolean; noAfter?: boolean },
): ImpactPerson => {
  const before = new Map<string, number | null>([
    ['a', 2 + ((i * 7) % 10) / 10],
    ['b', 2.5 + ((i * 3) % 10) / 10],
  ]);
  const after = new Map<string, number | null>([
    ['a', 3 + ((i * 5) % 10) / 8],
    ['b', opts.skipB ? null : 2.8 + ((i * 9) % 10) / 9],
  ]);
  return { personId: `p${i}`, allBlocks: opts.allBlocks, before, after: opts.noAfter ? null : after };
};
const programme = (people: ImpactPerson[]) => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Cohort',
  startsOn: '2026-01-01',
  endsOn: '2026-06-30',
  people,
});
const decide = (people: ImpactPerson[], minimum = 5, earlier: number[][] = []) =>
  decideProgramme(programme(people), capabilities, { minimum, universeSize: people.length, earlier });

describe('impact pairing', () => {
  it('keeps complete pairs only: no after, or a skipped capability, is no pair', () => {
    const people = [
      person(0, { allBlocks: true }),
      person(1, { allBlocks: true, noAfter: true }),
      person(2, { allBlocks: false, skipB: true }),
      { personId: 'x', allBlocks: false, before: null, after: new Map([['a', 3]]) },
    ];
    expect(pairsOf(people, 'a').map((p) => p.person)).toEqual([0, 2]);
    expect(pairsOf(people, 'b').map((p) => p.person)).toEqual([0]);
  });
});

describe('impact disclosure decisions', () => {
  it('shows a programme whose groups all hold the minimum, with the statistics of its pairs', () => {
    const people = Array.from({ length: 20 }, (_, i) => person(i, { allBlocks: i < 10 }));
    const { programme: p } = decide(people);
    expect(p.enrolled).toBe(20);
    const a = p.capabilities[0]!;
    expect(a.status).toBe('shown');
    expect(a.n).toBe(20);
    expect(a.dRm!.low).toBeLessThan(a.dRm!.estimate);
    expect(a.blocks?.kind).toBe('association');
    expect(a.blocks!.all.n + a.blocks!.fewer.n).toBe(20);
  });

  it('withholds a programme below the minimum: status withheld, every figure null', () => {
    const { programme: p } = decide(
      Array.from({ length: 4 }, (_, i) => person(i, { allBlocks: true })),
      5,
    );
    expect(p.enrolled).toBeNull();
    for (const c of p.capabilities)
      expect(c).toMatchObject({
        status: 'withheld',
        n: null,
        meanBefore: null,
        dRm: null,
        shares: null,
        blocks: null,
      });
  });

  it('withholds the all-blocks group when it is small, and its complement (fewer) with it', () => {
    // 3 of 20 have all blocks: "all" is below the minimum, and "fewer" = pairs − all would give it back.
    const people = Array.from({ length: 20 }, (_, i) => person(i, { allBlocks: i < 3 }));
    const { programme: p } = decide(people);
    for (const c of p.capabilities) {
      expect(c.status).toBe('shown');
      expect(c.blocks).toBeNull();
    }
  });

  it('withholds a capability whose pairs differ from another capability’s by fewer than the minimum', () => {
    // Two people skipped B: pairs(A) − pairs(B) isolates them, so one capability is withheld.
    const people = Array.from({ length: 20 }, (_, i) => person(i, { allBlocks: i < 10, skipB: i < 2 }));
    const { programme: p } = decide(people);
    const statuses = p.capabilities.map((c) => c.status);
    expect(statuses.filter((s) => s === 'withheld')).toHaveLength(1);
    expect(p.capabilities[0]!.status).toBe('shown');
  });

  it('withholds a figure that would differ from an earlier report by one person', () => {
    const people = Array.from({ length: 12 }, (_, i) => person(i, { allBlocks: i < 6 }));
    // An earlier report showed the first eleven as one set: this report's twelve would give back the twelfth.
    const earlier = [Array.from({ length: 11 }, (_, i) => i)];
    const { programme: p } = decide(people, 5, earlier);
    expect(p.capabilities.every((c) => c.status === 'withheld')).toBe(true);
    expect(p.enrolled).toBeNull();
  });

  it('shows the reliable-change counts only when each of the three holds the minimum', () => {
    const people = Array.from({ length: 20 }, (_, i) => person(i, { allBlocks: i < 10 }));
    const { programme: p } = decide(people);
    for (const c of p.capabilities) {
      if (!c.shares) continue;
      for (const s of [c.shares.improved, c.shares.noChange, c.shares.declined])
        expect(s.count).toBeGreaterThanOrEqual(5);
    }
  });
});
