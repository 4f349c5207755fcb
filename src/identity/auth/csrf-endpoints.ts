// The CSRF token endpoint as a shape (no zod at run time): the web client's transport fetches it,
// and the transport is shared with the rater page's small bundle. endpoints.ts adds the schema.
import { endpointShape } from '../../platform/http/endpoint.ts';
import type { csrfResponse } from './contracts.ts';

export const csrfEndpoint = endpointShape<undefined, undefined, undefined, typeof csrfResponse>(
  'get',
  '/api/auth/csrf',
);
