// Team climate requests, with their cache keys: the results a viewer may see, and the admin's
// settings, rounds and "send now".
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FactorKey } from '../../../../src/domains/climate/constants.ts';
import type {
  ClimateResults,
  ClimateSettings,
  ClimateSettingsUpdate,
  ClimateView,
  RoundList,
} from '../../../../src/domains/climate/contracts.ts';
import { climateApi } from '../../../../src/domains/climate/endpoints.ts';
import { call } from '../../api.ts';
import { planKeys } from '../development/queries.ts';

export type { ClimateResults, ClimateSettings, ClimateView, FactorKey, RoundList };

export const climateKeys = {
  results: ['climate', 'results'] as const,
  settings: ['climate', 'settings'] as const,
  rounds: ['climate', 'rounds'] as const,
};

export const useClimateResults = () =>
  useQuery({ queryKey: climateKeys.results, queryFn: () => call(climateApi.results, {}) });

export const useClimateSettings = () =>
  useQuery({ queryKey: climateKeys.settings, queryFn: () => call(climateApi.settings, {}) });

export const useClimateRounds = () =>
  useQuery({ queryKey: climateKeys.rounds, queryFn: () => call(climateApi.rounds, {}) });

export function useSaveClimateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClimateSettingsUpdate) => call(climateApi.updateSettings, { body }),
    onSuccess: (saved) => client.setQueryData(climateKeys.settings, saved),
  });
}

export function useSendRoundNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(climateApi.sendNow, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: climateKeys.rounds }),
  });
}

export function useTakeFocus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { planId: string; factor: FactorKey }) => call(climateApi.takeFocus, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }),
  });
}
