// The home API: method, path and contracts, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { homeQuery, homeResponse } from './contracts.ts';

export const homeApi = {
  home: endpoint({ method: 'get', path: '/api/home', query: homeQuery, response: homeResponse }),
};
