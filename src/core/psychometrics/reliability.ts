import {
  covarianceToCorrelation,
  type ItemRecoding,
  itemMoments,
  median,
  type ResponseData,
  toResponseMatrix,
} from './descriptives.ts';
import { PsychometricsError } from './errors.ts';
import { squaredMultipleCorrelations } from './linear-algebra.ts';
import type { ScaleKey } from './scoring.ts';

/** Whole-scale coefficients of psych::alpha, derived from the covariance matrix alone. */
export interface AlphaCoefficients {
  raw_alpha: number;
  std_alpha: number;
  /** Guttman's lambda 6, from squared multiple correlations. */
  G6: number;
  average_r: number;
  median_r: number;
  /** Signal/noise ratio k·r̄/(1 − r̄). */
  s_n: number;
  /** Duhachek & Iacobucci's asymptotic standard error of raw alpha (NaN without respondents). */
  ase: number;
}

export interface ItemReliability {
  item: string;
  reversed: boolean;
  n: number;
  mean: number;
  sd: number;
  /** Item–score correlation (the score includes the item). */
  raw_r: number;
  /** The same from the correlation matrix, i.e. for standardised items. */
  std_r: number;
  /** std_r corrected for item overlap and unreliability (diagonal replaced by the smc). */
  r_cor: number;
  /** Correlation of the item with the sum of the other items. */
  r_drop: number;
  alpha_if_deleted: number;
  std_alpha_if_deleted: number;
}

/** psych::alpha's summary (`total`) and item statistics; field names as the statistics CLI prints them. */
export interface ReliabilityReport {
  /** Respondents: rows with at least one answered item. */
  n: number;
  raw_alpha: number;
  std_alpha: number;
  G6: number;
  average_r: number;
  median_r: number;
  s_n: number;
  ase: number;
  /** Mean and SD of the scale score, each respondent's mean over the items they answered. */
  mean: number;
  sd: number;
  items: ItemReliability[];
}

export interface ReliabilityOptions {
  /** One key per column of the data, in the same order. */
  keys: ReadonlyArray<ScaleKey>;
  /** Scale bounds for reversing items (max + min − x); default the smallest/largest answer in the data. */
  min?: number;
  max?: number;
}

function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function columnSums(matrix: ArrayLike<number>, size: number): Float64Array {
  const sums = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) sums[j]! += matrix[i * size + j]!;
  }
  return sums;
}

function trace(matrix: ArrayLike<number>, size: number): number {
  let total = 0;
  for (let i = 0; i < size; i++) total += matrix[i * size + i]!;
  return total;
}

/**
 * The alpha family from a covariance matrix (k×k, row-major), as psych's internal alpha.1:
 * raw alpha from C, standardised alpha, r̄ and G6 from R = cov2cor(C), and Duhachek's ase from C
 * with `respondents` observations.
 */
export function alphaCoefficients(
  covariance: ArrayLike<number>,
  size: number,
  respondents: number,
): AlphaCoefficients {
  const correlation = covarianceToCorrelation(covariance, size);
  return coefficientsOf(covariance, correlation, squaredMultipleCorrelations(correlation, size), respondents);
}

function coefficientsOf(
  covariance: ArrayLike<number>,
  correlation: ArrayLike<number>,
  smc: ArrayLike<number>,
  respondents: number,
): AlphaCoefficients {
  const k = smc.length;
  const sumC = sumOf(covariance);
  const traceC = trace(covariance, k);
  const sumR = sumOf(correlation);
  const averageR = (sumR - k) / (k * (k - 1));

  const offDiagonal: number[] = [];
  for (let i = 1; i < k; i++) {
    for (let j = 0; j < i; j++) offDiagonal.push(correlation[i * k + j]!);
  }

  // tr(C·C) is the sum of squared entries of a symmetric C, and sum(C·C) the sum of squared
  // column sums: both O(k²), no matrix product needed.
  let traceCC = 0;
  for (let i = 0; i < k * k; i++) traceCC += covariance[i]! * covariance[i]!;
  let sumCC = 0;
  for (const columnSum of columnSums(covariance, k)) sumCC += columnSum * columnSum;
  const q =
    ((2 * k * k) / ((k - 1) ** 2 * sumC ** 3)) * (sumC * (traceCC + traceC ** 2) - 2 * traceC * sumCC);

  return {
    raw_alpha: (1 - traceC / sumC) * (k / (k - 1)),
    std_alpha: (1 - k / sumR) * (k / (k - 1)),
    G6: 1 - (k - sumOf(smc)) / sumR,
    average_r: averageR,
    median_r: median(offDiagonal),
    s_n: (k * averageR) / (1 - averageR),
    ase: respondents > 0 ? Math.sqrt(q / respondents) : Number.NaN,
  };
}

function recodingFor(keys: ReadonlyArray<ScaleKey>, low: number, high: number): ItemRecoding {
  return {
    offset: keys.map((key) => (key.reversed ? low + high : 0)),
    sign: keys.map((key) => (key.reversed ? -1 : 1)),
  };
}

