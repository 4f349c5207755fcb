import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { covarianceMatrix, mean, pearson, standardDeviation, variance } from './descriptives.ts';
import { alphaCoefficients, reliabilityReport, spearmanBrown } from './reliability.ts';
import type { ScaleKey } from './scoring.ts';

const keysFor = (count: number, reversed: number[] = []): ScaleKey[] =>
  Array.from({ length: count }, (_, i) => ({ item: `I${i + 1}`, reversed: reversed.includes(i) }));

/** Rows of k positively related 1–5 answers: a person level plus item noise, clipped to the scale. */
const scaleRows = (k: number) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: -1, max: 1 }), { minLength: k, maxLength: k }),
      ),
      { minLength: 6, maxLength: 40 },
    )
    .map((people) => people.map(([level, noise]) => noise.map((e) => Math.min(5, Math.max(1, level + e)))))
    .filter((rows) =>
      Array.from({ length: k }, (_, i) => variance(rows.map((row) => row[i]!))).every((v) => v > 0),
    );

/** Equal to `digits` decimals, where NaN equals NaN (e.g. r_cor when reversed items make sum(R) negative). */
function expectSame(actual: number, expected: number, digits = 10): void {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(actual).toBeCloseTo(expected, digits);
}

const column = (rows: ReadonlyArray<ReadonlyArray<number | null>>, i: number) =>
  rows.map((row) => row[i] ?? null);

describe('reliabilityReport on a small hand-checkable scale', () => {
  const rows = [
    [4, 5, 4],
    [2, 3, 3],
    [5, 5, 4],
    [3, 2, 2],
    [4, 4, 5],
    [1, 2, 1],
  ];
  const report = reliabilityReport(rows, { keys: keysFor(3) });

  it('gives the textbook alpha k/(k−1)·(1 − Σ item variances / variance of the sum)', () => {
    const itemVariances = [0, 1, 2].map((i) => variance(column(rows, i)));
    const totalVariance = variance(rows.map((row) => row[0]! + row[1]! + row[2]!));
    const expected = 1.5 * (1 - itemVariances.reduce((a, b) => a + b) / totalVariance);
    expect(report.raw_alpha).toBeCloseTo(expected, 14);
  });

  it('gives standardised alpha from the mean inter-item correlation', () => {
    const rs = [
      pearson(column(rows, 0), column(rows, 1)),
      pearson(column(rows, 0), column(rows, 2)),
      pearson(column(rows, 1), column(rows, 2)),
    ];
    const rBar = mean(rs);
    expect(report.average_r).toBeCloseTo(rBar, 14);
    expect(report.std_alpha).toBeCloseTo((3 * rBar) / (1 + 2 * rBar), 14);
    expect(report.median_r).toBeCloseTo([...rs].sort((a, b) => a - b)[1]!, 14);
    expect(report.s_n).toBeCloseTo((3 * rBar) / (1 - rBar), 13);
  });

  it('scores people as the mean of their items', () => {
    const scores = rows.map((row) => mean(row));
    expect(report.n).toBe(6);
    expect(report.mean).toBeCloseTo(mean(scores), 14);
    expect(report.sd).toBeCloseTo(standardDeviation(scores), 14);
    rows[0]!.forEach((_, i) => {
      const item = report.items[i]!;
      expect(item.raw_r).toBeCloseTo(pearson(column(rows, i), scores), 14);
      const rest = rows.map((row) => row.reduce((a, b) => a + b, 0) - row[i]!);
      expect(item.r_drop).toBeCloseTo(pearson(column(rows, i), rest), 14);
      expect(item.mean).toBeCloseTo(mean(column(rows, i)), 14);
      expect(item.sd).toBeCloseTo(standardDeviation(column(rows, i)), 14);
      expect(item.n).toBe(6);
    });
  });

  it("computes Duhachek's ase from C with explicit matrix products", () => {
    const c = covarianceMatrix(rows);
    const k = 3;
    let sumC = 0;
    let trC = 0;
    let trCC = 0;
    let sumCC = 0;
    for (let i = 0; i < k; i++) {
      trC += c[i * k + i]!;
      for (let j = 0; j < k; j++) {
        sumC += c[i * k + j]!;
        let product = 0;
        for (let m = 0; m < k; m++) product += c[i * k + m]! * c[m * k + j]!;
        sumCC += product;
        if (i === j) trCC += product;
      }
    }
    const q = ((2 * k * k) / ((k - 1) ** 2 * sumC ** 3)) * (sumC * (trCC + trC ** 2) - 2 * trC * sumCC);
    expect(report.ase).toBeCloseTo(Math.sqrt(q / 6), 14);
  });
});

