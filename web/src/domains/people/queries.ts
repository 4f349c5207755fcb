// Every request of the people domain, with its cache key: pages use these hooks, never `call`
// themselves. Each query calls the server's own route declaration (src/**/endpoints.ts), so path,
// parameters and types come from the server.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentsApi } from '../../../../src/domains/assessments/endpoints.ts';
import type { TeamInput, TeamUpdate } from '../../../../src/identity/people/contracts.ts';
import { peopleApi } from '../../../../src/identity/people/endpoints.ts';
import { ApiError, call, type NewPerson, type PersonUpdate, upload } from '../../api.ts';

export const peopleKeys = {
  all: ['people'] as const,
  list: ['people', 'list'] as const,
  person: (id: string) => ['people', 'person', id] as const,
  assessments: (id: string) => ['people', 'person', id, 'assessments'] as const,
  teams: ['people', 'teams'] as const,
  careerStages: ['people', 'career-stages'] as const,
};

export const usePeople = () =>
  useQuery({ queryKey: peopleKeys.list, queryFn: () => call(peopleApi.list, {}) });
export const usePerson = (id: string) =>
  useQuery({ queryKey: peopleKeys.person(id), queryFn: () => call(peopleApi.get, { params: { id } }) });
/** Status only (never answers or scores); null when the viewer may not see it (403) or it is gone (404). */
export const usePersonAssessments = (id: string) =>
  useQuery({
    queryKey: peopleKeys.assessments(id),
    queryFn: () =>
      call(assessmentsApi.personAssessments, { params: { id } }).catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
        throw e;
      }),
  });
export const useTeams = () =>
  useQuery({ queryKey: peopleKeys.teams, queryFn: () => call(peopleApi.teams, {}) });
export const useCareerStages = () =>
  useQuery({ queryKey: peopleKeys.careerStages, queryFn: () => call(peopleApi.careerStages, {}) });

/** A change to a person also changes lists, teams and managers shown elsewhere: all of it is refetched. */
export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: PersonUpdate }) =>
      call(peopleApi.update, { params: { id }, body: changes }),
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
    mutationFn: (person: NewPerson) => call(peopleApi.create, { body: person }),
    onSuccess: (person) => {
      client.setQueryData(peopleKeys.person(person.id), person);
      return client.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

export function useInvitePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(peopleApi.invite, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.person(id) }),
  });
}

export function useDeletePerson(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(peopleApi.remove, { params: { id } }),
    onSuccess: () => {
      client.removeQueries({ queryKey: peopleKeys.person(id) });
      return client.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}

export function useImportPeople() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, skipInvalid }: { file: Blob; dryRun: boolean; skipInvalid: boolean }) =>
      upload(
        peopleApi.importCsv,
        { query: { dryRun: dryRun ? 'true' : 'false', skipInvalid: skipInvalid ? 'true' : 'false' } },
        file,
        'text/csv',
      ),
    onSuccess: (_, { dryRun }) =>
      dryRun ? undefined : client.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

/** A team change moves paths and leaders shown on every people page: all of it is refetched. */
function useTeamMutation<A>(mutationFn: (args: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.all }) });
}
export const useCreateTeam = () => useTeamMutation((body: TeamInput) => call(peopleApi.createTeam, { body }));
export const useUpdateTeam = () =>
  useTeamMutation(({ id, changes }: { id: string; changes: TeamUpdate }) =>
    call(peopleApi.updateTeam, { params: { id }, body: changes }),
  );
export const useDeleteTeam = () =>
  useTeamMutation((id: string) => call(peopleApi.deleteTeam, { params: { id } }));
