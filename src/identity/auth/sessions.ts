import { and, eq, gt } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/database.ts';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { SESSION_LIFETIME_MS } from '../../platform/http/cookies.ts';
import { composeToken, hashSecret, newSecret, parseToken } from '../../platform/http/tokens.ts';
import type { Role, Viewer } from '../../platform/http/viewer.ts';
import { people } from '../people/schema.ts';
import { sessions } from './schema.ts';

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

// Every API request resolves its session; on PGlite a lookup costs milliseconds, so resolved
// sessions are cached (scope: organisation). Sign-out, role and status changes invalidate them.
const viewers = new ReadCache<Viewer>(20_000);

/** The signed-in person for a session cookie, or null if it is unknown, expired or disabled. */
export async function resolveViewer(db: Database, cookie: string | undefined): Promise<Viewer | null> {
  const token = parseToken(cookie);
  if (!token) return null;
  const tokenHash = hashSecret(token.secret);
  try {
    return await viewers.get(db.kind, token.organisationId, tokenHash, async () => {
      const viewer = await lookupViewer(db, token.organisationId, tokenHash);
      if (!viewer) throw NO_SESSION;
      return viewer;
    });
  } catch (err) {
    if (err === NO_SESSION) return null;
    throw err;
  }
}

// Unknown sessions are not cached, so a load that finds none ends with this marker.
const NO_SESSION = new Error('no session');

async function lookupViewer(db: Database, organisationId: string, tokenHash: string): Promise<Viewer | null> {
  const rows = await db.inOrganisation(organisationId, (tx) =>
    tx
      .select({
        sessionId: sessions.id,
        personId: people.id,
        roles: people.roles,
        email: people.email,
        name: people.name,
      })
      .from(sessions)
      .innerJoin(
        people,
        and(eq(people.organisationId, sessions.organisationId), eq(people.id, sessions.personId)),
      )
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          gt(sessions.expiresAt, new Date()),
          eq(people.status, 'active'),
        ),
      )
      .limit(1),
  );
  const row = rows[0];
  if (!row) return null;
  return { organisationId, ...row, roles: row.roles as Role[] };
}

/** Call from any write that changes who a person is to the server (roles, status, sessions). */
export function forgetCachedSessions(organisationId: string, personId: string): void {
  viewers.invalidateWhere(organisationId, (v) => v.personId === personId);
}

export function forgetAllCachedSessions(organisationId: string): void {
  viewers.invalidate(organisationId);
}

export async function revokeSession(tx: Tx, viewer: Viewer): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, viewer.sessionId));
  forgetCachedSessions(viewer.organisationId, viewer.personId);
}

export async function revokeAllSessions(tx: Tx, organisationId: string, personId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.personId, personId));
  forgetCachedSessions(organisationId, personId);
}
