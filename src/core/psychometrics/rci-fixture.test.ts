// The reliable change index against R: state anxiety before and after a film (psychTools::sai,
// study FLAT), alpha from psych::alpha on the baseline, RCI per person and per single item
// (test/fixtures/psychometrics/rci-reference.R writes both files). Every figure to within 1e-9.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { psychometricsFixture } from '../../../test/support/fixtures.ts';
import {
  normalQuantile,
  numericColumns,
  parseCsvTable,
  parseScaleKeys,
  reliabilityReport,
  reliableChangeIndex,
  scaleScore,
  spearmanBrown,
  textColumn,
} from './index.ts';

const TOLERANCE = 1e-9;

interface PersonReference {
  id: number;
  before: number;
  after: number;
  rci: number;
  reliable: boolean;
}

interface RciReference {
  keys: string[];
  scale_min: number;
  scale_max: number;
  n_reference: number;
  n_pairs: number;
  critical_value: number;
  alpha: number;
  baseline_mean: number;
  baseline_sd: number;
  se: number;
  s_diff: number;
  reliable_increase: number;
  reliable_decrease: number;
  people: Array<PersonReference & { difference: number }>;
  item_reliability: number;
  items: Array<{
    item: string;
    reversed: boolean;
    sd: number;
    se: number;
    s_diff: number;
    people: PersonReference[];
  }>;
}

const reference = JSON.parse(
  readFileSync(psychometricsFixture('rci-reference.json'), 'utf8'),
) as RciReference;
const table = parseCsvTable(readFileSync(psychometricsFixture('sai-flat-state-anxiety.csv'), 'utf8'));
const keys = parseScaleKeys(reference.keys.join(','));
const items = keys.map((key) => key.item);
const times = textColumn(table, 'time');
const ids = textColumn(table, 'id');
const data = numericColumns(table, items);
const bounds = { min: reference.scale_min, max: reference.scale_max };

/** Answers of the rows at one time, by person id. */
function rowsAt(time: string): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (let r = 0; r < table.rows.length; r++) {
    if (times[r] !== time) continue;
    rows.set(ids[r]!, Array.from(data.values.subarray(r * items.length, (r + 1) * items.length)));
  }
  return rows;
}
const before = rowsAt('1');
const after = rowsAt('2');
const score = (answers: number[], minAnswered?: number) =>
  scaleScore(answers, { reversed: keys.map((k) => k.reversed), ...bounds, minAnswered })!;
const near = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), what).toBeLessThan(TOLERANCE);

describe('reliable change on state anxiety before and after a film (R: psych 2.2.9)', () => {
  const baseline = reliabilityReport([...before.values()], { keys, ...bounds });
  const sdBefore = baseline.sd;
  const reliability = baseline.raw_alpha;

  it('reads the reference group and the pairs', () => {
    expect(before.size).toBe(reference.n_reference);
    expect([...before.keys()].filter((id) => after.has(id))).toHaveLength(reference.n_pairs);
  });

  it('matches alpha, the baseline mean and SD, SE and S_diff', () => {
    near(reliability, reference.alpha, 'alpha');
    near(baseline.mean, reference.baseline_mean, 'baseline mean');
    near(sdBefore, reference.baseline_sd, 'baseline sd');
    near(normalQuantile(0.975), reference.critical_value, 'critical value');
    const first = reliableChangeIndex(0, 0, { sdBefore, reliability });
    near(first.standardError, reference.se, 'SE');
    near(first.sDiff, reference.s_diff, 'S_diff');
  });

  it('matches every person’s scores, difference, RCI and verdict', () => {
    let increases = 0;
    let decreases = 0;
    for (const person of reference.people) {
      const id = String(person.id);
      const x1 = score(before.get(id)!);
      const x2 = score(after.get(id)!);
      const change = reliableChangeIndex(x1, x2, { sdBefore, reliability });
      near(x1, person.before, `${id} before`);
      near(x2, person.after, `${id} after`);
      near(change.difference, person.difference, `${id} difference`);
      near(change.rci, person.rci, `${id} rci`);
      expect(change.reliable, `${id} reliable`).toBe(person.reliable);
      if (change.direction === 'increase') increases++;
      if (change.direction === 'decrease') decreases++;
    }
    expect([increases, decreases]).toEqual([reference.reliable_increase, reference.reliable_decrease]);
  });

  it('matches one item’s Spearman–Brown reliability, SD and RCI per person', () => {
    const itemReliability = spearmanBrown(reliability, 1 / items.length);
    near(itemReliability, reference.item_reliability, 'item reliability');
    for (const expected of reference.items) {
      const j = items.indexOf(expected.item);
      expect(keys[j]!.reversed).toBe(expected.reversed);
      const sd = baseline.items[j]!.sd;
      near(sd, expected.sd, `${expected.item} sd`);
      const scoreOf = (answers: number[]) =>
        score(
          answers.map((v, i) => (i === j ? v : Number.NaN)),
          1,
        );
      for (const person of expected.people) {
        const id = String(person.id);
        const x1 = scoreOf(before.get(id)!);
        const x2 = scoreOf(after.get(id)!);
        const change = reliableChangeIndex(x1, x2, { sdBefore: sd, reliability: itemReliability });
        near(x1, person.before, `${expected.item} ${id} before`);
        near(change.sDiff, expected.s_diff, `${expected.item} S_diff`);
        near(change.standardError, expected.se, `${expected.item} SE`);
        near(change.rci, person.rci, `${expected.item} ${id} rci`);
        expect(change.reliable).toBe(person.reliable);
      }
    }
  });
});
