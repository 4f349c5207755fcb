// Gathering what focus suggestions are ranked from, for the signed-in person only. Every read goes
// through the service that already serves it to that person, with that service's own access rule:
// the profile as GET /api/me/profile builds it (their own assessments only), the 360 report as the
// subject reads it (the frozen output of the disclosure module, never a rater's answer), their own
// person record, their stage's expected balance and the current framework. So suggestions can show
// nothing the person could not already see, and nobody else's data can reach them: a report the
// viewer may read as a manager or coach is not theirs and is never used.
import { getPerson } from '../../identity/people/service.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import type { ProfileResponse } from '../assessments/contracts.ts';
import { latestProfile } from '../assessments/service.ts';
import { listStageBalance } from '../assessments/stage-balance.ts';
import { listCampaigns } from '../feedback/campaign-list.ts';
import type { FeedbackReport } from '../feedback/contracts.ts';
import { loadReport } from '../feedback/report-access.ts';
import { selfAssessedCapabilities } from '../framework/definition.ts';
import { currentVersion } from '../framework/service.ts';
import { type FocusInputs, suggestFocus } from './suggest-focus.ts';
import type { FocusSuggestionsResponse, SuggestionBasis } from './suggestion-contracts.ts';

/**
 * The whole tenant scope, not a narrower pick: the profile and the report are read through the
 * framework-version and report caches (keyed by database kind), and the feedback services take it.
 */
export type SuggestionScope = TenantScope;

export interface SuggestionInputs {
  focus: FocusInputs;
  basis: SuggestionBasis;
}

/** The viewer's latest submitted self-assessment profile, or null when they have none yet. */
async function ownProfile(scope: SuggestionScope): Promise<ProfileResponse | null> {
  try {
    return await latestProfile(scope);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** The viewer's own latest released 360 report as they read it, or null when none is released. */
async function ownLatestReport(scope: SuggestionScope): Promise<FeedbackReport | null> {
  const { campaigns } = await listCampaigns(scope);
  // Only 360s about the viewer: their reports' and those shared with them are someone else's data.
  const latest = campaigns
    .filter(
      (c) => c.viewerRole === 'subject' && c.kind === 'full' && c.status === 'released' && c.reportAvailable,
    )
    .sort((a, b) => (a.releasedAt! < b.releasedAt! ? -1 : a.releasedAt! > b.releasedAt! ? 1 : 0))
    .at(-1);
  return latest ? loadReport(scope, latest.id) : null;
}

/** The viewer's current career stage and the lead share their organisation expects there. */
async function ownStage(scope: SuggestionScope) {
  const me = await getPerson(scope, scope.viewer.personId);
  const expected = (await listStageBalance(scope)).find((s) => s.stage.id === me.careerStage.id);
  return {
    key: me.careerStage.key,
    name: me.careerStage.name,
    expectedLeadShare: expected?.leadShare ?? null,
  };
}

export async function gatherSuggestionInputs(scope: SuggestionScope): Promise<SuggestionInputs> {
  const profile = await ownProfile(scope);
  const report = await ownLatestReport(scope);
  const stage = await ownStage(scope);
  const basis: SuggestionBasis = {
    assessment: profile && { id: profile.assessmentId, submittedAt: profile.submittedAt },
    feedback: report && { campaignId: report.campaignId, releasedAt: report.releasedAt },
    careerStage: stage,
  };
  // Every signal today comes from a profile or a 360 (team climate will join it), so without either
  // there is nothing to rank and the framework need not be read.
  if (!profile && !report) {
    return { focus: { capabilities: [], profile: null, feedback: null, balance: null }, basis };
  }
  const { definition } = await currentVersion(scope.tx, scope.kind, scope.organisationId);
  return {
    focus: {
      // The framework the person is on now; team climate is rated by others, so it is no focus area.
      capabilities: selfAssessedCapabilities(definition).map((c) => ({
        key: c.key,
        name: c.name,
        block: c.block,
        practice: c.practice,
        derailer: c.derailer,
      })),
      profile,
      feedback: report,
      balance: {
        // The balance a plan starts from is measured against the stage the person is at now.
        expectedLeadShare: stage.expectedLeadShare,
        self: profile?.balance.leadShare ?? report?.balance.self ?? null,
        others: report?.balance.others ?? null,
      },
      // No climate survey exists yet; when it does, the person's own team's released figures go here.
      climate: null,
    },
    basis,
  };
}

/** The viewer's ranked focus suggestions, with what they were computed from. */
export async function suggestFocusFor(scope: SuggestionScope): Promise<FocusSuggestionsResponse> {
  const { focus, basis } = await gatherSuggestionInputs(scope);
  return { suggestions: suggestFocus(focus), basis };
}
