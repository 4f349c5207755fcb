import { describe, expect, it } from 'vitest';
import { reliabilityReport } from '../../core/psychometrics/index.ts';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import {
  changeLabel,
  DEFAULT_RELIABILITY,
  itemStatistics,
  MIN_ORGANISATION_RESPONSES,
  measureChange,
  organisationEstimate,
  scaleStatistics,
} from './measured-change.ts';

const keys = [
  { item: 'a', reversed: false },
  { item: 'b', reversed: false },
  { item: 'c', reversed: true },
  { item: 'd', reversed: false },
];
const range = { min: 1, max: 5 };

/** People answering a 4-item 1–5 scale: a level each, item noise, the third item reverse-keyed. */
function responses(count: number, seed = 7): number[][] {
  const normal = normalFrom(seededRandom(seed));
  return Array.from({ length: count }, () => {
    const level = normal();
    return keys.map((key) => {
      const v = Math.min(5, Math.max(1, Math.round(3 + level + 0.7 * normal())));
      return key.reversed ? 6 - v : v;
    });
  });
}

describe('where reliability and SD come from', () => {
  it('uses the defaults below 30 complete responses and says so', () => {
    const estimate = organisationEstimate(responses(29), keys, range);
    expect(estimate).toMatchObject({ n: 29, alpha: null, sd: null });
    const stats = scaleStatistics(estimate, range);
    expect(stats.reliability).toEqual({
      value: DEFAULT_RELIABILITY,
      source: 'default',
      n: 29,
      basis: 'alpha',
      reason: 'n = 29 complete responses in the organisation, below 30',
    });
    // 0.2 × (5 − 1)
    expect(stats.sd).toEqual({ value: 0.8, source: 'default', n: 29 });
  });

  it('uses the organisation’s own alpha and baseline SD from 30 complete responses', () => {
    const rows = responses(MIN_ORGANISATION_RESPONSES);
    const stats = scaleStatistics(organisationEstimate(rows, keys, range), range);
    const report = reliabilityReport(rows, { keys, ...range });
    // Used as reported, to two decimals.
    expect(stats.reliability).toEqual({
      value: Math.round(report.raw_alpha * 100) / 100,
      source: 'organisation',
      n: 30,
      basis: 'alpha',
      reason: null,
    });
    expect(stats.sd).toEqual({ value: Math.round(report.sd * 100) / 100, source: 'organisation', n: 30 });
    expect(report.raw_alpha).toBeGreaterThan(0.5);
  });

  it('counts complete responses only', () => {
    const rows: Array<Array<number | null>> = responses(31);
    rows[0]![1] = null;
    rows[1]![3] = null;
    expect(organisationEstimate(rows, keys, range)).toMatchObject({ n: 29, alpha: null });
    rows[1]![3] = 3;
    expect(organisationEstimate(rows, keys, range).n).toBe(30);
    expect(organisationEstimate(rows, keys, range).alpha).not.toBeNull();
  });

  it('falls back to the defaults when the organisation’s alpha is not usable', () => {
    // Items that pull against each other: alpha below zero.
    const rows = Array.from({ length: 40 }, (_, i) => {
      const x = (i % 5) + 1;
      return [x, 6 - x, x, 6 - x];
    });
    const estimate = organisationEstimate(
      rows,
      keys.map((k) => ({ ...k, reversed: false })),
      range,
    );
    expect(estimate.alpha).toBeNull();
    expect(estimate.reason).toMatch(/alpha .* is not usable/);
    expect(scaleStatistics(estimate, range).reliability.source).toBe('default');
    const constant = Array.from({ length: 40 }, () => [3, 3, 3, 3]);
    expect(organisationEstimate(constant, keys, range).reason).toMatch(/constant/);
  });

  it('gives one behaviour the Spearman–Brown share of its scale’s reliability and its own SD', () => {
    const rows = responses(50);
    const estimate = organisationEstimate(rows, keys, range);
    const report = reliabilityReport(rows, { keys, ...range });
    const item = itemStatistics(estimate, 2, range);
    const alpha = Math.round(report.raw_alpha * 100) / 100;
    expect(item.reliability.value).toBeCloseTo(alpha / (4 - 3 * alpha), 14);
    expect(item.reliability).toMatchObject({ source: 'organisation', basis: 'spearman-brown', n: 50 });
    expect(item.sd).toEqual({
      value: Math.round(report.items[2]!.sd * 100) / 100,
      source: 'organisation',
      n: 50,
    });
    // Default: .8 for four items → .8 / (4 − 2.4) = .5.
    const few = itemStatistics(organisationEstimate(rows.slice(0, 10), keys, range), 0, range);
    expect(few.reliability).toMatchObject({ source: 'default', basis: 'spearman-brown', n: 10 });
    expect(few.reliability.value).toBeCloseTo(0.5, 14);
    expect(few.sd).toEqual({ value: 0.8, source: 'default', n: 10 });
  });
});

describe('labels', () => {
  it('depend on which way is better', () => {
    expect(changeLabel('increase', true)).toBe('improved');
    expect(changeLabel('decrease', true)).toBe('declined');
    expect(changeLabel('decrease', false)).toBe('improved');
    expect(changeLabel('increase', false)).toBe('declined');
    expect(changeLabel('none', true)).toBe('no-reliable-change');
    expect(changeLabel('none', false)).toBe('no-reliable-change');
  });

  it('follow the RCI computed by hand', () => {
    const stats = scaleStatistics(organisationEstimate([], keys, range), range);
    // SE = 0.8·√0.2 = 0.357771, S_diff = √2·SE = 0.505964; a rise of 1.1 gives RCI 2.174065.
    const up = measureChange(3.0, 4.1, stats, true);
    expect(up.standardError).toBeCloseTo(0.8 * Math.sqrt(0.2), 14);
    expect(up.sDiff).toBeCloseTo(Math.SQRT2 * 0.8 * Math.sqrt(0.2), 14);
    expect(up.rci).toBeCloseTo(1.1 / (Math.SQRT2 * 0.8 * Math.sqrt(0.2)), 12);
    expect(up.label).toBe('improved');
    // 0.9 / 0.505964 = 1.78 < 1.96
    expect(measureChange(3.0, 3.9, stats, true).label).toBe('no-reliable-change');
    // A derailer seen more often is a decline.
    expect(measureChange(2.0, 3.1, stats, false).label).toBe('declined');
    expect(measureChange(3.1, 2.0, stats, false).label).toBe('improved');
  });
});
