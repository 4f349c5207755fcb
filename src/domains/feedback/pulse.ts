// Asking for a pulse: the subject picks 3–6 behaviours of their latest released 360 and the same
// raters are asked to rate just those again, plus one open question. It is a campaign like any
// other (kind 'pulse'): the same links, invitations, reminders, deadline, approval and release. Only
// the rater list is not chosen: it is the baseline's raters who submitted and are still on its list,
// copied with a link to their baseline row, and it cannot be edited (they may decline). Who of the
// 360's list answered stays unknown to the subject and the manager, as in the 360 (ADR 0007): they
// are shown the 360's list, and every count they see was already in the 360's released report.
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { strictestPolicy } from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { publishedVersion } from '../framework/service.ts';
import { type CampaignRow, findCampaignFor, invalid, ratersOf } from './campaign-row.ts';
import {
  type CampaignDetail,
  PULSE_MAX_ITEMS,
  PULSE_MIN_ITEMS,
  PULSE_QUESTION,
  type PulseOptions,
  type PulseRequest,
} from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import { defaultDeadline } from './launch.ts';
import { guard } from './lifecycle.ts';
import { submitNominations } from './nominations.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';
import { loadSettings } from './settings.ts';

/** The subject's latest released full 360: the only one a pulse may follow. */
async function latestReleased360(tx: Tx, organisationId: string, subjectId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: feedbackCampaigns.id })
    .from(feedbackCampaigns)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, organisationId),
        eq(feedbackCampaigns.subjectId, subjectId),
        eq(feedbackCampaigns.kind, 'full'),
        eq(feedbackCampaigns.status, 'released'),
      ),
    )
    .orderBy(desc(feedbackCampaigns.releasedAt), desc(feedbackCampaigns.id))
    .limit(1);
  return row?.id ?? null;
}

async function hasActiveCampaign(tx: Tx, organisationId: string, subjectId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: feedbackCampaigns.id })
    .from(feedbackCampaigns)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, organisationId),
        eq(feedbackCampaigns.subjectId, subjectId),
        ne(feedbackCampaigns.status, 'released'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Who a pulse of this 360 asks: its raters who submitted and are still on its list (a rater the
 * subject or manager took off it is not asked again; their answers still count in the 360).
 */
function ratersToAsk(tx: Tx, organisationId: string, baselineId: string) {
  return tx
    .select({
      id: feedbackRaters.id,
      group: feedbackRaters.group,
      name: feedbackRaters.name,
      email: feedbackRaters.email,
    })
    .from(feedbackRaters)
    .where(
      and(
        eq(feedbackRaters.organisationId, organisationId),
        eq(feedbackRaters.campaignId, baselineId),
        eq(feedbackRaters.status, 'submitted'),
        isNull(feedbackRaters.removedAt),
      ),
    )
    .orderBy(feedbackRaters.group, feedbackRaters.name, feedbackRaters.id);
}

/** Why a pulse of this 360 cannot be launched now, or null. The rules of `guard` come first. */
async function blockedBy(
  scope: TenantScope,
  baseline: CampaignRow,
  raterCount: number,
): Promise<string | null> {
  const { tx, organisationId } = scope;
  if ((await latestReleased360(tx, organisationId, baseline.subjectId)) !== baseline.id) {
    return 'a pulse follows your latest released 360, and this is not it';
  }
  if (await hasActiveCampaign(tx, organisationId, baseline.subjectId)) {
    return 'you have a 360 or a pulse in progress; release it first';
  }
  if (raterCount === 0)
    return 'nobody who answered this 360 is still on its list, so there is nobody to ask again';
  return null;
}

export async function pulseOptions(scope: TenantScope, id: string): Promise<PulseOptions> {
  const { campaign: baseline, role } = await findCampaignFor(scope, id);
  guard('launchPulse', role, baseline);
  const toAsk = await ratersToAsk(scope.tx, scope.organisationId, baseline.id);
  const listed = await ratersOf(scope.tx, scope.organisationId, baseline.id);
  const version = await publishedVersion(scope.tx, scope.kind, scope.organisationId, baseline.versionId);
  return {
    baselineCampaignId: baseline.id,
    blockedBy: await blockedBy(scope, baseline, toAsk.length),
    minItems: PULSE_MIN_ITEMS,
    maxItems: PULSE_MAX_ITEMS,
    capabilities: instrumentOf(version.definition).capabilities.map((c) => ({
      key: c.definition.key,
      name: c.definition.name,
      derailer: c.definition.derailer,
      items: c.items.map((item) => ({ key: item.key, text: item.observer })),
    })),
    // The 360's list as the subject knows it, not who of them answered (ADR 0007).
    raters: listed.map((r) => ({ group: r.group, name: r.name, email: r.email })),
    question: { key: PULSE_QUESTION.key, text: PULSE_QUESTION.text },
  };
}

/**
 * Launches a pulse of the subject's latest released 360: a new campaign on the same version, with
 * the stricter of the 360's disclosure policy and today's (its raters keep every promise made to
 * them), the raters copied, and the list submitted at once — to the manager when approval is
 * required, else invitations go out. One transaction: a refusal leaves nothing behind.
 */
export async function launchPulse(
  scope: TenantScope,
  { id, itemKeys, deadline: deadlineInput }: PulseRequest & { id: string },
): Promise<CampaignDetail> {
  const { tx, organisationId } = scope;
  // Locked, so two launches of the same 360 queue up (the second finds the first in progress).
  const { campaign: baseline, role } = await findCampaignFor(scope, id, true);
  guard('launchPulse', role, baseline);
  const version = await publishedVersion(tx, scope.kind, organisationId, baseline.versionId);
  const instrument = instrumentOf(version.definition);
  const problems: Record<string, string> = {};
  itemKeys.forEach((key, i) => {
    if (!instrument.items.has(key)) problems[`itemKeys.${i}`] = 'is not a behaviour of this 360';
    else if (itemKeys.indexOf(key) !== i) problems[`itemKeys.${i}`] = 'appears more than once';
  });
  if (Object.keys(problems).length) throw invalid(problems);
  const raters = await ratersToAsk(tx, organisationId, baseline.id);
  const blocked = await blockedBy(scope, baseline, raters.length);
  if (blocked) throw conflict(blocked);
  const deadline = await defaultDeadline(scope, deadlineInput);
  const settings = await loadSettings(tx, organisationId);
  const [row] = await tx
    .insert(feedbackCampaigns)
    .values({
      organisationId,
      subjectId: baseline.subjectId,
      createdById: scope.viewer.personId,
      origin: 'self',
      kind: 'pulse',
      baselineCampaignId: baseline.id,
      itemKeys,
      versionId: baseline.versionId,
      deadline,
      policy: strictestPolicy(baseline.policy, settings.policy),
      approvalRequired: settings.approvalRequired,
    })
    .onConflictDoNothing()
    .returning({ id: feedbackCampaigns.id });
  // Another campaign started between the check and the insert (feedback_campaigns_one_active).
  if (!row) throw conflict('you have a 360 or a pulse in progress; release it first');
  await tx.insert(feedbackRaters).values(
    raters.map((r) => ({
      organisationId,
      campaignId: row.id,
      baselineRaterId: r.id,
      group: r.group,
      name: r.name,
      email: r.email,
    })),
  );
  return submitNominations(scope, row.id);
}
