import { isAnswered, mean, pearson, type Response, standardDeviation } from './descriptives.ts';
import { PsychometricsError } from './errors.ts';

/** Standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal CDF by Marsaglia's series Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …). All terms
 * share a sign, so there is no cancellation; accurate to ~1e-16 absolute for |x| ≤ 10, which is
 * all a confidence level ever needs.
 */
export function normalCdf(x: number): number {
  if (x <= -10) return 0;
  if (x >= 10) return 1;
  let term = x;
  let sum = x;
  const xx = x * x;
  for (let k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) {
    term *= xx / k;
    sum += term;
  }
  return 0.5 + normalDensity(x) * sum;
}

/** Standard normal quantile Φ⁻¹(p), by bisection on normalCdf (precise to ~1e-15 for central p). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new PsychometricsError(`probability must be between 0 and 1; got ${p}`);
  let low = -10;
  let high = 10;
  for (let step = 0; step < 80; step++) {
    const middle = (low + high) / 2;
    if (normalCdf(middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

export type ChangeDirection = 'increase' | 'decrease' | 'none';

export interface ReliableChange {
  difference: number;
  /** Standard error of measurement, sd₁·√(1 − r_xx). */
  standardError: number;
  /** Standard error of a difference between two measurements, √2·SE. */
  sDiff: number;
  rci: number;
  /** |RCI| beyond the critical value (1.96 for two-sided p < .05). */
  reliable: boolean;
  direction: ChangeDirection;
}

/**
 * Jacobson & Truax (1991) reliable change index for one person: (x₂ − x₁) / S_diff with
 * S_diff = √2·SE and SE = sd₁·√(1 − r_xx), where sd₁ is the SD of the baseline in a reference
 * group and r_xx the measure's reliability (e.g. alpha). Whether an increase is good depends on the
 * scale, so the direction is reported neutrally.
 */
export function reliableChangeIndex(
  before: number,
  after: number,
  options: { sdBefore: number; reliability: number; criticalValue?: number },
): ReliableChange {
  const { sdBefore, reliability } = options;
  const criticalValue = options.criticalValue ?? normalQuantile(0.975);
  if (!Number.isFinite(before) || !Number.isFinite(after)) {
    throw new PsychometricsError('before and after must be numbers');
  }
  if (!(sdBefore > 0)) throw new PsychometricsError(`sdBefore must be positive; got ${sdBefore}`);
  if (!(reliability >= 0 && reliability < 1)) {
    throw new PsychometricsError(`reliability must be in [0, 1); got ${reliability}`);
  }
  const standardError = sdBefore * Math.sqrt(1 - reliability);
  const sDiff = Math.SQRT2 * standardError;
  const difference = after - before;
  const rci = difference / sDiff;
  const reliable = Math.abs(rci) > criticalValue;
  return {
    difference,
    standardError,
    sDiff,
    rci,
    reliable,
    direction: !reliable ? 'none' : rci > 0 ? 'increase' : 'decrease',
  };
}

export interface EffectSizeEstimate {
  /** Cohen's d of this family. */
  d: number;
  /** Hedges' g: d times the small-sample correction. */
  g: number;
  /** Large-sample standard error of d. */
  standardError: number;
  ciLower: number;
  ciUpper: number;
  /** The d interval times the same correction. */
  gCiLower: number;
  gCiUpper: number;
}

export interface PairedEffectSizes {
  /** Complete pairs used. */
  n: number;
  meanBefore: number;
  meanAfter: number;
  /** mean(after − before): positive when scores rose. */
  meanDifference: number;
  sdBefore: number;
  sdAfter: number;
  sdDifference: number;
  correlation: number;
  /** Hedges' J = 1 − 3/(4·df − 1), df = n − 1. */
  hedgesCorrection: number;
  confidence: number;
  /** Standardised by the SD of the differences. */
  d_z: EffectSizeEstimate;
  /** Standardised by the average of the two SDs. */
  d_av: EffectSizeEstimate;
  /** Repeated-measures d: d_z·√(2(1 − r)), comparable with between-subjects d. */
  d_rm: EffectSizeEstimate;
}

