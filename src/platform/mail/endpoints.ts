// The mail API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../http/endpoint.ts';
import { outboxList, outboxQuery } from './contracts.ts';

export const mailApi = {
  outbox: endpoint({
    method: 'get',
    path: '/api/admin/outbox',
    query: outboxQuery,
    response: outboxList,
  }),
};
