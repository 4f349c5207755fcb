// The 360° feedback endpoints (routes listed in src/domains/feedback/contracts.ts). Only types come
// from the contracts, so zod stays out of both bundles; the rater form imports this file too, so it
// must not pull in anything from the signed-in app.
import type { z } from 'zod';
import type {
  AdminCampaignList,
  CampaignDetail,
  CampaignList,
  CampaignStatus,
  FeedbackReport,
  FeedbackSettings,
  FeedbackSettingsUpdate,
  LaunchCohortResponse,
  NominationInput,
  nominationInput,
  RaterDoneResponse,
  RaterForm,
  RaterGroupKey,
  RaterSaveResponse,
  ResendResponse,
  raterSaveRequest,
} from '../../../../src/domains/feedback/contracts.ts';
import { request } from '../../api.ts';

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
  RaterForm,
  RaterGroupKey,
  RaterSaveResponse,
  ResendResponse,
};
export type CampaignSummary = CampaignList['campaigns'][number];
export type ReportCapability = FeedbackReport['capabilities'][number];
export type ReportItem = ReportCapability['items'][number];
/** What the nomination form sends (before the server lower-cases emails). */
export type NominationDraft = z.input<typeof nominationInput>;
export type RaterSave = z.input<typeof raterSaveRequest>;
export type RaterScale = RaterForm['responseScales'][number];
export type ColumnGroup = FeedbackReport['columns'][number]['group'];

/** Display order of rater groups (a copy of RATER_GROUP_KEYS: importing the value would bundle zod). */
export const GROUPS: readonly RaterGroupKey[] = ['manager', 'peers', 'direct_reports', 'others'];

const enc = encodeURIComponent;
const base = (id: string) => `/api/feedback/campaigns/${enc(id)}`;

export const feedbackApi = {
  settings: () => request<FeedbackSettings>('GET', '/api/admin/feedback/settings'),
  updateSettings: (body: FeedbackSettingsUpdate) =>
    request<FeedbackSettings>('PUT', '/api/admin/feedback/settings', { json: body }),
  launch: (body: { subjectIds: string[]; deadline?: string }) =>
    request<LaunchCohortResponse>('POST', '/api/admin/feedback/campaigns', { json: body }),
  adminCampaigns: () => request<AdminCampaignList>('GET', '/api/admin/feedback/campaigns'),

  campaigns: () => request<CampaignList>('GET', '/api/feedback/campaigns'),
  requestOwn: (deadline?: string) =>
    request<CampaignDetail>('POST', '/api/feedback/campaigns', { json: deadline ? { deadline } : {} }),
  campaign: (id: string) => request<CampaignDetail>('GET', base(id)),
  saveNominations: (id: string, nominations: NominationDraft[]) =>
    request<CampaignDetail>('PUT', `${base(id)}/nominations`, { json: { nominations } }),
  submitNominations: (id: string) => request<CampaignDetail>('POST', `${base(id)}/submit-nominations`),
  approve: (id: string, nominations?: NominationDraft[]) =>
    request<CampaignDetail>('POST', `${base(id)}/approve`, { json: nominations ? { nominations } : {} }),
  close: (id: string) => request<CampaignDetail>('POST', `${base(id)}/close`),
  reopen: (id: string, deadline: string) =>
    request<CampaignDetail>('POST', `${base(id)}/reopen`, { json: { deadline } }),
  changeDeadline: (id: string, deadline: string) =>
    request<CampaignDetail>('PUT', `${base(id)}/deadline`, { json: { deadline } }),
  release: (id: string) => request<CampaignDetail>('POST', `${base(id)}/release`),
  share: (id: string, withManager: boolean, coachId: string | null) =>
    request<CampaignDetail>('PUT', `${base(id)}/sharing`, { json: { withManager, coachId } }),
  /** 202 with the same neutral answer whether or not the rater has answered (only those who have not get an email). */
  resendInvitation: (id: string, raterId: string) =>
    request<ResendResponse>('POST', `${base(id)}/raters/${enc(raterId)}/resend`),
  report: (id: string) => request<FeedbackReport>('GET', `${base(id)}/report`),

  raterForm: (token: string) => request<RaterForm>('GET', `/api/rate/${enc(token)}`),
  raterSave: (token: string, body: RaterSave) =>
    request<RaterSaveResponse>('PUT', `/api/rate/${enc(token)}`, { json: body }),
  raterSubmit: (token: string, body: RaterSave) =>
    request<RaterDoneResponse>('POST', `/api/rate/${enc(token)}/submit`, { json: body }),
  raterDecline: (token: string) => request<RaterDoneResponse>('POST', `/api/rate/${enc(token)}/decline`),
};

/** Plain link targets: the browser fetches them with the session cookie. */
export const reportCsvUrl = (id: string): string => `${base(id)}/report.csv`;
export const reportPdfUrl = (id: string): string => `${base(id)}/report.pdf`;
