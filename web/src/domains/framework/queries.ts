// Every request of the framework admin pages, with its cache key (see domains/people/queries.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentsApi } from '../../../../src/domains/assessments/endpoints.ts';
import { frameworkApi } from '../../../../src/domains/framework/endpoints.ts';
import { call, type FrameworkDefinition, type StageBalanceUpdate, upload } from '../../api.ts';

const versions = () => call(frameworkApi.versions, {});

export const frameworkKeys = {
  all: ['framework'] as const,
  versions: ['framework', 'versions'] as const,
  version: (id: string) => ['framework', 'versions', id] as const,
  quality: (versionId: string) => ['framework', 'quality', versionId] as const,
  stageBalance: ['framework', 'stage-balance'] as const,
};

export const useFrameworkVersions = () => useQuery({ queryKey: frameworkKeys.versions, queryFn: versions });
export const usePublishedVersions = () =>
  useQuery({
    queryKey: frameworkKeys.versions,
    queryFn: versions,
    select: (all) => all.filter((v) => v.status === 'published'),
  });
export const useFrameworkVersion = (id: string) =>
  useQuery({
    queryKey: frameworkKeys.version(id),
    queryFn: () => call(frameworkApi.version, { params: { id } }),
  });
export const useInstrumentQuality = (versionId: string) =>
  useQuery({
    queryKey: frameworkKeys.quality(versionId),
    queryFn: () => call(assessmentsApi.quality, { params: { id: versionId } }),
  });
export const useStageBalance = () =>
  useQuery({ queryKey: frameworkKeys.stageBalance, queryFn: () => call(assessmentsApi.stageBalance, {}) });

/** Any change to a version changes the list (status, sizes, which one is in use). */
function useVersionMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: frameworkKeys.all }),
  });
}

export const useStartDraft = () => useVersionMutation(() => call(frameworkApi.startDraft, {}));
export const useImportFramework = () =>
  useVersionMutation((file: Blob) => upload(frameworkApi.importDraft, {}, file, 'application/octet-stream'));
export const usePublishDraft = () =>
  useVersionMutation((id: string) => call(frameworkApi.publish, { params: { id } }));
export const useDiscardDraft = () =>
  useVersionMutation((id: string) => call(frameworkApi.discardDraft, { params: { id } }));

export function useSaveDraft(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (definition: FrameworkDefinition) =>
      call(frameworkApi.saveDraft, { params: { id }, body: definition }),
    onSuccess: (saved) => {
      client.setQueryData(frameworkKeys.version(id), saved);
      return client.invalidateQueries({ queryKey: frameworkKeys.versions, exact: true });
    },
  });
}

export function useUpdateStageBalance() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StageBalanceUpdate) => call(assessmentsApi.updateStageBalance, { body }),
    onSuccess: (next) => client.setQueryData(frameworkKeys.stageBalance, next),
  });
}
