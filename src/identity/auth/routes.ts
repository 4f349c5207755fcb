import { and, eq } from 'drizzle-orm';
import {
  clearSessionCookie,
  clientAddress,
  csrfTokenOf,
  setSessionCookie,
} from '../../platform/http/cookies.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { people } from '../people/schema.ts';
import { authApi } from './endpoints.ts';
import { redeemLink, sendLink } from './links.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, revokeAllSessions, revokeSession } from './sessions.ts';
import { clearAccount, recordFailure, retryAfterSeconds } from './throttle.ts';

async function describeViewer(services: Services, viewer: Viewer, csrfToken: string) {
  const [org] = await inOrganisationScope(services, viewer.organisationId, ({ tx }) =>
    tx
      .select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
      .from(organisations),
  );
  return {
    person: { id: viewer.personId, name: viewer.name, email: viewer.email, roles: viewer.roles },
    organisation: org!,
    csrfToken,
  };
}

const login = route(authApi.login, {
  summary: 'Sign in with email and password; sets the session cookie',
  tag: 'auth',
  access: 'public',
  async handler({ body, services, c }) {
    const { db } = services;
    const address = clientAddress(c);
    const wait = await retryAfterSeconds(db, body.email, address);
    if (wait > 0) {
      throw new ApiError(
        429,
        'too_many_attempts',
        `too many failed sign-ins; try again in ${wait} seconds`,
        undefined,
        {
          'Retry-After': String(wait),
        },
      );
    }
    // Sign-in is the one lookup that cannot know the organisation yet.
    const candidates = await db.asSystem((tx) =>
      tx
        .select({
          organisationId: people.organisationId,
          personId: people.id,
          passwordHash: people.passwordHash,
          slug: organisations.slug,
        })
        .from(people)
        .innerJoin(organisations, eq(organisations.id, people.organisationId))
        .where(and(eq(people.email, body.email), eq(people.status, 'active'))),
    );
    const scoped = body.organisation ? candidates.filter((p) => p.slug === body.organisation) : candidates;
    const matches = [];
    for (const candidate of scoped) {
      if (await verifyPassword(candidate.passwordHash, body.password)) matches.push(candidate);
    }
    if (scoped.length === 0) await verifyPassword(null, body.password);
    if (matches.length === 0) {
      await recordFailure(db, body.email, address);
      throw new ApiError(401, 'invalid_credentials', 'the email or password is not correct');
    }
    if (matches.length > 1) {
      throw new ApiError(
        409,
        'organisation_required',
        'this email belongs to several organisations: choose one',
        {
          organisation: `one of: ${matches.map((m) => m.slug).join(', ')}`,
        },
      );
    }
    const match = matches[0]!;
    await clearAccount(db, body.email);
    const cookie = await inOrganisationScope(services, match.organisationId, ({ tx }) =>
      createSession(tx, match.organisationId, match.personId, c.req.header('user-agent')),
    );
    setSessionCookie(c, cookie, services.config);
    const viewer = await inOrganisationScope(services, match.organisationId, async ({ tx }) => {
      const [p] = await tx.select().from(people).where(eq(people.id, match.personId));
      return p!;
    });
    return describeViewer(
      services,
      {
        organisationId: match.organisationId,
        personId: match.personId,
        sessionId: '',
        roles: viewer.roles as Viewer['roles'],
        email: viewer.email,
        name: viewer.name,
      },
      csrfTokenOf(c),
    );
  },
});

const logout = route(authApi.logout, {
  summary: 'Sign out of this session',
  tag: 'auth',
  access: 'signed-in',
  tenant: true,
  async handler({ scope, services, c }) {
    await revokeSession(scope.tx, scope.viewer);
    clearSessionCookie(c, services.config);
    return { ok: true as const };
  },
});

const logoutEverywhere = route(authApi.logoutEverywhere, {
  summary: 'Sign out of every session of the signed-in person',
  tag: 'auth',
  access: 'signed-in',
  tenant: true,
  async handler({ scope, services, c }) {
    await revokeAllSessions(scope.tx, scope.organisationId, scope.viewer.personId);
    clearSessionCookie(c, services.config);
    return { ok: true as const };
  },
});

const me = route(authApi.me, {
  summary: 'The signed-in person, their organisation and the CSRF token for state-changing requests',
  tag: 'auth',
  access: 'signed-in',
  handler: ({ viewer, services, c }) => describeViewer(services, viewer, csrfTokenOf(c)),
});

