// Lists of 360s and their progress: per rater group counts, never per rater.
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { col, queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { type CampaignRow, campaignQuery, withRoles } from './campaign-row.ts';
import {
  type AdminCampaignList,
  type CampaignList,
  type CampaignSummary,
  RATER_GROUP_KEYS,
} from './contracts.ts';
import { allowed, type ViewerRole } from './lifecycle.ts';
import { feedbackCampaigns } from './schema.ts';

const countsRow = z.object({
  campaignId: z.string(),
  group: z.enum(RATER_GROUP_KEYS),
  invited: col.count,
  responded: col.count,
  declined: col.count,
});

/**
 * Response counts per rater group, never per rater: the one thing the subject, their manager and
 * admins learn about who answered. So an edit to the list must move them the same way whoever it
 * touches. `invited` counts every nomination that is on the list or was ever sent an invitation
 * (taken off since, or re-addressed: the new address is a nomination of its own), so it never drops
 * once invitations are out; `responded` and `declined` count the raters who submitted or declined,
 * whether or not still on the list, since an edit never discards either. Removing a rater therefore
 * changes no count, and re-addressing one raises `invited` by one, whatever that rater had done.
 * Release freezes these same counts into the report (`freezeReport`).
 */
export async function countsFor(tx: Tx, organisationId: string, campaignIds: string[]) {
  if (!campaignIds.length) return [];
  return queryRows(
    tx,
    sql`SELECT campaign_id AS "campaignId", rater_group AS "group",
               -- On the list, answered or declined (on it or not), or invited before being taken off:
               count(*) FILTER (WHERE status <> 'removed' OR invited_at IS NOT NULL)::int AS invited,
               count(*) FILTER (WHERE status = 'submitted')::int AS responded,
               count(*) FILTER (WHERE status = 'declined')::int AS declined
          FROM feedback_raters
         WHERE organisation_id = ${organisationId}
           AND campaign_id IN (${sql.join(
             campaignIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
         GROUP BY campaign_id, rater_group`,
    countsRow,
  );
}

export function summarise(
  c: CampaignRow,
  role: ViewerRole,
  counts: z.infer<typeof countsRow>[],
): CampaignSummary {
  const mine = counts.filter((r) => r.campaignId === c.id);
  const sum = (k: 'invited' | 'responded' | 'declined') => mine.reduce((s, r) => s + r[k], 0);
  return {
    id: c.id,
    subject: { id: c.subjectId, name: c.subjectName },
    kind: c.kind,
    baselineCampaignId: c.baselineCampaignId,
    status: c.status,
    origin: c.origin,
    deadline: c.deadline.toISOString(),
    createdAt: c.createdAt.toISOString(),
    releasedAt: c.releasedAt?.toISOString() ?? null,
    viewerRole: role,
    progress: { invited: sum('invited'), responded: sum('responded'), declined: sum('declined') },
    reportAvailable: allowed('readReport', role, c),
  };
}

/** Campaigns the viewer is part of: their own, their reports', and those shared with them. */
export async function listCampaigns(scope: TenantScope): Promise<CampaignList> {
  const { tx, viewer, organisationId } = scope;
  const rows = await campaignQuery(tx)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, organisationId),
        sql`(${feedbackCampaigns.subjectId} = ${viewer.personId} OR ${people.managerId} = ${viewer.personId}
             OR ${feedbackCampaigns.sharedCoachId} = ${viewer.personId})`,
      ),
    )
    .orderBy(asc(feedbackCampaigns.createdAt));
  const visible = withRoles(viewer, rows, (role) => role !== 'admin');
  const counts = await countsFor(
    tx,
    organisationId,
    visible.map((x) => x.c.id),
  );
  return { campaigns: visible.map((x) => summarise(x.c, x.role, counts)) };
}

/** Every campaign of the organisation with completion counts: no names of raters, no content. */
export async function listForAdmin(scope: TenantScope): Promise<AdminCampaignList> {
  const { tx, organisationId } = scope;
  const rows = await campaignQuery(tx)
    .where(eq(feedbackCampaigns.organisationId, organisationId))
    .orderBy(asc(feedbackCampaigns.createdAt));
  const counts = await countsFor(
    tx,
    organisationId,
    rows.map((c) => c.id),
  );
  return {
    campaigns: rows.map((c) => {
      const s = summarise(c, 'admin', counts);
      return {
        id: s.id,
        subject: s.subject,
        kind: s.kind,
        status: s.status,
        deadline: s.deadline,
        releasedAt: s.releasedAt,
        progress: s.progress,
      };
    }),
  };
}
