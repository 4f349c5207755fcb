// Tables → download files (CSV or XLSX), shared by every page that offers an export (analytics,
// impact; issue #12). The caller passes the tables exactly as its response shows them — disclosed
// values only, null for a withheld cell — so a file can never hold more than the page (ADR 0028).
// CSV is written by csv-stringify, XLSX by write-excel-file: maintained libraries, not our own
// quoting or zip writer.
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';

/** One table as a page shows it (the same shape as contracts' `exportTable`; platform imports no domain). */
export interface ExportTable {
  id: string;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A table's row length differs from its columns: a bug in the caller, never user input. */
export class ExportShapeError extends Error {}

function checkShape(table: ExportTable): void {
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      throw new ExportShapeError(
        `table ${table.id} row ${i} has ${row.length} cells for ${table.columns.length} columns`,
      );
    }
  });
}

// A spreadsheet runs a CSV cell starting with one of these as a formula (OWASP "CSV injection"); a
// team or programme name is typed by people, so such text gets a leading apostrophe. Numbers are
// written as numbers and never prefixed (a negative difference stays a number).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/** One table as CSV: a header row of its columns, then its rows; a withheld cell is empty. */
export function tableCsv(table: ExportTable): string {
  checkShape(table);
  return stringify([table.columns, ...table.rows.map((row) => row.map(csvCell))], {
    // Excel reads UTF-8 (team names with accents) only with the byte-order mark.
    bom: true,
    record_delimiter: 'windows',
  });
}

// Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique case-insensitively.
function sheetNames(tables: readonly ExportTable[]): string[] {
  const used = new Set<string>();
  return tables.map((t, i) => {
    const base =
      (t.title || t.id)
        .replace(/[:\\/?*[\]]/g, ' ')
        .trim()
        .slice(0, 31) || `Sheet ${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++)
      name = `${base.slice(0, 31 - ` (${k})`.length)} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Every table as one workbook, a sheet each (header row bold and frozen); a withheld cell is empty. */
export async function tablesXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  if (tables.length === 0) throw new ExportShapeError('a workbook needs at least one table');
  for (const t of tables) checkShape(t);
  const names = sheetNames(tables);
  const sheets = tables.map((t, i) => ({
    sheet: names[i] as string,
    stickyRowsCount: 1,
    data: [
      t.columns.map((c) => ({ value: c, fontWeight: 'bold' as const })),
      // Strings are written as text cells, never formulas, so no apostrophe is needed here.
      ...t.rows.map((row) => row.map((v) => (v === null ? null : { value: v }))),
    ],
  }));
  return writeXlsxFile(sheets).toBuffer();
}

/** A file name safe in a Content-Disposition header: letters, digits, dots, dashes. */
export function exportFileName(stem: string, format: ExportFormat): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents split off by NFKD: "É" → "E"
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `${safe || 'export'}.${format}`;
}

/**
 * The download: CSV holds one table (`tableId`, default the first); XLSX holds all. Returns the
 * body and the headers a route passes to `c.body`.
 */
export async function exportTables(
  tables: readonly ExportTable[],
  format: ExportFormat,
  stem: string,
  tableId?: string,
): Promise<{ body: string | Buffer; headers: Record<string, string> } | { unknownTable: string }> {
  let body: string | Buffer;
  let name = stem;
  if (format === 'csv') {
    const table = tableId === undefined ? tables[0] : tables.find((t) => t.id === tableId);
    if (!table) return { unknownTable: tableId ?? '' };
    body = tableCsv(table);
    if (tables.length > 1) name = `${stem}-${table.id}`;
  } else {
    if (tableId !== undefined && !tables.some((t) => t.id === tableId)) return { unknownTable: tableId };
    body = await tablesXlsx(tableId === undefined ? tables : tables.filter((t) => t.id === tableId));
  }
  return {
    body,
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFileName(name, format)}"`,
    },
  };
}