const csrf = route(authApi.csrf, {
  summary: 'The CSRF token to send as the X-CSRF-Token header (also set as the lodestar_csrf cookie)',
  tag: 'auth',
  access: 'public',
  handler: async ({ c }) => ({ csrfToken: csrfTokenOf(c) }),
});

const showInvitation = route(authApi.invitation, {
  summary: 'Who an invitation link is for, if it is still valid',
  tag: 'auth',
  access: 'public',
  async handler({ params, services }) {
    const organisationId = params.token.split('.')[0]!;
    const found = await inOrganisationScope(services, organisationId, async ({ tx }) => {
      const person = await redeemLink(tx, params.token, 'invitation', false);
      const [org] = await tx.select({ name: organisations.name }).from(organisations);
      return person && org ? { name: person.name, email: person.email, organisation: org.name } : null;
    });
    if (!found) throw expiredLink();
    return found;
  },
});

const expiredLink = () =>
  new ApiError(410, 'link_expired', 'this link has expired or was already used; ask for a new one', {
    token: 'is expired or already used',
  });

/** Sets a new password from a single-use link, signs out everywhere else, and signs in. */
async function setPasswordFromLink(
  services: Services,
  c: Parameters<AnyRoute['handler']>[0]['c'],
  token: string,
  password: string,
  purpose: 'invitation' | 'password-reset',
) {
  const organisationId = token.split('.')[0]!;
  const passwordHash = await hashPassword(password);
  const result = await inOrganisationScope(services, organisationId, async ({ tx }) => {
    const person = await redeemLink(tx, token, purpose, true);
    if (!person) return null;
    await tx
      .update(people)
      .set({ passwordHash, status: 'active', updatedAt: new Date() })
      .where(eq(people.id, person.personId));
    await revokeAllSessions(tx, organisationId, person.personId);
    const cookie = await createSession(tx, organisationId, person.personId, c.req.header('user-agent'));
    const [row] = await tx.select().from(people).where(eq(people.id, person.personId));
    return { cookie, row: row! };
  });
  if (!result) throw expiredLink();
  setSessionCookie(c, result.cookie, services.config);
  await clearAccount(services.db, result.row.email);
  return describeViewer(
    services,
    {
      organisationId,
      personId: result.row.id,
      sessionId: '',
      roles: result.row.roles as Viewer['roles'],
      email: result.row.email,
      name: result.row.name,
    },
    csrfTokenOf(c),
  );
}

const acceptInvitation = route(authApi.acceptInvitation, {
  summary: 'Accept an invitation by choosing a password; signs in',
  tag: 'auth',
  access: 'public',
  handler: ({ body, services, c }) =>
    setPasswordFromLink(services, c, body.token, body.password, 'invitation'),
});

const requestReset = route(authApi.requestPasswordReset, {
  summary: 'Email a password-reset link; answers the same whether or not the email is known',
  tag: 'auth',
  access: 'public',
  async handler({ body, services, c }) {
    const wait = await retryAfterSeconds(services.db, body.email, clientAddress(c));
    if (wait > 0) return { ok: true as const };
    const matches = await services.db.asSystem((tx) =>
      tx
        .select({
          organisationId: people.organisationId,
          id: people.id,
          name: people.name,
          email: people.email,
        })
        .from(people)
        .where(and(eq(people.email, body.email), eq(people.status, 'active'))),
    );
    for (const person of matches) {
      await inOrganisationScope(services, person.organisationId, (scope) =>
        sendLink(scope, { person, purpose: 'password-reset' }),
      );
    }
    // Counted like a failed sign-in, so the endpoint cannot be used to flood someone's inbox.
    await recordFailure(services.db, body.email, clientAddress(c));
    return { ok: true as const };
  },
});

const confirmReset = route(authApi.confirmPasswordReset, {
  summary: 'Set a new password from a reset link; signs out all other sessions and signs in',
  tag: 'auth',
  access: 'public',
  handler: ({ body, services, c }) =>
    setPasswordFromLink(services, c, body.token, body.password, 'password-reset'),
});

export const authRoutes: AnyRoute[] = [
  login,
  logout,
  logoutEverywhere,
  me,
  csrf,
  showInvitation,
  acceptInvitation,
  requestReset,
  confirmReset,
];
