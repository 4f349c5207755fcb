// The home API: method, path and contracts, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { homeQuery, homeResponse, journeySettings, journeySettingsUpdate } from './contracts.ts';

export const homeApi = {
  home: endpoint({ method: 'get', path: '/api/home', query: homeQuery, response: homeResponse }),
  journeySettings: endpoint({
    method: 'get',
    path: '/api/admin/journey/settings',
    response: journeySettings,
  }),
  updateJourneySettings: endpoint({
    method: 'put',
    path: '/api/admin/journey/settings',
    body: journeySettingsUpdate,
    response: journeySettings,
  }),
};
