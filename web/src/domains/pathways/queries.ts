// Every request of learning pathways, with its cache key. Any change to a pathway changes the list
// and what is recommended (modules on a pathway are no longer recommended), so every mutation
// refreshes both.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PathwayCreate,
  PathwayList,
  PathwayUpdate,
  ProgressUpdate,
  RecommendationList,
} from '../../../../src/domains/pathways/contracts.ts';
import { pathwaysApi } from '../../../../src/domains/pathways/endpoints.ts';
import { call } from '../../api.ts';

export type { PathwayList, RecommendationList };
export type Pathway = PathwayList['items'][number];
export type PathwayStep = Pathway['steps'][number];
export type FocusOption = PathwayList['focusAreas'][number];
export type Recommendation = RecommendationList['items'][number];
export type Reason = Recommendation['reasons'][number];

export const pathwayKeys = {
  all: ['pathways'] as const,
  mine: ['pathways', 'mine'] as const,
  recommendations: (focusId: string) => ['pathways', 'recommendations', focusId] as const,
};

export const useMyPathways = () =>
  useQuery({ queryKey: pathwayKeys.mine, queryFn: () => call(pathwaysApi.mine, {}) });

/** focusId '' asks for all the viewer's focus areas. */
export const useRecommendations = (focusId: string) =>
  useQuery({
    queryKey: pathwayKeys.recommendations(focusId),
    queryFn: () => call(pathwaysApi.recommendations, { query: focusId ? { focusId } : {} }),
  });

function usePathwayMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: pathwayKeys.all }),
  });
}

export const useCreatePathway = () =>
  usePathwayMutation((body: PathwayCreate) => call(pathwaysApi.create, { body }));
export const useUpdatePathway = () =>
  usePathwayMutation(({ id, ...body }: PathwayUpdate & { id: string }) =>
    call(pathwaysApi.update, { params: { id }, body }),
  );
export const useArchivePathway = () =>
  usePathwayMutation((id: string) => call(pathwaysApi.archive, { params: { id } }));
export const useAddStep = () =>
  usePathwayMutation(({ pathwayId, moduleId }: { pathwayId: string; moduleId: string }) =>
    call(pathwaysApi.addStep, { params: { id: pathwayId }, body: { moduleId } }),
  );
export const useReorder = () =>
  usePathwayMutation(({ pathwayId, stepIds }: { pathwayId: string; stepIds: string[] }) =>
    call(pathwaysApi.reorder, { params: { id: pathwayId }, body: { stepIds } }),
  );
export const useRemoveStep = () =>
  usePathwayMutation((stepId: string) => call(pathwaysApi.removeStep, { params: { id: stepId } }));
export const useMarkProgress = () =>
  usePathwayMutation(({ stepId, ...body }: ProgressUpdate & { stepId: string }) =>
    call(pathwaysApi.progress, { params: { id: stepId }, body }),
  );
