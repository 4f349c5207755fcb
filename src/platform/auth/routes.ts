import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organisations } from '../../domains/organisations/schema.ts';
import { people } from '../../domains/people/schema.ts';
import { clearSessionCookie, clientAddress, csrfTokenOf, setSessionCookie } from '../http/cookies.ts';
import { ApiError } from '../http/errors.ts';
import { linkParam } from '../http/params.ts';
import { type AnyRoute, route, type Viewer } from '../http/route.ts';
import type { Services } from '../services.ts';
import {
  acceptInvitationRequest,
  invitationInfo,
  linkToken,
  loginRequest,
  ok,
  passwordResetConfirm,
  passwordResetRequest,
  viewerResponse,
} from './contracts.ts';
import { redeemLink, sendLink } from './links.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, revokeAllSessions, revokeSession } from './sessions.ts';
import { clearAccount, recordFailure, retryAfterSeconds } from './throttle.ts';

async function describeViewer(services: Services, viewer: Viewer, csrfToken: string) {
  const [org] = await services.db.inOrganisation(viewer.organisationId, (tx) =>
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

const login = route({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in with email and password; sets the session cookie',
  tag: 'auth',
  access: 'public',
  body: loginRequest,
  response: viewerResponse,
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
    const cookie = await db.inOrganisation(match.organisationId, (tx) =>
      createSession(tx, match.organisationId, match.personId, c.req.header('user-agent')),
    );
    setSessionCookie(c, cookie, services.config);
    const viewer = await services.db.inOrganisation(match.organisationId, async (tx) => {
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

const logout = route({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Sign out of this session',
  tag: 'auth',
  access: 'signed-in',
  response: ok,
  async handler({ viewer, services, c }) {
    await services.db.inOrganisation(viewer.organisationId, (tx) => revokeSession(tx, viewer));
    clearSessionCookie(c, services.config);
    return { ok: true };
  },
});

const logoutEverywhere = route({
  method: 'post',
  path: '/api/auth/logout-all',
  summary: 'Sign out of every session of the signed-in person',
  tag: 'auth',
  access: 'signed-in',
  response: ok,
  async handler({ viewer, services, c }) {
    await services.db.inOrganisation(viewer.organisationId, (tx) =>
      revokeAllSessions(tx, viewer.organisationId, viewer.personId),
    );
    clearSessionCookie(c, services.config);
    return { ok: true };
  },
});

const me = route({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in person, their organisation and the CSRF token for state-changing requests',
  tag: 'auth',
  access: 'signed-in',
  response: viewerResponse,
  handler: ({ viewer, services, c }) => describeViewer(services, viewer, csrfTokenOf(c)),
});

const csrf = route({
  method: 'get',
  path: '/api/auth/csrf',
  summary: 'The CSRF token to send as the X-CSRF-Token header (also set as the lodestar_csrf cookie)',
  tag: 'auth',
  access: 'public',
  response: z.object({ csrfToken: z.string() }),
  handler: async ({ c }) => ({ csrfToken: csrfTokenOf(c) }),
});

const tokenParams = z.object({ token: linkParam(linkToken) });

const showInvitation = route({
  method: 'get',
  path: '/api/auth/invitation/:token',
  summary: 'Who an invitation link is for, if it is still valid',
  tag: 'auth',
  access: 'public',
  params: tokenParams,
  response: invitationInfo,
  async handler({ params, services }) {
    const organisationId = params.token.split('.')[0]!;
    const found = await services.db.inOrganisation(organisationId, async (tx) => {
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
  const result = await services.db.inOrganisation(organisationId, async (tx) => {
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

const acceptInvitation = route({
  method: 'post',
  path: '/api/auth/invitation/accept',
  summary: 'Accept an invitation by choosing a password; signs in',
  tag: 'auth',
  access: 'public',
  body: acceptInvitationRequest,
  response: viewerResponse,
  handler: ({ body, services, c }) =>
    setPasswordFromLink(services, c, body.token, body.password, 'invitation'),
});

const requestReset = route({
  method: 'post',
  path: '/api/auth/password-reset',
  summary: 'Email a password-reset link; answers the same whether or not the email is known',
  tag: 'auth',
  access: 'public',
  body: passwordResetRequest,
  status: 202,
  response: ok,
  async handler({ body, services, c }) {
    const wait = await retryAfterSeconds(services.db, body.email, clientAddress(c));
    if (wait > 0) return { ok: true };
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
      await services.db.inOrganisation(person.organisationId, (tx) =>
        sendLink(
          tx,
          services.jobs,
          services.config.publicUrl,
          person.organisationId,
          person,
          'password-reset',
        ),
      );
    }
    // Counted like a failed sign-in, so the endpoint cannot be used to flood someone's inbox.
    await recordFailure(services.db, body.email, clientAddress(c));
    return { ok: true };
  },
});

const confirmReset = route({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  summary: 'Set a new password from a reset link; signs out all other sessions and signs in',
  tag: 'auth',
  access: 'public',
  body: passwordResetConfirm,
  response: viewerResponse,
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
