// The rater link's endpoints as shapes (method, path, contract types; no zod at run time), for the
// rater page's own small bundle. endpoints.ts completes each with its schemas for the server.
import { endpointShape } from '../../platform/http/endpoint.ts';
import type {
  raterDoneResponse,
  raterForm,
  raterSaveRequest,
  raterSaveResponse,
  raterSubmitRequest,
  tokenParams,
} from './contracts.ts';

type Token = typeof tokenParams;

export const raterEndpoints = {
  form: endpointShape<Token, undefined, undefined, typeof raterForm>('get', '/api/rate/:token'),
  save: endpointShape<Token, undefined, typeof raterSaveRequest, typeof raterSaveResponse>(
    'put',
    '/api/rate/:token',
  ),
  submit: endpointShape<Token, undefined, typeof raterSubmitRequest, typeof raterDoneResponse>(
    'post',
    '/api/rate/:token/submit',
  ),
  decline: endpointShape<Token, undefined, undefined, typeof raterDoneResponse>(
    'post',
    '/api/rate/:token/decline',
  ),
};
