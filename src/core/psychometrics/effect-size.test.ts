// Properties and bad input of the impact statistics; the figures themselves are checked against R in
// effect-size-fixture.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareMeanChange,
  hedgesCorrection,
  LACERENZA_2017_LEADERSHIP_TRAINING,
  noncentralTCdf,
  PsychometricsError,
  pairedEffectSizes,
  pairedEffectSizesByGroup,
  reliableChangeIndex,
  reliableChangeShares,
  studentTCdf,
  studentTQuantile,
  wilsonInterval,
} from './index.ts';

/** Expects a PsychometricsError naming `field`, in its message and its `field` property. */
function expectFieldError(run: () => unknown, field: string, message?: string): void {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(PsychometricsError);
  const error = caught as PsychometricsError;
  expect(error.field).toBe(field);
  expect(error.message).toContain(field);
  if (message) expect(error.message).toContain(message);
}

describe('Student t helpers (values from R 4.2.2)', () => {
  it('match pt and qt', () => {
    expect(studentTCdf(-2.262157162798205, 9)).toBeCloseTo(0.025, 14);
    expect(studentTQuantile(0.975, 17.776473516178498)).toBeCloseTo(2.1028172415698014, 12);
    expect(studentTQuantile(0.025, 1)).toBeCloseTo(-12.706204736174707, 10);
  });

  it('match pt with a noncentrality parameter, including R’s approximation beyond 37.6', () => {
    expect(noncentralTCdf(1.5, 10, 2)).toBeCloseTo(0.30478544737559371, 14);
    expect(noncentralTCdf(-1.5, 10, -2)).toBeCloseTo(0.69521455262440623, 14);
    expect(noncentralTCdf(40, 10, 38.5)).toBeCloseTo(0.52215206434178218, 14);
  });
});

describe('hedgesCorrection', () => {
  it('is the exact gamma form, close to 1 − 3/(4df − 1) for large df', () => {
    expect(hedgesCorrection(9)).toBeCloseTo(0.91387489179255255, 14);
    expect(Math.abs(hedgesCorrection(200) - (1 - 3 / (4 * 200 - 1)))).toBeLessThan(1e-6);
    expectFieldError(() => hedgesCorrection(1), 'df');
  });
});

