// Every request of the signed-in 360 pages, with its cache key (see domains/people/queries.ts),
// called on the server's route declarations. The rater form (its own entry, web/rate.html) calls
// its endpoints itself: it stays free of the query library, to keep its bundle small.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { developmentApi } from '../../../../src/domains/development/endpoints.ts';
import { feedbackApi } from '../../../../src/domains/feedback/endpoints.ts';
import type { launchCohortRequest } from '../../../../src/domains/programmes/contracts.ts';
import { programmesApi } from '../../../../src/domains/programmes/endpoints.ts';
import { call } from '../../api.ts';
import type { CampaignDetail, FeedbackSettingsUpdate, NominationDraft } from './feedback-api.ts';

export const feedbackKeys = {
  all: ['feedback'] as const,
  campaigns: ['feedback', 'campaigns'] as const,
  campaign: (id: string) => ['feedback', 'campaign', id] as const,
  report: (id: string) => ['feedback', 'report', id] as const,
  pulseOptions: (id: string) => ['feedback', 'pulse-options', id] as const,
  pulseReport: (id: string) => ['feedback', 'pulse-report', id] as const,
  focusCapabilities: ['feedback', 'focus-capabilities'] as const,
  adminCampaigns: ['feedback', 'admin', 'campaigns'] as const,
  settings: ['feedback', 'admin', 'settings'] as const,
};

export const useMyCampaigns = () =>
  useQuery({ queryKey: feedbackKeys.campaigns, queryFn: () => call(feedbackApi.campaigns, {}) });
export const useAdminCampaigns = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: feedbackKeys.adminCampaigns,
    queryFn: () => call(feedbackApi.adminCampaigns, {}),
    enabled,
  });
export const useFeedbackSettings = () =>
  useQuery({ queryKey: feedbackKeys.settings, queryFn: () => call(feedbackApi.settings, {}) });

/** Requesting or launching 360s changes every list of campaigns. */
function useCampaignsMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}

export const useRequestOwn = () => useCampaignsMutation(() => call(feedbackApi.requestOwn, { body: {} }));
export const useLaunchCohort = () =>
  useCampaignsMutation((body: z.input<typeof launchCohortRequest>) =>
    call(programmesApi.launchCohort, { body }),
  );

export function useUpdateFeedbackSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackSettingsUpdate) => call(feedbackApi.updateSettings, { body }),
    onSuccess: (saved) => client.setQueryData(feedbackKeys.settings, saved),
  });
}

export const useCampaign = (id: string) =>
  useQuery({
    queryKey: feedbackKeys.campaign(id),
    queryFn: () => call(feedbackApi.campaign, { params: { id } }),
  });
export const useReport = (id: string) =>
  useQuery({
    queryKey: feedbackKeys.report(id),
    queryFn: () => call(feedbackApi.report, { params: { id } }),
  });

/**
 * A change to one 360 answers with the updated campaign: it replaces the cached one at once (the
 * page shows it without a refetch), and the lists and the report, whose state may follow it, are
 * refetched.
 */
function useCampaignChange<I>(id: string, change: (input: I) => Promise<CampaignDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (updated) => {
      client.setQueryData(feedbackKeys.campaign(id), updated);
      return Promise.all([
        client.invalidateQueries({ queryKey: feedbackKeys.campaigns }),
        client.invalidateQueries({ queryKey: feedbackKeys.adminCampaigns }),
        client.invalidateQueries({ queryKey: feedbackKeys.report(id) }),
      ]);
    },
  });
}

export const useSaveNominations = (id: string) =>
  useCampaignChange(id, (nominations: NominationDraft[]) =>
    call(feedbackApi.saveNominations, { params: { id }, body: { nominations } }),
  );
export const useSubmitNominations = (id: string) =>
  useCampaignChange(id, () => call(feedbackApi.submitNominations, { params: { id } }));
export const useApproveNominations = (id: string) =>
  useCampaignChange(id, (nominations?: NominationDraft[]) =>
    call(feedbackApi.approve, { params: { id }, body: nominations ? { nominations } : {} }),
  );
export const useCloseCampaign = (id: string) =>
  useCampaignChange(id, () => call(feedbackApi.close, { params: { id } }));
export const useReopenCampaign = (id: string) =>
  useCampaignChange(id, (deadline: string) =>
    call(feedbackApi.reopen, { params: { id }, body: { deadline } }),
  );
export const useChangeDeadline = (id: string) =>
  useCampaignChange(id, (deadline: string) =>
    call(feedbackApi.changeDeadline, { params: { id }, body: { deadline } }),
  );
export const useReleaseReport = (id: string) =>
  useCampaignChange(id, () => call(feedbackApi.release, { params: { id } }));
export const useShareReport = (id: string) =>
  useCampaignChange(id, ({ withManager, coachId }: { withManager: boolean; coachId: string | null }) =>
    call(feedbackApi.share, { params: { id }, body: { withManager, coachId } }),
  );

/** The same neutral answer whether or not the rater has answered; nothing cached changes. */
export const useResendInvitation = (id: string) =>
  useMutation({
    mutationFn: (raterId: string) => call(feedbackApi.resendInvitation, { params: { id, raterId } }),
  });

// ---------------------------------------------------------------------------------------------
// Pulse re-rating
// ---------------------------------------------------------------------------------------------

export const usePulseOptions = (baselineId: string) =>
  useQuery({
    queryKey: feedbackKeys.pulseOptions(baselineId),
    queryFn: () => call(feedbackApi.pulseOptions, { params: { id: baselineId } }),
  });

export const usePulseReport = (id: string) =>
  useQuery({
    queryKey: feedbackKeys.pulseReport(id),
    queryFn: () => call(feedbackApi.pulseReport, { params: { id } }),
  });

/**
 * The capabilities of the viewer's active plan's focus areas (development), which a pulse asks about
 * by default. Empty without a plan; a plan that cannot be read only loses the default.
 */
export const useFocusCapabilities = () =>
  useQuery({
    queryKey: feedbackKeys.focusCapabilities,
    queryFn: async (): Promise<string[]> => {
      const mine = await call(developmentApi.myPlans, {});
      if (!mine.current) return [];
      const plan = await call(developmentApi.plan, { params: { id: mine.current.id } });
      return plan.focusAreas
        .filter((f) => f.status === 'active' && f.capabilityKey !== null)
        .map((f) => f.capabilityKey!);
    },
  });

export const useLaunchPulse = (baselineId: string) =>
  useCampaignsMutation((body: { itemKeys: string[]; deadline?: string }) =>
    call(feedbackApi.launchPulse, { params: { id: baselineId }, body }),
  );
