import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTokens } from '../../src/identity/auth/schema.ts';
import { people } from '../../src/identity/people/schema.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

describe.each(testDatabaseKinds())('sign-in on %s', (kind) => {
  let h: Harness;
  let org: Awaited<ReturnType<typeof addOrganisation>>;

  beforeAll(async () => {
    h = await startHarness(kind);
    org = await addOrganisation(h.services, 'acme');
  });
  afterAll(() => h.close());

  it('signs in, sets an HttpOnly SameSite=Lax session cookie, and knows who you are', async () => {
    const c = new Client(h.app);
    const res = await c.signIn('Participant@ACME.test', PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('lodestar_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await c.get('/api/me');
    expect(me.status).toBe(200);
    const body = (await me.json()) as { person: { email: string }; organisation: { slug: string } };
    expect(body.person.email).toBe('participant@acme.test');
    expect(body.organisation.slug).toBe('acme');
  });

  it('rejects a wrong password with a clear 401 and no cookie', async () => {
    const c = new Client(h.app);
    const res = await c.signIn('coach@acme.test', 'wrong password');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    expect(c.cookies.has('lodestar_session')).toBe(false);
  });

  it('names the field and the rule for bad input', async () => {
    const c = new Client(h.app);
    await c.get('/api/auth/csrf');
    const res = await c.post('/api/auth/login', { email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.email).toMatch(/valid email/);
    expect(body.error.fields.password).toMatch(/required/);
    const junk = await c.post('/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(junk.status).toBe(400);
    expect(((await junk.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('refuses state-changing requests without the CSRF header', async () => {
    const c = new Client(h.app);
    await c.signIn('participant@acme.test', PASSWORD);
    const res = await c.post('/api/auth/logout', undefined, {
      'x-csrf-token': 'forged-token-value-forged-token',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect((await c.get('/api/me')).status).toBe(200);
  });

  it('throttles repeated failures per account, even with the right password afterwards', async () => {
    const c = new Client(h.app);
    for (let i = 0; i < 5; i++) expect((await c.signIn('admin@acme.test', 'nope')).status).toBe(401);
    const blocked = await c.signIn('admin@acme.test', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    await h.services.db.asSystem((tx) => tx.execute('DELETE FROM rate_limits'));
  });

  it('signs out one session, and all sessions everywhere', async () => {
    const a = new Client(h.app);
    const b = new Client(h.app);
    await a.signIn('participant@acme.test', PASSWORD);
    await b.signIn('participant@acme.test', PASSWORD);
    expect((await a.post('/api/auth/logout')).status).toBe(200);
    expect((await a.get('/api/me')).status).toBe(401);
    expect((await b.get('/api/me')).status).toBe(200);
    const c = new Client(h.app);
    await c.signIn('participant@acme.test', PASSWORD);
    expect((await c.post('/api/auth/logout-all')).status).toBe(200);
    expect((await b.get('/api/me')).status).toBe(401);
  });

  async function lastLink(to: string, path: string): Promise<string> {
    await h.services.jobs.runDue();
    const rows = await h.services.db.inOrganisation(org.organisationId, (tx) =>
      tx.select().from(emails).where(eq(emails.to, to)),
    );
    const texts = rows.sort((x, y) => +x.createdAt - +y.createdAt).map((r) => r.text);
    const match = new RegExp(`http://lodestar\\.test${path}/(\\S+)`).exec(texts.at(-1) ?? '');
    if (!match) throw new Error(`no ${path} link mailed to ${to}`);
    return match[1]!;
  }

  it('invites: the link is single-use, stored only as a hash, and signs the person in', async () => {
    const admin = new Client(h.app);
    await admin.signIn('admin@acme.test', PASSWORD);
    const created = await admin.post('/api/people', {
      name: 'New Person',
      email: 'new@acme.test',
      careerStage: 'manager',
      invite: true,
    });
    expect(created.status).toBe(201);
    const token = await lastLink('new@acme.test', '/invitation');
    const stored = await h.services.db.inOrganisation(org.organisationId, (tx) =>
      tx.select().from(authTokens),
    );
    expect(stored.some((t) => t.tokenHash === token || token.includes(t.tokenHash))).toBe(false);

    const guest = new Client(h.app);
    const info = await guest.get(`/api/auth/invitation/${token}`);
    expect(await info.json()).toMatchObject({ name: 'New Person', email: 'new@acme.test' });
    await guest.get('/api/auth/csrf');
    const short = await guest.post('/api/auth/invitation/accept', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(
      ((await short.json()) as { error: { fields: Record<string, string> } }).error.fields.password,
    ).toMatch(/10/);
    const accepted = await guest.post('/api/auth/invitation/accept', {
      token,
      password: 'a fine new password',
    });
    expect(accepted.status).toBe(200);
    expect((await guest.get('/api/me')).status).toBe(200);
    const again = await new Client(h.app).signIn('new@acme.test', 'a fine new password');
    expect(again.status).toBe(200);
    const reused = await guest.post('/api/auth/invitation/accept', {
      token,
      password: 'another password here',
    });
    expect(reused.status).toBe(410);
  });

  it('expired links do not work', async () => {
    const admin = new Client(h.app);
    await admin.signIn('admin@acme.test', PASSWORD);
    const created = (await (
      await admin.post('/api/people', {
        name: 'Late',
        email: 'late@acme.test',
        careerStage: 'manager',
        invite: true,
      })
    ).json()) as { id: string };
    const token = await lastLink('late@acme.test', '/invitation');
    await h.services.db.inOrganisation(org.organisationId, (tx) =>
      tx
        .update(authTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(authTokens.personId, created.id)),
    );
    const guest = new Client(h.app);
    await guest.get('/api/auth/csrf');
    expect(
      (await guest.post('/api/auth/invitation/accept', { token, password: 'a fine new password' })).status,
    ).toBe(410);
  });

  it('resets a password by emailed link and signs out every other session', async () => {
    const old = new Client(h.app);
    await old.signIn('coach@acme.test', PASSWORD);
    const anon = new Client(h.app);
    await anon.get('/api/auth/csrf');
    expect((await anon.post('/api/auth/password-reset', { email: 'coach@acme.test' })).status).toBe(202);
    // unknown emails get the same answer
    expect((await anon.post('/api/auth/password-reset', { email: 'nobody@acme.test' })).status).toBe(202);
    const token = await lastLink('coach@acme.test', '/reset-password');
    const done = await anon.post('/api/auth/password-reset/confirm', {
      token,
      password: 'brand new password',
    });
    expect(done.status).toBe(200);
    expect((await old.get('/api/me')).status).toBe(401);
    expect((await new Client(h.app).signIn('coach@acme.test', PASSWORD)).status).toBe(401);
    expect((await new Client(h.app).signIn('coach@acme.test', 'brand new password')).status).toBe(200);
    await h.services.db.asSystem((tx) => tx.execute('DELETE FROM rate_limits'));
  });

  it('a disabled person cannot sign in and loses their sessions’ access', async () => {
    const c = new Client(h.app);
    await c.signIn('participant@acme.test', PASSWORD);
    const admin = new Client(h.app);
    await admin.signIn('admin@acme.test', PASSWORD);
    const id = org.people.find((p) => p.email === 'participant@acme.test')!.id;
    expect((await admin.patch(`/api/people/${id}`, { status: 'disabled' })).status).toBe(200);
    expect((await c.get('/api/me')).status).toBe(401);
    expect((await new Client(h.app).signIn('participant@acme.test', PASSWORD)).status).toBe(401);
    await h.services.db.inOrganisation(org.organisationId, (tx) =>
      tx.update(people).set({ status: 'active' }).where(eq(people.id, id)),
    );
  });
});
