// The team climate API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { planDetail } from '../development/contracts.ts';
import {
  climateForm,
  climateResults,
  climateSettings,
  climateSettingsUpdate,
  climateSubmit,
  climateSubmitted,
  focusFromFactor,
  roundList,
  sendNowResponse,
  tokenParams,
} from './contracts.ts';
import { climateRespondEndpoints } from './respond-endpoints.ts';

export const climateApi = {
  settings: endpoint({ method: 'get', path: '/api/admin/climate/settings', response: climateSettings }),
  updateSettings: endpoint({
    method: 'put',
    path: '/api/admin/climate/settings',
    body: climateSettingsUpdate,
    response: climateSettings,
  }),
  rounds: endpoint({ method: 'get', path: '/api/admin/climate/rounds', response: roundList }),
  sendNow: endpoint({
    method: 'post',
    path: '/api/admin/climate/rounds',
    status: 202,
    response: sendNowResponse,
  }),
  takeFocus: endpoint({
    method: 'post',
    path: '/api/climate/focus',
    status: 201,
    body: focusFromFactor,
    response: planDetail,
  }),
  results: endpoint({ method: 'get', path: '/api/climate/results', response: climateResults }),
  form: endpoint({ ...climateRespondEndpoints.form, params: tokenParams, response: climateForm }),
  submit: endpoint({
    ...climateRespondEndpoints.submit,
    params: tokenParams,
    body: climateSubmit,
    response: climateSubmitted,
  }),
};
