// Impact statistics (issue #12, ADR 0024): paired pre/post effect sizes, shares of reliable change
// and the difference in mean change between two groups, each with a 95 % interval and its n. Pure
// functions; test/fixtures/psychometrics/effect-size-reference.R computes every figure in R.
import { compareGroupIds } from './agreement.ts';
import type { ReliableChange } from './change.ts';
import { normalQuantile } from './change.ts';
import { mean, pearson, standardDeviation } from './descriptives.ts';
import { logGamma, noncentralityInterval, studentTQuantile } from './distributions.ts';
import { PsychometricsError } from './errors.ts';

/** Rejects anything but an array of finite numbers, naming the field and the position. */
function finiteValues(values: ReadonlyArray<number>, field: string, minimum: number): number[] {
  if (!Array.isArray(values)) throw new PsychometricsError(`${field} must be a list of numbers`, field);
  values.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new PsychometricsError(`${field}[${i}] must be a finite number; got ${String(value)}`, field);
    }
  });
  if (values.length < minimum) {
    throw new PsychometricsError(`${field} needs at least ${minimum} values; got ${values.length}`, field);
  }
  return [...values];
}

function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new PsychometricsError(`confidence must be between 0 and 1; got ${confidence}`, 'confidence');
  }
  return confidence;
}

/**
 * Hedges' small-sample correction in its exact form, J = Γ(df/2) / (√(df/2)·Γ((df − 1)/2))
 * (Hedges, 1981), as R's effectsize::hedges_g uses; not the approximation 1 − 3/(4df − 1), which is
 * off by up to 0.3 % at df = 2 (and by 1e-5 at df = 20, enough to miss a 1e-9 check).
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
  /** Standardised by the SD of the differences (Lakens 2013, eq. 6). */
  d_z: EffectSizeEstimate;
  /** Repeated-measures d: d_z·√(2(1 − r)) (Lakens 2013, eq. 9), comparable with a between-groups d. */
  d_rm: EffectSizeEstimate;
  /** Standardised by the average of the two SDs (Lakens 2013, eq. 10; Cumming 2012). */
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

export interface ShareEstimate {
  count: number;
  /** count / n. */
  share: number;
  /** Wilson score interval. */
  ciLower: number;
  ciUpper: number;
}

/**
 * Wilson (1927) score interval for a proportion, as R's prop.test(count, n, correct = FALSE): no
 * continuity correction, and clamped to 0 or 1 when the count is 0 or n as prop.test does.
 */
export function wilsonInterval(
  count: number,
  n: number,
  confidence = 0.95,
): { lower: number; upper: number } {
  if (!(Number.isInteger(n) && n >= 1))
    throw new PsychometricsError(`n must be a whole number ≥ 1; got ${n}`, 'n');
  if (!(Number.isInteger(count) && count >= 0 && count <= n)) {
    throw new PsychometricsError(`count must be a whole number from 0 to n (${n}); got ${count}`, 'count');
  }
  const z = normalQuantile(0.5 + checkConfidence(confidence) / 2);
  const p = count / n;
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  return {
    lower: p <= 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n),
    upper: p >= 1 ? 1 : (p + z22n + spread) / (1 + 2 * z22n),
  };
}

export interface ReliableChangeShares {
  /** People with a reliable-change result. */
  n: number;
  confidence: number;
  ciMethod: 'wilson';
  /** Reliable change in the good direction. */
  improved: ShareEstimate;
  noChange: ShareEstimate;
  /** Reliable change in the bad direction. */
  declined: ShareEstimate;
}

/**
 * How many of a group improved reliably, did not change reliably, or declined, each with its share
 * and a Wilson interval. Takes reliableChangeIndex() results (change.ts) as they are; whether an
 * increase is an improvement is the scale's (capabilities: higher is better; derailers and anxiety:
 * lower is better).
 */
export function reliableChangeShares(
  changes: ReadonlyArray<Pick<ReliableChange, 'direction'>>,
  options: { higherIsBetter: boolean; confidence?: number },
): ReliableChangeShares {
  if (!Array.isArray(changes) || changes.length === 0) {
    throw new PsychometricsError('changes needs at least 1 reliable-change result; got none', 'changes');
  }
  const confidence = checkConfidence(options.confidence ?? 0.95);
  let increase = 0;
  let decrease = 0;
  changes.forEach((change, i) => {
    if (change?.direction === 'increase') increase++;
    else if (change?.direction === 'decrease') decrease++;
    else if (change?.direction !== 'none') {
      throw new PsychometricsError(`changes[${i}] has no direction`, 'changes');
    }
  });
  const n = changes.length;
  const estimate = (count: number): ShareEstimate => {
    const { lower, upper } = wilsonInterval(count, n, confidence);
    return { count, share: count / n, ciLower: lower, ciUpper: upper };
  };
  const improved = options.higherIsBetter ? increase : decrease;
  const declined = options.higherIsBetter ? decrease : increase;
  return {
    n,
    confidence,
    ciMethod: 'wilson',
    improved: estimate(improved),
    noChange: estimate(n - increase - decrease),
    declined: estimate(declined),
  };
}

export interface GroupChange {
  n: number;
  meanChange: number;
  sdChange: number;
}

export interface ChangeAssociation {
  /**
   * Always 'association': the groups chose (or were given) their building blocks; people who put all
   * three in place differ in other ways too, so the difference is not an effect of the blocks.
   */
  kind: 'association';
  all: GroupChange;
  fewer: GroupChange;
  /** mean change (all) − mean change (fewer). */
  difference: number;
  standardError: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  confidence: number;
  ciMethod: 'welch';
  ciLower: number;
  ciUpper: number;
}

/**
 * Mean change of people with all three building blocks in place against people with fewer: the
 * difference and its Welch interval, as R's t.test(all, fewer, var.equal = FALSE). It describes an
 * association between having the blocks in place and changing more, not their effect: nothing here
 * rules out that people who would change anyway are the ones who put the blocks in place.
 */
export function compareMeanChange(
  groups: { all: ReadonlyArray<number>; fewer: ReadonlyArray<number> },
  options: { confidence?: number } = {},
): ChangeAssociation {
  const all = finiteValues(groups.all, 'all', 2);
  const fewer = finiteValues(groups.fewer, 'fewer', 2);
  const confidence = checkConfidence(options.confidence ?? 0.95);
  const summary = (values: number[]): GroupChange => ({
    n: values.length,
    meanChange: mean(values),
    sdChange: standardDeviation(values),
  });
  const a = summary(all);
  const b = summary(fewer);
  const shareA = (a.sdChange * a.sdChange) / a.n;
  const shareB = (b.sdChange * b.sdChange) / b.n;
  const standardError = Math.sqrt(shareA + shareB);
  // As t.test: one constant group is fine, both constant leaves no standard error.
  if (!(standardError > 0)) {
    throw new PsychometricsError('all and fewer have no variance: every change is the same', 'fewer');
  }
  const df = (shareA + shareB) ** 2 / (shareA ** 2 / (a.n - 1) + shareB ** 2 / (b.n - 1));
  const difference = a.meanChange - b.meanChange;
  const half = studentTQuantile(0.5 + confidence / 2, df) * standardError;
  return {
    kind: 'association',
    all: a,
    fewer: b,
    difference,
    standardError,
    df,
    t: difference / standardError,
    confidence,
    ciMethod: 'welch',
    ciLower: difference - half,
    ciUpper: difference + half,
  };
}
