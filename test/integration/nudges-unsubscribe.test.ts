// The digest's one-click unsubscribe (RFC 8058) works signed out, with no cookie and no CSRF
// header, exactly as a mail provider sends it; a GET never changes anything; a tampered, expired or
// other-purpose link is refused with a clear 400 and changes nothing; requests are rate-limited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ONE_CLICK_BODY } from '../../src/domains/nudges/endpoints.ts';
import { UNSUBSCRIBE_PURPOSE } from '../../src/domains/nudges/send-digest.ts';
import { UNSUBSCRIBE_LIMITS } from '../../src/domains/nudges/unsubscribe.ts';
import { signLink } from '../../src/platform/http/signed-links.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import type { PlanOrg } from './development-support.ts';
import {
  digestOrg,
  digestsTo,
  dueNow,
  frequencyOf,
  json,
  NOW,
  onlyThese,
  sendsOf,
  tick,
  tokenOf,
} from './nudges-support.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
const FORM = 'application/x-www-form-urlencoded';
const WEEK = 7 * 86_400_000;

describe.each(testDatabaseKinds())('digest unsubscribe on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  let token: string;

  /** A request as a mail provider makes it: no cookie, no CSRF header. */
  const anonymous = (
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string> } = {},
  ) => h.app.request(path, { method, ...init });
  const post = (t: string, body: BodyInit = ONE_CLICK_BODY, type = FORM) =>
    anonymous('POST', `/api/nudges/unsubscribe?token=${encodeURIComponent(t)}`, {
      body,
      headers: { 'content-type': type },
    });
  const state = (t: string) =>
    anonymous('GET', `/api/nudges/unsubscribe?token=${encodeURIComponent(t)}`, {
      headers: { accept: 'application/json' },
    });
  const sign = (over: Partial<Parameters<typeof signLink>[1]> = {}) =>
    signLink(h.services.config.sessionSecret, {
      organisationId: o.organisationId,
      personId: o.ownerId,
      purpose: UNSUBSCRIBE_PURPOSE,
      expiresAt: new Date(Date.now() + WEEK),
      ...over,
    });

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await digestOrg(h, 'unsub');
    await onlyThese(h, o, {
      [o.ownerId]: dueNow({ timeZone: 'Europe/London', hour: 10 }),
      [o.managerId]: dueNow(),
    });
    await tick(h, NOW);
    const [digest] = await digestsTo(h, o.organisationId, 'participant@unsub.test');
    token = tokenOf(digest!);
    // The app's clock back to real time: link expiry is checked against it.
    h.services.clock = () => new Date();
  });
  afterAll(() => h.close());
  // Every request here comes from the same (socket-less) address: start each test with no window.
  beforeEach(() => h.services.db.asSystem((tx) => tx.execute(sql`DELETE FROM rate_limits`)));

  it('GET shows where the digest stands and changes nothing; a browser is sent to the page that asks', async () => {
    expect(await json(await state(token), 200)).toEqual({ frequency: 'weekly' });
    const page = await anonymous('GET', `/api/nudges/unsubscribe?token=${token}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/unsubscribe?token=${token}`);
    // A HEAD, as link checkers send, too.
    expect((await anonymous('HEAD', `/api/nudges/unsubscribe?token=${token}`)).status).toBeLessThan(400);
    expect((await frequencyOf(h, o.organisationId, o.ownerId))?.frequency).toBe('weekly');
  });

  it('refuses a tampered, expired or other-purpose link, and a wrong body, changing nothing', async () => {
    const parts = token.split('.');
    parts[2] = o.managerId;
    const cases: [string, Response, string][] = [
      ['tampered', await post(parts.join('.')), 'changed'],
      ['cut short', await post(token.slice(0, 40)), 'cut short'],
      ['expired', await post(sign({ expiresAt: new Date(Date.now() - 1000) })), 'expired'],
      ['other purpose', await post(sign({ purpose: 'account-delete' })), 'not an unsubscribe link'],
    ];
    for (const [what, res, says] of cases) {
      const body = await json<ErrorBody>(res, 400);
      expect(body.error.code, what).toBe('invalid_link');
      expect(body.error.message, what).toContain(says);
      expect(Object.keys(body.error.fields ?? {}), what).toEqual(['token']);
    }
    const wrongBody = await json<ErrorBody>(await post(token, 'List-Unsubscribe=Yes'), 400);
    expect(wrongBody.error.fields).toEqual({ body: `must be the form ${ONE_CLICK_BODY}` });
    expect((await post(token, '{"List-Unsubscribe":"One-Click"}', 'application/json')).status).toBe(415);
    const missing = await json<ErrorBody>(
      await anonymous('POST', '/api/nudges/unsubscribe', {
        body: ONE_CLICK_BODY,
        headers: { 'content-type': FORM },
      }),
      400,
    );
    expect(Object.keys(missing.error.fields ?? {})).toEqual(['token']);
    expect((await frequencyOf(h, o.organisationId, o.ownerId))?.frequency).toBe('weekly');
    expect((await frequencyOf(h, o.organisationId, o.managerId))?.frequency).toBe('weekly');
  });

  it('POST List-Unsubscribe=One-Click signed out turns the digest off, keeping the other choices', async () => {
    expect(await json(await post(token), 200)).toEqual({ frequency: 'off' });
    expect(await frequencyOf(h, o.organisationId, o.ownerId)).toEqual({
      frequency: 'off',
      weekday: 3,
      hour: 10,
      time_zone: 'Europe/London',
    });
    // Again: nothing more to do, same answer.
    expect(await json(await post(token), 200)).toEqual({ frequency: 'off' });
    expect(await json(await state(token), 200)).toEqual({ frequency: 'off' });
    // The manager's digest is untouched, and next week only the manager gets one.
    expect((await frequencyOf(h, o.organisationId, o.managerId))?.frequency).toBe('weekly');
    await tick(h, new Date(NOW.getTime() + WEEK + 3_600_000));
    h.services.clock = () => new Date();
    expect((await sendsOf(h, o.organisationId)).filter((s) => s.personId === o.ownerId)).toHaveLength(1);
    expect(await digestsTo(h, o.organisationId, 'manager@unsub.test')).toHaveLength(2);
  });

  it('accepts the multipart form RFC 8058 recommends, for a person without saved choices', async () => {
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const coachToken = sign({ personId: o.coachId });
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.execute(sql`DELETE FROM nudge_preferences WHERE person_id = ${o.coachId}`),
    );
    const res = await anonymous('POST', `/api/nudges/unsubscribe?token=${coachToken}`, { body: form });
    expect(await json(res, 200)).toEqual({ frequency: 'off' });
    // The defaults kept for when they turn it back on.
    expect(await frequencyOf(h, o.organisationId, o.coachId)).toEqual({
      frequency: 'off',
      weekday: 1,
      hour: 8,
      time_zone: 'UTC',
    });
  });

  it('answers 404 for a person who no longer exists', async () => {
    const gone = sign({ personId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
    expect((await post(gone)).status).toBe(404);
  });

  it('is rate-limited per client address, valid link or not', async () => {
    const { max } = UNSUBSCRIBE_LIMITS.perAddress;
    for (let i = 0; i < max; i++) expect((await post('junk')).status).toBe(400);
    const limited = await post(token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await state(token)).status).toBe(429);
  });
});
