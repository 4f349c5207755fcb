import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invertMatrix, squaredMultipleCorrelations } from './linear-algebra.ts';

function multiply(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let m = 0; m < n; m++) out[i * n + j]! += a[i * n + m]! * b[m * n + j]!;
    }
  }
  return out;
}

describe('invertMatrix', () => {
  it('inverts a 2×2 matrix exactly', () => {
    expect(Array.from(invertMatrix([4, 7, 2, 6], 2)!)).toEqual(
      [0.6, -0.7, -0.2, 0.4].map((v) => expect.closeTo(v, 14)),
    );
  });

  it('needs pivoting for a zero leading entry', () => {
    const inverse = invertMatrix([0, 1, 1, 0], 2)!;
    expect(Array.from(inverse)).toEqual([0, 1, 1, 0]);
  });

  it('returns null for a singular matrix', () => {
    expect(invertMatrix([1, 2, 2, 4], 2)).toBeNull();
    expect(invertMatrix([0, 0, 0, 0], 2)).toBeNull();
    expect(invertMatrix([1, Number.NaN, 0, 1], 2)).toBeNull();
  });

  it('gives A·A⁻¹ = I for diagonally dominant matrices', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (entries) => {
          const a = entries.map((v, i) => (i % 5 === 0 ? v + 5 : v));
          const product = multiply(a, invertMatrix(a, 4)!, 4);
          for (const [i, v] of product.entries()) expect(v).toBeCloseTo(i % 5 === 0 ? 1 : 0, 12);
        },
      ),
    );
  });
});

describe('squaredMultipleCorrelations', () => {
  it('is r² for two variables', () => {
    const smc = squaredMultipleCorrelations([1, 0.6, 0.6, 1], 2);
    expect(smc[0]).toBeCloseTo(0.36, 14);
    expect(smc[1]).toBeCloseTo(0.36, 14);
  });

  it('is 1 for every variable when R is singular (psych convention)', () => {
    expect(Array.from(squaredMultipleCorrelations([1, 1, 1, 1], 2))).toEqual([1, 1]);
  });

  it('is 0 for uncorrelated variables', () => {
    expect(Array.from(squaredMultipleCorrelations([1, 0, 0, 0, 1, 0, 0, 0, 1], 3))).toEqual([0, 0, 0]);
  });
});
