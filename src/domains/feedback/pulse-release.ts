// Releasing a pulse: its raters are the people who answered its baseline 360, so its figures are
// released with everything already released over those people as context — the 360's frozen report
// and any earlier released pulse of the same 360 — through the same disclosure module (DESIGN §3.1
// "the rule, precisely", across reports). Raters are identified by their baseline row in every one.
import { randomInt } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import {
  combineEarlierReleases,
  type DisclosurePolicy,
  type EarlierRelease,
  type RaterGroup,
  type ReleasedReport,
  releasedRaterSets,
  releaseReport,
} from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { FrameworkDefinition } from '../framework/definition.ts';
import { OPEN_QUESTIONS, PULSE_QUESTION } from './contracts.ts';
import { answersFor, type SubmittedRater } from './disclosure-input.ts';
import { instrumentOf, pulseInstrumentOf } from './instrument.ts';
import { feedbackCampaigns, feedbackRaters } from './schema.ts';

export interface PulseToRelease {
  campaignId: string;
  policy: DisclosurePolicy;
  versionId: string;
  itemKeys: string[];
  baselineCampaignId: string;
}

/** Submitted rows of a campaign, each known by its baseline row (itself, on the 360). */
function submittedOf(tx: Tx, organisationId: string, campaignId: string): Promise<SubmittedRater[]> {
  return tx
    .select({
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
}

/**
 * What was released before over the pulse's raters: the baseline 360 and every other released pulse
 * of it, each read back from its frozen report and the answers it was released from.
 */
async function earlierReleases(
  tx: Tx,
  organisationId: string,
  pulse: PulseToRelease,
  definition: FrameworkDefinition,
): Promise<EarlierRelease> {
  const instrument = instrumentOf(definition);
  const [baseline] = await tx
    .select({ report: feedbackCampaigns.report, versionId: feedbackCampaigns.versionId })
    .from(feedbackCampaigns)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, organisationId),
        eq(feedbackCampaigns.id, pulse.baselineCampaignId),
      ),
    );
  // Launch copies the baseline's version; anything else would mean the items are not the same ones.
  if (!baseline?.report || baseline.versionId !== pulse.versionId) {
    throw new Error(`pulse ${pulse.campaignId}: its baseline is not a released 360 on the same version`);
  }
  const baselineRaters = await submittedOf(tx, organisationId, pulse.baselineCampaignId);
  const baselineInput = answersFor(instrument, OPEN_QUESTIONS, baselineRaters, {}, null);
  const releases: EarlierRelease[] = [
    { raters: baselineInput.raters, sets: releasedRaterSets(baselineInput, baseline.report) },
  ];
  const siblings = await tx
    .select({
      id: feedbackCampaigns.id,
      report: feedbackCampaigns.report,
      itemKeys: feedbackCampaigns.itemKeys,
    })
    .from(feedbackCampaigns)
    .where(
      and(
        eq(feedbackCampaigns.organisationId, organisationId),
        eq(feedbackCampaigns.baselineCampaignId, pulse.baselineCampaignId),
        eq(feedbackCampaigns.status, 'released'),
        ne(feedbackCampaigns.id, pulse.campaignId),
      ),
    );
  for (const sibling of siblings) {
    const raters = await submittedOf(tx, organisationId, sibling.id);
    const input = answersFor(
      pulseInstrumentOf(instrument, sibling.itemKeys!),
      [PULSE_QUESTION],
      raters,
      {},
      null,
    );
    releases.push({ raters: input.raters, sets: releasedRaterSets(input, sibling.report!) });
  }
  return combineEarlierReleases(releases);
}

/** The pulse's released report: its items and question only, checked against everything earlier. */
export async function releasePulse(
  { tx, organisationId }: { tx: Tx; organisationId: string },
  pulse: PulseToRelease,
  definition: FrameworkDefinition,
  submitted: ReadonlyArray<SubmittedRater>,
  invitedByGroup: Partial<Record<RaterGroup, number>>,
): Promise<ReleasedReport> {
  const instrument = pulseInstrumentOf(instrumentOf(definition), pulse.itemKeys);
  // No self ratings: a pulse asks others only.
  const input = answersFor(instrument, [PULSE_QUESTION], submitted, invitedByGroup, null);
  const earlier = await earlierReleases(tx, organisationId, pulse, definition);
  return releaseReport(input, { policy: pulse.policy, shuffleSeed: randomInt(0, 2 ** 31), earlier });
}