describe('pairedEffectSizes', () => {
  const before = [3, 4, 2, 5, 4, 3, 2, 4, 3, 5];
  const after = [4, 5, 3, 5, 5, 4, 2, 5, 4, 5];

  it('reports n, the interval method and g = J·d inside its interval', () => {
    const result = pairedEffectSizes(before, after);
    expect(result).toMatchObject({ n: 10, df: 9, confidence: 0.95, ciMethod: 'noncentral-t' });
    for (const family of [result.d_z, result.d_rm, result.d_av]) {
      expect(family.g).toBeCloseTo(family.d * result.hedgesCorrection, 14);
      expect(family.ciLower).toBeLessThan(family.d);
      expect(family.ciUpper).toBeGreaterThan(family.d);
    }
    const wide = pairedEffectSizes(before, after, { confidence: 0.99 });
    expect(wide.d_rm.ciUpper - wide.d_rm.ciLower).toBeGreaterThan(result.d_rm.ciUpper - result.d_rm.ciLower);
  });

  it('rejects bad input, naming the field', () => {
    expectFieldError(() => pairedEffectSizes([1, 2], [2, 3]), 'before', 'at least 3 pairs');
    expectFieldError(() => pairedEffectSizes([1], [2]), 'before');
    expectFieldError(() => pairedEffectSizes([1, 2, 3], [2, 3]), 'after', 'pair up');
    expectFieldError(() => pairedEffectSizes([1, Number.NaN, 3], [2, 3, 4]), 'before', 'before[1]');
    expectFieldError(() => pairedEffectSizes([1, 2, 3], [2, 3, Number.POSITIVE_INFINITY]), 'after');
    expectFieldError(() => pairedEffectSizes([2, 2, 2], [1, 2, 3]), 'before', 'no variance');
    expectFieldError(() => pairedEffectSizes([1, 2, 3], [2, 2, 2]), 'after', 'no variance');
    expectFieldError(() => pairedEffectSizes([1, 2, 3], [2, 3, 4]), 'after', 'same amount');
    expectFieldError(() => pairedEffectSizes(before, after, { confidence: 1 }), 'confidence');
  });

  it('flips the sign of every effect size and interval when the times are swapped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })), {
          minLength: 4,
          maxLength: 40,
        }),
        (pairs) => {
          const x = pairs.map(([a]) => a);
          const y = pairs.map(([, b]) => b);
          let forward: ReturnType<typeof pairedEffectSizes>;
          try {
            forward = pairedEffectSizes(x, y);
          } catch {
            return; // constant scores or differences: no effect size to compare
          }
          const backward = pairedEffectSizes(y, x);
          for (const family of ['d_z', 'd_av', 'd_rm'] as const) {
            expect(backward[family].d).toBeCloseTo(-forward[family].d, 10);
            expect(backward[family].ciLower).toBeCloseTo(-forward[family].ciUpper, 9);
            expect(backward[family].ciUpper).toBeCloseTo(-forward[family].ciLower, 9);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('pairedEffectSizesByGroup', () => {
  it('gives each group its own effect sizes, in R’s factor order, and says why a group has none', () => {
    const groups = ['b', 'a', 'b', 'a', 'b', 'a', 'c', 'c'];
    const before = [3, 2, 4, 3, 2, 5, 1, 2];
    const after = [4, 2, 5, 4, 4, 5, 2, 3];
    const result = pairedEffectSizesByGroup(groups, before, after);
    expect(result.map((g) => [g.group, g.n])).toEqual([
      ['a', 3],
      ['b', 3],
      ['c', 2],
    ]);
    expect(result[0]!.effectSizes).toEqual(pairedEffectSizes([2, 3, 5], [2, 4, 5]));
    expect(result[2]).toMatchObject({
      effectSizes: null,
      unavailable: expect.stringContaining('at least 3'),
    });
  });

  it('rejects input that is wrong as a whole', () => {
    expectFieldError(() => pairedEffectSizesByGroup(['a', 'a'], [1, 2, 3], [1, 2, 3]), 'groups');
    expectFieldError(() => pairedEffectSizesByGroup(['a', ''], [1, 2], [1, 2]), 'groups', 'groups[1]');
    expectFieldError(() => pairedEffectSizesByGroup(['a'], [Number.NaN], [1]), 'before');
  });
});

describe('reliableChangeShares', () => {
  const change = (before: number, after: number) =>
    reliableChangeIndex(before, after, { sdBefore: 0.8, reliability: 0.85 });
  const changes = [change(3, 4), change(3, 4.2), change(3, 3.1), change(4, 3)];

  it('counts by the scale’s good direction and adds up to n', () => {
    const up = reliableChangeShares(changes, { higherIsBetter: true });
    expect([up.improved.count, up.noChange.count, up.declined.count]).toEqual([2, 1, 1]);
    expect(up.improved.share).toBe(0.5);
    const down = reliableChangeShares(changes, { higherIsBetter: false });
    expect([down.improved.count, down.declined.count]).toEqual([1, 2]);
    expect(up).toMatchObject({ n: 4, ciMethod: 'wilson', confidence: 0.95 });
  });

  it('rejects an empty list and results without a direction', () => {
    expectFieldError(() => reliableChangeShares([], { higherIsBetter: true }), 'changes');
    expectFieldError(
      () => reliableChangeShares([{ direction: 'up' as never }], { higherIsBetter: true }),
      'changes',
    );
  });

  it('keeps Wilson intervals inside [0, 1] around the share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const count = Math.round(f * n);
        const { lower, upper } = wilsonInterval(count, n);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(count / n + 1e-12);
        expect(upper).toBeGreaterThanOrEqual(count / n - 1e-12);
      }),
    );
    expectFieldError(() => wilsonInterval(3, 2), 'count');
    expectFieldError(() => wilsonInterval(0, 0), 'n');
  });
});

describe('compareMeanChange', () => {
  it('is labelled an association', () => {
    const result = compareMeanChange({ all: [0.5, 0.7, 0.2], fewer: [0.1, 0, 0.3, -0.1] });
    expect(result).toMatchObject({ kind: 'association', ciMethod: 'welch' });
    expect(result.difference).toBeCloseTo(0.4666666666666667 - 0.075, 14);
  });

  it('accepts one constant group, as t.test does', () => {
    expect(compareMeanChange({ all: [1, 1, 1], fewer: [0, 0.5, 1] }).df).toBeCloseTo(2, 12);
  });

  it('rejects bad input, naming the field', () => {
    expectFieldError(() => compareMeanChange({ all: [1], fewer: [1, 2] }), 'all', 'at least 2');
    expectFieldError(() => compareMeanChange({ all: [1, 2], fewer: [1, Number.NaN] }), 'fewer', 'fewer[1]');
    expectFieldError(() => compareMeanChange({ all: [1, 1], fewer: [2, 2, 2] }), 'fewer', 'no variance');
  });
});

describe('LACERENZA_2017_LEADERSHIP_TRAINING', () => {
  it('is marked external, cites the meta-analysis and cannot be changed', () => {
    expect(LACERENZA_2017_LEADERSHIP_TRAINING.source).toBe('external');
    expect(LACERENZA_2017_LEADERSHIP_TRAINING.citation).toContain(
      'Journal of Applied Psychology, 102(12), 1686–1718',
    );
    expect(LACERENZA_2017_LEADERSHIP_TRAINING.effects).toEqual({
      reactions: 0.63,
      learning: 0.73,
      transfer: 0.82,
      results: 0.72,
    });
    expect(Object.isFrozen(LACERENZA_2017_LEADERSHIP_TRAINING.effects)).toBe(true);
  });
});
