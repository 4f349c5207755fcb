// Rater links and the emails that carry them. A link is `organisationId.secret`; only the secret's
// SHA-256 is stored (on the rater's row), exactly like sign-in invitations. Issuing a new link for
// a rater replaces the hash, which is how a changed nomination (and a reminder) revokes the old one.
// Reminders are jobs: each carries the reminder's number, is deduplicated by it, and re-checks the
// rater's state when it runs, so none is sent after a submit or decline, or beyond the maximum.
import { and, eq, sql } from 'drizzle-orm';
import { composeToken, newSecret } from '../../platform/auth/tokens.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { queueEmail } from '../../platform/mail/mailer.ts';
import { organisations } from '../organisations/schema.ts';
import { feedbackRaters } from './schema.ts';

export const REMIND_TASK = 'feedback.remind';
export const CLOSE_DUE_TASK = 'feedback.close-due';

export interface RemindPayload {
  organisationId: string;
  raterId: string;
  /** Which reminder this is, from 1. */
  reminder: number;
}

export interface InvitationContext {
  tx: Tx;
  jobs: JobQueue;
  publicUrl: string;
  organisationId: string;
}

export interface RaterToInvite {
  id: string;
  name: string;
  email: string;
}

export interface CampaignForEmail {
  subjectName: string;
  deadline: Date;
  reminderIntervalDays: number;
  maxReminders: number;
}

export const raterLink = (publicUrl: string, token: string) => `${publicUrl}/rate/${token}`;

async function organisationName(tx: Tx, organisationId: string): Promise<string> {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return org?.name ?? 'Your organisation';
}

/** Gives the rater a new link (revoking any earlier one) and returns it. */
async function newLink(ctx: InvitationContext, raterId: string, firstInvitation: boolean): Promise<string> {
  const { secret, hash } = newSecret();
  await ctx.tx
    .update(feedbackRaters)
    .set({
      tokenHash: hash,
      ...(firstInvitation ? { invitedAt: sql`now()`, remindersSent: 0 } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(feedbackRaters.organisationId, ctx.organisationId), eq(feedbackRaters.id, raterId)));
  return raterLink(ctx.publicUrl, composeToken(ctx.organisationId, secret));
}

const formatDate = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Invites raters: a fresh link each, an email through the outbox, and the first reminder scheduled.
 * Runs in the caller's transaction, so invitations exist only if the nomination change commits.
 */
export async function inviteRaters(
  ctx: InvitationContext,
  campaign: CampaignForEmail,
  raters: ReadonlyArray<RaterToInvite>,
): Promise<void> {
  if (!raters.length) return;
  const org = await organisationName(ctx.tx, ctx.organisationId);
  for (const rater of raters) {
    const url = await newLink(ctx, rater.id, true);
    await queueEmail(ctx.tx, ctx.jobs, ctx.organisationId, {
      to: rater.email,
      subject: `${campaign.subjectName} asks for your feedback`,
      text:
        `Hello ${rater.name},\n\n${campaign.subjectName} at ${org} has asked for your feedback on their ` +
        `leadership. It takes about 15 minutes; no account is needed, and your answers are saved as you go.\n\n` +
        `Your answers are combined with others' and never shown as yours; the form explains exactly who sees what.\n\n` +
        `Answer here by ${formatDate(campaign.deadline)}:\n${url}\n\n` +
        `If you would rather not take part, the same page lets you decline.\n`,
    });
    await scheduleReminder(ctx, rater.id, 1, campaign);
  }
}

async function scheduleReminder(
  ctx: InvitationContext,
  raterId: string,
  reminder: number,
  campaign: Pick<CampaignForEmail, 'reminderIntervalDays' | 'maxReminders' | 'deadline'>,
): Promise<void> {
  if (reminder > campaign.maxReminders) return;
  const runAt = new Date(Date.now() + campaign.reminderIntervalDays * 86_400_000);
  // A reminder due after the deadline would only point at a closed form.
  if (runAt >= campaign.deadline) return;
  const payload: RemindPayload = { organisationId: ctx.organisationId, raterId, reminder };
  await ctx.jobs.enqueue(ctx.tx, REMIND_TASK, payload, {
    runAt,
    dedupeKey: `${REMIND_TASK}:${raterId}:${reminder}`,
  });
}

/**
 * Sends reminder `n` if the rater still has not answered, the campaign is open, and fewer than `n`
 * reminders went out. The reminder carries a new link (only hashes are stored, so the old one cannot
 * be re-sent); the earlier link stops working, the saved answers stay.
 */
export async function sendReminder(ctx: InvitationContext, payload: RemindPayload): Promise<void> {
  const rows = (await ctx.tx.execute(sql`
    SELECT r.name, r.email, r.reminders_sent AS "remindersSent", c.deadline,
           (SELECT p.name FROM people p WHERE p.organisation_id = c.organisation_id AND p.id = c.subject_id) AS "subjectName",
           COALESCE(s.max_reminders, 2) AS "maxReminders", COALESCE(s.reminder_interval_days, 3) AS "intervalDays"
      FROM feedback_raters r
      JOIN feedback_campaigns c ON c.organisation_id = r.organisation_id AND c.id = r.campaign_id
      LEFT JOIN feedback_settings s ON s.organisation_id = r.organisation_id
     WHERE r.organisation_id = ${payload.organisationId} AND r.id = ${payload.raterId}
       AND r.status = 'invited' AND r.token_hash IS NOT NULL
       AND c.status = 'open' AND c.deadline > now()
     FOR UPDATE OF r`)) as unknown as {
    rows: Array<{
      name: string;
      email: string;
      remindersSent: number;
      deadline: string | Date;
      subjectName: string;
      maxReminders: number;
      intervalDays: number;
    }>;
  };
  const row = rows.rows[0];
  if (!row) return;
  const maxReminders = Number(row.maxReminders);
  if (Number(row.remindersSent) !== payload.reminder - 1 || payload.reminder > maxReminders) return;
  const deadline = new Date(row.deadline);
  const url = await newLink(ctx, payload.raterId, false);
  await ctx.tx
    .update(feedbackRaters)
    .set({ remindersSent: payload.reminder })
    .where(
      and(eq(feedbackRaters.organisationId, payload.organisationId), eq(feedbackRaters.id, payload.raterId)),
    );
  await queueEmail(ctx.tx, ctx.jobs, payload.organisationId, {
    to: row.email,
    subject: `Reminder: ${row.subjectName} would value your feedback`,
    text:
      `Hello ${row.name},\n\nA reminder that ${row.subjectName} asked for your feedback, open until ` +
      `${formatDate(deadline)}. Anything you already saved is kept.\n\nThis link replaces the one sent earlier:\n${url}\n`,
  });
  await scheduleReminder(ctx, payload.raterId, payload.reminder + 1, {
    maxReminders,
    reminderIntervalDays: Number(row.intervalDays),
    deadline,
  });
}
