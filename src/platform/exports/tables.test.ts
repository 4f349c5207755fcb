import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_CONTENT_TYPES,
  ExportShapeError,
  exportFileName,
  exportTables,
  tableCsv,
  tablesXlsx,
} from './tables.ts';

const heat = {
  id: 'heatmap',
  title: 'Capability heatmap',
  columns: ['Team', 'Stage', 'Coaching'],
  rows: [
    ['Engineering', 'All stages', 3.5],
    ['=HYPERLINK("x")', 'Ünïcode, "quoted"', null],
  ],
};
const funnel = {
  id: 'funnel',
  title: 'Capability heatmap',
  columns: ['Step', 'Count'],
  rows: [['invited', 12]],
};

describe('table exports', () => {
  it('writes CSV that parses back to the table, a withheld cell empty and a formula defused', () => {
    const csv = tableCsv(heat);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      ['Team', 'Stage', 'Coaching'],
      ['Engineering', 'All stages', '3.5'],
      [`'=HYPERLINK("x")`, 'Ünïcode, "quoted"', ''],
    ]);
  });

  it('writes one sheet per table that reads back with numbers as numbers and withheld as empty', async () => {
    const sheets = await readExcelFile(await tablesXlsx([heat, funnel]));
    expect(sheets.map((s) => s.sheet)).toEqual(['Capability heatmap', 'Capability heatmap (2)']);
    expect(sheets[0]?.data).toEqual([
      ['Team', 'Stage', 'Coaching'],
      ['Engineering', 'All stages', 3.5],
      ['=HYPERLINK("x")', 'Ünïcode, "quoted"', null],
    ]);
    expect(sheets[1]?.data).toEqual([
      ['Step', 'Count'],
      ['invited', 12],
    ]);
  });

  it('picks the CSV table by id, and names an unknown one', async () => {
    const out = await exportTables([heat, funnel], 'csv', 'analytics heatmap 2026-11', 'funnel');
    if (!('body' in out)) throw new Error('expected a file');
    expect(out.headers['Content-Type']).toBe(EXPORT_CONTENT_TYPES.csv);
    expect(out.headers['Content-Disposition']).toBe(
      'attachment; filename="analytics-heatmap-2026-11-funnel.csv"',
    );
    expect(String(out.body)).toContain('invited,12');
    expect(await exportTables([heat], 'xlsx', 'x', 'nope')).toEqual({ unknownTable: 'nope' });
  });

  it('refuses a row that does not match its columns', () => {
    expect(() => tableCsv({ ...heat, rows: [[1]] })).toThrow(ExportShapeError);
  });

  it('keeps file names to safe characters', () => {
    expect(exportFileName('Équipe "A"; rm', 'xlsx')).toBe('Equipe-A-rm.xlsx');
  });
});
