// Moving a 360 along once its raters are invited: close, reopen, change the deadline, and (after
// release) share the report; plus the job that closes campaigns past their deadline.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { campaignDetail } from './campaign-detail.ts';
import { findCampaignFor, invalid, setStatus } from './campaign-row.ts';
import type { CampaignDetail } from './contracts.ts';
import { resumeReminders } from './invitations.ts';
import { futureDeadline } from './launch.ts';
import { guard } from './lifecycle.ts';
import { feedbackCampaigns } from './schema.ts';
import { loadSettings } from './settings.ts';

export async function closeCampaign(scope: TenantScope, id: string): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('close', role, c);
  await setStatus(scope.tx, scope.organisationId, id, 'closed');
  return campaignDetail(scope, id);
}

export async function reopenCampaign(
  scope: TenantScope,
  { id, deadline }: { id: string; deadline: string },
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('reopen', role, c);
  const when = futureDeadline(deadline, scope.now());
  await setStatus(scope.tx, scope.organisationId, id, 'open', when);
  // Reminders that came due while it was closed found it closed and stopped their chain.
  await resumeRemindersOf(scope, id, when);
  return campaignDetail(scope, id);
}

/**
 * Moves the deadline of an open 360 (later, or earlier but still in the future) without closing it.
 * Everything else reads the deadline column when it acts, so it follows at once: rater links work
 * until the new deadline (every read and write compares with it), the auto-close job closes at it,
 * and a reminder re-checks it before sending. Only the reminder chains need help (`resumeReminders`).
 */
export async function changeDeadline(
  scope: TenantScope,
  { id, deadline }: { id: string; deadline: string },
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('changeDeadline', role, c);
  const when = futureDeadline(deadline, scope.now());
  await setStatus(scope.tx, scope.organisationId, id, 'open', when);
  await resumeRemindersOf(scope, id, when);
  return campaignDetail(scope, id);
}

async function resumeRemindersOf(scope: TenantScope, campaignId: string, deadline: Date): Promise<void> {
  const settings = await loadSettings(scope.tx, scope.organisationId);
  await resumeReminders(scope, campaignId, {
    deadline,
    reminderIntervalDays: settings.reminderIntervalDays,
    maxReminders: settings.maxReminders,
  });
}

export async function updateSharing(
  scope: TenantScope,
  { id, ...sharing }: { id: string; withManager: boolean; coachId: string | null },
): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('share', role, c);
  if (sharing.coachId) {
    const [coach] = await scope.tx
      .select({ roles: people.roles, status: people.status })
      .from(people)
      .where(and(eq(people.organisationId, scope.organisationId), eq(people.id, sharing.coachId)));
    if (!coach?.roles.includes('coach') || coach.status === 'disabled' || sharing.coachId === c.subjectId) {
      throw invalid({ coachId: 'must be an active person with the coach role' });
    }
  }
  await scope.tx
    .update(feedbackCampaigns)
    .set({ sharedWithManager: sharing.withManager, sharedCoachId: sharing.coachId, updatedAt: sql`now()` })
    .where(and(eq(feedbackCampaigns.organisationId, scope.organisationId), eq(feedbackCampaigns.id, id)));
  return campaignDetail(scope, id);
}

/** Closes every open campaign whose deadline has passed, across organisations (system job). */
export async function closeDueCampaigns(tx: Tx): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`UPDATE feedback_campaigns SET status = 'closed', updated_at = now()
         WHERE status = 'open' AND deadline <= now() RETURNING id`,
    z.object({ id: z.string() }),
  );
  return rows.length;
}
