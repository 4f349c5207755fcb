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
      if (Number.isNaN(v)) continue;
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
const ROW_BLOCK = 4;

/**
 * Adds Σ_b d_b[i]·d_b[j] over a block of four rows to the upper triangle of `cross`. Four rows per
 * sweep quarter the loads and stores of the k×k accumulator, the cost that dominates large data.
 */
function addBlockCrossProducts(cross: Float64Array, block: Float64Array[], k: number): void {
  const [d0, d1, d2, d3] = block as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0; i < k; i++) {
    const a0 = d0[i]!;
    const a1 = d1[i]!;
    const a2 = d2[i]!;
    const a3 = d3[i]!;
    const row = i * k;
    for (let j = i; j < k; j++) {
      cross[row + j]! += a0 * d0[j]! + a1 * d1[j]! + a2 * d2[j]! + a3 * d3[j]!;
    }
  }
}

/**
 * One scan over the rows that yields everything the alpha family needs; no statistic re-reads the
 * data afterwards.
 *
 * Values are accumulated as deviations from a shift (the item mean from a first pass), so the
 * "sum of products minus product of sums" formulas lose no precision: on complete data the result
 * equals R's two-pass cov() to ~1e-15.
 *
 * Missing data: covariances are pairwise complete, as psych::alpha (use = "pairwise") and R's
 * cov()/cor() compute them — each pair over the rows that answered both, with those rows' means.
 * A missing answer enters the cross-products as a zero deviation, which drops it from every pair
 * at no cost; what the pair-specific counts, sums and sums of squares lose is recorded per missing
 * answer (O(k) each), so incomplete rows cost little more than complete ones.
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

  const block = Array.from({ length: ROW_BLOCK }, () => new Float64Array(k));
  let blockRows = 0;
  const answeredFlag = new Float64Array(k);
  const missingItems = new Int32Array(k);
  const cross = new Float64Array(k * k);
  const sums = new Float64Array(k);
  const itemScoreCross = new Float64Array(k);
  const missingRows = new Float64Array(k);
  const missingScoreSum = new Float64Array(k);
  const missingScoreSquares = new Float64Array(k);
  let rowsUsed = 0;
  let scoreSum = 0;
  let scoreSquares = 0;
  // lost*[m·k + i]: over rows missing item m, the count, sum and squares of item i's deviations.
  // Allocated on the first incomplete row: complete data never pays for them.
  let lostCount: Float64Array | undefined;
  let lostSum: Float64Array | undefined;
  let lostSquares: Float64Array | undefined;

  for (let r = 0, base = 0; r < rowCount; r++, base += k) {
    const deviation = block[blockRows]!;
    let answered = 0;
    let missingCount = 0;
    let rowSum = 0;
    for (let i = 0; i < k; i++) {
      const v = values[base + i]!;
      if (Number.isNaN(v)) {
        deviation[i] = 0;
        answeredFlag[i] = 0;
        missingItems[missingCount++] = i;
        continue;
      }
      const y = offset[i]! + sign[i]! * v;
      rowSum += y;
      deviation[i] = y - shift[i]!;
      answeredFlag[i] = 1;
      answered++;
    }
    if (answered === 0 || (listwise && missingCount > 0)) continue;

    rowsUsed++;
    const scoreDeviation = rowSum / answered - scoreShift;
    scoreSum += scoreDeviation;
    scoreSquares += scoreDeviation * scoreDeviation;
    for (let i = 0; i < k; i++) {
      const di = deviation[i]!;
      sums[i]! += di;
      itemScoreCross[i]! += di * scoreDeviation;
    }

    if (missingCount > 0) {
      lostCount ??= new Float64Array(k * k);
      lostSum ??= new Float64Array(k * k);
      lostSquares ??= new Float64Array(k * k);
      for (let m = 0; m < missingCount; m++) {
        const item = missingItems[m]!;
        missingRows[item]!++;
        missingScoreSum[item]! += scoreDeviation;
        missingScoreSquares[item]! += scoreDeviation * scoreDeviation;
        const row = item * k;
        for (let i = 0; i < k; i++) {
          const di = deviation[i]!;
          lostCount[row + i]! += answeredFlag[i]!;
          lostSum[row + i]! += di;
          lostSquares[row + i]! += di * di;
        }
      }
    }

    if (++blockRows === ROW_BLOCK) {
      addBlockCrossProducts(cross, block, k);
      blockRows = 0;
    }
  }
  if (blockRows > 0) {
    for (let b = blockRows; b < ROW_BLOCK; b++) block[b]!.fill(0);
    addBlockCrossProducts(cross, block, k);
  }

  const counts = new Float64Array(k);
  const means = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    counts[i] = rowsUsed - missingRows[i]!;
    means[i] = shift[i]! + sums[i]! / counts[i]!;
  }

  const covariance = new Float64Array(k * k);
  const correlation = new Float64Array(k * k);
  const pairCounts = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      // Rows answering both = rows answering i minus those of them that missed j.
      const n = counts[i]! - (lostCount?.[j * k + i] ?? 0);
      const sumI = sums[i]! - (lostSum?.[j * k + i] ?? 0);
      const sumJ = sums[j]! - (lostSum?.[i * k + j] ?? 0);
      const squaresI = cross[i * k + i]! - (lostSquares?.[j * k + i] ?? 0);
      const squaresJ = cross[j * k + j]! - (lostSquares?.[i * k + j] ?? 0);
      const centredCross = cross[i * k + j]! - (sumI * sumJ) / n;
      const cov = n > 1 ? centredCross / (n - 1) : Number.NaN;
      const cor =
        i === j
          ? 1
          : n > 1
            ? centredCross / Math.sqrt((squaresI - (sumI * sumI) / n) * (squaresJ - (sumJ * sumJ) / n))
            : Number.NaN;
      covariance[i * k + j] = cov;
      covariance[j * k + i] = cov;
      correlation[i * k + j] = cor;
      correlation[j * k + i] = cor;
      pairCounts[i * k + j] = n;
      pairCounts[j * k + i] = n;
    }
  }

  const itemScoreCorrelation = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const n = counts[i]!;
    const sumScore = scoreSum - missingScoreSum[i]!;
    const squaresScore = scoreSquares - missingScoreSquares[i]!;
    const itemVariation = cross[i * k + i]! - (sums[i]! * sums[i]!) / n;
    const scoreVariation = squaresScore - (sumScore * sumScore) / n;
    itemScoreCorrelation[i] =
      (itemScoreCross[i]! - (sums[i]! * sumScore) / n) / Math.sqrt(itemVariation * scoreVariation);
  }

  return {
    itemCount: k,
    respondentCount: rowsUsed,
    counts,
    means,
    covariance,
    correlation,
    pairCounts,
    scoreMean: scoreShift + scoreSum / rowsUsed,
    scoreSd: Math.sqrt((scoreSquares - (scoreSum * scoreSum) / rowsUsed) / (rowsUsed - 1)),
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
