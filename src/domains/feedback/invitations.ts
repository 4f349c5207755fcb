// Rater links and the emails that carry them. A link is `organisationId.secret`; only the secret's
// SHA-256 is stored (on the rater's row), exactly like sign-in invitations (src/platform/http/rater-link.ts). Issuing a new link for
// a rater replaces the hash, which is how a changed nomination (and a reminder) revokes the old one.
// Reminders are jobs: each carries the reminder's number, is deduplicated by it, and re-checks the
// rater's state when it runs, so none is sent after a submit or decline, beyond the maximum, or after
// the deadline (as it is when the job runs: it can be changed while open, see resumeReminders).
// A resend (`resendInvitation`) is the same invitation again with a new link; it is not a reminder.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../platform/db/database.ts';
import { issueRaterLink } from '../../platform/http/rater-link.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { queueEmail } from '../../platform/mail/mailer.ts';
import { hit } from '../../platform/rate-limit/rate-limit.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import type { CampaignKind } from './contracts.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';

const remindPayload = z.object({
  organisationId: z.uuid(),
  raterId: z.uuid(),
  /** Which reminder this is, from 1. */
  reminder: z.int().min(1),
});
export type RemindPayload = z.output<typeof remindPayload>;

/** At most one resend per rater in this window (all raters alike, whatever they have done). */
export const RESEND_INTERVAL_MS = 10 * 60_000;

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
  /** A pulse's emails say it is a short follow-up; absent means a full 360. */
  kind?: CampaignKind;
  subjectName: string;
  deadline: Date;
  reminderIntervalDays: number;
  maxReminders: number;
}

async function organisationName(tx: Tx, organisationId: string): Promise<string> {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return org?.name ?? 'Your organisation';
}

/** Gives the rater a new link (revoking any earlier one) and returns it. */
async function newLink(ctx: InvitationContext, raterId: string, firstInvitation: boolean): Promise<string> {
  const link = issueRaterLink(ctx.publicUrl, ctx.organisationId);
  await ctx.tx
    .update(feedbackRaters)
    .set({
      tokenHash: link.hash,
      ...(firstInvitation ? { invitedAt: sql`now()`, remindersSent: 0 } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(feedbackRaters.organisationId, ctx.organisationId), eq(feedbackRaters.id, raterId)));
  return link.url;
}

const formatDate = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The invitation email; a resend is the same text saying that its link replaces the earlier one. */
function queueInvitationEmail(
  ctx: InvitationContext,
  org: string,
  campaign: Pick<CampaignForEmail, 'subjectName' | 'deadline' | 'kind'>,
  rater: RaterToInvite,
  url: string,
  resend: boolean,
): Promise<string> {
  const pulse = campaign.kind === 'pulse';
  return queueEmail(ctx.tx, ctx.jobs, ctx.organisationId, {
    to: rater.email,
    subject: pulse
      ? `${campaign.subjectName} asks for a quick follow-up on your feedback`
      : `${campaign.subjectName} asks for your feedback`,
    text:
      (pulse
        ? `Hello ${rater.name},\n\nYou gave ${campaign.subjectName} at ${org} feedback on their leadership ` +
          `earlier. They have been working on a few behaviours since and ask you to rate just those again, ` +
          `plus one short question. It takes about 3 minutes; no account is needed.\n\n`
        : `Hello ${rater.name},\n\n${campaign.subjectName} at ${org} has asked for your feedback on their ` +
          `leadership. It takes about 15 minutes; no account is needed, and your answers are saved as you go.\n\n`) +
      `Your answers are combined with others' and never shown as yours; the form explains exactly who sees what.\n\n` +
      `Answer here by ${formatDate(campaign.deadline)}:\n${url}\n\n` +
      (resend
        ? `This link replaces the one sent earlier, which no longer works; anything you already saved is kept.\n\n`
        : '') +
      `If you would rather not take part, the same page lets you decline.\n`,
  });
}

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
    await queueInvitationEmail(ctx, org, campaign, rater, url, false);
    await scheduleReminder(ctx, rater.id, 1, campaign);
  }
}

