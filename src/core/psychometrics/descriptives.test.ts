import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  correlationMatrix,
  covarianceMatrix,
  covarianceToCorrelation,
  itemMoments,
  mean,
  median,
  pearson,
  type Response,
  standardDeviation,
  toResponseMatrix,
  variance,
} from './descriptives.ts';

/** R's cov(x, y, use = "pairwise") written the obvious way, as an independent reference. */
function naivePairwiseCovariance(x: Response[], y: Response[]): number {
  const pairs = x.flatMap((a, i) => {
    const b = y[i];
    return typeof a === 'number' && typeof b === 'number' ? [[a, b] as const] : [];
  });
  // No complete pair: undefined (an empty sum over -1 would otherwise give -0).
  if (pairs.length === 0) return Number.NaN;
  const mx = pairs.reduce((s, [a]) => s + a, 0) / pairs.length;
  const my = pairs.reduce((s, [, b]) => s + b, 0) / pairs.length;
  return pairs.reduce((s, [a, b]) => s + (a - mx) * (b - my), 0) / (pairs.length - 1);
}

const likert = fc.integer({ min: 1, max: 5 });
const maybeLikert = fc.option(likert, { freq: 5, nil: null });

describe('univariate descriptives', () => {
  it('computes mean, sample variance and SD, skipping missing values', () => {
    const values = [2, null, 4, 4, Number.NaN, 4, 5, 5, 7, 9, undefined];
    expect(mean(values)).toBe(5);
    expect(variance(values)).toBeCloseTo(32 / 7, 14);
    expect(standardDeviation(values)).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('returns NaN where a statistic is undefined', () => {
    expect(mean([])).toBeNaN();
    expect(mean([null])).toBeNaN();
    expect(variance([3])).toBeNaN();
    expect(median([])).toBeNaN();
  });

  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 2, 8])).toBe(5);
  });

  it('keeps precision on large offsets (two-pass variance)', () => {
    const values = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(variance(values)).toBeCloseTo(30, 9);
  });

  it('correlates over complete pairs only', () => {
    expect(pearson([1, 2, 3, null], [2, 4, 6, 100])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 15);
  });
});

describe('covariance and correlation matrices', () => {
  it('packs rows into a row-major matrix with NaN for missing answers', () => {
    const matrix = toResponseMatrix([
      [1, null],
      [3, 4],
    ]);
    expect(matrix.rowCount).toBe(2);
    expect(matrix.itemCount).toBe(2);
    expect(Array.from(matrix.values)).toEqual([1, Number.NaN, 3, 4]);
    expect(() => toResponseMatrix([[1, 2], [3]])).toThrow('row 2 has 1 answers; expected 2');
  });

  it('matches naive pairwise-complete covariances, correlations and counts on data with missing answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(maybeLikert, { minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 40 }),
        (rows) => {
          const k = 4;
          const columns = Array.from({ length: k }, (_, i) => rows.map((row) => row[i] ?? null));
          const moments = itemMoments(toResponseMatrix(rows));
          for (let i = 0; i < k; i++) {
            for (let j = 0; j < k; j++) {
              const expected = naivePairwiseCovariance(columns[i]!, columns[j]!);
              const actual = moments.covariance[i * k + j]!;
              if (Number.isNaN(expected)) expect(actual).toBeNaN();
              else expect(actual).toBeCloseTo(expected, 10);
              const bothAnswered = columns[i]!.filter((v, r) => v !== null && columns[j]![r] !== null).length;
              expect(moments.pairCounts[i * k + j]).toBe(bothAnswered);
              if (i !== j) {
                const r = pearson(columns[i]!, columns[j]!);
                if (Number.isFinite(r)) expect(moments.correlation[i * k + j]).toBeCloseTo(r, 10);
              }
            }
          }
        },
      ),
    );
  });

  it('correlates pairwise with per-pair SDs, as R cor(use = "pairwise")', () => {
    const rows = [
      [1, 2, 5],
      [2, null, 4],
      [3, 3, null],
      [4, 5, 1],
      [5, 4, 2],
      [null, 1, 3],
    ];
    const r = correlationMatrix(rows);
    const column = (i: number) => rows.map((row) => row[i] ?? null);
    expect(r[0 * 3 + 1]).toBeCloseTo(pearson(column(0), column(1)), 14);
    expect(r[0 * 3 + 2]).toBeCloseTo(pearson(column(0), column(2)), 14);
    expect(r[1 * 3 + 2]).toBeCloseTo(pearson(column(1), column(2)), 14);
    expect(r[4]).toBe(1);
  });

  it('drops incomplete rows entirely with use = "complete"', () => {
    const rows = [
      [1, 2],
      [2, null],
      [3, 5],
      [4, 4],
    ];
    const complete = covarianceMatrix(rows, 'complete');
    expect(complete[0]).toBeCloseTo(variance([1, 3, 4]), 14);
    expect(complete[1]).toBeCloseTo(naivePairwiseCovariance([1, 3, 4], [2, 5, 4]), 14);
    expect(itemMoments(toResponseMatrix(rows), { use: 'complete' }).counts[0]).toBe(3);
  });

  it('is symmetric with a unit diagonal for any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(likert, { minLength: 3, maxLength: 3 }), { minLength: 5, maxLength: 30 }),
        (rows) => {
          const cov = covarianceMatrix(rows);
          const r = covarianceToCorrelation(cov, 3);
          for (let i = 0; i < 3; i++) {
            expect(r[i * 3 + i]).toBe(1);
            for (let j = 0; j < 3; j++) expect(cov[i * 3 + j]).toBe(cov[j * 3 + i]);
          }
        },
      ),
    );
  });

  it('scores each respondent as the mean of answered items, and correlates items with that score', () => {
    const rows = [
      [1, 2, null],
      [2, 2, 3],
      [null, null, null],
      [4, 5, 5],
      [3, null, 2],
    ];
    const moments = itemMoments(toResponseMatrix(rows));
    const scores = [1.5, 7 / 3, 14 / 3, 2.5];
    expect(moments.respondentCount).toBe(4);
    expect(moments.scoreMean).toBeCloseTo(mean(scores), 14);
    expect(moments.scoreSd).toBeCloseTo(standardDeviation(scores), 14);
    expect(moments.itemScoreCorrelation[1]).toBeCloseTo(pearson([2, 2, 5, null], scores), 14);
    expect(Array.from(moments.counts)).toEqual([4, 3, 3]);
    expect(moments.means[2]).toBeCloseTo(10 / 3, 14);
  });
});