describe('reliabilityReport properties', () => {
  it('alpha-if-deleted equals alpha of the scale without that item', () => {
    fc.assert(
      fc.property(scaleRows(4), (rows) => {
        const report = reliabilityReport(rows, { keys: keysFor(4) });
        for (let drop = 0; drop < 4; drop++) {
          const without = rows.map((row) => row.filter((_, i) => i !== drop));
          const reduced = reliabilityReport(without, { keys: keysFor(3) });
          expect(report.items[drop]!.alpha_if_deleted).toBeCloseTo(reduced.raw_alpha, 10);
          expect(report.items[drop]!.std_alpha_if_deleted).toBeCloseTo(reduced.std_alpha, 10);
        }
      }),
    );
  });

  it('is invariant under item permutation', () => {
    fc.assert(
      fc.property(
        scaleRows(5),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        fc.subarray([0, 1, 2, 3, 4]),
        (rows, order, reversed) => {
          const keys = keysFor(5, reversed);
          const original = reliabilityReport(rows, { keys, min: 1, max: 5 });
          const permuted = reliabilityReport(
            rows.map((row) => order.map((i) => row[i]!)),
            { keys: order.map((i) => keys[i]!), min: 1, max: 5 },
          );
          for (const field of [
            'raw_alpha',
            'std_alpha',
            'G6',
            'average_r',
            'median_r',
            'ase',
            'mean',
            'sd',
          ] as const) {
            expectSame(permuted[field], original[field]);
          }
          order.forEach((from, to) => {
            expect(permuted.items[to]!.item).toBe(original.items[from]!.item);
            expectSame(permuted.items[to]!.r_cor, original.items[from]!.r_cor);
            expectSame(permuted.items[to]!.alpha_if_deleted, original.items[from]!.alpha_if_deleted);
          });
        },
      ),
    );
  });

  it('reverse-keying an item is the same as recoding it as max + min − x first', () => {
    fc.assert(
      fc.property(scaleRows(4), fc.integer({ min: 0, max: 3 }), (rows, flipped) => {
        const keyed = reliabilityReport(rows, { keys: keysFor(4, [flipped]), min: 1, max: 5 });
        const recoded = reliabilityReport(
          rows.map((row) => row.map((v, i) => (i === flipped ? 6 - v : v))),
          { keys: keysFor(4), min: 1, max: 5 },
        );
        expect(keyed.raw_alpha).toBeCloseTo(recoded.raw_alpha, 12);
        expect(keyed.mean).toBeCloseTo(recoded.mean, 12);
        expect(keyed.items[flipped]!.mean).toBeCloseTo(recoded.items[flipped]!.mean, 12);
        expect(keyed.items[flipped]!.reversed).toBe(true);
      }),
    );
  });

  it('keeps alpha ≤ 1 and G6 within [0, 1] for positively related items', () => {
    fc.assert(
      fc.property(scaleRows(4), (rows) => {
        const report = reliabilityReport(rows, { keys: keysFor(4) });
        expect(report.raw_alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(report.std_alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(report.G6).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('missing data (psych semantics: pairwise covariances, mean of answered items)', () => {
  const rows = [
    [4, 5, 4, null],
    [2, 3, null, 2],
    [5, 5, 4, 5],
    [3, null, 2, 3],
    [4, 4, 5, 4],
    [1, 2, 1, 2],
    [null, null, null, null],
    [3, 4, 3, 3],
  ];
  const report = reliabilityReport(rows, { keys: keysFor(4) });

  it('uses pairwise covariances for alpha', () => {
    expect(report.raw_alpha).toBeCloseTo(alphaCoefficients(covarianceMatrix(rows), 4, 7).raw_alpha, 14);
    expect(report.ase).toBeCloseTo(alphaCoefficients(covarianceMatrix(rows), 4, 7).ase, 14);
  });

  it('counts respondents who answered anything, and per item its own answers', () => {
    expect(report.n).toBe(7);
    expect(report.items.map((item) => item.n)).toEqual([7, 6, 6, 6]);
  });

  it('scores each respondent on the items they answered', () => {
    const scores = rows.filter((row) => row.some((v) => v !== null)).map((row) => mean(row));
    expect(report.mean).toBeCloseTo(mean(scores), 14);
    expect(report.sd).toBeCloseTo(standardDeviation(scores), 14);
    const allScores = rows.map((row) => (row.some((v) => v !== null) ? mean(row) : null));
    expect(report.items[1]!.raw_r).toBeCloseTo(pearson(column(rows, 1), allScores), 14);
  });
});

describe('two-item scales (psych conventions)', () => {
  const rows = [
    [1, 2],
    [2, 2],
    [3, 4],
    [4, 3],
    [5, 5],
  ];
  const report = reliabilityReport(rows, { keys: keysFor(2) });
  const r = pearson(column(rows, 0), column(rows, 1));

  it('gives G6 = r and standardised alpha = 2r/(1 + r)', () => {
    expect(report.G6).toBeCloseTo(r, 14);
    expect(report.std_alpha).toBeCloseTo((2 * r) / (1 + r), 14);
  });

  it('reports the remaining item cov/var and r as "alpha if deleted"', () => {
    const c = covarianceMatrix(rows);
    expect(report.items[0]!.alpha_if_deleted).toBeCloseTo(c[1]! / c[3]!, 14);
    expect(report.items[1]!.alpha_if_deleted).toBeCloseTo(c[1]! / c[0]!, 14);
    expect(report.items[0]!.std_alpha_if_deleted).toBeCloseTo(r, 14);
  });
});

describe('reliabilityReport input errors', () => {
  it('needs at least two items', () => {
    expect(() => reliabilityReport([[1], [2]], { keys: keysFor(1) })).toThrow('at least 2 items');
  });

  it('names a constant item', () => {
    expect(() =>
      reliabilityReport(
        [
          [1, 3],
          [2, 3],
          [3, 3],
        ],
        { keys: keysFor(2) },
      ),
    ).toThrow('item "I2" is constant');
  });

  it('names an item with fewer than two answers', () => {
    expect(() =>
      reliabilityReport(
        [
          [1, 3],
          [2, null],
          [3, null],
        ],
        { keys: keysFor(2) },
      ),
    ).toThrow('item "I2" has fewer than 2 answers');
  });

  it('rejects data and keys of different widths', () => {
    expect(() =>
      reliabilityReport({ rowCount: 1, itemCount: 3, values: new Float64Array(3) }, { keys: keysFor(2) }),
    ).toThrow('data has 3 items but 2 keys');
  });
});

describe('spearmanBrown', () => {
  it('lengthens and shortens a measure', () => {
    // Doubling a .6 test: 1.2/1.6 = .75; one item of a 4-item scale with alpha .8: .8/(4 − 2.4) = .5.
    expect(spearmanBrown(0.6, 2)).toBeCloseTo(0.75, 15);
    expect(spearmanBrown(0.8, 1 / 4)).toBeCloseTo(0.5, 15);
    expect(spearmanBrown(0.8, 1)).toBe(0.8);
    expect(spearmanBrown(0, 3)).toBe(0);
  });

  it('is undone by the inverse factor', () => {
    for (const r of [0.1, 0.5, 0.93]) expect(spearmanBrown(spearmanBrown(r, 1 / 6), 6)).toBeCloseTo(r, 12);
  });

  it('rejects impossible parameters', () => {
    expect(() => spearmanBrown(1, 0.5)).toThrow('reliability');
    expect(() => spearmanBrown(-0.1, 0.5)).toThrow('reliability');
    expect(() => spearmanBrown(0.5, 0)).toThrow('lengthFactor');
    expect(() => spearmanBrown(0.5, Number.POSITIVE_INFINITY)).toThrow('lengthFactor');
  });
});
