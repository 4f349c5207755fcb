// Telling the manager that a rater list waits for their approval. When the participant sends the
// list, the manager gets an email with a link to the 360's page (where they approve, editing if
// needed) and the participant a confirmation; both are queued in the submit's transaction, so they
// exist only if the submit commits. If the list is still waiting APPROVAL_REMINDER_DAYS later, the
// manager is reminded, at most MAX_APPROVAL_REMINDERS times. A reminder is a job that re-reads the
// campaign when it runs: none goes once the list is approved (or the 360 is gone, or its deadline
// has passed), and it goes to whoever manages the participant then, as that is who may approve.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { queueEmail } from '../../platform/mail/mailer.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import { campaignQuery } from './campaign-row.ts';
import { feedbackCampaigns } from './schema.ts';

export const APPROVAL_REMINDER_DAYS = 3;
export const MAX_APPROVAL_REMINDERS = 2;

const approvalRemindPayload = z.object({
  organisationId: z.uuid(),
  campaignId: z.uuid(),
  /** Which reminder this is, from 1. */
  reminder: z.number().int().min(1),
});
type ApprovalRemindPayload = z.infer<typeof approvalRemindPayload>;

export interface ApprovalContext {
  tx: Tx;
  jobs: JobQueue;
  publicUrl: string;
  organisationId: string;
}

/** The 360's page in the web app; the manager approves there (after signing in if need be). */
export const campaignLink = (publicUrl: string, campaignId: string) => `${publicUrl}/feedback/${campaignId}`;

interface Waiting {
  subjectName: string;
  subjectEmail: string;
  deadline: Date;
  managerName: string;
  managerEmail: string;
}

/** The campaign if it still waits for approval before its deadline, with its subject and manager. */
async function waitingForApproval(ctx: ApprovalContext, campaignId: string): Promise<Waiting | null> {
  const [c] = await campaignQuery(ctx.tx)
    .where(
      and(eq(feedbackCampaigns.organisationId, ctx.organisationId), eq(feedbackCampaigns.id, campaignId)),
    )
    // Waits for an approval being saved right now, and then sees it: no reminder after approval.
    .for('update', { of: feedbackCampaigns });
  if (c?.status !== 'awaiting_approval' || !c.subjectManagerId || c.deadline <= new Date()) return null;
  const found = await ctx.tx
    .select({ id: people.id, name: people.name, email: people.email, status: people.status })
    .from(people)
    .where(
      and(
        eq(people.organisationId, ctx.organisationId),
        inArray(people.id, [c.subjectId, c.subjectManagerId]),
      ),
    );
  const subject = found.find((p) => p.id === c.subjectId);
  const manager = found.find((p) => p.id === c.subjectManagerId);
  // A disabled account cannot sign in to approve; an admin sees the waiting list instead.
  if (!subject || !manager || manager.status === 'disabled') return null;
  return {
    subjectName: subject.name,
    subjectEmail: subject.email,
    deadline: c.deadline,
    managerName: manager.name,
    managerEmail: manager.email,
  };
}

const formatDate = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function queueApprovalRequest(ctx: ApprovalContext, w: Waiting, campaignId: string, reminder: boolean) {
  return queueEmail(ctx.tx, ctx.jobs, ctx.organisationId, {
    to: w.managerEmail,
    subject: `${reminder ? 'Reminder: ' : ''}${w.subjectName}'s 360 raters wait for your approval`,
    text:
      `Hello ${w.managerName},\n\n${w.subjectName} has chosen who to ask for 360° feedback and sent ` +
      `the list to you for approval${reminder ? ', and it is still waiting' : ''}. Nobody is asked ` +
      `until you approve it; you can add or remove raters first.\n\n` +
      `Review and approve the list here:\n${campaignLink(ctx.publicUrl, campaignId)}\n\n` +
      `The 360 is due to close on ${formatDate(w.deadline)}.\n`,
  });
}

/**
 * The list was just sent for approval: email the manager and the participant, and schedule the
 * first reminder. Runs in the caller's transaction.
 */
export async function requestApproval(ctx: ApprovalContext, campaignId: string): Promise<void> {
  const waiting = await waitingForApproval(ctx, campaignId);
  if (!waiting) return;
  await queueApprovalRequest(ctx, waiting, campaignId, false);
  await queueEmail(ctx.tx, ctx.jobs, ctx.organisationId, {
    to: waiting.subjectEmail,
    subject: 'Your 360 rater list went to your manager',
    text:
      `Hello ${waiting.subjectName},\n\nYour rater list is with ${waiting.managerName} for approval. ` +
      `Your raters are invited as soon as it is approved; you will see it on your 360's page:\n` +
      `${campaignLink(ctx.publicUrl, campaignId)}\n`,
  });
  await scheduleApprovalReminder(ctx, campaignId, 1);
}

async function scheduleApprovalReminder(ctx: ApprovalContext, campaignId: string, reminder: number) {
  if (reminder > MAX_APPROVAL_REMINDERS) return;
  const payload: ApprovalRemindPayload = { organisationId: ctx.organisationId, campaignId, reminder };
  await ctx.jobs.enqueue(ctx.tx, approvalRemindJob, payload, {
    delayMs: APPROVAL_REMINDER_DAYS * 86_400_000,
    dedupeKey: `${approvalRemindJob.name}:${campaignId}:${reminder}`,
  });
}

/** Reminder `n`, if the list still waits for approval; then schedules the next one. */
async function sendApprovalReminder(ctx: ApprovalContext, payload: ApprovalRemindPayload): Promise<void> {
  const waiting = await waitingForApproval(ctx, payload.campaignId);
  if (!waiting || payload.reminder > MAX_APPROVAL_REMINDERS) return;
  await queueApprovalRequest(ctx, waiting, payload.campaignId, true);
  await scheduleApprovalReminder(ctx, payload.campaignId, payload.reminder + 1);
}

/** A reminder to the manager whose approval a rater list waits for (see sendApprovalReminder). */
export const approvalRemindJob = defineJob({
  name: 'feedback.approval-remind',
  payload: approvalRemindPayload,
  handler: (payload, { services }) =>
    inOrganisationScope(services, payload.organisationId, (scope) => sendApprovalReminder(scope, payload)),
});
