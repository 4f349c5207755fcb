// Who changed, and with what (issue #12 item 2, ADR 0024): shares of reliable improvement, no change
// and decline with Wilson intervals, and the difference in mean change between people with all
// three building blocks in place and people with fewer, with Welch's interval — an association.
// Checked against R by test/fixtures/psychometrics/effect-size-reference.R.
import type { ReliableChange } from './change.ts';
import { normalQuantile } from './change.ts';
import { mean, standardDeviation } from './descriptives.ts';
import { studentTQuantile } from './distributions.ts';
import { PsychometricsError } from './errors.ts';
import { checkConfidence, finiteValues } from './input-checks.ts';

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
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new PsychometricsError(`n must be a whole number ≥ 1; got ${n}`, 'n');
  }
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
