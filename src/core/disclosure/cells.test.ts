import { describe, expect, it } from 'vitest';
import { releaseCells, releaseCounts } from './cells.ts';
import { DisclosureError } from './errors.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('releaseCells', () => {
  it('releases cells whose every atom holds the minimum', () => {
    // A leader's 5 direct reports within an organisation of 8: the other 3 are an atom of 3.
    const decision = releaseCells(
      8,
      [
        { key: 'organisation', members: range(0, 8) },
        { key: 'leader', members: range(0, 5) },
      ],
      { minimum: 3 },
    );
    expect(decision).toEqual({ released: ['organisation', 'leader'], withheld: [] });
  });

  it('never releases a cell below the minimum, an empty one included', () => {
    const decision = releaseCells(
      6,
      [
        { key: 'a', members: [0, 1] },
        { key: 'b', members: [] },
        { key: 'c', members: [2, 3, 4] },
      ],
      { minimum: 3 },
    );
    expect(decision.released).toEqual(['c']);
    expect(decision.withheld).toEqual([
      { key: 'a', reason: 'below-minimum' },
      { key: 'b', reason: 'below-minimum' },
    ]);
  });

  it('withholds one of two cells that subtract to fewer people than the minimum, the lower value', () => {
    // Organisation of 6, team of 5: organisation minus team is one person.
    const cells = [
      { key: 'organisation', members: range(0, 6) },
      { key: 'team', members: range(0, 5) },
    ];
    expect(releaseCells(6, cells, { minimum: 3 })).toEqual({
      // Equal values: the larger set is kept.
      released: ['organisation'],
      withheld: [{ key: 'team', reason: 'complementary' }],
    });
    const teamFirst = [cells[0]!, { ...cells[1]!, value: 2 }];
    expect(releaseCells(6, teamFirst, { minimum: 3 })).toEqual({
      released: ['team'],
      withheld: [{ key: 'organisation', reason: 'complementary' }],
    });
  });

  it('decides cells over the same people together, adding up their values', () => {
    // Two items answered by the same 4 of team A outweigh the one organisation figure of value 1.5.
    const decision = releaseCells(
      5,
      [
        { key: 'organisation', members: range(0, 5), value: 1.5 },
        { key: 'team A item 1', members: [0, 1, 2, 3] },
        { key: 'team A item 2', members: [3, 2, 1, 0] },
      ],
      { minimum: 3 },
    );
    expect(decision.released).toEqual(['team A item 1', 'team A item 2']);
    expect(decision.withheld).toEqual([{ key: 'organisation', reason: 'complementary' }]);
  });

  it('counts sets released earlier over the same people, and says when they were the reason', () => {
    // The earlier release showed {0..5}; now {0..4} would be safe alone but leaves person 5 alone.
    const decision = releaseCells(
      9,
      [
        { key: 'five', members: range(0, 5) },
        { key: 'nine', members: range(0, 9) },
      ],
      { minimum: 3, earlier: [range(0, 6)] },
    );
    expect(decision.released).toEqual(['nine']);
    expect(decision.withheld).toEqual([{ key: 'five', reason: 'earlier-release' }]);
  });

  it('is deterministic: the same input gives the same decision', () => {
    const cells = [
      { key: 1, members: [0, 1, 2, 3] },
      { key: 2, members: [1, 2, 3, 4] },
      { key: 3, members: [0, 1, 2, 3, 4] },
    ];
    const first = releaseCells(5, cells, { minimum: 2 });
    expect(releaseCells(5, cells, { minimum: 2 })).toEqual(first);
    expect(first.released).toEqual([3]);
  });

  it('refuses bad input with a DisclosureError naming the field', () => {
    const field = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(DisclosureError);
        return (error as DisclosureError).field;
      }
      throw new Error('no error thrown');
    };
    expect(field(() => releaseCells(3, [], { minimum: 1 }))).toBe('minimum');
    expect(field(() => releaseCells(-1, [], { minimum: 3 }))).toBe('universeSize');
    expect(field(() => releaseCells(3, [{ key: 'a', members: [0, 3] }], { minimum: 3 }))).toBe(
      'cells[0].members[1]',
    );
    expect(field(() => releaseCells(3, [{ key: 'a', members: [1, 1] }], { minimum: 2 }))).toBe(
      'cells[0].members[1]',
    );
    expect(
      field(() => releaseCells(3, [{ key: 'a', members: [0], value: Number.NaN }], { minimum: 2 })),
    ).toBe('cells[0].value');
    expect(field(() => releaseCells(3, [], { minimum: 2, earlier: [[0, 0.5]] }))).toBe('earlier[0][1]');
  });
});

describe('releaseCounts', () => {
  it('suppresses a funnel step that differs from a shown one by fewer people than the minimum', () => {
    // 12 invited → 11 answered → 8 made a plan → 7 practising → 3 re-rated, each step within the last.
    const steps = [
      { key: 'invited', members: range(0, 12) },
      { key: 'answered', members: range(0, 11) },
      { key: 'plan', members: range(0, 8) },
      { key: 'practising', members: range(0, 7) },
      { key: 're-rated', members: range(0, 3) },
    ];
    expect(releaseCounts(12, steps, { minimum: 3 })).toEqual({
      counts: [
        { key: 'invited', count: 12 },
        { key: 'plan', count: 8 },
        { key: 're-rated', count: 3 },
      ],
      // 12 − 11 and 8 − 7 would each be one person.
      withheld: [
        { key: 'answered', reason: 'complementary' },
        { key: 'practising', reason: 'complementary' },
      ],
    });
  });

  it('protects a breakdown by team against subtraction from the totals', () => {
    // Team A: people 0–5, team B: 6–9. Everyone answered except person 9; the totals are shown first.
    const answeredA = range(0, 6);
    const answeredB = [6, 7, 8];
    const cells = [
      { key: 'invited', members: range(0, 10), value: 2 },
      { key: 'answered', members: [...answeredA, ...answeredB], value: 2 },
      { key: 'invited A', members: range(0, 6) },
      { key: 'invited B', members: range(6, 10) },
      { key: 'answered A', members: answeredA },
      { key: 'answered B', members: answeredB },
    ];
    const decision = releaseCounts(10, cells, { minimum: 3 });
    // invited − answered, and invited B − answered B, are person 9 alone: both "answered" go.
    // Team A's two cells count the same people, so they stand or fall together.
    expect(decision.counts.map((count) => count.key)).toEqual([
      'invited',
      'invited A',
      'invited B',
      'answered A',
    ]);
    expect(decision.withheld).toEqual([
      { key: 'answered', reason: 'complementary' },
      { key: 'answered B', reason: 'complementary' },
    ]);
  });
});
