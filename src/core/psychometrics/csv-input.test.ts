import { describe, expect, it } from 'vitest';
import { numericColumns, parseColumnList, parseCsvTable, textColumn } from './csv-input.ts';

describe('parseCsvTable', () => {
  it('reads the header and rows, with file line numbers', () => {
    const table = parseCsvTable('\uFEFFa,b\n1,2\n\n3,4\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.lineNumbers).toEqual([2, 4]);
  });

  it('counts lines inside quoted fields', () => {
    const table = parseCsvTable('id,note\n1,"two\nlines"\n2,x\n');
    expect(table.lineNumbers).toEqual([3, 4]);
  });

  it('rejects an empty file, a header without rows, and ragged rows', () => {
    expect(() => parseCsvTable('')).toThrow('the file is empty');
    expect(() => parseCsvTable(' \n\n')).toThrow('the file is empty');
    expect(() => parseCsvTable('a,b\n')).toThrow('header but no data rows');
    expect(() => parseCsvTable('a,b\n1,2\n3\n')).toThrow('line 3 has 1 fields; the header has 2');
  });

  it('reports malformed CSV on one line', () => {
    let message = '';
    try {
      parseCsvTable('a,b\n"1,2\n');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid CSV: /);
    expect(message).not.toContain('\n');
  });
});

describe('numericColumns', () => {
  const table = parseCsvTable('g,x,y\nA,1,\nA,2,NA\nB, 3 ,4\n');

  it('reads the named columns in the order asked, blank and NA cells as missing', () => {
    const matrix = numericColumns(table, ['y', 'x']);
    expect(matrix).toMatchObject({ rowCount: 3, itemCount: 2 });
    expect(Array.from(matrix.values)).toEqual([Number.NaN, 1, Number.NaN, 2, 4, 3]);
  });

  it('names a missing column', () => {
    expect(() => numericColumns(table, ['x', 'z'])).toThrow('column "z" not found; the header has: g, x, y');
  });

  it('gives the line and column of a non-numeric cell', () => {
    const bad = parseCsvTable('x,y\n1,2\n3,abc\n');
    expect(() => numericColumns(bad, ['x', 'y'])).toThrow('line 3, column "y": "abc" is not a number');
    expect(() => numericColumns(parseCsvTable('x\n0x10\n'), ['x'])).toThrow('"0x10" is not a number');
  });

  it('checks the scale range when given', () => {
    const scale = parseCsvTable('x\n1\n7\n');
    expect(() => numericColumns(scale, ['x'], { min: 1, max: 6 })).toThrow(
      'line 3, column "x": 7 is above the scale maximum 6',
    );
    expect(() => numericColumns(scale, ['x'], { min: 2 })).toThrow(
      'line 2, column "x": 1 is below the scale minimum 2',
    );
  });

  it('rejects an ambiguous duplicated header name', () => {
    expect(() => numericColumns(parseCsvTable('x,x\n1,2\n'), ['x'])).toThrow('appears more than once');
  });
});

describe('textColumn and parseColumnList', () => {
  it('reads text with blank cells as null', () => {
    expect(textColumn(parseCsvTable('g,x\nA,1\n,2\n B ,3\n'), 'g')).toEqual(['A', null, 'B']);
  });

  it('splits a column list and rejects empty or repeated names', () => {
    expect(parseColumnList('I1, I2,I3')).toEqual(['I1', 'I2', 'I3']);
    expect(() => parseColumnList('I1,,I2')).toThrow('empty column name');
    expect(() => parseColumnList('I1,I1')).toThrow('column "I1" is listed twice');
  });
});
