import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config.ts';

export const SESSION_COOKIE = 'lodestar_session';
export const SESSION_LIFETIME_MS = 14 * 24 * 3600_000;
export const CSRF_COOKIE = 'lodestar_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const secure = (c: Context, config: Config) =>
  config.publicUrl.startsWith('https://') || new URL(c.req.url).protocol === 'https:';

export function setSessionCookie(c: Context, value: string, config: Config): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c, config),
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c, config) });
}

/**
 * The double-submit CSRF token: a random value in a cookie that scripts of this origin can read
 * and must echo in the X-CSRF-Token header. Another site can make the browser send the cookie but
 * cannot read it, so it cannot produce the header.
 */
export function csrfTokenOf(c: Context): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, token, { httpOnly: false, sameSite: 'Lax', path: '/' });
  return token;
}

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
