import { and, eq, gt } from 'drizzle-orm';
import { people, type Role } from '../../domains/people/schema.ts';
import type { Database, Tx } from '../db/database.ts';
import type { Viewer } from '../http/route.ts';
import { sessions } from './schema.ts';
import { composeToken, hashSecret, newSecret, parseToken } from './tokens.ts';

export const SESSION_COOKIE = 'lodestar_session';
export const SESSION_LIFETIME_MS = 14 * 24 * 3600_000;

/** Creates a session and returns the cookie value (`organisationId.secret`). */
export async function createSession(
  tx: Tx,
  organisationId: string,
  personId: string,
  userAgent: string | undefined,
): Promise<string> {
  const { secret, hash } = newSecret();
  await tx.insert(sessions).values({
    organisationId,
    personId,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return composeToken(organisationId, secret);
}

/** The signed-in person for a session cookie, or null if it is unknown, expired or disabled. */
export async function resolveViewer(db: Database, cookie: string | undefined): Promise<Viewer | null> {
  const token = parseToken(cookie);
  if (!token) return null;
  const rows = await db.inOrganisation(token.organisationId, (tx) =>
    tx
      .select({
        sessionId: sessions.id,
        personId: people.id,
        roles: people.roles,
        email: people.email,
        name: people.name,
      })
      .from(sessions)
      .innerJoin(people, and(eq(people.organisationId, sessions.organisationId), eq(people.id, sessions.personId)))
      .where(
        and(
          eq(sessions.tokenHash, hashSecret(token.secret)),
          gt(sessions.expiresAt, new Date()),
          eq(people.status, 'active'),
        ),
      )
      .limit(1),
  );
  const row = rows[0];
  if (!row) return null;
  return { organisationId: token.organisationId, ...row, roles: row.roles as Role[] };
}

export async function revokeSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function revokeAllSessions(tx: Tx, personId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.personId, personId));
}
