// The learning pathways API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  idParams,
  pathway,
  pathwayCreate,
  pathwayList,
  pathwayUpdate,
  progressUpdate,
  recommendationList,
  recommendationsQuery,
  reorderRequest,
  stepCreate,
} from './contracts.ts';

export const pathwaysApi = {
  mine: endpoint({ method: 'get', path: '/api/pathways', response: pathwayList }),
  recommendations: endpoint({
    method: 'get',
    path: '/api/pathways/recommendations',
    query: recommendationsQuery,
    response: recommendationList,
  }),
  create: endpoint({
    method: 'post',
    path: '/api/pathways',
    body: pathwayCreate,
    response: pathway,
    status: 201,
  }),
  update: endpoint({
    method: 'patch',
    path: '/api/pathways/:id',
    params: idParams,
    body: pathwayUpdate,
    response: pathway,
  }),
  archive: endpoint({ method: 'post', path: '/api/pathways/:id/archive', params: idParams, status: 204 }),
  addStep: endpoint({
    method: 'post',
    path: '/api/pathways/:id/steps',
    params: idParams,
    body: stepCreate,
    response: pathway,
    status: 201,
  }),
  reorder: endpoint({
    method: 'put',
    path: '/api/pathways/:id/order',
    params: idParams,
    body: reorderRequest,
    response: pathway,
  }),
  removeStep: endpoint({
    method: 'delete',
    path: '/api/pathway-steps/:id',
    params: idParams,
    response: pathway,
  }),
  progress: endpoint({
    method: 'put',
    path: '/api/pathway-steps/:id/progress',
    params: idParams,
    body: progressUpdate,
    response: pathway,
  }),
};
