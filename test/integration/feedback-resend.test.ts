// Resending one rater's invitation of an open 360. Links are stored as hashes, so a resend issues a
// new link and the old one stops working (as a reminder does); saved answers stay. Anonymity (ADR
// 0007): the answer is the same 202 whether the rater answered, declined or not; only a rater who has
// not answered gets an email, and the row of one who did is not touched; the throttle (one resend per
// rater per 10 minutes) applies to every rater alike. A resend is not a reminder: the reminder count
// and the queued chain stay as they were.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, RaterForm, ResendResponse } from '../../src/domains/feedback/contracts.ts';
import { feedbackRaters } from '../../src/domains/feedback/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, startHarness } from '../support/harness.ts';
import {
  allAnswers,
  type ErrorBody,
  emailCount,
  type FeedbackOrg,
  feedbackOrg,
  json,
  linkFor,
  raterClient,
} from './feedback-support.ts';

const NOMINEES = [
  { group: 'manager', name: 'M', email: 'manager@acme.test' },
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ group: 'peers', name: `Peer ${n}`, email: `peer${n}@acme.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'direct_reports', name: `DR ${n}`, email: `dr${n}@acme.test` })),
];
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabaseKinds())('resending a rater’s invitation on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaignId: string;
  const ids = new Map<string, string>();
  const firstTokens = new Map<string, string>();

  const resendPath = (raterId: string, id = campaignId) =>
    `/api/feedback/campaigns/${id}/raters/${raterId}/resend`;
  const resend = (client: Client, email: string) => client.post(resendPath(ids.get(email)!));
  const subjectDetailText = async () => {
    const res = await o.subject.get(`/api/feedback/campaigns/${campaignId}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const managerDetailText = async () => {
    const res = await o.manager.get(`/api/feedback/campaigns/${campaignId}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const row = async (email: string) => {
    const [r] = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx
        .select()
        .from(feedbackRaters)
        .where(
          and(eq(feedbackRaters.organisationId, o.organisationId), eq(feedbackRaters.id, ids.get(email)!)),
        ),
    );
    return r!;
  };
  /** Live jobs about one rater: queued reminders (by number) and resend markers. */
  const liveJobs = async (raterId: string) => {
    const rows = (await h.services.db.asSystem((tx) =>
      tx.execute(sql`SELECT dedupe_key AS "key", run_at AS "runAt" FROM jobs
                      WHERE state IN ('queued', 'running') AND payload->>'raterId' = ${raterId}
                      ORDER BY dedupe_key`),
    )) as unknown as { rows: { key: string; runAt: string | Date }[] };
    return rows.rows.map((r) => ({ key: r.key, runAt: new Date(r.runAt).toISOString() }));
  };
  /** Lets every resend throttle window end now, and runs whatever jobs are due. */
  const endThrottles = async () => {
    await h.services.db.asSystem((tx) =>
      tx.execute(sql`UPDATE rate_limits SET reset_at = now() WHERE scope = ${o.organisationId}`),
    );
    await h.services.jobs.runDue();
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    campaignId = c.id;
    await json(
      await o.subject.put(`/api/feedback/campaigns/${c.id}/nominations`, { nominations: NOMINEES }),
      200,
    );
    await json(await o.subject.post(`/api/feedback/campaigns/${c.id}/submit-nominations`), 200);
    const open = await json<CampaignDetail>(
      await o.manager.post(`/api/feedback/campaigns/${c.id}/approve`, {}),
      200,
    );
    for (const n of open.nominations) ids.set(n.email, n.id);
    for (const n of NOMINEES) firstTokens.set(n.email, await linkFor(h, o.organisationId, n.email));
    // peer2 submits, peer3 declines, peer4 is taken off the list.
    const rater = await raterClient(h);
    const token2 = firstTokens.get('peer2@acme.test')!;
    const form = await json<RaterForm>(await rater.get(`/api/rate/${token2}`), 200);
    await json(
      await rater.post(`/api/rate/${token2}/submit`, { answers: allAnswers(form, () => 4), comments: {} }),
      200,
    );
    await json(await rater.post(`/api/rate/${firstTokens.get('peer3@acme.test')}/decline`), 200);
    await json(
      await o.manager.put(`/api/feedback/campaigns/${c.id}/nominations`, {
        nominations: open.nominations.filter((n) => n.email !== 'peer4@acme.test'),
      }),
      200,
    );
  }, 120_000);
  afterAll(() => h.close());

  it('offers the resend to the subject and the approving manager while open, not to admins’ list', async () => {
    const subject = JSON.parse(await subjectDetailText()) as CampaignDetail;
    const manager = JSON.parse(await managerDetailText()) as CampaignDetail;
    expect(subject.can.resendInvitations).toBe(true);
    expect(manager.can.resendInvitations).toBe(true);
  });

  it('sends a rater who has not answered a new link; the old one dies, saved answers stay', async () => {
    const email = 'peer1@acme.test';
    const old = firstTokens.get(email)!;
    const rater = await raterClient(h);
    const form = await json<RaterForm>(await rater.get(`/api/rate/${old}`), 200);
    const firstItem = form.pages[0]!.items[0]!.key;
    await json(await rater.put(`/api/rate/${old}`, { answers: [{ item: firstItem, value: 2 }] }), 200);
    const before = await row(email);
    const jobsBefore = (await liveJobs(before.id)).filter((j) => j.key.startsWith('feedback.remind:'));
    const detailBefore = await subjectDetailText();
    const emailsBefore = await emailCount(h, o.organisationId, email);

    const body = await json<ResendResponse>(await resend(o.subject, email), 202);
    expect(body.status).toBe('accepted');
    expect(body.message).toMatch(/if they have not answered yet/i);

    expect(await emailCount(h, o.organisationId, email)).toBe(emailsBefore + 1);
    const fresh = await linkFor(h, o.organisationId, email);
    expect(fresh).not.toBe(old);
    const dead = await json<ErrorBody>(await rater.get(`/api/rate/${old}`), 404);
    expect(dead.error.code).toBe('link_invalid');
    const again = await json<RaterForm>(await rater.get(`/api/rate/${fresh}`), 200);
    expect(again.answers[firstItem]).toBe(2);
    // Not a reminder: the count and the queued chain are as they were.
    const after = await row(email);
    expect(after.remindersSent).toBe(before.remindersSent);
    expect(after.invitedAt).toEqual(before.invitedAt);
    expect(after.answers).toEqual(before.answers);
    expect((await liveJobs(after.id)).filter((j) => j.key.startsWith('feedback.remind:'))).toEqual(
      jobsBefore,
    );
    // Nothing the subject sees changed.
    expect(await subjectDetailText()).toBe(detailBefore);
  });

  it('answers the same for a rater who submitted or declined, sends nothing and changes nothing', async () => {
    const invitedBody = RESEND_BODY();
    for (const email of ['peer2@acme.test', 'peer3@acme.test']) {
      const before = await row(email);
      const subjectBefore = await subjectDetailText();
      const managerBefore = await managerDetailText();
      const emailsBefore = await emailCount(h, o.organisationId, email);
      const res = await resend(o.subject, email);
      expect(res.status, email).toBe(202);
      expect(await res.text(), email).toBe(invitedBody);
      expect(await emailCount(h, o.organisationId, email), email).toBe(emailsBefore);
      expect(await row(email), email).toEqual(before);
      expect(await subjectDetailText(), email).toBe(subjectBefore);
      expect(await managerDetailText(), email).toBe(managerBefore);
    }
  });

  it('allows one resend per rater per 10 minutes, for every rater alike', async () => {
    const answers: ErrorBody[] = [];
    for (const [client, email] of [
      [o.subject, 'peer1@acme.test'], // invited, resent above
      [o.manager, 'peer1@acme.test'], // the throttle is per rater, not per caller
      [o.subject, 'peer2@acme.test'], // submitted, "resent" above
      [o.subject, 'peer3@acme.test'], // declined
    ] as const) {
      const emailsBefore = await emailCount(h, o.organisationId, email);
      const res = await resend(client, email);
      expect(res.status, email).toBe(429);
      const retry = Number(res.headers.get('Retry-After'));
      expect(retry).toBeGreaterThan(500);
      expect(retry).toBeLessThanOrEqual(600);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('resend_too_soon');
      expect(body.error.message).toMatch(/10 minutes.*again in (9|10) minutes \(after \d\d:\d\d UTC\)/);
      expect(Date.parse(body.error.fields!.retryAt!)).toBeGreaterThan(Date.now() + 500_000);
      expect(await emailCount(h, o.organisationId, email)).toBe(emailsBefore);
      answers.push(body);
    }
    // The same words whatever the rater did (times may differ by the seconds between the resends).
    const shape = (b: ErrorBody) => b.error.message.replace(/\d+/g, 'N');
    expect(new Set(answers.map(shape)).size).toBe(1);

    // When the window ends a resend works again (and no job failed on the way).
    await endThrottles();
    const failed = (await h.services.db.asSystem((tx) =>
      tx.execute(sql`SELECT count(*)::int AS n FROM jobs WHERE state = 'failed'`),
    )) as unknown as { rows: { n: number }[] };
    expect(Number(failed.rows[0]!.n)).toBe(0);
    const emailsBefore = await emailCount(h, o.organisationId, 'peer1@acme.test');
    await json(await resend(o.manager, 'peer1@acme.test'), 202);
    expect(await emailCount(h, o.organisationId, 'peer1@acme.test')).toBe(emailsBefore + 1);
    await json(await resend(o.subject, 'peer2@acme.test'), 202);
  });

  it('lets an admin resend, and treats a rater taken off the list like an unknown id', async () => {
    const emailsBefore = await emailCount(h, o.organisationId, 'peer5@acme.test');
    await json(await resend(o.admin, 'peer5@acme.test'), 202);
    expect(await emailCount(h, o.organisationId, 'peer5@acme.test')).toBe(emailsBefore + 1);

    const removed = await json<ErrorBody>(await resend(o.subject, 'peer4@acme.test'), 404);
    const unknown = await json<ErrorBody>(await o.subject.post(resendPath(UNKNOWN)), 404);
    expect(removed).toEqual(unknown);
    // A rater of this 360 under another campaign id is unknown too.
    await json(await o.subject.post(resendPath(ids.get('peer6@acme.test')!, UNKNOWN)), 404);
  });

  it('refuses the coach (404), anyone signed out (401) and another organisation’s admin (404)', async () => {
    const coach = await json<ErrorBody>(await resend(o.coach, 'peer6@acme.test'), 404);
    expect(coach.error.code).toBe('not_found');
    const anonymous = new Client(h.app);
    await anonymous.get('/api/auth/csrf');
    expect((await resend(anonymous, 'peer6@acme.test')).status).toBe(401);
    const other = await feedbackOrg(h, 'beta');
    await json(await resend(other.admin, 'peer6@acme.test'), 404);
    await json(await resend(other.subject, 'peer6@acme.test'), 404);
    // None of them used up the rater's resend.
    await json(await resend(o.subject, 'peer6@acme.test'), 202);
  });

  it('refuses the manager when they do not manage the open list (approval off): 403', async () => {
    const other = await feedbackOrg(h, 'gamma');
    await json(await other.admin.put('/api/admin/feedback/settings', { approvalRequired: false }), 200);
    const c = await json<CampaignDetail>(await other.subject.post('/api/feedback/campaigns', {}), 201);
    await json(
      await other.subject.put(`/api/feedback/campaigns/${c.id}/nominations`, {
        nominations: [{ group: 'peers', name: 'G', email: 'g@gamma.test' }],
      }),
      200,
    );
    const open = await json<CampaignDetail>(
      await other.subject.post(`/api/feedback/campaigns/${c.id}/submit-nominations`),
      200,
    );
    expect(open.status).toBe('open');
    const managerView = await json<CampaignDetail>(
      await other.manager.get(`/api/feedback/campaigns/${c.id}`),
      200,
    );
    expect(managerView.can.resendInvitations).toBe(false);
    const raterId = open.nominations[0]!.id;
    const refused = await json<ErrorBody>(await other.manager.post(resendPath(raterId, c.id)), 403);
    expect(refused.error.code).toBe('forbidden');
    await json(await other.subject.post(resendPath(raterId, c.id)), 202);
  });

  it('refuses once the 360 is closed (409), and hides the button', async () => {
    await json(await o.subject.post(`/api/feedback/campaigns/${campaignId}/close`), 200);
    const closed = JSON.parse(await subjectDetailText()) as CampaignDetail;
    expect(closed.can.resendInvitations).toBe(false);
    const emailsBefore = await emailCount(h, o.organisationId, 'dr1@acme.test');
    const res = await json<ErrorBody>(await resend(o.subject, 'dr1@acme.test'), 409);
    expect(res.error.message).toContain('closed');
    expect(await emailCount(h, o.organisationId, 'dr1@acme.test')).toBe(emailsBefore);
  });
});

/** The exact body every accepted resend answers with. */
const RESEND_BODY = () =>
  JSON.stringify({
    status: 'accepted',
    message:
      'If they have not answered yet, they get a new email with a new link; the earlier link stops working.',
  });
