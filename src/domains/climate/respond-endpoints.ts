// The climate link's endpoints as shapes (method, path, contract types; no zod at run time), for the
// rater page's own small bundle. endpoints.ts completes each with its schemas for the server.
import { endpointShape } from '../../platform/http/endpoint.ts';
import type { climateForm, climateSubmit, climateSubmitted, tokenParams } from './contracts.ts';

type Token = typeof tokenParams;

export const climateRespondEndpoints = {
  form: endpointShape<Token, undefined, undefined, typeof climateForm>('get', '/api/climate/respond/:token'),
  submit: endpointShape<Token, undefined, typeof climateSubmit, typeof climateSubmitted>(
    'post',
    '/api/climate/respond/:token',
  ),
};
