// Answers are checked against their framework version before one statement writes them
// (docs/decisions/0008). The row's version is not known until the statement runs, so the request is
// checked against every published version it could belong to, and the statement writes only a row
// whose version is one the request fits.
import { type SQL, sql } from 'drizzle-orm';
import { ApiError } from '../../platform/http/errors.ts';

/** A version the request's answers are valid for. */
export interface VersionFit {
  versionId: string;
  /** For a submit: the items the request does not answer, which must be saved already. */
  mustBeSaved: ReadonlyArray<string>;
}

/**
 * A condition that holds for a row whose version is one of `fits`, and whose saved answers hold
 * every item that version needs from them. False when nothing fits.
 */
export function fitsOneOf(versionColumn: SQL, answersColumn: SQL, fits: ReadonlyArray<VersionFit>): SQL {
  if (!fits.length) return sql`FALSE`;
  const each = fits.map((f) =>
    f.mustBeSaved.length
      ? sql`(${versionColumn} = ${f.versionId} AND ${answersColumn} ?& ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(f.mustBeSaved)}::jsonb)))`
      : sql`${versionColumn} = ${f.versionId}`,
  );
  return sql`(${sql.join(each, sql` OR `)})`;
}

/** The answer to a submit that leaves items unanswered: one field per item, in the order asked. */
export function incomplete(missing: ReadonlyArray<string>): ApiError {
  return new ApiError(
    400,
    'incomplete',
    `${missing.length} question${missing.length > 1 ? 's are' : ' is'} not answered yet; answer them or choose “can’t say”`,
    Object.fromEntries(missing.map((key) => [`items.${key}`, 'needs an answer or “can’t say”'])),
  );
}
