// The assessments API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  assessmentForm,
  history,
  idParams,
  personAssessments,
  profileResponse,
  qualityReport,
  saveAnswersRequest,
  saveAnswersResponse,
  stageBalanceList,
  stageBalanceUpdate,
  submitRequest,
  versionParams,
} from './contracts.ts';

export const assessmentsApi = {
  startOrResume: endpoint({
    method: 'post',
    path: '/api/assessments',
    response: assessmentForm,
  }),
  current: endpoint({
    method: 'get',
    path: '/api/assessments/current',
    response: assessmentForm,
  }),
  get: endpoint({
    method: 'get',
    path: '/api/assessments/:id',
    params: idParams,
    response: assessmentForm,
  }),
  saveAnswers: endpoint({
    method: 'put',
    path: '/api/assessments/:id/answers',
    params: idParams,
    body: saveAnswersRequest,
    response: saveAnswersResponse,
  }),
  submit: endpoint({
    method: 'post',
    path: '/api/assessments/:id/submit',
    params: idParams,
    body: submitRequest,
    response: profileResponse,
  }),
  discard: endpoint({
    method: 'delete',
    path: '/api/assessments/:id',
    params: idParams,
    status: 204,
  }),
  profile: endpoint({
    method: 'get',
    path: '/api/assessments/:id/profile',
    params: idParams,
    response: profileResponse,
  }),
  myProfile: endpoint({
    method: 'get',
    path: '/api/me/profile',
    response: profileResponse,
  }),
  myAssessments: endpoint({
    method: 'get',
    path: '/api/me/assessments',
    response: history,
  }),
  personAssessments: endpoint({
    method: 'get',
    path: '/api/people/:id/assessments',
    params: idParams,
    response: personAssessments,
  }),
  stageBalance: endpoint({
    method: 'get',
    path: '/api/admin/stage-balance',
    response: stageBalanceList,
  }),
  updateStageBalance: endpoint({
    method: 'put',
    path: '/api/admin/stage-balance',
    body: stageBalanceUpdate,
    response: stageBalanceList,
  }),
  quality: endpoint({
    method: 'get',
    path: '/api/framework/versions/:id/quality',
    params: versionParams,
    response: qualityReport,
  }),
  qualityCsv: endpoint({
    method: 'get',
    path: '/api/framework/versions/:id/quality.csv',
    params: versionParams,
  }),
};
