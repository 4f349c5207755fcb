// Paired pre/post effect sizes (issue #12 item 2, ADR 0024): d_z, d_rm and d_av with Hedges' g and
// noncentral-t intervals, per group. Pure functions; test/fixtures/psychometrics/
// effect-size-reference.R computes every figure in R.
import { compareGroupIds } from './agreement.ts';
import { mean, pearson, standardDeviation } from './descriptives.ts';
import { logGamma, noncentralityInterval } from './distributions.ts';
import { PsychometricsError } from './errors.ts';
import { checkConfidence, finiteValues } from './input-checks.ts';

/**
 * Hedges' small-sample correction in its exact form, J = Γ(df/2) / (√(df/2)·Γ((df − 1)/2))
 * (Hedges, 1981), as R's effectsize::hedges_g uses; not the approximation 1 − 3/(4df − 1),
 * which is 1.3 % high at df = 2, 0.05 % at df = 9 and 8e-5 at df = 20 — small, but a 1e-9 check sees it.
 */
export function hedgesCorrection(df: number): number {
  if (!(df > 1)) throw new PsychometricsError(`Hedges' correction needs df > 1; got ${df}`, 'df');
  return Math.exp(logGamma(df / 2) - Math.log(Math.sqrt(df / 2)) - logGamma((df - 1) / 2));
}

export interface EffectSizeEstimate {
  /** Cohen's d of this family (positive when scores rose). */
  d: number;
  ciLower: number;
  ciUpper: number;
  /** Hedges' g = J·d; its interval is the d interval times J. */
  g: number;
  gCiLower: number;
  gCiUpper: number;
}

export interface PairedEffectSizes {
  /** Pairs (people measured before and after). */
  n: number;
  meanBefore: number;
  meanAfter: number;
  /** mean(after − before). */
  meanDifference: number;
  sdBefore: number;
  sdAfter: number;
  sdDifference: number;
  /** Pearson r between before and after. */
  correlation: number;
  /** The paired t statistic and its degrees of freedom (n − 1), from which every interval comes. */
  t: number;
  df: number;
  /** Hedges' J, exact gamma form, df = n − 1. */
  hedgesCorrection: number;
  confidence: number;
  ciMethod: 'noncentral-t';
  /** Standardised by the SD of the differences (Lakens 2013). */
  d_z: EffectSizeEstimate;
  /** Repeated-measures d: d_z·√(2(1 − r)) (Lakens 2013, eq. 9), comparable with a between-groups d. */
  d_rm: EffectSizeEstimate;
  /** Standardised by the average of the two SDs (Lakens 2013; Cumming 2012). */
  d_av: EffectSizeEstimate;
}

/**
 * Paired (pre/post) standardised mean differences of one group on one scale, e.g. a programme
 * cohort on one capability: d_z, d_rm and d_av with Hedges' g and a confidence interval.
 * `before[i]` and `after[i]` are the same person; the caller keeps complete pairs only.
 *
 * Interval: the noncentral-t interval for the noncentrality of the paired t (exact for d_z, as
 * effectsize::cohens_d(paired = TRUE)), rescaled to d_rm and d_av as t is, with r and the SDs held
 * fixed (Algina & Keselman 2003 for d_av). So every interval excludes 0 exactly when the paired t-test
 * is significant; it ignores the sampling error of r and the SDs, which narrows d_rm's and d_av's a
 * little (ADR 0024).
 */
