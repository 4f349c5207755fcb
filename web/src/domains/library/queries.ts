// Every request of the library pages, with its cache key (see domains/people/queries.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ModuleContentInput, NewModuleInput } from '../../../../src/domains/library/contracts.ts';
import { libraryApi } from '../../../../src/domains/library/endpoints.ts';
import { call } from '../../api.ts';

export interface LibraryFilterValues {
  q?: string;
  capability?: string;
  stage?: string;
  maxMinutes?: number;
}

export const libraryKeys = {
  all: ['library'] as const,
  modules: (filters: LibraryFilterValues) => ['library', 'modules', filters] as const,
  module: (id: string) => ['library', 'module', id] as const,
  facets: ['library', 'facets'] as const,
  admin: ['library', 'admin'] as const,
  adminModule: (id: string) => ['library', 'admin', id] as const,
  history: (id: string) => ['library', 'admin', id, 'versions'] as const,
};

/** Results stay on screen while the next ones load, so typing in the search box does not flash. */
export const useLibraryModules = (filters: LibraryFilterValues) =>
  useQuery({
    queryKey: libraryKeys.modules(filters),
    queryFn: () => call(libraryApi.modules, { query: filters }),
    placeholderData: keepPreviousData,
  });
export const useLibraryModule = (id: string) =>
  useQuery({ queryKey: libraryKeys.module(id), queryFn: () => call(libraryApi.module, { params: { id } }) });
export const useLibraryFacets = () =>
  useQuery({ queryKey: libraryKeys.facets, queryFn: () => call(libraryApi.facets, {}) });

export const useAdminModules = () =>
  useQuery({ queryKey: libraryKeys.admin, queryFn: () => call(libraryApi.adminModules, {}) });
export const useAdminModule = (id: string) =>
  useQuery({
    queryKey: libraryKeys.adminModule(id),
    queryFn: () => call(libraryApi.adminModule, { params: { id } }),
  });
export const useModuleHistory = (id: string) =>
  useQuery({
    queryKey: libraryKeys.history(id),
    queryFn: () => call(libraryApi.history, { params: { id } }),
  });

/** Any change can change what participants see and what admins list: refetch the library. */
function useLibraryMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export const useCreateModule = () =>
  useLibraryMutation((body: NewModuleInput) => call(libraryApi.createModule, { body }));
export const useSaveDraft = (id: string) =>
  useLibraryMutation((body: ModuleContentInput) => call(libraryApi.saveDraft, { params: { id }, body }));

type Action = 'startDraft' | 'discardDraft' | 'publish' | 'retire' | 'restore';
export const useModuleAction = (action: Action) =>
  useLibraryMutation((id: string) => call(libraryApi[action], { params: { id } }));

/**
 * Discards the only draft of a module never published, which removes the module: its own queries
 * are dropped rather than refetched (they would find nothing while the page is leaving).
 */
export function useDiscardNewModule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(libraryApi.discardDraft, { params: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: libraryKeys.adminModule(id) });
      return client.invalidateQueries({
        queryKey: libraryKeys.all,
        predicate: (q) => !q.queryKey.includes(id),
      });
    },
  });
}

/** Renders Markdown on the server, as participants will see it. Not cached: it follows the typing. */
export const usePreview = () =>
  useMutation({ mutationFn: (body: string) => call(libraryApi.preview, { body: { body } }) });
