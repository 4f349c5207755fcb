import { PsychometricsError } from './errors.ts';

/** One answer. `null`, `undefined` and `NaN` all mean "not answered". */
export type Response = number | null | undefined;

/**
 * Answers of many respondents to the same items, packed for speed: one Float64Array, row-major
 * (`values[row * itemCount + item]`), NaN where an answer is missing. The statistics below scan it
 * once or twice and never allocate per row, which is what keeps 100,000 × 60 well under a second.
 */
export interface ResponseMatrix {
  readonly rowCount: number;
  readonly itemCount: number;
  readonly values: Float64Array;
}

/** Either a packed matrix or plain rows (`rows[respondent][item]`). */
export type ResponseData = ResponseMatrix | ReadonlyArray<ReadonlyArray<Response>>;

/** How pairs with missing answers enter a covariance/correlation (R's `use=` argument). */
export type MissingDataPolicy = 'pairwise' | 'complete';

export function isAnswered(value: Response): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function isResponseMatrix(data: ResponseData): data is ResponseMatrix {
  return 'values' in data && data.values instanceof Float64Array;
}

/** Packs plain rows into a ResponseMatrix; every row must have `itemCount` entries. */
export function toResponseMatrix(data: ResponseData, itemCount?: number): ResponseMatrix {
  if (isResponseMatrix(data)) return data;
  const rows = data;
  const width = itemCount ?? rows[0]?.length ?? 0;
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    if (row.length !== width) {
      throw new PsychometricsError(`row ${r + 1} has ${row.length} answers; expected ${width}`);
    }
    for (let i = 0; i < width; i++) {
      const v = row[i];
      values[r * width + i] = isAnswered(v) ? v : Number.NaN;
    }
  });
  return { rowCount: rows.length, itemCount: width, values };
}

/** The answers of one item (column) of a matrix, NaN where missing. */
export function itemColumn(matrix: ResponseMatrix, item: number): Float64Array {
  const column = new Float64Array(matrix.rowCount);
  for (let r = 0; r < matrix.rowCount; r++) column[r] = matrix.values[r * matrix.itemCount + item]!;
  return column;
}

function answeredValues(values: ArrayLike<Response>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isAnswered(v)) out.push(v);
  }
  return out;
}

/**
 * Arithmetic mean of the answered values (NaN when none). The second pass adds the mean residual,
 * as R's mean() does, so sums of many similar numbers lose no precision.
 */
export function mean(values: ArrayLike<Response>): number {
  const xs = answeredValues(values);
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  const first = sum / xs.length;
  let residual = 0;
  for (const x of xs) residual += x - first;
  return first + residual / xs.length;
}

/** Sample variance (denominator n − 1) of the answered values; NaN with fewer than two. */
export function variance(values: ArrayLike<Response>): number {
  const xs = answeredValues(values);
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  let squares = 0;
  let residual = 0;
  for (const x of xs) {
    squares += (x - m) * (x - m);
    residual += x - m;
  }
  // Corrected two-pass formula: removes the rounding left in m.
  return (squares - (residual * residual) / xs.length) / (xs.length - 1);
}

/** Sample standard deviation (denominator n − 1), as R's sd(). */
export function standardDeviation(values: ArrayLike<Response>): number {
  return Math.sqrt(variance(values));
}

/** Median of the answered values (NaN when none); the mean of the two middle values for even n. */
export function median(values: ArrayLike<Response>): number {
  const xs = answeredValues(values).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const middle = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[middle]! : (xs[middle - 1]! + xs[middle]!) / 2;
}

/** Pearson correlation over the pairs where both values are answered (R: use = "pairwise"). */
export function pearson(x: ArrayLike<Response>, y: ArrayLike<Response>): number {
  if (x.length !== y.length) throw new PsychometricsError('pearson: x and y differ in length');
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (isAnswered(a) && isAnswered(b)) {
      xs.push(a);
      ys.push(b);
    }
  }
  if (xs.length < 2) return Number.NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Per item: how many answered, their sum, and the smallest and largest answer. */
export interface ItemRanges {
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  readonly minimum: number;
  readonly maximum: number;
  readonly itemMinimum: Float64Array;
  readonly itemMaximum: Float64Array;
}

export function itemRanges(matrix: ResponseMatrix): ItemRanges {
  const k = matrix.itemCount;
  const counts = new Float64Array(k);
  const sums = new Float64Array(k);
  const itemMinimum = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  const itemMaximum = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  const values = matrix.values;
  for (let r = 0, base = 0; r < matrix.rowCount; r++, base += k) {
    for (let i = 0; i < k; i++) {
      const v = values[base + i]!;
      if (v !== v) continue; // NaN: missing
      counts[i]!++;
      sums[i]! += v;
      if (v < itemMinimum[i]!) itemMinimum[i] = v;
      if (v > itemMaximum[i]!) itemMaximum[i] = v;
    }
  }
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) {
    minimum = Math.min(minimum, itemMinimum[i]!);
    maximum = Math.max(maximum, itemMaximum[i]!);
  }
  return { counts, sums, minimum, maximum, itemMinimum, itemMaximum };
}

