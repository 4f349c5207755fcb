// Resending a rater's invitation with a new link (docs/decisions/0007): the same checks, throttle
// and 202 body for every rater on the list, whatever they have done.
import { and, eq, isNull } from 'drizzle-orm';
import { ApiError, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { findCampaignFor } from './campaign-row.ts';
import type { ResendResponse } from './contracts.ts';
import { claimResendSlot, RESEND_INTERVAL_MS, resendInvitation } from './invitations.ts';
import { guard } from './lifecycle.ts';
import { feedbackRaters } from './schema.ts';

/** The one answer to every accepted resend, whatever the rater has done (ADR 0007). */
export const RESEND_ACCEPTED: ResendResponse = {
  status: 'accepted',
  message:
    'If they have not answered yet, they get a new email with a new link; the earlier link stops working.',
};

/** The pulse's row of a 360 rater, if they were asked again (they answered the 360). */
async function pulseRowOf(
  scope: TenantScope,
  pulseId: string,
  baselineRaterId: string,
): Promise<string | null> {
  const [row] = await scope.tx
    .select({ id: feedbackRaters.id })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, scope.organisationId),
        eq(feedbackRaters.campaignId, pulseId),
        eq(feedbackRaters.baselineRaterId, baselineRaterId),
      ),
    );
  return row?.id ?? null;
}

/**
 * Resends one rater's invitation with a new link. Anonymity: nothing here may tell the caller
 * whether that rater has answered, so every rater on the list gets the same checks, the same
 * throttle and the same 202 body; only a rater still 'invited' actually gets a new link and email
 * (`resendInvitation`), and the row of one who submitted or declined is not touched at all. A rater
 * taken off the list is unknown here (404), whatever they had done.
 */
export async function resendToRater(
  scope: TenantScope,
  { id, raterId }: { id: string; raterId: string },
): Promise<ResendResponse> {
  const { tx, organisationId } = scope;
  // Locked, so a close or release waits for this (no email after the 360 closed).
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('resendInvitations', role, c);
  // A pulse lists its 360's raters (campaign-detail.ts), so a resend names one of those: on the list
  // alike, whether or not they answered the 360 and so were asked again.
  const listOf = c.kind === 'pulse' ? c.baselineCampaignId! : c.id;
  const [rater] = await tx
    .select({ id: feedbackRaters.id })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, organisationId),
        eq(feedbackRaters.campaignId, listOf),
        eq(feedbackRaters.id, raterId),
        isNull(feedbackRaters.removedAt),
      ),
    );
  if (!rater) throw notFound('rater');
  const retryAt = await claimResendSlot(scope, rater.id);
  if (retryAt) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - scope.now().getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    const time = retryAt.toISOString().slice(11, 16);
    throw new ApiError(
      429,
      'resend_too_soon',
      `an invitation was resent to this rater less than ${RESEND_INTERVAL_MS / 60_000} minutes ago; ` +
        `you can resend it again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${time} UTC)`,
      { retryAt: retryAt.toISOString() },
      { 'Retry-After': String(seconds) },
    );
  }
  const target = c.kind === 'pulse' ? await pulseRowOf(scope, c.id, rater.id) : rater.id;
  if (target) {
    await resendInvitation(scope, { kind: c.kind, subjectName: c.subjectName, deadline: c.deadline }, target);
  }
  return RESEND_ACCEPTED;
}
