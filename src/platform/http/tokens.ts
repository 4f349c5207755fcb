import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret and the SHA-256 we store instead of it. */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** `organisationId.secret`: the organisation tells which tenant to look in, the secret proves it. */
export function composeToken(organisationId: string, secret: string): string {
  return `${organisationId}.${secret}`;
}

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{20,100})$/;

export function parseToken(token: string | undefined): { organisationId: string; secret: string } | null {
  const m = token ? TOKEN.exec(token) : null;
  return m ? { organisationId: m[1]!, secret: m[2]! } : null;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
