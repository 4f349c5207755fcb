// Every request of the signed-in 360 pages, with its cache key (see domains/people/queries.ts).
// The rater form (its own entry, web/rate.html) calls feedback-api.ts directly: it stays free of
// the query library, to keep its bundle small.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FeedbackSettingsUpdate, feedbackApi } from './feedback-api.ts';

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
export const useAdminCampaigns = () =>
  useQuery({ queryKey: feedbackKeys.adminCampaigns, queryFn: feedbackApi.adminCampaigns });
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
