// Limits of the people domain that the web app shows too; free of zod so it can import them.

/** The largest people CSV an import takes. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** The separator of a team path shown to people ("Engineering › Platform"). */
export const TEAM_PATH_SEPARATOR = ' › ';
