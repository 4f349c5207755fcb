// Releasing a 360: the raw answers go through the disclosure module once, and its output is stored
// on the campaign and served frozen from then on (ADR 0006). Late answers cannot change it: the
// campaign is no longer open, so no rater link accepts them, and a trigger refuses any change to a
// released report.
import { randomInt } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  type CampaignAnswers,
  type RaterAnswer,
  type RaterComment,
  type RaterGroup,
  releaseReport,
  type SelfAnswer,
} from '../../core/disclosure/index.ts';
import type { OrganisationScope, TenantScope } from '../../platform/scope.ts';
import { assessments } from '../assessments/schema.ts';
import type { FrameworkDefinition } from '../framework/definition.ts';
import { publishedVersion } from '../framework/service.ts';
import { campaignDetail } from './campaign-detail.ts';
import { countsFor } from './campaign-list.ts';
import { findCampaignFor } from './campaign-row.ts';
import { type CampaignDetail, OPEN_QUESTIONS } from './contracts.ts';
import { instrumentOf, scoredValue } from './instrument.ts';
import { guard } from './lifecycle.ts';
import { feedbackCampaigns, feedbackRaters, type ReportMeta } from './schema.ts';

export interface SubmittedRater {
  id: string;
  group: RaterGroup;
  answers: Record<string, number | null>;
  comments: { keep?: string; change?: string };
}

/**
 * The disclosure module's input for one campaign. Pure. Answers are scored (reverse-keyed items
 * mirrored), so every figure reads "higher = more of it"; items a rater never answered count as
 * "can't say", which is what they are.
 */
export function campaignAnswers(
  definition: FrameworkDefinition,
  submitted: ReadonlyArray<SubmittedRater>,
  invitedByGroup: Partial<Record<RaterGroup, number>>,
  selfAnswers: Record<string, number | null> | null,
): CampaignAnswers {
  const instrument = instrumentOf(definition);
  const answers: RaterAnswer[] = [];
  const comments: RaterComment[] = [];
  for (const rater of submitted) {
    for (const itemId of instrument.itemKeys) {
      const value = scoredValue(instrument, itemId, rater.answers[itemId] ?? null);
      if (value !== null) answers.push({ itemId, raterId: rater.id, value });
    }
    for (const q of OPEN_QUESTIONS) {
      const text = rater.comments[q.key]?.trim();
      if (text) comments.push({ raterId: rater.id, question: q.text, text });
    }
  }
  const self: SelfAnswer[] = selfAnswers
    ? instrument.itemKeys.map((itemId) => ({
        itemId,
        value: scoredValue(instrument, itemId, selfAnswers[itemId] ?? null),
      }))
    : [];
  return {
    scale: instrument.scale!,
    itemIds: instrument.itemKeys,
    capabilities: instrument.capabilities.map((c) => ({
      capabilityId: c.definition.key,
      itemIds: c.items.map((i) => i.key),
    })),
    raters: submitted.map((r) => ({ raterId: r.id, group: r.group })),
    invitedByGroup,
    answers,
    selfAnswers: self,
    comments,
    commentQuestions: OPEN_QUESTIONS.map((q) => q.text),
  };
}

/** Releases the report: closes the campaign if open and stores the frozen disclosure output. */
export async function releaseCampaign(scope: TenantScope, id: string): Promise<CampaignDetail> {
  const { campaign: c, role } = await findCampaignFor(scope, id, true);
  guard('release', role, c);
  await freezeReport(scope, id);
  return campaignDetail(scope, id);
}

/** Builds and stores the released report. Also used by the demo seed. */
export async function freezeReport(
  { tx, kind, organisationId }: Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId'>,
  campaignId: string,
): Promise<void> {
  const [c] = await tx
    .select({
      subjectId: feedbackCampaigns.subjectId,
      versionId: feedbackCampaigns.versionId,
      policy: feedbackCampaigns.policy,
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
      id: feedbackRaters.id,
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
  await tx
    .update(feedbackCampaigns)
    .set({
      status: 'released',
      report: released,
      reportMeta: meta,
      releasedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(feedbackCampaigns.organisationId, organisationId), eq(feedbackCampaigns.id, campaignId)));
}