/** An affine recoding applied while scanning: y = offset + sign·x (sign −1 reverses an item). */
export interface ItemRecoding {
  readonly offset: ArrayLike<number>;
  readonly sign: ArrayLike<number>;
}

export interface ItemMoments {
  readonly itemCount: number;
  /** Rows with at least one answer (after listwise deletion when `use` is 'complete'). */
  readonly respondentCount: number;
  /** Answers per item, over the rows used. */
  readonly counts: Float64Array;
  /** Item means (recoded), each over its own answered values. */
  readonly means: Float64Array;
  /**
   * k×k covariance, pairwise complete as R's cov(use = "pairwise"): each entry over the rows that
   * answered both items, with the means of those rows. The diagonal is each item's own variance.
   */
  readonly covariance: Float64Array;
  /** k×k Pearson correlation as R's cor(use = "pairwise"): per-pair means and SDs. */
  readonly correlation: Float64Array;
  /** k×k: rows answering both items. */
  readonly pairCounts: Float64Array;
  /** The score of each respondent as the mean of the items they answered (psych's rowMeans). */
  readonly scoreMean: number;
  readonly scoreSd: number;
  /** Correlation of each item with that score, over the rows that answered the item. */
  readonly itemScoreCorrelation: Float64Array;
}

/**
 * One scan over the rows that yields everything the alpha family needs; no statistic re-reads the
 * data afterwards.
 *
 * Missing data: covariances are pairwise complete, as psych::alpha (use = "pairwise") and R's
 * cov()/cor() compute them; a row contributes to every pair it answered. Complete rows take a fast
 * path that only accumulates cross-products; incomplete rows also update per-pair counts and sums.
 * Everything is accumulated around a shift (the item mean from a first pass), so that the textbook
 * "sum of products minus product of sums" loses no precision; on complete data the result equals
 * R's two-pass cov() to ~1e-15.
 */