/**
 * Takes the one resend slot of a rater for the next RESEND_INTERVAL_MS, or returns when the slot
 * frees up if it is taken. Called for every rater on the list alike (answered, declined or not), so
 * the throttle says nothing about what a rater did.
 *
 * The slot is a platform rate limit (one hit per window) in the organisation's scope, counted in
 * this transaction: a resend that fails afterwards gives the slot back. Not on the rater's row: a
 * submitted or declined row must not change at all, and the throttle must apply to them too; and
 * invited_at/reminders_sent drive the counts and the reminder chain.
 */
export async function claimResendSlot(ctx: InvitationContext, raterId: string): Promise<Date | null> {
  const slot = await hit(ctx.tx, {
    scope: ctx.organisationId,
    key: `feedback.resend:${raterId}`,
    windowMs: RESEND_INTERVAL_MS,
    max: 1,
  });
  return slot.allowed ? null : slot.resetAt;
}

/**
 * Sends the invitation again with a new link (the old one stops working; saved answers stay), if
 * and only if the rater is on the list and still has not answered or declined. Anyone else's row is
 * not touched at all, and the caller answers the same either way. Not a reminder: the number of
 * reminders sent and the queued reminder chain stay as they were, so the maximum still holds. The
 * row is locked, so a submit racing with this either lands first (nothing is sent) or after (it uses
 * the link it has, which this revokes: `link_invalid`, like after a reminder).
 */
export async function resendInvitation(
  ctx: InvitationContext,
  campaign: Pick<CampaignForEmail, 'subjectName' | 'deadline' | 'kind'>,
  raterId: string,
): Promise<void> {
  const [rater] = await ctx.tx
    .select({ id: feedbackRaters.id, name: feedbackRaters.name, email: feedbackRaters.email })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, ctx.organisationId),
        eq(feedbackRaters.id, raterId),
        eq(feedbackRaters.status, 'invited'),
        isNotNull(feedbackRaters.tokenHash),
        isNull(feedbackRaters.removedAt),
      ),
    )
    .for('update');
  if (!rater) return;
  const org = await organisationName(ctx.tx, ctx.organisationId);
  const url = await newLink(ctx, rater.id, false);
  await queueInvitationEmail(ctx, org, campaign, rater, url, true);
}

/**
 * Schedules reminder `reminder` for `interval` days after `after` (the last email, by default now),
 * or now if that has passed, unless it would exceed the maximum or fall after the deadline.
 */
async function scheduleReminder(
  ctx: InvitationContext,
  raterId: string,
  reminder: number,
  campaign: Pick<CampaignForEmail, 'reminderIntervalDays' | 'maxReminders' | 'deadline'>,
  after: Date = new Date(),
): Promise<void> {
  if (reminder > campaign.maxReminders) return;
  const runAt = new Date(Math.max(Date.now(), after.getTime() + campaign.reminderIntervalDays * 86_400_000));
  // A reminder due after the deadline would only point at a closed form.
  if (runAt >= campaign.deadline) return;
  await ctx.jobs.enqueue(
    ctx.tx,
    remindJob,
    { organisationId: ctx.organisationId, raterId, reminder },
    { runAt, dedupeKey: `${remindJob.name}:${raterId}:${reminder}` },
  );
}

/**
 * Restarts the reminders of a campaign whose deadline moved (changed while open, or reopened).
 *
 * Why: reminders are a chain, each one scheduling the next, and a link of the chain that would fall
 * on or after the deadline is never scheduled. So a chain stopped at the old deadline; extended, the
 * raters would get no further reminder although the interval and maximum allow one. (A chain also
 * stops when its reminder comes due while the campaign is closed.) For each rater still expected to
 * answer, the next reminder (number remindersSent + 1) is scheduled again under the usual rules:
 * not beyond the maximum, `interval` days after the rater's row last changed — at or after their
 * last email, so reminders stay at least the interval apart — and only before the new deadline.
 * A reminder already queued keeps its time (its dedupe key refuses the second). A deadline brought
 * forward needs nothing: a queued reminder re-checks the deadline when it runs and is dropped after it.
 *
 * The rows are locked, so a reminder being sent right now finishes first and its count is seen here;
 * one that starts later waits for this transaction and reads the new deadline (see sendReminder).
 */
