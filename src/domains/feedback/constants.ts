// Limits of 360 inputs, in one zod-free module: the server's contracts build their rules from
// these values, and the web app imports them to check fields as people type, so both apply the
// same rule and the bundle does not pull in zod.

/** Longest rater name a nomination may carry. */
export const NOMINATION_NAME_MAX = 200;
/** Longest email address (RFC 5321's path limit, as everywhere in Lodestar). */
export const NOMINATION_EMAIL_MAX = 320;
/** The shape of an address the server accepts (zod's own email pattern, given explicitly). */
export const NOMINATION_EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const MAX_NOMINATIONS = 40;
export const MAX_COMMENT_LENGTH = 2000;

/** A pulse re-rates 3–6 focus behaviours: enough to say something, short enough to answer in minutes. */
export const PULSE_MIN_ITEMS = 3;
export const PULSE_MAX_ITEMS = 6;
