// The digest's one-click unsubscribe (RFC 8058), which works without signing in.
//
// Every digest carries `List-Unsubscribe: <…/api/nudges/unsubscribe?token=…>` and
// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. The token is a signed link
// (platform/http/signed-links.ts) naming the organisation, the person and this purpose:
// - POST with the form body `List-Unsubscribe=One-Click` (what a mail provider sends, and what the
//   unsubscribe page's button sends) turns the person's digest off. It answers 200, never a
//   redirect (RFC 8058 §3.1: redirected POSTs are not followed reliably).
// - GET changes nothing: mail scanners and link previews fetch every link in a message, so the
//   address a person may also open in a browser must not act by itself. A browser (it asks for
//   HTML) is sent to the app's unsubscribe page, which asks before it POSTs; any other client gets
//   where the digest stands, as JSON.
// A tampered, expired or other-purpose token is a 400 that says which, and changes nothing. Both
// are rate-limited per client address before the token is even checked, and per person after.

import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { clientAddress } from '../../platform/http/cookies.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { type LinkProblem, verifyLink } from '../../platform/http/signed-links.ts';
import { hit, PLATFORM_SCOPE } from '../../platform/rate-limit/rate-limit.ts';
import type { Services } from '../../platform/services.ts';
import type { DigestFrequency } from './constants.ts';
import { ONE_CLICK_BODY } from './endpoints.ts';
import { readPreferences, turnDigestOff } from './preferences.ts';
import { UNSUBSCRIBE_PURPOSE } from './send-digest.ts';

export const UNSUBSCRIBE_LIMITS = {
  /** Per client address, valid token or not: mail providers send from shared addresses, so generous. */
  perAddress: { windowMs: 60_000, max: 60 },
  /** Per person named by a valid token. */
  perPerson: { windowMs: 60 * 60_000, max: 20 },
};

const PROBLEMS: Record<LinkProblem, string> = {
  malformed: 'this is not an unsubscribe link we sent: it may have been cut short when it was copied',
  tampered: 'this unsubscribe link has been changed, so it cannot be trusted',
  expired: 'this unsubscribe link has expired: use the link in a recent digest, or your settings',
  'wrong-purpose': 'this link is not an unsubscribe link',
};

function tooMany(seconds: number): ApiError {
  return new ApiError(
    429,
    'too_many_requests',
    `too many unsubscribe requests; try again in ${seconds} seconds`,
    undefined,
    { 'Retry-After': String(seconds) },
  );
}

/** The person a token names, after the address limit; a 400 naming the token's problem otherwise. */
async function personOf(services: Services, c: Context, token: string) {
  const address = await services.db.asSystem((tx) =>
    hit(tx, {
      scope: PLATFORM_SCOPE,
      key: `nudges.unsubscribe:address:${clientAddress(c)}`,
      ...UNSUBSCRIBE_LIMITS.perAddress,
    }),
  );
  if (!address.allowed) throw tooMany(address.retryAfterSeconds);
  const verdict = verifyLink(services.config.sessionSecret, token, UNSUBSCRIBE_PURPOSE, services.clock());
  if (!verdict.ok) {
    throw new ApiError(400, 'invalid_link', PROBLEMS[verdict.problem], { token: PROBLEMS[verdict.problem] });
  }
  return verdict.claims;
}

/** In the person's organisation: their existence, the per-person limit, then `work`. */
async function asLinkPerson<T>(
  services: Services,
  claims: { organisationId: string; personId: string },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return services.db.inOrganisation(claims.organisationId, async (tx) => {
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, claims.organisationId), eq(people.id, claims.personId)));
    if (!person)
      throw new ApiError(404, 'not_found', 'the person this link was sent to no longer has an account');
    const limit = await hit(tx, {
      scope: claims.organisationId,
      key: `nudges.unsubscribe:${claims.personId}`,
      ...UNSUBSCRIBE_LIMITS.perPerson,
    });
    if (!limit.allowed) throw tooMany(limit.retryAfterSeconds);
    return work(tx);
  });
}

/** A browser asking for a page rather than data. */
function wantsPage(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
}

export async function unsubscribeState(
  services: Services,
  c: Context,
  token: string,
): Promise<{ frequency: DigestFrequency } | Response> {
  // The same address a mail client may open in a browser: show the page that asks first.
  if (wantsPage(c)) return c.redirect(`/unsubscribe?token=${encodeURIComponent(token)}`, 303);
  const claims = await personOf(services, c, token);
  return asLinkPerson(services, claims, async (tx) => ({
    frequency: (await readPreferences(tx, claims.organisationId, claims.personId)).frequency,
  }));
}

/** The form fields of a one-click body, multipart or URL-encoded. */
async function formOf(c: Context, raw: Uint8Array): Promise<URLSearchParams | FormData | null> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.toLowerCase().startsWith('multipart/form-data')) {
      return await new Response(new Blob([raw as Uint8Array<ArrayBuffer>]), {
        headers: { 'content-type': type },
      }).formData();
    }
    return new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return null;
  }
}

export async function unsubscribe(
  services: Services,
  c: Context,
  token: string,
  raw: Uint8Array,
): Promise<{ frequency: 'off' }> {
  const form = await formOf(c, raw);
  const [name, value] = ONE_CLICK_BODY.split('=') as [string, string];
  if (form?.get(name) !== value) {
    throw new ApiError(400, 'invalid_input', `invalid body: body: must be the form ${ONE_CLICK_BODY}`, {
      body: `must be the form ${ONE_CLICK_BODY}`,
    });
  }
  const claims = await personOf(services, c, token);
  await asLinkPerson(services, claims, (tx) => turnDigestOff(tx, claims.organisationId, claims.personId));
  services.log.info(
    { organisationId: claims.organisationId, personId: claims.personId },
    'digest turned off by its unsubscribe link',
  );
  return { frequency: 'off' };
}