export async function resumeReminders(
  ctx: InvitationContext,
  campaignId: string,
  campaign: Pick<CampaignForEmail, 'reminderIntervalDays' | 'maxReminders' | 'deadline'>,
): Promise<void> {
  const raters = await ctx.tx
    .select({
      id: feedbackRaters.id,
      remindersSent: feedbackRaters.remindersSent,
      updatedAt: feedbackRaters.updatedAt,
    })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, ctx.organisationId),
        eq(feedbackRaters.campaignId, campaignId),
        eq(feedbackRaters.status, 'invited'),
        isNotNull(feedbackRaters.tokenHash),
        isNull(feedbackRaters.removedAt),
      ),
    )
    .for('update');
  for (const r of raters) await scheduleReminder(ctx, r.id, r.remindersSent + 1, campaign, r.updatedAt);
}

/**
 * Sends reminder `n` if the rater still has not answered, the campaign is open, and fewer than `n`
 * reminders went out. The reminder carries a new link (only hashes are stored, so the old one cannot
 * be re-sent); the earlier link stops working, the saved answers stay.
 */
export async function sendReminder(ctx: InvitationContext, payload: RemindPayload): Promise<void> {
  const rows = (await ctx.tx.execute(sql`
    SELECT r.name, r.email, r.reminders_sent AS "remindersSent", c.deadline, c.kind,
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
      kind: CampaignKind;
      subjectName: string;
      maxReminders: number;
      intervalDays: number;
    }>;
  };
  const row = rows.rows[0];
  if (!row) return;
  const maxReminders = Number(row.maxReminders);
  if (Number(row.remindersSent) !== payload.reminder - 1 || payload.reminder > maxReminders) return;
  const url = await newLink(ctx, payload.raterId, false);
  // Read again, not taken from the locked SELECT: if that waited for a deadline change holding this
  // row (resumeReminders), its campaign row is from before the change; this statement sees the new one.
  const [campaign] = await ctx.tx
    .select({ deadline: feedbackCampaigns.deadline })
    .from(feedbackCampaigns)
    .innerJoin(
      feedbackRaters,
      and(
        eq(feedbackRaters.organisationId, feedbackCampaigns.organisationId),
        eq(feedbackRaters.campaignId, feedbackCampaigns.id),
      ),
    )
    .where(
      and(eq(feedbackRaters.organisationId, payload.organisationId), eq(feedbackRaters.id, payload.raterId)),
    );
  const deadline = campaign ? campaign.deadline : new Date(row.deadline);
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
      `Hello ${row.name},\n\nA reminder that ${row.subjectName} asked for your ` +
      `${row.kind === 'pulse' ? 'quick follow-up (a few behaviours, about 3 minutes)' : 'feedback'}, open until ` +
      `${formatDate(deadline)}. Anything you already saved is kept.\n\nThis link replaces the one sent earlier:\n${url}\n`,
  });
  await scheduleReminder(ctx, payload.raterId, payload.reminder + 1, {
    maxReminders,
    reminderIntervalDays: Number(row.intervalDays),
    deadline,
  });
}

/** Reminder `n` of one rater (see sendReminder); scheduled by the invitation and by each reminder. */
export const remindJob = defineJob({
  name: 'feedback.remind',
  payload: remindPayload,
  handler: (payload, { services }) =>
    services.db.inOrganisation(payload.organisationId, (tx) =>
      sendReminder(
        {
          tx,
          jobs: services.jobs,
          publicUrl: services.config.publicUrl,
          organisationId: payload.organisationId,
        },
        payload,
      ),
    ),
});
