import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, reliableChangeIndex } from './change.ts';

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
