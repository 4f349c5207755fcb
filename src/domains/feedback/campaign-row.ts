// A campaign as the feedback services read it: its own columns with its subject's name and manager,
// found for a viewer (who may see a campaign is decided once, in `findCampaignFor`: the subject,
// their manager, the coach it is shared with, and admins for its status; anyone else gets 404, never
// 403, so ids reveal nothing), with its raters on the list and its one status write.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import { relationOf } from '../../identity/visibility.ts';
import type { Tx } from '../../platform/db/database.ts';
import { ApiError, notFound } from '../../platform/http/errors.ts';
import type { Viewer } from '../../platform/http/viewer.ts';
import type { TenantScope } from '../../platform/scope.ts';
import type { CampaignKind, CampaignStatus, RaterGroupKey } from './contracts.ts';
import { ROLE_OF, type ViewerRole } from './lifecycle.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';

const campaignColumns = {
  id: feedbackCampaigns.id,
  subjectId: feedbackCampaigns.subjectId,
  origin: feedbackCampaigns.origin,
  kind: feedbackCampaigns.kind,
  baselineCampaignId: feedbackCampaigns.baselineCampaignId,
  itemKeys: feedbackCampaigns.itemKeys,
  versionId: feedbackCampaigns.versionId,
  status: feedbackCampaigns.status,
  deadline: feedbackCampaigns.deadline,
  policy: feedbackCampaigns.policy,
  approvalRequired: feedbackCampaigns.approvalRequired,
  sharedWithManager: feedbackCampaigns.sharedWithManager,
  sharedCoachId: feedbackCampaigns.sharedCoachId,
  releasedAt: feedbackCampaigns.releasedAt,
  createdAt: feedbackCampaigns.createdAt,
  subjectName: people.name,
  subjectManagerId: people.managerId,
};

export type CampaignRow = {
  id: string;
  subjectId: string;
  origin: 'admin' | 'self';
  kind: CampaignKind;
  baselineCampaignId: string | null;
  /** A pulse's items; null for a full 360. */
  itemKeys: string[] | null;
  versionId: string;
  status: CampaignStatus;
  deadline: Date;
  policy: (typeof feedbackCampaigns.$inferSelect)['policy'];
  approvalRequired: boolean;
  sharedWithManager: boolean;
  sharedCoachId: string | null;
  releasedAt: Date | null;
  createdAt: Date;
  subjectName: string;
  subjectManagerId: string | null;
};

export const campaignQuery = (tx: Tx) =>
  tx
    .select(campaignColumns)
    .from(feedbackCampaigns)
    .innerJoin(
      people,
      and(
        eq(people.organisationId, feedbackCampaigns.organisationId),
        eq(people.id, feedbackCampaigns.subjectId),
      ),
    );

/** The viewer's relation to the campaign's subject (identity/visibility), named as the API names it. */
function roleOf(viewer: Viewer, c: CampaignRow): ViewerRole | null {
  const relation = relationOf(viewer, {
    id: c.subjectId,
    managerId: c.subjectManagerId,
    coachId: c.sharedCoachId,
  });
  return relation && ROLE_OF[relation];
}

/** The campaign with the viewer's role in it; 404 when there is none or the viewer has no part. */
export async function findCampaignFor(
  scope: Pick<TenantScope, 'tx' | 'viewer' | 'organisationId'>,
  id: string,
  lock = false,
): Promise<{ campaign: CampaignRow; role: ViewerRole }> {
  const q = campaignQuery(scope.tx).where(
    and(eq(feedbackCampaigns.organisationId, scope.organisationId), eq(feedbackCampaigns.id, id)),
  );
  const [campaign] = lock ? await q.for('update', { of: feedbackCampaigns }) : await q;
  const role = campaign ? roleOf(scope.viewer, campaign) : null;
  if (!campaign || !role) throw notFound('feedback campaign');
  return { campaign, role };
}

/** Visible campaigns with the viewer's role in each (for lists; admins are left to `keep`). */
export function withRoles(
  viewer: Viewer,
  rows: CampaignRow[],
  keep: (role: ViewerRole) => boolean,
): { c: CampaignRow; role: ViewerRole }[] {
  return rows
    .map((c) => ({ c, role: roleOf(viewer, c) }))
    .filter((x): x is { c: CampaignRow; role: ViewerRole } => x.role !== null && keep(x.role));
}

export async function setStatus(
  tx: Tx,
  organisationId: string,
  id: string,
  status: CampaignStatus,
  deadline?: Date,
) {
  await tx
    .update(feedbackCampaigns)
    .set({ status, ...(deadline ? { deadline } : {}), updatedAt: sql`now()` })
    .where(and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, id)));
}

export interface RaterRow {
  id: string;
  group: RaterGroupKey;
  name: string;
  email: string;
  status: 'invited' | 'submitted' | 'declined' | 'removed';
  tokenHash: string | null;
  invitedAt: Date | null;
}

/** The raters on the list (not taken off it), which is all the subject and manager ever see. */
export async function ratersOf(tx: Tx, organisationId: string, campaignId: string): Promise<RaterRow[]> {
  return tx
    .select({
      id: feedbackRaters.id,
      group: feedbackRaters.group,
      name: feedbackRaters.name,
      email: feedbackRaters.email,
      status: feedbackRaters.status,
      tokenHash: feedbackRaters.tokenHash,
      invitedAt: feedbackRaters.invitedAt,
    })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, organisationId),
        eq(feedbackRaters.campaignId, campaignId),
        isNull(feedbackRaters.removedAt),
      ),
    )
    .orderBy(asc(feedbackRaters.group), asc(feedbackRaters.name), asc(feedbackRaters.id));
}

/** A 400 naming every bad field, the first in the message. */
export function invalid(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}
