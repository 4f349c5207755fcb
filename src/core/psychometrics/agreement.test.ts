import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementReport,
  compareGroupIds,
  groupReliability,
  oneWayAnova,
  rwg,
  rwgByGroup,
  rwgJ,
  rwgJByGroup,
  uniformNullVariance,
} from './agreement.ts';

describe('uniformNullVariance', () => {
  it('is (A² − 1)/12', () => {
    expect(uniformNullVariance(5)).toBe(2);
    expect(uniformNullVariance(7)).toBe(4);
    expect(uniformNullVariance(2)).toBe(0.25);
  });

  it('rejects fewer than two points', () => {
    expect(() => uniformNullVariance(1)).toThrow('at least 2');
    expect(() => uniformNullVariance(4.5)).toThrow('integer');
  });
});

describe('rwg', () => {
  it('is 1 − s²/σ²', () => {
    // var(3, 4, 5, 4, 4) = 0.5
    expect(rwg([3, 4, 5, 4, 4], 2)).toBeCloseTo(0.75, 15);
    expect(rwg([4, 4, 4], 2)).toBe(1);
  });

  it('truncates at 0 when raters disagree more than at random', () => {
    expect(rwg([1, 5, 1, 5], 2)).toBe(0);
  });

  it('is null for fewer than two answers', () => {
    expect(rwg([3, null], 2)).toBeNull();
  });
});

describe('rwgJ', () => {
  it('combines the mean item variance over J items', () => {
    // item variances 1 and 1/3 → s̄² = 2/3, ratio 1/3; J = 2: (2·2/3) / (2·2/3 + 1/3) = 0.8
    const rows = [
      [3, 4],
      [4, 4],
      [5, 5],
    ];
    expect(rwgJ(rows, 2)).toBeCloseTo(0.8, 15);
  });

  it('reduces to rwg for one item', () => {
    expect(rwgJ([[3], [4], [5], [4], [4]], 2)).toBeCloseTo(0.75, 15);
  });

  it('is 0 at or beyond the null variance and null for a single rater', () => {
    expect(
      rwgJ(
        [
          [1, 1],
          [5, 5],
        ],
        2,
      ),
    ).toBe(0);
    expect(rwgJ([[3, 4]], 2)).toBeNull();
  });

  it('lies within [0, 1] for any ratings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 30,
        }),
        (rows) => {
          const value = rwgJ(rows, uniformNullVariance(5))!;
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('grouping', () => {
  it('orders numeric group ids numerically and others by code point, as R factor levels', () => {
    expect(['10', '9', '2'].sort(compareGroupIds(['10', '9', '2']))).toEqual(['2', '9', '10']);
    expect(['b', 'a', '10', 'B'].sort(compareGroupIds(['b', 'a', '10', 'B']))).toEqual(['10', 'B', 'a', 'b']);
  });

  it('drops rows with a missing answer or group before grouping (listwise, as multilevel)', () => {
    const groups = ['x', 'x', 'x', 'y', 'y', null, ''];
    const rows = [
      [3, 4],
      [4, 4],
      [5, 5],
      [2, null],
      [2, 2],
      [1, 1],
      [1, 1],
    ];
    expect(rwgJByGroup(groups, rows, 2)).toEqual([
      { group: 'x', n: 3, rwg_j: expect.closeTo(0.8, 15) },
      { group: 'y', n: 1, rwg_j: null },
    ]);
    expect(rwgByGroup(groups, [3, 4, 5, null, 2, 1, 1], 2)).toEqual([
      { group: 'x', n: 3, rwg: expect.closeTo(0.5, 15) },
      { group: 'y', n: 1, rwg: null },
    ]);
  });
});

describe('ICC(1) and ICC(2)', () => {
  it('follow Bliese from a one-way ANOVA', () => {
    // MSB = 13.5, MSW = 1, k̄ = 3
    const groups = ['A', 'A', 'A', 'B', 'B', 'B'];
    const values = [1, 2, 3, 4, 5, 6];
    const anova = oneWayAnova(groups, values);
    expect(anova.meanSquareBetween).toBeCloseTo(13.5, 14);
    expect(anova.meanSquareWithin).toBeCloseTo(1, 14);
    expect([anova.dfBetween, anova.dfWithin]).toEqual([1, 4]);
    const { icc1, icc2 } = groupReliability(groups, values);
    expect(icc1).toBeCloseTo(12.5 / 15.5, 14);
    expect(icc2).toBeCloseTo(12.5 / 13.5, 14);
  });

  it('uses the average group size n/G for unequal groups', () => {
    const groups = ['A', 'A', 'B', 'B', 'B', 'B'];
    const values = [1, 3, 5, 6, 7, 6];
    const anova = oneWayAnova(groups, values);
    const k = 6 / 2;
    const expected =
      (anova.meanSquareBetween - anova.meanSquareWithin) /
      (anova.meanSquareBetween + (k - 1) * anova.meanSquareWithin);
    expect(groupReliability(groups, values).icc1).toBeCloseTo(expected, 14);
  });

  it('satisfy ICC2 = k·ICC1 / (1 + (k − 1)·ICC1) for equal group sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 48, maxLength: 48 }),
        (groupCount, k, pool) => {
          const groups: string[] = [];
          const values: number[] = [];
          for (let g = 0; g < groupCount; g++) {
            for (let m = 0; m < k; m++) {
              groups.push(`g${g}`);
              values.push(pool[g * k + m]!);
            }
          }
          const { icc1, icc2, anova } = groupReliability(groups, values);
          // Both ICCs divide by mean squares: when one is a vanishing fraction of the other the two
          // algebraically equal routes differ by rounding alone, so such draws say nothing.
          fc.pre(
            anova.meanSquareWithin > 1e-6 * anova.meanSquareBetween &&
              anova.meanSquareBetween > 1e-6 * anova.meanSquareWithin,
          );
          // Compared cross-multiplied: near ICC1 = −1/(k−1) the quotient's denominator vanishes and
          // rounding in the two routes to the same value is amplified without bound.
          const denominator = 1 + (k - 1) * icc1!;
          const scale = Math.max(1, Math.abs(k * icc1!), Math.abs(icc2! * denominator));
          expect(Math.abs(icc2! * denominator - k * icc1!)).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
    );
  });

  it('are null with a single group', () => {
    expect(groupReliability(['A', 'A'], [1, 2])).toMatchObject({ icc1: null, icc2: null });
  });
});

describe('agreementReport', () => {
  it('reports rwg(j) per group and ICCs of the row means over the same complete rows', () => {
    const groups = ['1', '1', '1', '2', '2', '2', '2'];
    const rows = [
      [1, 2],
      [2, 2],
      [3, 2],
      [4, 5],
      [5, 5],
      [6, 5],
      [null, 9],
    ];
    const report = agreementReport(groups, rows, { nullVariance: 2 });
    expect(report.groups.map((g) => [g.group, g.n])).toEqual([
      ['1', 3],
      ['2', 3],
    ]);
    // The incomplete last row is left out of the ICCs too: they rest on the row means 1.5, 2, 2.5 | 4.5, 5, 5.5.
    const expected = groupReliability(['1', '1', '1', '2', '2', '2'], [1.5, 2, 2.5, 4.5, 5, 5.5]);
    expect(report.icc1).toBeCloseTo(expected.icc1!, 14);
    expect(report.icc2).toBeCloseTo(expected.icc2!, 14);
  });
});
