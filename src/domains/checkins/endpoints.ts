// The check-in API: method, path and contracts of each route, shared with the web client. Ids the
// viewer may not see answer 404, exactly as unknown ones (docs/decisions/0014).
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  action,
  actionCreate,
  actionDone,
  actionToExperiment,
  checkInCreate,
  checkInDetail,
  checkInList,
  checkInReschedule,
  idParams,
  learnedUpdate,
  myTasks,
  notesUpdate,
  proposal,
  proposalQuery,
} from './contracts.ts';

export const checkinsApi = {
  list: endpoint({ method: 'get', path: '/api/check-ins', response: checkInList }),
  // Declared before /api/check-ins/:id so the router does not read these names as ids.
  proposal: endpoint({ method: 'get', path: '/api/check-ins/new', query: proposalQuery, response: proposal }),
  myTasks: endpoint({ method: 'get', path: '/api/check-ins/tasks', response: myTasks }),
  schedule: endpoint({
    method: 'post',
    path: '/api/check-ins',
    status: 201,
    body: checkInCreate,
    response: checkInDetail,
  }),
  detail: endpoint({ method: 'get', path: '/api/check-ins/:id', params: idParams, response: checkInDetail }),
  reschedule: endpoint({
    method: 'post',
    path: '/api/check-ins/:id/reschedule',
    params: idParams,
    body: checkInReschedule,
    response: checkInDetail,
  }),
  cancel: endpoint({
    method: 'post',
    path: '/api/check-ins/:id/cancel',
    params: idParams,
    response: checkInDetail,
  }),
  complete: endpoint({
    method: 'post',
    path: '/api/check-ins/:id/complete',
    params: idParams,
    response: checkInDetail,
  }),
  learned: endpoint({
    method: 'put',
    path: '/api/check-ins/:id/learned',
    params: idParams,
    body: learnedUpdate,
    response: checkInDetail,
  }),
  notes: endpoint({
    method: 'put',
    path: '/api/check-ins/:id/notes',
    params: idParams,
    body: notesUpdate,
    response: checkInDetail,
  }),
  addAction: endpoint({
    method: 'post',
    path: '/api/check-ins/:id/actions',
    status: 201,
    params: idParams,
    body: actionCreate,
    response: action,
  }),
  actionDone: endpoint({
    method: 'put',
    path: '/api/check-in-actions/:id/done',
    params: idParams,
    body: actionDone,
    response: action,
  }),
  actionToExperiment: endpoint({
    method: 'post',
    path: '/api/check-in-actions/:id/experiment',
    params: idParams,
    body: actionToExperiment,
    response: action,
  }),
};
