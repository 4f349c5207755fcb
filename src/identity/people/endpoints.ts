// The people API: method, path and contracts of each route, shared with the web client.

import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.ts';
import { ok } from '../auth/contracts.ts';
import { IMPORT_MAX_BYTES } from './constants.ts';
import {
  careerStage,
  careerStagesUpdate,
  createPersonRequest,
  idParams,
  importQuery,
  importResult,
  peopleList,
  peopleListQuery,
  personDetail,
  team,
  teamInput,
  teamUpdate,
  updatePersonRequest,
} from './contracts.ts';

export const peopleApi = {
  list: endpoint({
    method: 'get',
    path: '/api/people',
    query: peopleListQuery,
    response: peopleList,
  }),
  get: endpoint({
    method: 'get',
    path: '/api/people/:id',
    params: idParams,
    response: personDetail,
  }),
  create: endpoint({
    method: 'post',
    path: '/api/people',
    body: createPersonRequest,
    status: 201,
    response: personDetail,
  }),
  update: endpoint({
    method: 'patch',
    path: '/api/people/:id',
    params: idParams,
    body: updatePersonRequest,
    response: personDetail,
  }),
  remove: endpoint({
    method: 'delete',
    path: '/api/people/:id',
    params: idParams,
    status: 204,
  }),
  invite: endpoint({
    method: 'post',
    path: '/api/people/:id/invite',
    params: idParams,
    status: 202,
    response: ok,
  }),
  importCsv: endpoint({
    method: 'post',
    path: '/api/people/import',
    query: importQuery,
    rawBody: {
      contentTypes: ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'],
      maxBytes: IMPORT_MAX_BYTES,
    },
    response: importResult,
  }),
  teams: endpoint({
    method: 'get',
    path: '/api/teams',
    response: z.array(team),
  }),
  createTeam: endpoint({
    method: 'post',
    path: '/api/teams',
    body: teamInput,
    status: 201,
    response: team,
  }),
  updateTeam: endpoint({
    method: 'patch',
    path: '/api/teams/:id',
    params: idParams,
    body: teamUpdate,
    response: team,
  }),
  deleteTeam: endpoint({
    method: 'delete',
    path: '/api/teams/:id',
    params: idParams,
    status: 204,
  }),
  careerStages: endpoint({
    method: 'get',
    path: '/api/career-stages',
    response: z.array(careerStage),
  }),
  replaceCareerStages: endpoint({
    method: 'put',
    path: '/api/career-stages',
    body: careerStagesUpdate,
    response: z.array(careerStage),
  }),
};
