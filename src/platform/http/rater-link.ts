// Signed-out single-use links for people asked to answer something without an account (360 raters,
// team climate respondents). One mechanism for every domain: a link is `/<path>/<organisationId>.<secret>`,
// the organisation part picks the tenant (row-level security applies) and only the secret's SHA-256
// is stored on the asking row, like sign-in invitations. Issuing a new link replaces the stored hash,
// which is how a reminder or resend revokes the earlier one. What the link is for, and when it is
// spent, is the owning row's business.
import { composeToken, hashSecret, newSecret, parseToken } from './tokens.ts';

/** Where rater links live: the rater page (its own small bundle) serves everything under /rate/. */
export const RATER_LINK_PREFIX = '/rate';

export interface IssuedLink {
  /** The whole link for the email. */
  url: string;
  /** What the asking row stores (and looks the link up by). */
  hash: string;
}

/**
 * A new link under `${publicUrl}/rate/` (with `kind/` before the token for kinds other than a 360,
 * e.g. `climate`), and the hash to store in place of its secret.
 */
export function issueRaterLink(publicUrl: string, organisationId: string, kind?: string): IssuedLink {
  const { secret, hash } = newSecret();
  const path = kind ? `${RATER_LINK_PREFIX}/${kind}` : RATER_LINK_PREFIX;
  return { url: `${publicUrl}${path}/${composeToken(organisationId, secret)}`, hash };
}

/** The tenant and the stored hash a link's token stands for, or null when it is not a link at all. */
export function readRaterLink(token: string): { organisationId: string; hash: string } | null {
  const parsed = parseToken(token);
  return parsed ? { organisationId: parsed.organisationId, hash: hashSecret(parsed.secret) } : null;
}
