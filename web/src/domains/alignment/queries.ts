// Every request of the goals and values pages, with its cache key (see domains/people/queries.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  goalInput,
  goalUpdate,
  valueInput,
  valueUpdate,
} from '../../../../src/domains/alignment/contracts.ts';
import { alignmentApi } from '../../../../src/domains/alignment/endpoints.ts';
import { frameworkApi } from '../../../../src/domains/framework/endpoints.ts';
import { peopleApi } from '../../../../src/identity/people/endpoints.ts';
import { call } from '../../api.ts';

export type { Goal, Value } from '../../../../src/domains/alignment/contracts.ts';
export type GoalChanges = z.input<typeof goalInput> & z.input<typeof goalUpdate>;
export type ValueChanges = z.input<typeof valueInput> & z.input<typeof valueUpdate>;

export const alignmentKeys = {
  all: ['alignment'] as const,
  goals: ['alignment', 'goals'] as const,
  values: ['alignment', 'values'] as const,
};

export const useGoals = () =>
  useQuery({ queryKey: alignmentKeys.goals, queryFn: () => call(alignmentApi.goals, {}) });
export const useValues = () =>
  useQuery({ queryKey: alignmentKeys.values, queryFn: () => call(alignmentApi.values, {}) });

/** Under the framework's key, so publishing a version refreshes the capabilities offered here. */
export const useCurrentFramework = () =>
  useQuery({ queryKey: ['framework', 'current'], queryFn: () => call(frameworkApi.current, {}) });
/** The people a goal may be given to (the server accepts active people only). */
export const useActivePeople = () =>
  useQuery({
    queryKey: ['people', 'list'],
    queryFn: () => call(peopleApi.list, {}),
    select: (list) =>
      list.items.filter((p) => p.status === 'active').sort((a, b) => a.name.localeCompare(b.name)),
  });

function useAlignmentMutation<I, O>(key: readonly string[], mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

/** Adds a goal (`id` null) or changes the fields given. */
export const useSaveGoal = () =>
  useAlignmentMutation(alignmentKeys.goals, ({ id, body }: { id: string | null; body: GoalChanges }) =>
    id ? call(alignmentApi.updateGoal, { params: { id }, body }) : call(alignmentApi.createGoal, { body }),
  );
export const useDeleteGoal = () =>
  useAlignmentMutation(alignmentKeys.goals, (id: string) =>
    call(alignmentApi.deleteGoal, { params: { id } }),
  );
export const useOrderGoals = () =>
  useAlignmentMutation(alignmentKeys.goals, (ids: string[]) =>
    call(alignmentApi.orderGoals, { body: { ids } }),
  );

export const useSaveValue = () =>
  useAlignmentMutation(alignmentKeys.values, ({ id, body }: { id: string | null; body: ValueChanges }) =>
    id ? call(alignmentApi.updateValue, { params: { id }, body }) : call(alignmentApi.createValue, { body }),
  );
export const useRetireValue = () =>
  useAlignmentMutation(alignmentKeys.values, (id: string) =>
    call(alignmentApi.retireValue, { params: { id } }),
  );
export const useOrderValues = () =>
  useAlignmentMutation(alignmentKeys.values, (ids: string[]) =>
    call(alignmentApi.orderValues, { body: { ids } }),
  );
