// Changing the deadline of an open 360 (PUT /api/feedback/campaigns/:id/deadline): who may, when,
// the future-date rule, rater links and the auto-close job following the new deadline, and the
// reminder chains resumed under the same interval, maximum and deadline rules.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, RaterForm } from '../../src/domains/feedback/contracts.ts';
import { closeDueCampaignsJob } from '../../src/domains/feedback/jobs.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import {
  allAnswers,
  type ErrorBody,
  emailCount,
  type FeedbackOrg,
  feedbackOrg,
  json,
  linkFor,
  makeRemindersDue,
  raterClient,
} from './feedback-support.ts';

const RATERS = [
  { group: 'peers', name: 'Peer One', email: 'peer1@dl.test' },
  { group: 'peers', name: 'Peer Two', email: 'peer2@dl.test' },
  { group: 'peers', name: 'Peer Three', email: 'peer3@dl.test' },
  { group: 'others', name: 'Other One', email: 'other1@dl.test' },
] as const;
const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe.each(testDatabaseKinds())('changing a 360 deadline on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let otherAdmin: Client;
  let campaign: CampaignDetail;
  let oldDeadline: Date;
  const path = () => `/api/feedback/campaigns/${campaign.id}/deadline`;

  /** Queued reminder jobs of this organisation: which reminder, and when it runs. */
  const queuedReminders = async () => {
    const rows = (await h.services.db.asSystem((tx) =>
      tx.execute(sql`SELECT (payload->>'reminder')::int AS reminder, run_at AS "runAt"
                       FROM jobs WHERE task = 'feedback.remind' AND state = 'queued'
                        AND payload->>'organisationId' = ${o.organisationId}`),
    )) as unknown as { rows: { reminder: number; runAt: string | Date }[] };
    return rows.rows.map((r) => ({ reminder: Number(r.reminder), runAt: new Date(r.runAt) }));
  };
  const remindersTo = async (email: string) => (await emailCount(h, o.organisationId, email)) - 1; // minus the invitation
  const runReminders = async () => {
    await makeRemindersDue(h);
    await h.services.jobs.runDue();
  };
  const runCloseDue = async () => {
    await h.services.db.asSystem((tx) => h.services.jobs.enqueue(tx, closeDueCampaignsJob, {}));
    await h.services.jobs.runDue();
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'dl');
    await addOrganisation(h.services, 'elsewhere');
    otherAdmin = new Client(h.app);
    expect((await otherAdmin.signIn('admin@elsewhere.test', PASSWORD)).status).toBe(200);
    // No approval step: the subject's list goes straight out.
    await json(await o.admin.put('/api/admin/feedback/settings', { approvalRequired: false }), 200);
  });
  afterAll(() => h.close());

  it('opens a 360 whose deadline is seconds away: too close for any reminder', async () => {
    oldDeadline = new Date(Date.now() + 3_000);
    campaign = await json<CampaignDetail>(
      await o.subject.post('/api/feedback/campaigns', { deadline: oldDeadline.toISOString() }),
      201,
    );
    expect(campaign.can.changeDeadline).toBe(false); // not open yet
    await json(
      await o.subject.put(`/api/feedback/campaigns/${campaign.id}/nominations`, { nominations: RATERS }),
      200,
    );
    // Not open yet: nothing to extend.
    const early = await json<ErrorBody>(await o.subject.put(path(), { deadline: inDays(10) }), 409);
    expect(early.error.message).toContain('once the 360 is open');
    campaign = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${campaign.id}/submit-nominations`),
      200,
    );
    expect(campaign.status).toBe('open');
    expect(campaign.can.changeDeadline).toBe(true);
    // The first reminder (in 3 days) would fall after the deadline, so none was scheduled.
    expect(await queuedReminders()).toEqual([]);
  });

  it('lets only the subject and admins change it, and only to a valid future date-time', async () => {
    const asManager = await json<CampaignDetail>(
      await o.manager.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(asManager.can.changeDeadline).toBe(false);
    const manager = await json<ErrorBody>(await o.manager.put(path(), { deadline: inDays(10) }), 403);
    expect(manager.error.message).toContain('only the subject or an admin');
    // Someone unrelated (the coach, not shared with) and another organisation's admin: no such 360.
    expect((await o.coach.put(path(), { deadline: inDays(10) })).status).toBe(404);
    expect((await otherAdmin.put(path(), { deadline: inDays(10) })).status).toBe(404);
    const anonymous = await raterClient(h); // a CSRF cookie, no account
    expect((await anonymous.put(path(), { deadline: inDays(10) })).status).toBe(401);

    const past = await json<ErrorBody>(
      await o.subject.put(path(), { deadline: '2000-01-01T00:00:00Z' }),
      400,
    );
    expect(past.error.fields).toEqual({ deadline: 'must be in the future' });
    expect(past.error.message).toContain('deadline: must be in the future');
    const noZone = await json<ErrorBody>(await o.subject.put(path(), { deadline: '2099-01-01T12:00' }), 400);
    expect(noZone.error.fields).toHaveProperty('deadline');
    const missing = await json<ErrorBody>(await o.subject.put(path(), {}), 400);
    expect(missing.error.fields).toHaveProperty('deadline');
    // Refusals change nothing.
    const unchanged = await json<CampaignDetail>(
      await o.subject.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(unchanged.deadline).toBe(oldDeadline.toISOString());
  });

  it('extends the deadline of the open 360, and resumes the reminders under the usual rules', async () => {
    const newDeadline = inDays(10);
    const extended = await json<CampaignDetail>(await o.subject.put(path(), { deadline: newDeadline }), 200);
    expect(extended).toMatchObject({ status: 'open', deadline: newDeadline });
    const detail = await json<CampaignDetail>(
      await o.admin.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(detail.deadline).toBe(newDeadline);
    expect(detail.can.changeDeadline).toBe(true);
    // The first reminder of each rater, the interval (3 days) after their invitation.
    const queued = await queuedReminders();
    expect(queued).toHaveLength(RATERS.length);
    for (const job of queued) {
      expect(job.reminder).toBe(1);
      expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 3 * DAY - 60_000);
      expect(job.runAt.getTime()).toBeLessThan(Date.now() + 3 * DAY + 1_000);
    }
    // An admin changes it again: no reminder is doubled.
    const again = inDays(9);
    expect((await json<CampaignDetail>(await o.admin.put(path(), { deadline: again }), 200)).deadline).toBe(
      again,
    );
    expect(await queuedReminders()).toHaveLength(RATERS.length);
  });

  it('keeps rater links working and the 360 open after the old deadline has passed', async () => {
    const wait = oldDeadline.getTime() - Date.now() + 250;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    expect(Date.now()).toBeGreaterThan(oldDeadline.getTime());
    await runCloseDue();
    const stillOpen = await json<CampaignDetail>(
      await o.subject.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(stillOpen.status).toBe('open');
    const rater = await raterClient(h);
    const token = await linkFor(h, o.organisationId, 'peer1@dl.test');
    const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    expect(form.deadline).toBe(stillOpen.deadline);
    await json(
      await rater.post(`/api/rate/${token}/submit`, { answers: allAnswers(form, () => 4), comments: {} }),
      200,
    );
  });

  it('sends reminders the interval apart; a further change does not restart their count', async () => {
    await runReminders();
    expect(await remindersTo('peer2@dl.test')).toBe(1);
    expect(await remindersTo('peer1@dl.test')).toBe(0); // submitted
    // The next one is reminder 2, the interval after this one.
    let queued = await queuedReminders();
    expect(queued.map((j) => j.reminder)).toEqual([2, 2, 2]);
    for (const job of queued) expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 3 * DAY - 60_000);
    await json(await o.subject.put(path(), { deadline: inDays(12) }), 200);
    queued = await queuedReminders();
    expect(queued.map((j) => j.reminder)).toEqual([2, 2, 2]);
  });

  it('sends no reminder after a deadline brought forward, and the job closes the 360 at it', async () => {
    const sooner = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      (await json<CampaignDetail>(await o.subject.put(path(), { deadline: sooner }), 200)).deadline,
    ).toBe(sooner);
    // Reminder 2 stays queued for after that deadline; time passes beyond it.
    await h.services.db.asSystem((tx) =>
      tx.execute(
        sql`UPDATE feedback_campaigns SET deadline = now() - interval '1 second' WHERE id = ${campaign.id}`,
      ),
    );
    const rater = await raterClient(h);
    expect((await rater.get(`/api/rate/${await linkFor(h, o.organisationId, 'peer2@dl.test')}`)).status).toBe(
      410,
    );
    await runReminders();
    expect(await remindersTo('peer2@dl.test')).toBe(1);
    await runCloseDue();
    const closed = await json<CampaignDetail>(
      await o.subject.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(closed.status).toBe('closed');
    expect(closed.can.changeDeadline).toBe(false);
  });

  it('refuses a change once closed (reopen instead) or released (final)', async () => {
    const closed = await json<ErrorBody>(await o.subject.put(path(), { deadline: inDays(5) }), 409);
    expect(closed.error.message).toContain('reopen it with a new deadline instead');
    // Reopening resumes the reminder chains that stopped while it was closed, still at most 2 each.
    await json(
      await o.admin.post(`/api/feedback/campaigns/${campaign.id}/reopen`, { deadline: inDays(10) }),
      200,
    );
    expect((await queuedReminders()).map((j) => j.reminder)).toEqual([2, 2, 2]);
    await runReminders();
    await runReminders();
    expect(await remindersTo('peer2@dl.test')).toBe(2);
    expect(await queuedReminders()).toEqual([]);

    await json(await o.subject.post(`/api/feedback/campaigns/${campaign.id}/release`), 200);
    const released = await json<ErrorBody>(await o.admin.put(path(), { deadline: inDays(5) }), 409);
    expect(released.error.message).toContain('final');
  });
});
