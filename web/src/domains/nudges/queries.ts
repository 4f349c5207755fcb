// The digest's requests, with their cache keys: the signed-in person's choices, and the signed
// unsubscribe link's two requests (which need no sign-in).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestPreferences, PreferencesUpdate } from '../../../../src/domains/nudges/contracts.ts';
import { nudgesApi, ONE_CLICK_BODY } from '../../../../src/domains/nudges/endpoints.ts';
import { call, upload } from '../../api.ts';

export type { DigestPreferences, PreferencesUpdate };

export const nudgeKeys = {
  preferences: ['nudges', 'preferences'] as const,
  unsubscribe: (token: string) => ['nudges', 'unsubscribe', token] as const,
};

export const usePreferences = () =>
  useQuery({ queryKey: nudgeKeys.preferences, queryFn: () => call(nudgesApi.preferences, {}) });

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesUpdate) => call(nudgesApi.savePreferences, { body }),
    onSuccess: (saved) => client.setQueryData(nudgeKeys.preferences, saved),
  });
}

/** Where the link's digest stands; a GET, which changes nothing. */
export const useUnsubscribeState = (token: string) =>
  useQuery({
    queryKey: nudgeKeys.unsubscribe(token),
    queryFn: () => call(nudgesApi.unsubscribeState, { query: { token } }),
    enabled: token !== '',
    retry: false,
  });

/** The same POST a mail provider makes for RFC 8058 one-click. */
export function useUnsubscribe(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      upload(
        nudgesApi.unsubscribe,
        { query: { token } },
        new Blob([ONE_CLICK_BODY]),
        'application/x-www-form-urlencoded',
      ),
    onSuccess: (state) => client.setQueryData(nudgeKeys.unsubscribe(token), state),
  });
}
