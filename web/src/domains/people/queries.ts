// Every request of the people domain, with its cache key: pages use these hooks, never `api` itself.
// (The query functions call web/src/api.ts for now; a client derived from the server's route
// declarations will replace it here, in one place.)
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type NewPerson, type PersonUpdate } from '../../api.ts';

export const peopleKeys = {
  all: ['people'] as const,
  list: ['people', 'list'] as const,
  person: (id: string) => ['people', 'person', id] as const,
  assessments: (id: string) => ['people', 'person', id, 'assessments'] as const,
  teams: ['people', 'teams'] as const,
  careerStages: ['people', 'career-stages'] as const,
};

export const usePeople = () => useQuery({ queryKey: peopleKeys.list, queryFn: api.people });
export const usePerson = (id: string) =>
  useQuery({ queryKey: peopleKeys.person(id), queryFn: () => api.person(id) });
/** Status only (never answers or scores); null when the viewer may not see it (403) or it is gone (404). */
export const usePersonAssessments = (id: string) =>
  useQuery({
    queryKey: peopleKeys.assessments(id),
    queryFn: () =>
      api.personAssessments(id).catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
        throw e;
      }),
  });
export const useTeams = () => useQuery({ queryKey: peopleKeys.teams, queryFn: api.teams });
export const useCareerStages = () =>
  useQuery({ queryKey: peopleKeys.careerStages, queryFn: api.careerStages });

/** A change to a person also changes lists, teams and managers shown elsewhere: all of it is refetched. */
export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: PersonUpdate }) => api.updatePerson(id, changes),
    onSuccess: (person, { id }) => {
      client.setQueryData(peopleKeys.person(id), person);
      return client.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

/** Adding someone (with an optional invitation) changes the directory lists. */
export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (person: NewPerson) => api.createPerson(person),
    onSuccess: (person) => {
      client.setQueryData(peopleKeys.person(person.id), person);
      return client.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

export function useInvitePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.invitePerson(id),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.person(id) }),
  });
}

export function useDeletePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.deletePerson(id),
    onSuccess: () => {
      client.removeQueries({ queryKey: peopleKeys.person(id) });
      return client.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

export function useImportPeople() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...options }: { file: Blob; dryRun: boolean; skipInvalid: boolean }) =>
      api.importPeople(file, options),
    onSuccess: (_, { dryRun }) =>
      dryRun ? undefined : client.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