/**
 * psych::alpha (psych 2.2.9) for one keyed scale.
 *
 * Missing data follow psych's defaults: covariances are pairwise complete; the scale score is the
 * mean of the answered items; item means, SDs and n use each item's own answers; raw_r correlates
 * item and score over the rows that answered the item. On complete cases this reproduces psych to
 * ~1e-15. Two deliberate departures: n (and so ase) counts respondents who answered at least one
 * item (psych counts every row), and an item with no variance is an error rather than being dropped
 * with a warning, because a report silently missing an item misleads more than it helps.
 */
export function reliabilityReport(data: ResponseData, options: ReliabilityOptions): ReliabilityReport {
  const { keys } = options;
  const k = keys.length;
  if (k < 2) throw new PsychometricsError(`reliability needs at least 2 items; got ${k}`);
  const matrix = toResponseMatrix(data, k);
  if (matrix.itemCount !== k) {
    throw new PsychometricsError(`data has ${matrix.itemCount} items but ${k} keys were given`);
  }

  const needsRange = keys.some((key) => key.reversed);
  let low = options.min;
  let high = options.max;
  if (needsRange && (low === undefined || high === undefined)) {
    let observedLow = Number.POSITIVE_INFINITY;
    let observedHigh = Number.NEGATIVE_INFINITY;
    for (const v of matrix.values) {
      if (Number.isNaN(v)) continue;
      if (v < observedLow) observedLow = v;
      if (v > observedHigh) observedHigh = v;
    }
    low ??= observedLow;
    high ??= observedHigh;
  }
  const moments = itemMoments(matrix, { recoding: recodingFor(keys, low ?? 0, high ?? 0) });

  for (let i = 0; i < k; i++) {
    const name = keys[i]!.item;
    if (moments.counts[i]! < 2) {
      throw new PsychometricsError(`item "${name}" has fewer than 2 answers`);
    }
    if (!(moments.covariance[i * k + i]! > 0)) {
      throw new PsychometricsError(`item "${name}" is constant (every answer is the same)`);
    }
  }

  const covariance = moments.covariance;
  const correlation = covarianceToCorrelation(covariance, k);
  const smc = squaredMultipleCorrelations(correlation, k);
  const whole = coefficientsOf(covariance, correlation, smc, moments.respondentCount);

  const sumC = sumOf(covariance);
  const traceC = trace(covariance, k);
  const sumR = sumOf(correlation);
  const columnSumC = columnSums(covariance, k);
  const columnSumR = columnSums(correlation, k);
  const sumRWithSmc = sumR - k + sumOf(smc);

  const items = keys.map((key, i): ItemReliability => {
    const ii = i * k + i;
    const varianceI = covariance[ii]!;
    // Dropping item i removes its row and column: the remaining block's sums follow from the
    // whole-matrix sums without building the sub-matrix.
    const sumWithout = sumC - 2 * columnSumC[i]! + varianceI;
    const sumRWithout = sumR - 2 * columnSumR[i]! + 1;
    let alphaIfDeleted: number;
    let stdAlphaIfDeleted: number;
    if (k > 2) {
      alphaIfDeleted = (1 - (traceC - varianceI) / sumWithout) * ((k - 1) / (k - 2));
      stdAlphaIfDeleted = (1 - (k - 1) / sumRWithout) * ((k - 1) / (k - 2));
    } else {
      // psych's convention for two items: the "alpha" of the item left is cov/var of that item.
      const other = 1 - i;
      alphaIfDeleted = covariance[i * k + other]! / covariance[other * k + other]!;
      stdAlphaIfDeleted = correlation[i * k + other]!;
    }
    return {
      item: key.item,
      reversed: key.reversed,
      n: moments.counts[i]!,
      mean: moments.means[i]!,
      sd: Math.sqrt(varianceI),
      raw_r: moments.itemScoreCorrelation[i]!,
      std_r: columnSumR[i]! / Math.sqrt(sumR),
      r_cor: (columnSumR[i]! - 1 + smc[i]!) / Math.sqrt(sumRWithSmc),
      r_drop: (columnSumC[i]! - varianceI) / Math.sqrt(varianceI * sumWithout),
      alpha_if_deleted: alphaIfDeleted,
      std_alpha_if_deleted: stdAlphaIfDeleted,
    };
  });

  return {
    n: moments.respondentCount,
    raw_alpha: whole.raw_alpha,
    std_alpha: whole.std_alpha,
    G6: whole.G6,
    average_r: whole.average_r,
    median_r: whole.median_r,
    s_n: whole.s_n,
    ase: whole.ase,
    mean: moments.scoreMean,
    sd: moments.scoreSd,
    items,
  };
}

/**
 * Spearman–Brown: the reliability of a measure `lengthFactor` times as long as one with reliability
 * `reliability` (made of parallel parts): ρ* = m·ρ / (1 + (m − 1)·ρ). With m = 1/k it gives the
 * reliability one item of a k-item scale has by the scale's alpha, ρ₁ = α / (k − (k − 1)·α): what
 * a single behaviour re-rated on its own can be expected to have.
 */
export function spearmanBrown(reliability: number, lengthFactor: number): number {
  if (!(reliability >= 0 && reliability < 1)) {
    throw new PsychometricsError(`reliability must be in [0, 1); got ${reliability}`);
  }
  if (!(lengthFactor > 0 && Number.isFinite(lengthFactor))) {
    throw new PsychometricsError(`lengthFactor must be a positive number; got ${lengthFactor}`);
  }
  return (lengthFactor * reliability) / (1 + (lengthFactor - 1) * reliability);
}
