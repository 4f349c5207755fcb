// Releasing a 360: the raw answers go through the disclosure module once, and its output is stored
// on the campaign and served frozen from then on (ADR 0006). Late answers cannot change it: the
// campaign is no longer open, so no rater link accepts them, and a trigger refuses any change to a
// released report.
import { randomInt } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type RaterGroup, type ReleasedReport, releaseReport } from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { OrganisationScope, TenantScope } from '../../platform/scope.ts';
import { assessments } from '../assessments/schema.ts';
import { publishedVersion } from '../framework/service.ts';
import { campaignDetail } from './campaign-detail.ts';
import { countsFor } from './campaign-list.ts';
import { findCampaignFor } from './campaign-row.ts';
import type { CampaignDetail } from './contracts.ts';
import { campaignAnswers } from './disclosure-input.ts';
import { guard } from './lifecycle.ts';
import { releasePulse } from './pulse-release.ts';
import { feedbackCampaigns, feedbackRaters, type ReportMeta } from './schema.ts';

/** Releases the report: closes the campaign if open and stores the frozen disclosure output. */
export async function releaseCampaign(scope: TenantScope, id: string): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('release', role, c);
  await freezeReport(scope, id);
  return campaignDetail(scope, id);
}

/**
 * Builds and stores the released report. Also used by the demo seed, which dates its releases in
 * the past (`releasedAt`; otherwise now).
 */
export async function freezeReport(
  { tx, kind, organisationId }: Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId'>,
  campaignId: string,
  releasedAt?: Date,
): Promise<void> {
  const [c] = await tx
    .select({
      subjectId: feedbackCampaigns.subjectId,
      versionId: feedbackCampaigns.versionId,
      policy: feedbackCampaigns.policy,
      kind: feedbackCampaigns.kind,
      itemKeys: feedbackCampaigns.itemKeys,
      baselineCampaignId: feedbackCampaigns.baselineCampaignId,
    })
    .from(feedbackCampaigns)
    .where(and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, campaignId)));
  if (!c) throw new Error(`campaign ${campaignId} not found`);
  const version = await publishedVersion(tx, kind, organisationId, c.versionId);
  // Exactly the submitted answers: every rater who submitted, including any taken off the list
  // afterwards (an edit never discards a submission, docs/decisions/0007). Drafts and declines never
  // count. Group sizes, every figure and every disclosure decision rest on this set alone.
  const submitted = await tx
    .select({
      // A pulse's raters are known by their baseline row: the same people across both releases.
      id: sql<string>`coalesce(${feedbackRaters.baselineRaterId}, ${feedbackRaters.id})`,
      group: feedbackRaters.group,
      answers: feedbackRaters.answers,
      comments: feedbackRaters.comments,
    })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, organisationId),
        eq(feedbackRaters.campaignId, campaignId),
        eq(feedbackRaters.status, 'submitted'),
      ),
    );
  // Response rates use the same counts as the campaign's progress (`countsFor`), so the report's
  // "invited" is the figure the subject saw while the 360 ran: it counts raters taken off the list
  // after their invitation too, and is never below the number who submitted. A group nobody was
  // asked in is left out (the report shows "nobody was asked").
  const invitedByGroup: Partial<Record<RaterGroup, number>> = {};
  for (const r of await countsFor(tx, organisationId, [campaignId])) {
    if (r.invited > 0) invitedByGroup[r.group] = r.invited;
  }
  if (c.kind === 'pulse') {
    const released = await releasePulse(
      { tx, organisationId },
      {
        campaignId,
        policy: c.policy,
        versionId: c.versionId,
        itemKeys: c.itemKeys!,
        baselineCampaignId: c.baselineCampaignId!,
      },
      version.definition,
      submitted,
      invitedByGroup,
    );
    const none = { selfAssessmentId: null, selfSubmittedAt: null };
    await storeReleased(tx, organisationId, campaignId, released, none, releasedAt);
    return;
  }
  // Self ratings: the subject's latest submitted self-assessment, on any version (item keys are
  // stable across versions, ADR 0005). Frozen with the report like everything else.
  const [self] = await tx
    .select({ id: assessments.id, answers: assessments.answers, submittedAt: assessments.submittedAt })
    .from(assessments)
    .where(
      and(
        eq(assessments.organisationId, organisationId),
        eq(assessments.personId, c.subjectId),
        eq(assessments.status, 'submitted'),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  const released = releaseReport(
    campaignAnswers(version.definition, submitted, invitedByGroup, self?.answers ?? null),
    {
      policy: c.policy,
      shuffleSeed: randomInt(0, 2 ** 31),
    },
  );
  const meta: ReportMeta = {
    selfAssessmentId: self?.id ?? null,
    selfSubmittedAt: self?.submittedAt?.toISOString() ?? null,
  };
  await storeReleased(tx, organisationId, campaignId, released, meta, releasedAt);
}

async function storeReleased(
  tx: Tx,
  organisationId: string,
  campaignId: string,
  released: ReleasedReport,
  meta: ReportMeta,
  releasedAt: Date | undefined,
): Promise<void> {
  await tx
    .update(feedbackCampaigns)
    .set({
      status: 'released',
      report: released,
      reportMeta: meta,
      releasedAt: releasedAt ?? sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, campaignId)));
}
