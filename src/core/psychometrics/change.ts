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
