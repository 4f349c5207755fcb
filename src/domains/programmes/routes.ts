import { ApiError } from '../../platform/http/errors.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { cohortDashboard } from './dashboard.ts';
import { programmesApi as api } from './endpoints.ts';
import { enrol, enrolFromCsv, leave, listEnrolments } from './enrol.ts';
import { EnrolFileError } from './enrol-csv.ts';
import { launchForCohort } from './launch-for-cohort.ts';
import { mySteps } from './my-steps.ts';
import {
  createProgramme,
  listProgrammes,
  listTemplates,
  programmeDetail,
  updateProgramme,
} from './programmes.ts';

const ADMIN = ['admin'] as const;
const tag = 'programmes';

export const programmeRoutes: AnyRoute[] = [
  route(api.templates, {
    summary:
      'The programme templates: early career, first-time managers, experienced managers, senior leaders',
    tag,
    access: ADMIN,
    handler: () => listTemplates(),
  }),
  route(api.list, {
    summary: 'Every programme with its dates, phase and how many people are enrolled',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope }) => listProgrammes(scope),
  }),
  route(api.create, {
    summary: 'Create a programme from a template (its steps, dated from the start, are copied and editable)',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, body }) => createProgramme(scope, body),
  }),
  route(api.detail, {
    summary: 'One programme: its stages, and its steps with their dates and launches',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => programmeDetail(scope, params.id),
  }),
  route(api.update, {
    summary:
      'Edit a programme: name, description, stages, dates, and its steps (add, remove, reorder, re-date)',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params, body }) => updateProgramme(scope, params.id, body),
  }),
  route(api.enrolments, {
    summary: 'Who is enrolled, who left and who is an alumnus',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => listEnrolments(scope, params.id),
  }),
  route(api.enrol, {
    summary:
      "Enrol a team (with sub-teams or not), a career stage, a manager's line, or people; late joiners get the steps they missed",
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params, body }) => enrol(scope, params.id, body),
  }),
  route(api.enrolCsv, {
    summary:
      'Enrol people from a CSV with an email column (body: the file); nothing is written unless every row is good',
    tag,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, raw }) {
      try {
        return await enrolFromCsv(scope, params.id, raw);
      } catch (err) {
        if (err instanceof EnrolFileError)
          throw new ApiError(400, 'invalid_file', err.message, { file: err.message });
        throw err;
      }
    },
  }),
  route(api.leave, {
    summary: 'A person leaves the programme; their own assessments, 360s and plans stay theirs, unchanged',
    tag,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => leave(scope, params.id, params.personId),
  }),
  route(api.dashboard, {
    summary:
      'Counts of enrolled people per building block and per step status, optionally per team; every count through disclosure control (null = withheld)',
    tag,
    access: ADMIN,
    // Not tenant: the cohort read is a system transaction of its own (dashboard.ts).
    handler: ({ services, viewer, params, query }) =>
      cohortDashboard(services, viewer, params.id, query.byTeam),
  }),
  route(api.mySteps, {
    summary: 'Your launched programme steps, newest first',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => mySteps(scope),
  }),
  route(api.launchCohort, {
    summary: 'Launch a 360 for each person of a cohort (people with one in progress are skipped)',
    tag: 'feedback',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, body }) => launchForCohort(scope, body),
  }),
];
