// Every request of the programme pages, with its cache key, on the server's route declarations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EnrolRequest,
  ProgrammeCreate,
  ProgrammeUpdate,
} from '../../../../src/domains/programmes/contracts.ts';
import { programmesApi } from '../../../../src/domains/programmes/endpoints.ts';
import { call, upload } from '../../api.ts';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: ['programmes', 'list'] as const,
  templates: ['programmes', 'templates'] as const,
  one: (id: string) => ['programmes', id] as const,
};

export const useProgrammes = () =>
  useQuery({ queryKey: programmeKeys.list, queryFn: () => call(programmesApi.list, {}) });
export const useTemplates = () =>
  useQuery({ queryKey: programmeKeys.templates, queryFn: () => call(programmesApi.templates, {}) });
export const useProgramme = (id: string) =>
  useQuery({
    queryKey: programmeKeys.one(id),
    queryFn: () => call(programmesApi.detail, { params: { id } }),
  });
export const useEnrolments = (id: string) =>
  useQuery({
    queryKey: [...programmeKeys.one(id), 'enrolments'],
    queryFn: () => call(programmesApi.enrolments, { params: { id } }),
  });
export const useDashboard = (id: string, byTeam: boolean) =>
  useQuery({
    queryKey: [...programmeKeys.one(id), 'dashboard', byTeam],
    queryFn: () =>
      call(programmesApi.dashboard, { params: { id }, query: { byTeam: byTeam ? 'true' : 'false' } }),
  });

function useProgrammeMutation<A, R>(id: string | null, fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: id ? programmeKeys.one(id) : programmeKeys.all }),
  });
}

export const useCreateProgramme = () =>
  useProgrammeMutation(null, (body: ProgrammeCreate) => call(programmesApi.create, { body }));
export const useUpdateProgramme = (id: string) =>
  useProgrammeMutation(id, (body: ProgrammeUpdate) => call(programmesApi.update, { params: { id }, body }));
export const useEnrol = (id: string) =>
  useProgrammeMutation(id, (body: EnrolRequest) => call(programmesApi.enrol, { params: { id }, body }));
export const useEnrolCsv = (id: string) =>
  useProgrammeMutation(id, (file: Blob) =>
    upload(programmesApi.enrolCsv, { params: { id } }, file, 'text/csv'),
  );
export const useLeave = (id: string) =>
  useProgrammeMutation(id, (personId: string) => call(programmesApi.leave, { params: { id, personId } }));
