// The 360° feedback types the pages name, from the contracts (types only). The requests themselves
// are `call(feedbackApi.<endpoint>, …)` on the server's route declarations
// (src/domains/feedback/endpoints.ts), in queries.ts and, for the rater form, in RaterFormPage.tsx.
// The rater form imports this file too, so it must not pull in anything from the signed-in app.
import type { z } from 'zod';
import type {
  AdminCampaignList,
  CampaignDetail,
  CampaignList,
  CampaignStatus,
  FeedbackReport,
  FeedbackSettings,
  FeedbackSettingsUpdate,
  NominationInput,
  nominationInput,
  PulseOptions,
  PulseReport,
  RaterForm,
  RaterGroupKey,
  RaterSaveResponse,
  ResendResponse,
  raterSaveRequest,
} from '../../../../src/domains/feedback/contracts.ts';
import { RATER_GROUP_KEYS } from '../../../../src/domains/feedback/contracts.ts';
// Launching 360s for a cohort is the programmes domain's route (docs/decisions/0023).
import type { LaunchCohortResponse } from '../../../../src/domains/programmes/contracts.ts';

export type {
  AdminCampaignList,
  CampaignDetail,
  CampaignList,
  CampaignStatus,
  FeedbackReport,
  FeedbackSettings,
  FeedbackSettingsUpdate,
  LaunchCohortResponse,
  NominationInput,
  PulseOptions,
  PulseReport,
  RaterForm,
  RaterGroupKey,
  RaterSaveResponse,
  ResendResponse,
};
export type PulseReportItem = PulseReport['items'][number];
export type CampaignSummary = CampaignList['campaigns'][number];
export type ReportCapability = FeedbackReport['capabilities'][number];
export type ReportItem = ReportCapability['items'][number];
/** What the nomination form sends (before the server lower-cases emails). */
export type NominationDraft = z.input<typeof nominationInput>;
export type RaterSave = z.input<typeof raterSaveRequest>;
export type RaterScale = RaterForm['responseScales'][number];
export type ColumnGroup = FeedbackReport['columns'][number]['group'];

/** Display order of rater groups: the server's own list (its contracts are in the bundle anyway, with the endpoints). */
export const GROUPS: readonly RaterGroupKey[] = RATER_GROUP_KEYS;
