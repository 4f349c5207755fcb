import { parse } from 'csv-parse/sync';
import type { ResponseMatrix } from './descriptives.ts';

/**
 * CSV text → validated response data for the statistics commands. Pure (text in, data out), so the
 * CLI only reads the file and prints. Every error is one line naming the problem, the column and,
 * for a bad cell, the line number in the file (DESIGN.md §3.4).
 */
export class CsvInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvInputError';
  }
}

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** For each row, the line of the file it ends on (1-based, the header is line 1). */
  lineNumbers: number[];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Parses CSV with a header row; rejects an empty file, an empty header and ragged rows. */
export function parseCsvTable(text: string): CsvTable {
  if (text.trim() === '') throw new CsvInputError('the file is empty');
  const lineNumbers: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        lineNumbers.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    throw new CsvInputError(
      `invalid CSV: ${oneLine(error instanceof Error ? error.message : String(error))}`,
    );
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new CsvInputError('the file is empty');
  const names = header.map((name) => name.trim());
  if (names.every((name) => name === '')) throw new CsvInputError('the header row has no column names');
  if (rows.length === 0) throw new CsvInputError('the file has a header but no data rows');
  rows.forEach((row, r) => {
    if (row.length !== names.length) {
      throw new CsvInputError(
        `line ${lineNumbers[r + 1]} has ${row.length} fields; the header has ${names.length}`,
      );
    }
  });
  return { header: names, rows, lineNumbers: lineNumbers.slice(1) };
}

function columnIndex(table: CsvTable, column: string): number {
  const index = table.header.indexOf(column);
  if (index < 0) {
    const shown = table.header.slice(0, 12).join(', ') + (table.header.length > 12 ? ', …' : '');
    throw new CsvInputError(`column "${column}" not found; the header has: ${shown}`);
  }
  if (table.header.indexOf(column, index + 1) >= 0) {
    throw new CsvInputError(`column "${column}" appears more than once in the header`);
  }
  return index;
}

/** A blank cell, or R's `NA`, is a missing value. */
function isMissingCell(cell: string): boolean {
  return cell === '' || cell === 'NA';
}

// Plain decimal notation only: Number() would also accept "0x1F", "Infinity" and "1_000".
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface NumericColumnOptions {
  /** Answers must lie within [min, max] when given. */
  min?: number;
  max?: number;
}

/** The named columns as a ResponseMatrix (row-major, NaN for missing cells). */
export function numericColumns(
  table: CsvTable,
  columns: ReadonlyArray<string>,
  options: NumericColumnOptions = {},
): ResponseMatrix {
  const indices = columns.map((column) => columnIndex(table, column));
  const k = columns.length;
  const values = new Float64Array(table.rows.length * k);
  table.rows.forEach((row, r) => {
    indices.forEach((index, i) => {
      const cell = row[index]!.trim();
      if (isMissingCell(cell)) {
        values[r * k + i] = Number.NaN;
        return;
      }
      const where = `line ${table.lineNumbers[r]}, column "${columns[i]}"`;
      if (!DECIMAL.test(cell)) throw new CsvInputError(`${where}: "${cell}" is not a number`);
      const value = Number(cell);
      if (options.min !== undefined && value < options.min) {
        throw new CsvInputError(`${where}: ${cell} is below the scale minimum ${options.min}`);
      }
      if (options.max !== undefined && value > options.max) {
        throw new CsvInputError(`${where}: ${cell} is above the scale maximum ${options.max}`);
      }
      values[r * k + i] = value;
    });
  });
  return { rowCount: table.rows.length, itemCount: k, values };
}

/** A text column (e.g. a group id), null for blank cells. */
export function textColumn(table: CsvTable, column: string): Array<string | null> {
  const index = columnIndex(table, column);
  return table.rows.map((row) => {
    const cell = row[index]!.trim();
    return isMissingCell(cell) ? null : cell;
  });
}

/** Splits a comma-separated column list ("I1, I2,I3"), rejecting empty names and duplicates. */
export function parseColumnList(spec: string): string[] {
  const names = spec.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) throw new CsvInputError(`empty column name in "${spec}"`);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new CsvInputError(`column "${duplicate}" is listed twice`);
  return names;
}
