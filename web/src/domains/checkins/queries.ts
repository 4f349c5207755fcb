// Every request of the check-in pages, with its cache key, called on the server's route
// declarations (src/domains/checkins/endpoints.ts). Changes answer with the updated check-in,
// which replaces the cached one; the lists (and the plan, when an action became an experiment)
// are refetched.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  actionToExperiment,
  CheckInDetail,
  checkInCreate,
  checkInReschedule,
} from '../../../../src/domains/checkins/contracts.ts';
import { checkinsApi } from '../../../../src/domains/checkins/endpoints.ts';
import type { CallResult } from '../../../../src/platform/http/endpoint.ts';
import { call } from '../../api.ts';

export type { CheckInDetail };
export type CheckInList = CallResult<typeof checkinsApi.list>;
export type CheckInSummary = CheckInList['upcoming'][number];
export type Proposal = CallResult<typeof checkinsApi.proposal>;
export type ProposedItem = Proposal['agenda'][number];
export type Counterpart = Proposal['counterparts'][number];
export type Action = CheckInDetail['actions'][number];
export type Task = CallResult<typeof checkinsApi.myTasks>['tasks'][number];
export type ScheduleInput = z.input<typeof checkInCreate>;
export type RescheduleInput = z.input<typeof checkInReschedule>;
export type ToExperimentInput = z.input<typeof actionToExperiment>;

export const checkInKeys = {
  all: ['checkins'] as const,
  list: ['checkins', 'list'] as const,
  proposal: ['checkins', 'proposal'] as const,
  tasks: ['checkins', 'tasks'] as const,
  one: (id: string) => ['checkins', 'one', id] as const,
};

/** The viewer's calendar date, so "due this week" is their week (as on the home page). */
const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export const useCheckIns = () =>
  useQuery({ queryKey: checkInKeys.list, queryFn: () => call(checkinsApi.list, {}) });
export const useProposal = () =>
  useQuery({
    queryKey: checkInKeys.proposal,
    queryFn: () => call(checkinsApi.proposal, { query: { today: today() } }),
  });
export const useCheckIn = (id: string) =>
  useQuery({ queryKey: checkInKeys.one(id), queryFn: () => call(checkinsApi.detail, { params: { id } }) });
export const useMyTasks = () =>
  useQuery({ queryKey: checkInKeys.tasks, queryFn: () => call(checkinsApi.myTasks, {}) });

/** A change that answers with the check-in: cached at once, lists refetched. */
function useCheckInChange<I>(mutationFn: (input: I) => Promise<CheckInDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (detail) => {
      client.setQueryData(checkInKeys.one(detail.id), detail);
      void client.invalidateQueries({ queryKey: checkInKeys.list });
      void client.invalidateQueries({ queryKey: checkInKeys.tasks });
    },
  });
}

export const useSchedule = () =>
  useCheckInChange((body: ScheduleInput) => call(checkinsApi.schedule, { body }));
export const useReschedule = (id: string) =>
  useCheckInChange((body: RescheduleInput) => call(checkinsApi.reschedule, { params: { id }, body }));
export const useCancel = (id: string) => useCheckInChange(() => call(checkinsApi.cancel, { params: { id } }));
export const useComplete = (id: string) =>
  useCheckInChange(() => call(checkinsApi.complete, { params: { id } }));
export const useWriteLearned = (id: string) =>
  useCheckInChange((learned: string) => call(checkinsApi.learned, { params: { id }, body: { learned } }));
/** On a conflict (409: written meanwhile) the check-in is refetched, so the page can offer their version. */
export function useWriteNotes(id: string) {
  const client = useQueryClient();
  const change = useCheckInChange((body: { notes: string; version: number }) =>
    call(checkinsApi.notes, { params: { id }, body }),
  );
  return {
    ...change,
    mutate: (...args: Parameters<typeof change.mutate>) =>
      change.mutate(args[0], {
        ...args[1],
        onError: () => void client.invalidateQueries({ queryKey: checkInKeys.one(id) }),
      }),
  };
}

/** Changes to an agreed action refetch the check-in it is on, the tasks, and the plan. */
function useActionChange<I>(checkInId: string | null, mutationFn: (input: I) => Promise<Action>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      if (checkInId) void client.invalidateQueries({ queryKey: checkInKeys.one(checkInId) });
      void client.invalidateQueries({ queryKey: checkInKeys.tasks });
      void client.invalidateQueries({ queryKey: ['development'] });
    },
  });
}

export const useAddAction = (checkInId: string) =>
  useActionChange(checkInId, (title: string) =>
    call(checkinsApi.addAction, { params: { id: checkInId }, body: { title } }),
  );
export const useActionDone = (checkInId: string | null) =>
  useActionChange(checkInId, ({ id, done }: { id: string; done: boolean }) =>
    call(checkinsApi.actionDone, { params: { id }, body: { done } }),
  );
export const useActionToExperiment = (checkInId: string) =>
  useActionChange(checkInId, ({ id, ...body }: ToExperimentInput & { id: string }) =>
    call(checkinsApi.actionToExperiment, { params: { id }, body }),
  );
