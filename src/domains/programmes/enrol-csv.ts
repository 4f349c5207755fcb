// Reading an enrolment CSV: a header with an `email` column (other columns are ignored, so an
// export of the people list works as it is), one person per row. Decoding and parsing are the
// people import's (readCsvRecords); a file that cannot be read at all is an ImportFileError with a
// one-line reason, reported as a 400 on `file`.
import { ImportFileError, readCsvRecords } from '../../identity/people/import-plan.ts';
import { ENROL_CSV_MAX_BYTES, ENROL_MAX } from './constants.ts';

export { ImportFileError as EnrolFileError };

export interface EnrolCsvRow {
  line: number;
  email: string;
}

export function parseEnrolCsv(bytes: Uint8Array): EnrolCsvRow[] {
  const [header, ...rows] = readCsvRecords(bytes, ENROL_CSV_MAX_BYTES);
  const column = header?.record.findIndex((h) => h.trim().toLowerCase() === 'email') ?? -1;
  if (!header || column < 0)
    throw new ImportFileError('the first line must be a header with an "email" column');
  if (rows.length === 0) throw new ImportFileError('the file has a header but no rows');
  if (rows.length > ENROL_MAX)
    throw new ImportFileError(`the file has more than ${ENROL_MAX} rows; split it`);
  return rows.map(({ record, info }) => ({ line: info.lines, email: record[column] ?? '' }));
}
