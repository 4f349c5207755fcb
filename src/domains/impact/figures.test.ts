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

  it('shows the reliable-change counts when each of the three holds the minimum, and none when one does not', () => {
    // S_diff = √2 · 0.8 · √0.2 ≈ 0.51: a change of ±1.5 is reliable, one of ±0.1 is not.
    // Everyone has all blocks (no fewer-blocks group), so only the three counts meet here.
    const mk = (i: number, change: number): ImpactPerson => ({
      personId: `p${i}`,
      allBlocks: true,
      before: new Map([['a', 2.5 + (i % 5) / 10]]),
      after: new Map([['a', 2.5 + (i % 5) / 10 + change + (i % 3) / 50]]),
    });
    const changes = (improved: number, same: number, declined: number) => [
      ...Array.from({ length: improved }, () => 1.5),
      ...Array.from({ length: same }, () => 0.1),
      ...Array.from({ length: declined }, () => -1.5),
    ];
    const decideA = (cs: number[]) =>
      decideProgramme(programme(cs.map((c, i) => mk(i, c))), [capabilities[0]!], {
        minimum: 5,
        universeSize: cs.length,
        earlier: [],
      }).programme.capabilities[0]!;
    const shown = decideA(changes(7, 7, 6));
    expect(shown.shares).toMatchObject({
      improved: { count: 7 },
      noChange: { count: 7 },
      declined: { count: 6 },
    });
    expect(shown.shares!.improved.low).toBeLessThan(7 / 20);
    // Two declined: that count is below the minimum, and with it the other two (they sum to n).
    const small = decideA(changes(9, 9, 2));
    expect(small.status).toBe('shown');
    expect(small.shares).toBeNull();
  });

  it('says no-variance when every pair changed by the same amount, and still shows the means', () => {
    const people = Array.from({ length: 8 }, (_, i) => ({
      personId: `p${i}`,
      allBlocks: false,
      before: new Map([['a', 2 + i / 10]]),
      after: new Map([['a', 2.5 + i / 10]]),
    }));
    const c = decideProgramme(programme(people), [capabilities[0]!], {
      minimum: 5,
      universeSize: 8,
      earlier: [],
    }).programme.capabilities[0]!;
    expect(c.status).toBe('no-variance');
    expect(c.n).toBe(8);
    expect(c.meanAfter! - c.meanBefore!).toBeCloseTo(0.5, 12);
    expect(c.dRm).toBeNull();
  });
});
