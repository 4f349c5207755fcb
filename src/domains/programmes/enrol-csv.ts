// Reading an enrolment CSV: a header with an `email` column (other columns are ignored, so an
// export of the people list works as it is), one person per row. Pure; a file that cannot be read
// at all is an EnrolFileError with a one-line reason, reported as a 400 on `file`.
import { parse } from 'csv-parse/sync';
import { ENROL_CSV_MAX_BYTES, ENROL_MAX } from './constants.ts';

export class EnrolFileError extends Error {}

export interface EnrolCsvRow {
  line: number;
  email: string;
}

export function parseEnrolCsv(bytes: Uint8Array): EnrolCsvRow[] {
  if (bytes.byteLength === 0) throw new EnrolFileError('the file is empty');
  if (bytes.byteLength > ENROL_CSV_MAX_BYTES) throw new EnrolFileError('the file is larger than 1 MB');
  if (bytes.includes(0))
    throw new EnrolFileError('the file is not a text CSV file (it contains binary data)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EnrolFileError('the file is not UTF-8 encoded: save it as "CSV UTF-8" and try again');
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (err) {
    throw new EnrolFileError(`the file is not valid CSV: ${(err as Error).message.split('\n')[0]}`);
  }
  const [header, ...rows] = records;
  const column = header?.record.findIndex((h) => h.trim().toLowerCase() === 'email') ?? -1;
  if (!header || column < 0)
    throw new EnrolFileError('the first line must be a header with an "email" column');
  if (rows.length === 0) throw new EnrolFileError('the file has a header but no rows');
  if (rows.length > ENROL_MAX) throw new EnrolFileError(`the file has more than ${ENROL_MAX} rows; split it`);
  return rows.map(({ record, info }) => ({ line: info.lines, email: record[column] ?? '' }));
}