function estimate(d: number, variance: number, z: number, correction: number): EffectSizeEstimate {
  const standardError = Math.sqrt(variance);
  const ciLower = d - z * standardError;
  const ciUpper = d + z * standardError;
  return {
    d,
    g: correction * d,
    standardError,
    ciLower,
    ciUpper,
    gCiLower: correction * ciLower,
    gCiUpper: correction * ciUpper,
  };
}

/**
 * Paired (pre/post) standardised mean differences after Lakens (2013): d_z, d_av and d_rm, each with
 * Hedges' g (J = 1 − 3/(4(n − 1) − 1)) and a confidence interval. Pairs with a missing value are
 * dropped.
 *
 * CI method: Wald intervals d ± z·SE on the normal approximation, chosen because one method then
 * covers all three standardisers (noncentral-t intervals exist only for d_z). The large-sample
 * variances, for n pairs, SDs s₁, s₂, correlation r and difference SD s_D:
 *   d_z:  1/n + d²/(2n)                                   (delta method, normal data)
 *   d_rm: 2(1 − r)/n + d²/(2n)                            (Becker 1988; Morris & DeShon 2002)
 *   d_av: s_D²/(n·s̄²) + d²·(s₁² + s₂² + 2r²s₁s₂)/(8n·s̄²), s̄ = (s₁ + s₂)/2
 *         (delta method with Var(s_i) ≈ s_i²/2n and Cov(s₁, s₂) ≈ r²s₁s₂/2n, as Bonett 2008)
 * They are adequate from about 20 pairs; below that they are too narrow, and the report states n.
 */
export function pairedEffectSizes(
  before: ReadonlyArray<Response>,
  after: ReadonlyArray<Response>,
  options: { confidence?: number } = {},
): PairedEffectSizes {
  if (before.length !== after.length) throw new PsychometricsError('before and after differ in length');
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new PsychometricsError(`confidence must be between 0 and 1; got ${confidence}`);
  }
  const first: number[] = [];
  const second: number[] = [];
  const differences: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (!isAnswered(a) || !isAnswered(b)) continue;
    first.push(a);
    second.push(b);
    differences.push(b - a);
  }
  const n = differences.length;
  if (n < 3) throw new PsychometricsError(`paired effect sizes need at least 3 complete pairs; got ${n}`);
  const sdBefore = standardDeviation(first);
  const sdAfter = standardDeviation(second);
  const sdDifference = standardDeviation(differences);
  if (!(sdBefore > 0)) throw new PsychometricsError('the "before" scores are constant');
  if (!(sdAfter > 0)) throw new PsychometricsError('the "after" scores are constant');
  if (!(sdDifference > 0)) throw new PsychometricsError('every pair changed by the same amount');

  const meanDifference = mean(differences);
  const r = pearson(first, second);
  const z = normalQuantile(0.5 + confidence / 2);
  const correction = 1 - 3 / (4 * (n - 1) - 1);
  const averageSd = (sdBefore + sdAfter) / 2;

  const dz = meanDifference / sdDifference;
  const dav = meanDifference / averageSd;
  const drm = dz * Math.sqrt(2 * (1 - r));
  const avVariance =
    (sdDifference * sdDifference) / (n * averageSd * averageSd) +
    (dav * dav * (sdBefore ** 2 + sdAfter ** 2 + 2 * r * r * sdBefore * sdAfter)) /
      (8 * n * averageSd * averageSd);

  return {
    n,
    meanBefore: mean(first),
    meanAfter: mean(second),
    meanDifference,
    sdBefore,
    sdAfter,
    sdDifference,
    correlation: r,
    hedgesCorrection: correction,
    confidence,
    d_z: estimate(dz, 1 / n + (dz * dz) / (2 * n), z, correction),
    d_av: estimate(dav, avVariance, z, correction),
    d_rm: estimate(drm, (2 * (1 - r)) / n + (drm * drm) / (2 * n), z, correction),
  };
}
