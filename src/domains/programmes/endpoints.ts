// The programmes API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { ENROL_CSV_MAX_BYTES } from './constants.ts';
import {
  cohortDashboard,
  dashboardQuery,
  enrolmentList,
  enrolmentParams,
  enrolRequest,
  enrolResult,
  idParams,
  launchCohortRequest,
  launchCohortResponse,
  myProgrammeSteps,
  programmeCreate,
  programmeDetail,
  programmeList,
  programmeUpdate,
  templateList,
} from './contracts.ts';

export const programmesApi = {
  templates: endpoint({ method: 'get', path: '/api/admin/programme-templates', response: templateList }),
  list: endpoint({ method: 'get', path: '/api/admin/programmes', response: programmeList }),
  create: endpoint({
    method: 'post',
    path: '/api/admin/programmes',
    status: 201,
    body: programmeCreate,
    response: programmeDetail,
  }),
  detail: endpoint({
    method: 'get',
    path: '/api/admin/programmes/:id',
    params: idParams,
    response: programmeDetail,
  }),
  update: endpoint({
    method: 'put',
    path: '/api/admin/programmes/:id',
    params: idParams,
    body: programmeUpdate,
    response: programmeDetail,
  }),
  enrolments: endpoint({
    method: 'get',
    path: '/api/admin/programmes/:id/enrolments',
    params: idParams,
    response: enrolmentList,
  }),
  enrol: endpoint({
    method: 'post',
    path: '/api/admin/programmes/:id/enrolments',
    params: idParams,
    body: enrolRequest,
    response: enrolResult,
  }),
  enrolCsv: endpoint({
    method: 'post',
    path: '/api/admin/programmes/:id/enrolments/csv',
    params: idParams,
    rawBody: {
      contentTypes: ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'],
      maxBytes: ENROL_CSV_MAX_BYTES,
    },
    response: enrolResult,
  }),
  leave: endpoint({
    method: 'delete',
    path: '/api/admin/programmes/:id/enrolments/:personId',
    params: enrolmentParams,
    status: 204,
  }),
  dashboard: endpoint({
    method: 'get',
    path: '/api/admin/programmes/:id/dashboard',
    params: idParams,
    query: dashboardQuery,
    response: cohortDashboard,
  }),
  mySteps: endpoint({ method: 'get', path: '/api/programmes/my-steps', response: myProgrammeSteps }),
  /** Kept at its feedback path: the admin 360 page and scripts call it there. */
  launchCohort: endpoint({
    method: 'post',
    path: '/api/admin/feedback/campaigns',
    status: 201,
    body: launchCohortRequest,
    response: launchCohortResponse,
  }),
};