export function pairedEffectSizes(
  before: ReadonlyArray<number>,
  after: ReadonlyArray<number>,
  options: { confidence?: number } = {},
): PairedEffectSizes {
  const first = finiteValues(before, 'before', 0);
  const second = finiteValues(after, 'after', 0);
  if (first.length !== second.length) {
    throw new PsychometricsError(
      `before and after must pair up; got ${first.length} and ${second.length} values`,
      'after',
    );
  }
  // Three pairs at least: with two, df = 1 and Hedges' J is 0.
  if (first.length < 3) {
    throw new PsychometricsError(`before and after need at least 3 pairs; got ${first.length}`, 'before');
  }
  const confidence = checkConfidence(options.confidence ?? 0.95);
  const n = first.length;
  const differences = second.map((value, i) => value - first[i]!);
  const sdBefore = standardDeviation(first);
  const sdAfter = standardDeviation(second);
  const sdDifference = standardDeviation(differences);
  if (!(sdBefore > 0))
    throw new PsychometricsError('before has no variance: every score is the same', 'before');
  if (!(sdAfter > 0)) throw new PsychometricsError('after has no variance: every score is the same', 'after');
  if (!(sdDifference > 0)) {
    throw new PsychometricsError(
      'after − before has no variance: every pair changed by the same amount',
      'after',
    );
  }

  const meanDifference = mean(differences);
  const r = pearson(first, second);
  const df = n - 1;
  const t = meanDifference / (sdDifference / Math.sqrt(n));
  const [ncpLower, ncpUpper] = noncentralityInterval(t, df, confidence);
  const J = hedgesCorrection(df);
  const family = (scale: number): EffectSizeEstimate => ({
    d: t * scale,
    ciLower: ncpLower * scale,
    ciUpper: ncpUpper * scale,
    g: J * t * scale,
    gCiLower: J * ncpLower * scale,
    gCiUpper: J * ncpUpper * scale,
  });
  return {
    n,
    meanBefore: mean(first),
    meanAfter: mean(second),
    meanDifference,
    sdBefore,
    sdAfter,
    sdDifference,
    correlation: r,
    t,
    df,
    hedgesCorrection: J,
    confidence,
    ciMethod: 'noncentral-t',
    d_z: family(1 / Math.sqrt(n)),
    d_rm: family(Math.sqrt((2 * (1 - r)) / n)),
    d_av: family(sdDifference / (Math.sqrt(n) * ((sdBefore + sdAfter) / 2))),
  };
}

export interface GroupEffectSizes {
  group: string;
  /** Pairs in the group. */
  n: number;
  /** null when the group's data cannot give an effect size; `unavailable` says why. */
  effectSizes: PairedEffectSizes | null;
  unavailable?: string;
}

/**
 * pairedEffectSizes per group, e.g. per cohort × capability (the caller builds the key): pair i
 * belongs to `groups[i]`. Groups come in R's factor order. A group too small or too uniform for an
 * effect size is reported with `effectSizes: null` and the reason, so one cohort of two does not hide
 * the others; input that is wrong as a whole (lengths, NaN) still throws.
 */
export function pairedEffectSizesByGroup(
  groups: ReadonlyArray<string>,
  before: ReadonlyArray<number>,
  after: ReadonlyArray<number>,
  options: { confidence?: number } = {},
): GroupEffectSizes[] {
  const first = finiteValues(before, 'before', 0);
  const second = finiteValues(after, 'after', 0);
  checkConfidence(options.confidence ?? 0.95);
  if (!Array.isArray(groups) || groups.length !== first.length || second.length !== first.length) {
    throw new PsychometricsError(
      `groups, before and after must pair up; got ${groups?.length}, ${first.length} and ${second.length} values`,
      'groups',
    );
  }
  const rows = new Map<string, number[]>();
  groups.forEach((group, i) => {
    if (typeof group !== 'string' || group === '') {
      throw new PsychometricsError(`groups[${i}] must be a non-empty string`, 'groups');
    }
    const list = rows.get(group);
    if (list) list.push(i);
    else rows.set(group, [i]);
  });
  const order = [...rows.keys()].sort(compareGroupIds([...rows.keys()]));
  return order.map((group) => {
    const members = rows.get(group)!;
    try {
      const effectSizes = pairedEffectSizes(
        members.map((i) => first[i]!),
        members.map((i) => second[i]!),
        options,
      );
      return { group, n: members.length, effectSizes };
    } catch (err) {
      if (!(err instanceof PsychometricsError)) throw err;
      return { group, n: members.length, effectSizes: null, unavailable: err.message };
    }
  });
}
