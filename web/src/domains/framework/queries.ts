// Every request of the framework admin pages, with its cache key (see domains/people/queries.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type FrameworkDefinition, type StageBalanceUpdate } from '../../api.ts';

export const frameworkKeys = {
  all: ['framework'] as const,
  versions: ['framework', 'versions'] as const,
  version: (id: string) => ['framework', 'versions', id] as const,
  quality: (versionId: string) => ['framework', 'quality', versionId] as const,
  stageBalance: ['framework', 'stage-balance'] as const,
};

export const useFrameworkVersions = () =>
  useQuery({ queryKey: frameworkKeys.versions, queryFn: api.frameworkVersions });
export const usePublishedVersions = () =>
  useQuery({
    queryKey: frameworkKeys.versions,
    queryFn: api.frameworkVersions,
    select: (all) => all.filter((v) => v.status === 'published'),
  });
export const useFrameworkVersion = (id: string) =>
  useQuery({ queryKey: frameworkKeys.version(id), queryFn: () => api.frameworkVersion(id) });
export const useInstrumentQuality = (versionId: string) =>
  useQuery({ queryKey: frameworkKeys.quality(versionId), queryFn: () => api.instrumentQuality(versionId) });
export const useStageBalance = () =>
  useQuery({ queryKey: frameworkKeys.stageBalance, queryFn: api.stageBalance });

/** Any change to a version changes the list (status, sizes, which one is in use). */
function useVersionMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: frameworkKeys.all }),
  });
}

export const useStartDraft = () => useVersionMutation(() => api.startFrameworkDraft());
export const useImportFramework = () => useVersionMutation((file: Blob) => api.importFramework(file));
export const usePublishDraft = () => useVersionMutation((id: string) => api.publishFrameworkDraft(id));
export const useDiscardDraft = () => useVersionMutation((id: string) => api.discardFrameworkDraft(id));

export function useSaveDraft(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (definition: FrameworkDefinition) => api.saveFrameworkDraft(id, definition),
    onSuccess: (saved) => {
      client.setQueryData(frameworkKeys.version(id), saved);
      return client.invalidateQueries({ queryKey: frameworkKeys.versions, exact: true });
    },
  });
}

export function useUpdateStageBalance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StageBalanceUpdate) => api.updateStageBalance(body),
    onSuccess: (next) => client.setQueryData(frameworkKeys.stageBalance, next),
  });
}
