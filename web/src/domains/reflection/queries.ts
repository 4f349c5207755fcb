// Every request of the reflection journal, with its cache keys. A change to an entry changes the
// journal and the home page's journey (a reflection counts towards self-leadership), so every
// mutation refreshes both.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Entry,
  EntryCreate,
  EntrySharing,
  EntryUpdate,
  JournalOptions,
  JournalPage,
} from '../../../../src/domains/reflection/contracts.ts';
import { reflectionApi } from '../../../../src/domains/reflection/endpoints.ts';
import { call } from '../../api.ts';

export type { Entry, JournalOptions, JournalPage };

export const journalKeys = {
  all: ['journal'] as const,
  page: (experimentId: string, offset: number) => ['journal', 'mine', experimentId, offset] as const,
  options: ['journal', 'options'] as const,
  shared: ['journal', 'shared'] as const,
};

export const useJournal = (experimentId: string, offset: number) =>
  useQuery({
    queryKey: journalKeys.page(experimentId, offset),
    queryFn: () => call(reflectionApi.mine, { query: { offset, ...(experimentId ? { experimentId } : {}) } }),
    placeholderData: keepPreviousData,
  });

export const useJournalOptions = () =>
  useQuery({ queryKey: journalKeys.options, queryFn: () => call(reflectionApi.options, {}) });

export const useSharedJournal = () =>
  useQuery({ queryKey: journalKeys.shared, queryFn: () => call(reflectionApi.sharedWithMe, {}) });

function useJournalMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: journalKeys.all });
      await client.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export const useCreateEntry = () =>
  useJournalMutation((body: EntryCreate) => call(reflectionApi.create, { body }));
export const useUpdateEntry = () =>
  useJournalMutation(({ id, ...body }: EntryUpdate & { id: string }) =>
    call(reflectionApi.update, { params: { id }, body }),
  );
export const useDeleteEntry = () =>
  useJournalMutation((id: string) => call(reflectionApi.remove, { params: { id } }));
export const useShareEntry = () =>
  useJournalMutation(({ id, ...body }: EntrySharing & { id: string }) =>
    call(reflectionApi.share, { params: { id }, body }),
  );
