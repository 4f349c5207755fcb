// Every request of the assessments domain, with its cache key (see domains/people/queries.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentsApi } from '../../../../src/domains/assessments/endpoints.ts';
import { type AnswerInput, ApiError, call, type HistoryEntry, type ProfileResponse } from '../../api.ts';

const myAssessments = () => call(assessmentsApi.myAssessments, {});

export const assessmentKeys = {
  all: ['assessments'] as const,
  start: ['assessments', 'start'] as const,
  profile: (id: string | undefined) => ['assessments', 'profile', id ?? 'latest'] as const,
};

const notFoundAsNull = (error: unknown) => {
  if (error instanceof ApiError && error.status === 404) return null;
  throw error;
};

/** The assessment in progress (null when none) and the person's history, for the intro. */
export const useAssessmentStart = () =>
  useQuery({
    queryKey: assessmentKeys.start,
    queryFn: () =>
      Promise.all([call(assessmentsApi.current, {}).catch(notFoundAsNull), myAssessments()]).then(
        ([open, history]) => ({ open, history }),
      ),
  });

export type LoadedProfile =
  | { kind: 'profile'; profile: ProfileResponse; history: HistoryEntry[] }
  | { kind: 'none'; history: HistoryEntry[] }
  | { kind: 'missing' }
  | { kind: 'not-submitted' };

async function loadProfile(id: string | undefined): Promise<LoadedProfile> {
  const history = myAssessments().then((h) => h.items);
  try {
    const profile = await (id
      ? call(assessmentsApi.profile, { params: { id } })
      : call(assessmentsApi.myProfile, {}));
    return { kind: 'profile', profile, history: await history };
  } catch (error) {
    if (error instanceof ApiError) {
      if (!id && error.status === 404) return { kind: 'none', history: await history };
      if (id && (error.status === 404 || error.status === 400)) return { kind: 'missing' };
      if (id && error.status === 409) return { kind: 'not-submitted' };
    }
    throw error;
  }
}

/** One submitted assessment's profile (the latest without an id), with the history beside it. */
export const useProfile = (id: string | undefined) =>
  useQuery({ queryKey: assessmentKeys.profile(id), queryFn: () => loadProfile(id) });

/** Starting, discarding or submitting changes the intro, the history and the latest profile. */
function useAssessmentMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export const useStartAssessment = () => useAssessmentMutation(() => call(assessmentsApi.startOrResume, {}));
export const useDiscardAssessment = () =>
  useAssessmentMutation((id: string) => call(assessmentsApi.discard, { params: { id } }));
export const useSubmitAssessment = () =>
  useAssessmentMutation(({ id, answers }: { id: string; answers: AnswerInput[] }) =>
    call(assessmentsApi.submit, { params: { id }, body: { answers } }),
  );

/** Autosave of answers: called by the AnswerSaver's own queue and retries, not through the cache. */
export const saveAnswers = (id: string, batch: AnswerInput[]) =>
  call(assessmentsApi.saveAnswers, { params: { id }, body: { answers: batch } });