export function itemMoments(
  matrix: ResponseMatrix,
  options: { recoding?: ItemRecoding; use?: MissingDataPolicy } = {},
): ItemMoments {
  const k = matrix.itemCount;
  const rowCount = matrix.rowCount;
  const values = matrix.values;
  const listwise = options.use === 'complete';
  const offset = options.recoding?.offset ?? new Float64Array(k);
  const sign = options.recoding?.sign ?? new Float64Array(k).fill(1);

  const ranges = itemRanges(matrix);
  const shift = new Float64Array(k);
  let scoreShift = 0;
  for (let i = 0; i < k; i++) {
    const rawMean = ranges.counts[i]! > 0 ? ranges.sums[i]! / ranges.counts[i]! : 0;
    shift[i] = offset[i]! + sign[i]! * rawMean;
    scoreShift += shift[i]! / k;
  }

  const deviation = new Float64Array(k);
  const cross = new Float64Array(k * k);
  const completeSums = new Float64Array(k);
  const completeSquares = new Float64Array(k);
  const itemScoreCross = new Float64Array(k);
  let completeRows = 0;
  let completeScoreSum = 0;
  let completeScoreSquares = 0;
  let scoreCount = 0;
  let scoreSum = 0;
  let scoreSquares = 0;

  // Allocated on the first incomplete row only: complete data never pays for them.
  let pairRows: Float64Array | undefined;
  let pairSumFirst: Float64Array | undefined;
  let pairSumSecond: Float64Array | undefined;
  let pairSquaresFirst: Float64Array | undefined;
  let pairSquaresSecond: Float64Array | undefined;
  let partialScoreSum: Float64Array | undefined;
  let partialScoreSquares: Float64Array | undefined;

  for (let r = 0, base = 0; r < rowCount; r++, base += k) {
    let answered = 0;
    let rowSum = 0;
    for (let i = 0; i < k; i++) {
      const v = values[base + i]!;
      if (v !== v) {
        deviation[i] = Number.NaN;
        continue;
      }
      const y = offset[i]! + sign[i]! * v;
      rowSum += y;
      deviation[i] = y - shift[i]!;
      answered++;
    }
    if (answered === 0 || (listwise && answered < k)) continue;
    const scoreDeviation = rowSum / answered - scoreShift;
    scoreCount++;
    scoreSum += scoreDeviation;
    scoreSquares += scoreDeviation * scoreDeviation;

    if (answered === k) {
      completeRows++;
      completeScoreSum += scoreDeviation;
      completeScoreSquares += scoreDeviation * scoreDeviation;
      for (let i = 0; i < k; i++) {
        const di = deviation[i]!;
        completeSums[i]! += di;
        completeSquares[i]! += di * di;
        itemScoreCross[i]! += di * scoreDeviation;
        const row = i * k;
        for (let j = i; j < k; j++) cross[row + j]! += di * deviation[j]!;
      }
      continue;
    }

    if (pairRows === undefined) {
      pairRows = new Float64Array(k * k);
      pairSumFirst = new Float64Array(k * k);
      pairSumSecond = new Float64Array(k * k);
      pairSquaresFirst = new Float64Array(k * k);
      pairSquaresSecond = new Float64Array(k * k);
      partialScoreSum = new Float64Array(k);
      partialScoreSquares = new Float64Array(k);
    }
    for (let i = 0; i < k; i++) {
      const di = deviation[i]!;
      if (di !== di) continue;
      itemScoreCross[i]! += di * scoreDeviation;
      partialScoreSum![i]! += scoreDeviation;
      partialScoreSquares![i]! += scoreDeviation * scoreDeviation;
      const row = i * k;
      for (let j = i; j < k; j++) {
        const dj = deviation[j]!;
        if (dj !== dj) continue;
        cross[row + j]! += di * dj;
        pairRows[row + j]!++;
        pairSumFirst![row + j]! += di;
        pairSumSecond![row + j]! += dj;
        pairSquaresFirst![row + j]! += di * di;
        pairSquaresSecond![row + j]! += dj * dj;
      }
    }
  }

  const covariance = new Float64Array(k * k);
  const correlation = new Float64Array(k * k);
  const pairCounts = new Float64Array(k * k);
  const counts = new Float64Array(k);
  const means = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const ij = i * k + j;
      const n = completeRows + (pairRows?.[ij] ?? 0);
      const sumI = completeSums[i]! + (pairSumFirst?.[ij] ?? 0);
      const sumJ = completeSums[j]! + (pairSumSecond?.[ij] ?? 0);
      const squaresI = completeSquares[i]! + (pairSquaresFirst?.[ij] ?? 0);
      const squaresJ = completeSquares[j]! + (pairSquaresSecond?.[ij] ?? 0);
      const centredCross = cross[ij]! - (sumI * sumJ) / n;
      const cov = n > 1 ? centredCross / (n - 1) : Number.NaN;
      const cor =
        n > 1
          ? centredCross / Math.sqrt((squaresI - (sumI * sumI) / n) * (squaresJ - (sumJ * sumJ) / n))
          : Number.NaN;
      covariance[ij] = cov;
      covariance[j * k + i] = cov;
      correlation[ij] = i === j ? 1 : cor;
      correlation[j * k + i] = i === j ? 1 : cor;
      pairCounts[ij] = n;
      pairCounts[j * k + i] = n;
      if (i === j) {
        counts[i] = n;
        means[i] = shift[i]! + sumI / n;
      }
    }
  }

  const itemScoreCorrelation = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ii = i * k + i;
    const n = counts[i]!;
    const sumItem = completeSums[i]! + (pairSumFirst?.[ii] ?? 0);
    const sumScore = completeScoreSum + (partialScoreSum?.[i] ?? 0);
    const squaresScore = completeScoreSquares + (partialScoreSquares?.[i] ?? 0);
    const itemVariation = cross[ii]! - (sumItem * sumItem) / n;
    const scoreVariation = squaresScore - (sumScore * sumScore) / n;
    itemScoreCorrelation[i] =
      (itemScoreCross[i]! - (sumItem * sumScore) / n) / Math.sqrt(itemVariation * scoreVariation);
  }

  return {
    itemCount: k,
    respondentCount: scoreCount,
    counts,
    means,
    covariance,
    correlation,
    pairCounts,
    scoreMean: scoreShift + scoreSum / scoreCount,
    scoreSd: Math.sqrt((scoreSquares - (scoreSum * scoreSum) / scoreCount) / (scoreCount - 1)),
    itemScoreCorrelation,
  };
}

/** Covariance matrix (k×k, row-major) of the items; see itemMoments for missing data. */
export function covarianceMatrix(data: ResponseData, use: MissingDataPolicy = 'pairwise'): Float64Array {
  return itemMoments(toResponseMatrix(data), { use }).covariance;
}

/** Pearson correlation matrix (k×k, row-major), as R's cor(x, use = "pairwise" | "complete"). */
export function correlationMatrix(data: ResponseData, use: MissingDataPolicy = 'pairwise'): Float64Array {
  return itemMoments(toResponseMatrix(data), { use }).correlation;
}

/** R's cov2cor: rescales a covariance matrix by its own diagonal. */
export function covarianceToCorrelation(covariance: ArrayLike<number>, size: number): Float64Array {
  const correlation = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      correlation[i * size + j] =
        i === j
          ? 1
          : covariance[i * size + j]! / Math.sqrt(covariance[i * size + i]! * covariance[j * size + j]!);
    }
  }
  return correlation;
}
