// The impact statistics against R (test/fixtures/psychometrics/effect-size-reference.R): paired
// effect sizes on state anxiety before and after a film (psychTools::sai, FLAT) and on R's sleep data
// (small n, negative change), shares of reliable change with Wilson intervals, and Welch intervals.
// Every figure to within 1e-9.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { psychometricsFixture } from '../../../test/support/fixtures.ts';
import {
  compareMeanChange,
  numericColumns,
  type PairedEffectSizes,
  pairedEffectSizes,
  parseCsvTable,
  parseScaleKeys,
  reliableChangeIndex,
  reliableChangeShares,
  scaleScore,
  textColumn,
  wilsonInterval,
} from './index.ts';

const TOLERANCE = 1e-9;

interface FamilyReference {
  d: number;
  ci_lower: number;
  ci_upper: number;
  g: number;
  g_ci_lower: number;
  g_ci_upper: number;
}
interface PairedReference {
  n: number;
  mean_before: number;
  mean_after: number;
  mean_difference: number;
  sd_before: number;
  sd_after: number;
  sd_difference: number;
  correlation: number;
  t: number;
  df: number;
  hedges_correction: number;
  d_z: FamilyReference;
  d_rm: FamilyReference;
  d_av: FamilyReference;
}
interface ShareReference {
  count: number;
  share: number;
  ci_lower: number;
  ci_upper: number;
}
interface WelchReference {
  n_a: number;
  n_b: number;
  mean_a: number;
  mean_b: number;
  sd_a: number;
  sd_b: number;
  difference: number;
  standard_error: number;
  df: number;
  t: number;
  ci_lower: number;
  ci_upper: number;
}
interface Reference {
  confidence: number;
  sai: {
    paired: PairedReference;
    shares: { n: number; improved: ShareReference; no_change: ShareReference; declined: ShareReference };
    welch_above_median_vs_rest: WelchReference;
  };
  sleep: {
    before: number[];
    after: number[];
    paired: PairedReference;
    welch: WelchReference;
    welch_small: WelchReference & { a: number[] };
  };
  wilson_edges: Array<ShareReference & { n?: number }>;
}

const reference = JSON.parse(
  readFileSync(psychometricsFixture('effect-size-reference.json'), 'utf8'),
) as Reference;
const rci = JSON.parse(readFileSync(psychometricsFixture('rci-reference.json'), 'utf8')) as {
  keys: string[];
  s_diff: number;
  baseline_sd: number;
  alpha: number;
};

const near = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), what).toBeLessThan(TOLERANCE);

/** Scale scores (item means, reverse-keyed items reversed) of the people measured at both times. */
function saiPairs(): { before: number[]; after: number[] } {
  const table = parseCsvTable(readFileSync(psychometricsFixture('sai-flat-state-anxiety.csv'), 'utf8'));
  const keys = parseScaleKeys(rci.keys.join(','));
  const items = keys.map((key) => key.item);
  const data = numericColumns(table, items);
  const times = textColumn(table, 'time');
  const ids = textColumn(table, 'id');
  const scores = new Map<string, number>();
  for (let r = 0; r < table.rows.length; r++) {
    const answers = Array.from(data.values.subarray(r * items.length, (r + 1) * items.length));
    const score = scaleScore(answers, { reversed: keys.map((k) => k.reversed), min: 1, max: 4 })!;
    scores.set(`${times[r]}:${ids[r]}`, score);
  }
  const before: number[] = [];
  const after: number[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    if (times[r] !== '1' || !scores.has(`2:${ids[r]}`)) continue;
    before.push(scores.get(`1:${ids[r]}`)!);
    after.push(scores.get(`2:${ids[r]}`)!);
  }
  return { before, after };
}

function expectPaired(actual: PairedEffectSizes, expected: PairedReference): void {
  expect(actual.n).toBe(expected.n);
  expect(actual.df).toBe(expected.df);
  near(actual.meanBefore, expected.mean_before, 'mean before');
  near(actual.meanAfter, expected.mean_after, 'mean after');
  near(actual.meanDifference, expected.mean_difference, 'mean difference');
  near(actual.sdBefore, expected.sd_before, 'sd before');
  near(actual.sdAfter, expected.sd_after, 'sd after');
  near(actual.sdDifference, expected.sd_difference, 'sd difference');
  near(actual.correlation, expected.correlation, 'r');
  near(actual.t, expected.t, 't');
  near(actual.hedgesCorrection, expected.hedges_correction, 'J');
  for (const family of ['d_z', 'd_rm', 'd_av'] as const) {
    const got = actual[family];
    const want = expected[family];
    near(got.d, want.d, `${family} d`);
    near(got.ciLower, want.ci_lower, `${family} lower`);
    near(got.ciUpper, want.ci_upper, `${family} upper`);
    near(got.g, want.g, `${family} g`);
    near(got.gCiLower, want.g_ci_lower, `${family} g lower`);
    near(got.gCiUpper, want.g_ci_upper, `${family} g upper`);
  }
}

