// The reflection journal API: method, path and contracts of each route, shared with the web client.
// Ids the viewer may not read answer 404, exactly as unknown ones (docs/decisions/0014).
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  entry,
  entryCreate,
  entrySharing,
  entryUpdate,
  idParams,
  journalOptions,
  journalPage,
  journalQuery,
  sharedJournalQuery,
} from './contracts.ts';

export const reflectionApi = {
  mine: endpoint({ method: 'get', path: '/api/journal', query: journalQuery, response: journalPage }),
  create: endpoint({ method: 'post', path: '/api/journal', status: 201, body: entryCreate, response: entry }),
  // Declared before /api/journal/:id so the router does not read these names as ids.
  options: endpoint({ method: 'get', path: '/api/journal/options', response: journalOptions }),
  sharedWithMe: endpoint({
    method: 'get',
    path: '/api/journal/shared-with-me',
    query: sharedJournalQuery,
    response: journalPage,
  }),
  entry: endpoint({ method: 'get', path: '/api/journal/:id', params: idParams, response: entry }),
  update: endpoint({
    method: 'patch',
    path: '/api/journal/:id',
    params: idParams,
    body: entryUpdate,
    response: entry,
  }),
  remove: endpoint({ method: 'delete', path: '/api/journal/:id', params: idParams, status: 204 }),
  share: endpoint({
    method: 'put',
    path: '/api/journal/:id/sharing',
    params: idParams,
    body: entrySharing,
    response: entry,
  }),
};
