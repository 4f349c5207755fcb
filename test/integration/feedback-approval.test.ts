// Sending the rater list for approval tells the manager (with a link to the 360's page, where they
// approve) and confirms to the participant; the manager is reminded while the list waits, at most
// twice, and never once it is approved.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalRemindJob } from '../../src/domains/feedback/approval-emails.ts';

const APPROVAL_REMIND_TASK = approvalRemindJob.name;

import type { CampaignDetail } from '../../src/domains/feedback/contracts.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import type { Harness } from '../support/harness.ts';
import { startHarness } from '../support/harness.ts';
import { type FeedbackOrg, feedbackOrg, json } from './feedback-support.ts';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('asking the manager to approve on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaignId: string;

  const mailTo = (to: string) =>
    h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx
        .select({ subject: emails.subject, text: emails.text })
        .from(emails)
        .where(and(eq(emails.organisationId, o.organisationId), eq(emails.to, to)))
        .orderBy(emails.createdAt),
    );
  const queuedReminders = async () => {
    const rows = (await h.services.db.asSystem((tx) =>
      tx.execute(sql`SELECT (payload->>'reminder')::int AS reminder, run_at AS "runAt"
                       FROM jobs WHERE task = ${APPROVAL_REMIND_TASK} AND state = 'queued'
                        AND payload->>'campaignId' = ${campaignId} ORDER BY 1`),
    )) as unknown as { rows: { reminder: number; runAt: string | Date }[] };
    return rows.rows.map((r) => ({ reminder: Number(r.reminder), runAt: new Date(r.runAt) }));
  };
  const runRemindersNow = async () => {
    await h.services.db.asSystem((tx) =>
      tx.execute(
        sql`UPDATE jobs SET run_at = now() WHERE task = ${APPROVAL_REMIND_TASK} AND state = 'queued'`,
      ),
    );
    await h.services.jobs.runDue();
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'appr');
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    campaignId = c.id;
    const nominations = [1, 2, 3].map((n) => ({
      group: 'peers',
      name: `Peer ${n}`,
      email: `peer${n}@appr.test`,
    }));
    await json(
      await o.subject.put(`/api/feedback/campaigns/${campaignId}/nominations`, { nominations }),
      200,
    );
  }, 120_000);
  afterAll(() => h.close());

  it('emails the manager a link to the approval page, and the participant a confirmation', async () => {
    expect(await mailTo('manager@appr.test')).toEqual([]);
    const sent = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${campaignId}/submit-nominations`),
      200,
    );
    expect(sent.status).toBe('awaiting_approval');
    const link = `http://lodestar.test/feedback/${campaignId}`;

    const [request, ...more] = await mailTo('manager@appr.test');
    expect(more).toEqual([]);
    expect(request!.subject).toMatch(/appr participant.*approval/);
    expect(request!.text).toContain(`\n${link}\n`);
    // The link is the page where this manager can approve.
    const page = await json<CampaignDetail>(
      await o.manager.get(`/api/feedback/campaigns/${campaignId}`),
      200,
    );
    expect(page.can.approve).toBe(true);

    const [confirmation] = await mailTo('participant@appr.test');
    expect(confirmation!.subject).toMatch(/went to your manager/);
    expect(confirmation!.text).toContain('appr manager');
    expect(confirmation!.text).toContain(link);
    // No rater is asked before the approval.
    expect(await mailTo('peer1@appr.test')).toEqual([]);

    const [first, ...others] = await queuedReminders();
    expect(others).toEqual([]);
    expect(first!.reminder).toBe(1);
    expect(first!.runAt.getTime()).toBeGreaterThan(Date.now() + 3 * DAY - 60_000);
    expect(first!.runAt.getTime()).toBeLessThan(Date.now() + 3 * DAY + 1_000);
  });

  it('reminds the manager while the list waits, at most twice', async () => {
    await runRemindersNow();
    const [, reminder] = await mailTo('manager@appr.test');
    expect(reminder!.subject).toMatch(/^Reminder: /);
    expect(reminder!.text).toContain(`http://lodestar.test/feedback/${campaignId}`);
    expect((await queuedReminders()).map((r) => r.reminder)).toEqual([2]);
    // A third reminder would be beyond the maximum: it is not sent even if it were queued.
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      h.services.jobs.enqueue(tx, approvalRemindJob, {
        organisationId: o.organisationId,
        campaignId,
        reminder: 3,
      }),
    );
    await h.services.jobs.runDue();
    expect(await mailTo('manager@appr.test')).toHaveLength(2);
  });

  it('sends no reminder once the list is approved', async () => {
    expect((await queuedReminders()).map((r) => r.reminder)).toEqual([2]);
    await json(await o.manager.post(`/api/feedback/campaigns/${campaignId}/approve`, {}), 200);
    await runRemindersNow();
    expect(await mailTo('manager@appr.test')).toHaveLength(2);
    expect(await queuedReminders()).toEqual([]);
    // The raters are invited now.
    expect(await mailTo('peer1@appr.test')).toHaveLength(1);
  });
});
