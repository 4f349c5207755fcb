import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, pairedEffectSizes, reliableChangeIndex } from './change.ts';

describe('normal distribution helpers', () => {
  it('match reference values of Φ and Φ⁻¹', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 12);
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow('between 0 and 1');
  });
});

describe('reliableChangeIndex (Jacobson & Truax)', () => {
  it('divides the change by √2·sd₁·√(1 − r_xx)', () => {
    // SE = 0.8·√0.15 = 0.30984, S_diff = 0.43818, RCI = 0.9/0.43818 = 2.05396
    const result = reliableChangeIndex(3.2, 4.1, { sdBefore: 0.8, reliability: 0.85 });
    expect(result.standardError).toBeCloseTo(0.3098386676965934, 14);
    expect(result.sDiff).toBeCloseTo(0.438178046004133, 14);
    expect(result.rci).toBeCloseTo(2.053959590644371, 12);
    expect(result).toMatchObject({ reliable: true, direction: 'increase' });
  });

  it('calls smaller changes unreliable and reports decreases', () => {
    expect(reliableChangeIndex(3.2, 3.6, { sdBefore: 0.8, reliability: 0.85 })).toMatchObject({
      reliable: false,
      direction: 'none',
    });
    expect(reliableChangeIndex(4.1, 3.2, { sdBefore: 0.8, reliability: 0.85 }).direction).toBe('decrease');
  });

  it('rejects impossible parameters', () => {
    expect(() => reliableChangeIndex(1, 2, { sdBefore: 0, reliability: 0.8 })).toThrow('sdBefore');
    expect(() => reliableChangeIndex(1, 2, { sdBefore: 1, reliability: 1 })).toThrow('reliability');
  });
});

describe('pairedEffectSizes (Lakens 2013)', () => {
  // n = 10; mean difference 0.7; s₁ = 1.08012, s₂ = 1.03280, s_D = 0.48305, r = 0.89642;
  // J = 1 − 3/(4·9 − 1) = 0.914286. Expected figures computed by hand (Python) from the formulas in
  // change.ts: d_z = 0.7/0.48305; d_av = 0.7/((s₁ + s₂)/2); d_rm = d_z·√(2(1 − r)).
  const before = [3, 4, 2, 5, 4, 3, 2, 4, 3, 5];
  const after = [4, 5, 3, 5, 5, 4, 2, 5, 4, 5];
  const result = pairedEffectSizes(before, after);

  it('describes the pairs', () => {
    expect(result.n).toBe(10);
    expect(result.meanDifference).toBeCloseTo(0.7, 14);
    expect(result.sdBefore).toBeCloseTo(1.0801234497346435, 14);
    expect(result.sdAfter).toBeCloseTo(1.0327955589886446, 14);
    expect(result.sdDifference).toBeCloseTo(0.48304589153964794, 14);
    expect(result.correlation).toBeCloseTo(0.896421457000795, 14);
    expect(result.hedgesCorrection).toBeCloseTo(0.9142857142857143, 14);
  });

  it.each([
    ['d_z', 1.4491376746189437, 1.32492587393732, 0.4527692569068708, 0.5617262377745138, 2.3365491114633734],
    [
      'd_av',
      0.6625904704439841,
      0.6057970015487855,
      0.20174851334109575,
      0.26717065036093784,
      1.0580102905270303,
    ],
    [
      'd_rm',
      0.6595679499465233,
      0.6030335542368214,
      0.2060757206215084,
      0.25566695944022877,
      1.063468940452818,
    ],
  ] as const)('%s matches the hand computation', (family, d, g, se, lower, upper) => {
    const estimate = result[family];
    expect(estimate.d).toBeCloseTo(d, 12);
    expect(estimate.g).toBeCloseTo(g, 12);
    expect(estimate.standardError).toBeCloseTo(se, 12);
    expect(estimate.ciLower).toBeCloseTo(lower, 12);
    expect(estimate.ciUpper).toBeCloseTo(upper, 12);
    expect(estimate.gCiLower).toBeCloseTo(lower * 0.9142857142857143, 12);
    expect(estimate.gCiUpper).toBeCloseTo(upper * 0.9142857142857143, 12);
  });

  it('widens the interval for a higher confidence level', () => {
    const wide = pairedEffectSizes(before, after, { confidence: 0.99 });
    expect(wide.d_z.ciUpper - wide.d_z.ciLower).toBeGreaterThan(result.d_z.ciUpper - result.d_z.ciLower);
  });

  it('drops incomplete pairs and rejects degenerate data', () => {
    expect(pairedEffectSizes([...before, null, 3], [...after, 4, Number.NaN]).n).toBe(10);
    expect(() => pairedEffectSizes([1, 2], [2, 3])).toThrow('at least 3 complete pairs');
    expect(() => pairedEffectSizes([1, 2, 3], [2, 3, 4])).toThrow('same amount');
    expect(() => pairedEffectSizes([2, 2, 2], [1, 2, 3])).toThrow('"before" scores are constant');
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
            expect(backward[family].d).toBeCloseTo(-forward[family].d, 12);
            expect(backward[family].g).toBeCloseTo(-forward[family].g, 12);
            expect(backward[family].ciLower).toBeCloseTo(-forward[family].ciUpper, 12);
            expect(backward[family].ciUpper).toBeCloseTo(-forward[family].ciLower, 12);
          }
        },
      ),
    );
  });
});
