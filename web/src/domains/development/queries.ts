// Every request of the plan pages, with its cache key (see domains/people/queries.ts), called on
// the server's route declarations (src/domains/development/endpoints.ts). Changes answer with the
// updated plan, which replaces the cached one at once; lists that may follow it are refetched.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { alignmentApi } from '../../../../src/domains/alignment/endpoints.ts';
import type { experimentCreate, planCreate } from '../../../../src/domains/development/contracts.ts';
import { developmentApi } from '../../../../src/domains/development/endpoints.ts';
import { frameworkApi } from '../../../../src/domains/framework/endpoints.ts';
import { libraryApi } from '../../../../src/domains/library/endpoints.ts';
import { ApiError, call } from '../../api.ts';
import type { Alignment, ExperimentStatus, LibraryPractice, PlanDetail, SharingInput } from './plan-api.ts';

export const planKeys = {
  all: ['development'] as const,
  mine: ['development', 'mine'] as const,
  current: ['development', 'current'] as const,
  plan: (id: string) => ['development', 'plan', id] as const,
  practice: (experimentId: string) => ['development', 'practice', experimentId] as const,
  shared: ['development', 'shared'] as const,
  coaching: ['development', 'coaching'] as const,
  suggestions: ['development', 'suggestions'] as const,
  alignment: ['development', 'alignment'] as const,
  module: (id: string) => ['development', 'module', id] as const,
  capabilities: ['development', 'capabilities'] as const,
};

export const useMyPlans = () =>
  useQuery({ queryKey: planKeys.mine, queryFn: () => call(developmentApi.myPlans, {}) });

/** The active plan in full, or null when the person has none. */
export const useCurrentPlan = () =>
  useQuery({
    queryKey: planKeys.current,
    queryFn: async () => {
      const mine = await call(developmentApi.myPlans, {});
      return mine.current ? call(developmentApi.plan, { params: { id: mine.current.id } }) : null;
    },
  });

/** One plan: a past one of the owner's, or one shared with the viewer (404 when not, or no longer). */
export const usePlan = (id: string) =>
  useQuery({ queryKey: planKeys.plan(id), queryFn: () => call(developmentApi.plan, { params: { id } }) });

export const usePractice = (experimentId: string) =>
  useQuery({
    queryKey: planKeys.practice(experimentId),
    queryFn: () => call(developmentApi.practice, { params: { id: experimentId } }),
  });

export const useSharedWithMe = () =>
  useQuery({ queryKey: planKeys.shared, queryFn: () => call(developmentApi.sharedWithMe, {}) });

export const useSuggestions = () =>
  useQuery({ queryKey: planKeys.suggestions, queryFn: () => call(developmentApi.suggestions, {}) });

/** The framework's capabilities a plan can focus on (team-climate factors are not among them). */
export const useFrameworkCapabilities = () =>
  useQuery({
    queryKey: planKeys.capabilities,
    queryFn: () => call(frameworkApi.current, {}),
    select: (version) => {
      const climate = new Set(
        version.definition.blocks.filter((b) => b.kind === 'climate').map((b) => b.key),
      );
      return version.definition.capabilities
        .filter((c) => !climate.has(c.block))
        .map((c) => ({ key: c.key, name: c.name, derailer: c.derailer }));
    },
  });

/** An organisation without goals or values reads as none, never as a failure of the plan page. */
const orEmpty = <T>(request: Promise<T[]>): Promise<T[]> =>
  request.catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  });

export const useAlignment = () =>
  useQuery({
    queryKey: planKeys.alignment,
    queryFn: async (): Promise<Alignment> => {
      const [goals, values] = await Promise.all([
        orEmpty(call(alignmentApi.goals, {})),
        orEmpty(call(alignmentApi.values, {})),
      ]);
      return { goals: goals.filter((g) => g.status === 'active'), values };
    },
  });

export const useLibraryModule = (id: string | null) =>
  useQuery({
    queryKey: planKeys.module(id ?? ''),
    queryFn: (): Promise<LibraryPractice> => call(libraryApi.module, { params: { id: id! } }),
    enabled: Boolean(id),
  });

/** Every change answers with the plan: cache it, and refetch the summaries that may follow it. */
function usePlanChange<I>(change: (input: I) => Promise<PlanDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (plan) => {
      client.setQueryData(planKeys.plan(plan.id), plan);
      if (plan.status === 'active' && plan.viewerRelation === 'self')
        client.setQueryData(planKeys.current, plan);
      return client.invalidateQueries({ queryKey: planKeys.mine });
    },
  });
}

export const useStartPlan = () =>
  usePlanChange((body: z.input<typeof planCreate>) => call(developmentApi.startPlan, { body }));

export const usePlanSharing = (planId: string) =>
  usePlanChange((sharing: SharingInput) =>
    call(developmentApi.updatePlan, { params: { id: planId }, body: { sharing } }),
  );

export const useFocusSharing = () =>
  usePlanChange(({ focusId, sharing }: { focusId: string; sharing: SharingInput }) =>
    call(developmentApi.focusSharing, { params: { id: focusId }, body: sharing }),
  );

export const useAddExperiment = () =>
  usePlanChange(({ focusId, ...body }: { focusId: string } & z.input<typeof experimentCreate>) =>
    call(developmentApi.addExperiment, { params: { id: focusId }, body }),
  );

export const useSetExperimentStatus = () =>
  usePlanChange(({ id, status }: { id: string; status: ExperimentStatus }) =>
    call(developmentApi.experimentStatus, { params: { id }, body: { status } }),
  );

/** A log entry changes the experiment's counts (in the plan) and its list of entries. */
export function useLogPractice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      experimentId,
      ...body
    }: {
      experimentId: string;
      didIt: boolean;
      outcome: number | null;
      note: string | null;
    }) =>
      call(developmentApi.logPractice, {
        params: { id: experimentId },
        body: { didIt: body.didIt, outcome: body.outcome, ...(body.note ? { note: body.note } : {}) },
      }),
    onSuccess: (entry) =>
      Promise.all([
        client.invalidateQueries({ queryKey: planKeys.practice(entry.experimentId) }),
        client.invalidateQueries({ queryKey: planKeys.current }),
      ]),
  });
}

export function useAddComment(planId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { focusId: string | null; body: string }) =>
      call(developmentApi.addComment, { params: { id: planId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.plan(planId) }),
  });
}

export const useCoaching = () =>
  useQuery({ queryKey: planKeys.coaching, queryFn: () => call(developmentApi.coaching, {}) });

/** Coaching changes who can read shared plans: the lists and the plans follow it. */
function useCoachingChange<I, O>(change: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export const useRequestCoaching = () =>
  useCoachingChange((coacheeId: string) => call(developmentApi.requestCoaching, { body: { coacheeId } }));
export const useAcceptCoaching = () =>
  useCoachingChange((id: string) => call(developmentApi.acceptCoaching, { params: { id } }));
export const useDeclineCoaching = () =>
  useCoachingChange((id: string) => call(developmentApi.declineCoaching, { params: { id } }));
export const useEndCoaching = () =>
  useCoachingChange((id: string) => call(developmentApi.endCoaching, { params: { id } }));

export type { LibraryPractice, SharingInput };
