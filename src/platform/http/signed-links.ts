// Signed links: a token in an emailed link that proves, without a sign-in and without a row in the
// database, that the server itself wrote "this person of this organisation may do this one thing
// until then" — e.g. the digest's one-click unsubscribe (RFC 8058), which a mail provider POSTs
// with no cookie at all. The claims are in clear; an HMAC-SHA256 over them, keyed by a key derived
// from the server secret (SESSION_SECRET) with HKDF, makes any change to them detectable. Nothing is
// stored, so the links cannot be revoked one by one: use them only for actions that are harmless if
// replayed before they expire (turning something off), never to sign in. docs/decisions/0019.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export interface LinkClaims {
  organisationId: string;
  personId: string;
  /** What the link may do, e.g. `digest-unsubscribe`: lower-case letters and dashes. */
  purpose: string;
  expiresAt: Date;
}

export type LinkProblem = 'malformed' | 'tampered' | 'expired' | 'wrong-purpose';
export type LinkVerdict = { ok: true; claims: LinkClaims } | { ok: false; problem: LinkProblem };

const VERSION = 'v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PURPOSE = /^[a-z][a-z-]{0,39}$/;
const EXPIRY = /^[0-9a-z]{1,12}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

// HKDF once per secret: the session secret itself never keys anything directly, so a key for links
// reveals nothing about it and a future use of the secret gets a key of its own (another `info`).
const keys = new Map<string, Buffer>();
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'lodestar', 'lodestar signed links v1', 32));
    keys.set(secret, key);
  }
  return key;
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', keyFor(secret)).update(payload).digest('base64url');
}

/** `v1.<organisation>.<person>.<purpose>.<expiry, seconds base 36>.<HMAC>`, URL-safe as it is. */
export function signLink(secret: string, claims: LinkClaims): string {
  if (!UUID.test(claims.organisationId) || !UUID.test(claims.personId)) {
    throw new Error('signed links name an organisation and a person by their ids');
  }
  if (!PURPOSE.test(claims.purpose)) throw new Error(`not a link purpose: ${claims.purpose}`);
  const expiry = Math.floor(claims.expiresAt.getTime() / 1000).toString(36);
  const payload = [VERSION, claims.organisationId, claims.personId, claims.purpose, expiry].join('.');
  return `${payload}.${mac(secret, payload)}`;
}

/**
 * Checks a token for `purpose` at `now`. The signature is checked before anything the token claims
 * is believed, so a forged token is `tampered` whatever it says; a genuine one may be `expired` or
 * for another purpose.
 */
export function verifyLink(secret: string, token: string, purpose: string, now: Date): LinkVerdict {
  const parts = token.length <= 200 ? token.split('.') : [];
  const [version, organisationId, personId, claimed, expiry, signature] = parts;
  if (
    parts.length !== 6 ||
    version !== VERSION ||
    !UUID.test(organisationId!) ||
    !UUID.test(personId!) ||
    !PURPOSE.test(claimed!) ||
    !EXPIRY.test(expiry!) ||
    !MAC.test(signature!)
  ) {
    return { ok: false, problem: 'malformed' };
  }
  const expected = Buffer.from(mac(secret, parts.slice(0, 5).join('.')));
  if (!timingSafeEqual(expected, Buffer.from(signature!))) return { ok: false, problem: 'tampered' };
  if (claimed !== purpose) return { ok: false, problem: 'wrong-purpose' };
  const expiresAt = new Date(Number.parseInt(expiry!, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { organisationId: organisationId!, personId: personId!, purpose, expiresAt } };
}
