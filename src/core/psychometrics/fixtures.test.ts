// The engine against R: psych 2.2.9 alpha and multilevel 2.7-1 rwg/rwg.j/ICC1/ICC2 on the reference
// data sets in test/fixtures/psychometrics/ (see its README), every figure to within 1e-9.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { psychometricsFixture } from '../../../test/support/fixtures.ts';
import {
  agreementReport,
  groupReliability,
  numericColumns,
  parseCsvTable,
  parseScaleKeys,
  reliabilityReport,
  rwgByGroup,
  rwgJByGroup,
  textColumn,
} from './index.ts';

function readFixture(name: string): string {
  return readFileSync(psychometricsFixture(name), 'utf8');
}

const TOLERANCE = 1e-9;

interface AlphaScaleReference {
  keys: string[];
  total: Record<string, number>;
  items: Array<Record<string, number | string | boolean>>;
}

interface AlphaReference {
  n_rows: number;
  scale_min: number;
  scale_max: number;
  scales: Record<string, AlphaScaleReference>;
}

interface AgreementReference {
  n_rows: number;
  null_variance: number;
  rwg_j: Array<{ group: string; rwg_j: number; n: number }>;
  rwg_item_LEAD01: Array<{ group: string; rwg: number; n: number }>;
  icc1: number;
  icc2: number;
}

describe('psych::alpha on the bfi fixture', () => {
  const reference = JSON.parse(readFixture('bfi-alpha-reference.json')) as AlphaReference;
  const table = parseCsvTable(readFixture('bfi-items-complete.csv'));

  it('reads every row of the CSV', () => {
    expect(table.rows).toHaveLength(reference.n_rows);
  });

  for (const [scale, expected] of Object.entries(reference.scales)) {
    describe(scale, () => {
      const keys = parseScaleKeys(expected.keys.join(','));
      const data = numericColumns(
        table,
        keys.map((key) => key.item),
      );
      const report = reliabilityReport(data, { keys, min: reference.scale_min, max: reference.scale_max });

      it('matches every whole-scale figure', () => {
        expect(report.n).toBe(reference.n_rows);
        for (const [field, value] of Object.entries(expected.total)) {
          expect(Math.abs((report[field as keyof typeof report] as number) - value), field).toBeLessThan(
            TOLERANCE,
          );
        }
      });

      it('matches every item figure', () => {
        expect(report.items).toHaveLength(expected.items.length);
        expected.items.forEach((item, i) => {
          const actual = report.items[i]!;
          for (const [field, value] of Object.entries(item)) {
            const got = actual[field as keyof typeof actual];
            if (typeof value === 'number') {
              expect(Math.abs((got as number) - value), `${item.item}.${field}`).toBeLessThan(TOLERANCE);
            } else {
              expect(got, `${item.item}.${field}`).toBe(value);
            }
          }
        });
      });

      it('gives the same result with the scale range taken from the data', () => {
        const observed = reliabilityReport(data, { keys });
        expect(Math.abs(observed.raw_alpha - report.raw_alpha)).toBeLessThan(1e-15);
        expect(observed.items.map((item) => item.mean)).toEqual(report.items.map((item) => item.mean));
      });
    });
  }
});

describe('multilevel on the lq2002 fixture', () => {
  const reference = JSON.parse(readFixture('lq2002-agreement-reference.json')) as AgreementReference;
  const table = parseCsvTable(readFixture('lq2002-leadership-climate.csv'));
  const items = table.header.filter((name) => name.startsWith('LEAD'));
  const groups = textColumn(table, 'COMPID');
  const data = numericColumns(table, items);

  it('reads every row and all 11 items', () => {
    expect(table.rows).toHaveLength(reference.n_rows);
    expect(items).toHaveLength(11);
  });

  it('matches rwg.j per company, in R factor order, with group sizes', () => {
    const result = rwgJByGroup(groups, data, reference.null_variance);
    expect(result.map((g) => g.group)).toEqual(reference.rwg_j.map((g) => g.group));
    expect(result.map((g) => g.n)).toEqual(reference.rwg_j.map((g) => g.n));
    result.forEach((group, i) => {
      expect(Math.abs(group.rwg_j! - reference.rwg_j[i]!.rwg_j), `group ${group.group}`).toBeLessThan(
        TOLERANCE,
      );
    });
  });

  it('matches rwg for LEAD01 per company', () => {
    const lead01 = numericColumns(table, ['LEAD01']).values;
    const result = rwgByGroup(groups, Array.from(lead01), reference.null_variance);
    expect(result.map((g) => [g.group, g.n])).toEqual(reference.rwg_item_LEAD01.map((g) => [g.group, g.n]));
    result.forEach((group, i) => {
      expect(Math.abs(group.rwg! - reference.rwg_item_LEAD01[i]!.rwg), `group ${group.group}`).toBeLessThan(
        TOLERANCE,
      );
    });
  });

  it('matches Bliese ICC1 and ICC2 of the row-mean composite', () => {
    const report = agreementReport(groups, data, { nullVariance: reference.null_variance });
    expect(Math.abs(report.icc1! - reference.icc1)).toBeLessThan(TOLERANCE);
    expect(Math.abs(report.icc2! - reference.icc2)).toBeLessThan(TOLERANCE);
    expect(report.groups).toHaveLength(reference.rwg_j.length);
  });

  it('ICC from groupReliability on explicit composites agrees with the report', () => {
    const composites = table.rows.map((_, r) => {
      let sum = 0;
      for (let i = 0; i < items.length; i++) sum += data.values[r * items.length + i]!;
      return sum / items.length;
    });
    const { icc1, icc2, anova } = groupReliability(groups, composites);
    expect(anova.groupCount).toBe(49);
    expect(anova.n).toBe(reference.n_rows);
    expect(Math.abs(icc1! - reference.icc1)).toBeLessThan(TOLERANCE);
    expect(Math.abs(icc2! - reference.icc2)).toBeLessThan(TOLERANCE);
  });
});
