// Every request of the signed-in 360 pages, with its cache key (see domains/people/queries.ts).
// The rater form (its own entry, web/rate.html) calls feedback-api.ts directly: it stays free of
// the query library, to keep its bundle small.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CampaignDetail,
  type FeedbackSettingsUpdate,
  feedbackApi,
  type NominationDraft,
} from './feedback-api.ts';

export const feedbackKeys = {
  all: ['feedback'] as const,
  campaigns: ['feedback', 'campaigns'] as const,
  campaign: (id: string) => ['feedback', 'campaign', id] as const,
  report: (id: string) => ['feedback', 'report', id] as const,
  adminCampaigns: ['feedback', 'admin', 'campaigns'] as const,
  settings: ['feedback', 'admin', 'settings'] as const,
};

export const useMyCampaigns = () =>
  useQuery({ queryKey: feedbackKeys.campaigns, queryFn: feedbackApi.campaigns });
export const useAdminCampaigns = ({ enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: feedbackKeys.adminCampaigns, queryFn: feedbackApi.adminCampaigns, enabled });
export const useFeedbackSettings = () =>
  useQuery({ queryKey: feedbackKeys.settings, queryFn: feedbackApi.settings });

/** Requesting or launching 360s changes every list of campaigns. */
function useCampaignsMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.all }),
  });
}

export const useRequestOwn = () => useCampaignsMutation(() => feedbackApi.requestOwn());
export const useLaunchCohort = () => useCampaignsMutation(feedbackApi.launch);

export function useUpdateFeedbackSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackSettingsUpdate) => feedbackApi.updateSettings(body),
    onSuccess: (saved) => client.setQueryData(feedbackKeys.settings, saved),
  });
}

export const useCampaign = (id: string) =>
  useQuery({ queryKey: feedbackKeys.campaign(id), queryFn: () => feedbackApi.campaign(id) });
export const useReport = (id: string) =>
  useQuery({ queryKey: feedbackKeys.report(id), queryFn: () => feedbackApi.report(id) });

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
  useCampaignChange(id, (nominations: NominationDraft[]) => feedbackApi.saveNominations(id, nominations));
export const useSubmitNominations = (id: string) =>
  useCampaignChange(id, () => feedbackApi.submitNominations(id));
export const useApproveNominations = (id: string) =>
  useCampaignChange(id, (nominations?: NominationDraft[]) => feedbackApi.approve(id, nominations));
export const useCloseCampaign = (id: string) => useCampaignChange(id, () => feedbackApi.close(id));
export const useReopenCampaign = (id: string) =>
  useCampaignChange(id, (deadline: string) => feedbackApi.reopen(id, deadline));
export const useChangeDeadline = (id: string) =>
  useCampaignChange(id, (deadline: string) => feedbackApi.changeDeadline(id, deadline));
export const useReleaseReport = (id: string) => useCampaignChange(id, () => feedbackApi.release(id));
export const useShareReport = (id: string) =>
  useCampaignChange(id, ({ withManager, coachId }: { withManager: boolean; coachId: string | null }) =>
    feedbackApi.share(id, withManager, coachId),
  );

/** The same neutral answer whether or not the rater has answered; nothing cached changes. */
export const useResendInvitation = (id: string) =>
  useMutation({ mutationFn: (raterId: string) => feedbackApi.resendInvitation(id, raterId) });
