// The framework API: method, path and contracts of each route, shared with the web client.

import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.ts';
import { FRAMEWORK_FILE_MAX_BYTES } from './constants.ts';
import { exportQuery, frameworkDefinition, idParams, versionDetail, versionSummary } from './contracts.ts';

export const frameworkApi = {
  current: endpoint({
    method: 'get',
    path: '/api/framework',
    response: versionDetail,
  }),
  versions: endpoint({
    method: 'get',
    path: '/api/framework/versions',
    response: z.array(versionSummary),
  }),
  startDraft: endpoint({
    method: 'post',
    path: '/api/framework/versions',
    status: 201,
    response: versionDetail,
  }),
  importDraft: endpoint({
    method: 'post',
    path: '/api/framework/versions/import',
    rawBody: {
      contentTypes: [
        'application/json',
        'application/yaml',
        'application/x-yaml',
        'text/yaml',
        'text/x-yaml',
        'text/plain',
        'application/octet-stream',
      ],
      maxBytes: FRAMEWORK_FILE_MAX_BYTES,
    },
    status: 201,
    response: versionDetail,
  }),
  version: endpoint({
    method: 'get',
    path: '/api/framework/versions/:id',
    params: idParams,
    response: versionDetail,
  }),
  saveDraft: endpoint({
    method: 'put',
    path: '/api/framework/versions/:id',
    params: idParams,
    body: frameworkDefinition,
    response: versionDetail,
  }),
  discardDraft: endpoint({
    method: 'delete',
    path: '/api/framework/versions/:id',
    params: idParams,
    status: 204,
  }),
  publish: endpoint({
    method: 'post',
    path: '/api/framework/versions/:id/publish',
    params: idParams,
    response: versionDetail,
  }),
  exportVersion: endpoint({
    method: 'get',
    path: '/api/framework/versions/:id/export',
    params: idParams,
    query: exportQuery,
  }),
};