function expectWelch(
  actual: ReturnType<typeof compareMeanChange>,
  expected: WelchReference,
  what: string,
): void {
  expect(actual.kind).toBe('association');
  expect([actual.all.n, actual.fewer.n]).toEqual([expected.n_a, expected.n_b]);
  near(actual.all.meanChange, expected.mean_a, `${what} mean all`);
  near(actual.fewer.meanChange, expected.mean_b, `${what} mean fewer`);
  near(actual.all.sdChange, expected.sd_a, `${what} sd all`);
  near(actual.fewer.sdChange, expected.sd_b, `${what} sd fewer`);
  near(actual.difference, expected.difference, `${what} difference`);
  near(actual.standardError, expected.standard_error, `${what} se`);
  near(actual.df, expected.df, `${what} df`);
  near(actual.t, expected.t, `${what} t`);
  near(actual.ciLower, expected.ci_lower, `${what} lower`);
  near(actual.ciUpper, expected.ci_upper, `${what} upper`);
}

describe('impact statistics on state anxiety before and after a film (R 4.2.2)', () => {
  const { before, after } = saiPairs();
  const differences = after.map((x, i) => x - before[i]!);

  it('matches d_z, d_rm and d_av with Hedges’ g and noncentral-t intervals', () => {
    expect(reference.confidence).toBe(0.95);
    expectPaired(pairedEffectSizes(before, after), reference.sai.paired);
  });

  it('matches the shares of reliable improvement, no change and decline with Wilson intervals', () => {
    const changes = before.map((x1, i) =>
      reliableChangeIndex(x1, after[i]!, { sdBefore: rci.baseline_sd, reliability: rci.alpha }),
    );
    // Less anxiety is the improvement.
    const shares = reliableChangeShares(changes, { higherIsBetter: false });
    expect(shares.n).toBe(reference.sai.shares.n);
    for (const [field, key] of [
      ['improved', 'improved'],
      ['noChange', 'no_change'],
      ['declined', 'declined'],
    ] as const) {
      const want = reference.sai.shares[key];
      expect(shares[field].count, field).toBe(want.count);
      near(shares[field].share, want.share, `${field} share`);
      near(shares[field].ciLower, want.ci_lower, `${field} lower`);
      near(shares[field].ciUpper, want.ci_upper, `${field} upper`);
    }
  });

  it('matches Welch’s interval for those who started above the median against the rest', () => {
    const sorted = [...before].sort((a, b) => a - b);
    const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
    const all = differences.filter((_, i) => before[i]! > median);
    const fewer = differences.filter((_, i) => before[i]! <= median);
    expectWelch(compareMeanChange({ all, fewer }), reference.sai.welch_above_median_vs_rest, 'sai');
  });
});

describe('impact statistics on a small sample with a negative change (R’s sleep data)', () => {
  const { before, after } = reference.sleep;

  it('matches the paired effect sizes, all negative', () => {
    const result = pairedEffectSizes(before, after);
    expectPaired(result, reference.sleep.paired);
    expect(result.d_rm.ciUpper).toBeLessThan(0);
  });

  it('matches R’s documented Welch example and a group of three', () => {
    expectWelch(compareMeanChange({ all: after, fewer: before }), reference.sleep.welch, 'sleep');
    expectWelch(
      compareMeanChange({ all: reference.sleep.welch_small.a, fewer: before }),
      reference.sleep.welch_small,
      'small',
    );
  });
});

describe('Wilson interval at the edges (prop.test, correct = FALSE)', () => {
  it.each([
    [0, 12, 0],
    [12, 12, 1],
    [1, 2, 2],
  ] as const)('%i of %i', (count, n, index) => {
    const want = reference.wilson_edges[index]!;
    const { lower, upper } = wilsonInterval(count, n);
    near(lower, want.ci_lower, 'lower');
    near(upper, want.ci_upper, 'upper');
  });
});
