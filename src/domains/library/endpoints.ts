// The library API: method, path and contracts of each route, shared with the web client.
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  adminModuleDetail,
  adminModuleRow,
  idParams,
  libraryFacets,
  libraryQuery,
  moduleContent,
  moduleDetail,
  moduleList,
  moduleVersion,
  newModule,
  previewRequest,
  previewResponse,
} from './contracts.ts';

export const libraryApi = {
  modules: endpoint({
    method: 'get',
    path: '/api/library/modules',
    query: libraryQuery,
    response: moduleList,
  }),
  module: endpoint({
    method: 'get',
    path: '/api/library/modules/:id',
    params: idParams,
    response: moduleDetail,
  }),
  facets: endpoint({
    method: 'get',
    path: '/api/library/facets',
    response: libraryFacets,
  }),

  adminModules: endpoint({
    method: 'get',
    path: '/api/library/admin/modules',
    response: z.array(adminModuleRow),
  }),
  createModule: endpoint({
    method: 'post',
    path: '/api/library/admin/modules',
    body: newModule,
    status: 201,
    response: adminModuleDetail,
  }),
  adminModule: endpoint({
    method: 'get',
    path: '/api/library/admin/modules/:id',
    params: idParams,
    response: adminModuleDetail,
  }),
  history: endpoint({
    method: 'get',
    path: '/api/library/admin/modules/:id/versions',
    params: idParams,
    response: z.array(moduleVersion),
  }),
  startDraft: endpoint({
    method: 'post',
    path: '/api/library/admin/modules/:id/draft',
    params: idParams,
    status: 201,
    response: adminModuleDetail,
  }),
  saveDraft: endpoint({
    method: 'put',
    path: '/api/library/admin/modules/:id/draft',
    params: idParams,
    body: moduleContent,
    response: adminModuleDetail,
  }),
  discardDraft: endpoint({
    method: 'delete',
    path: '/api/library/admin/modules/:id/draft',
    params: idParams,
    status: 204,
  }),
  publish: endpoint({
    method: 'post',
    path: '/api/library/admin/modules/:id/publish',
    params: idParams,
    response: adminModuleDetail,
  }),
  retire: endpoint({
    method: 'post',
    path: '/api/library/admin/modules/:id/retire',
    params: idParams,
    response: adminModuleDetail,
  }),
  restore: endpoint({
    method: 'post',
    path: '/api/library/admin/modules/:id/restore',
    params: idParams,
    response: adminModuleDetail,
  }),
  preview: endpoint({
    method: 'post',
    path: '/api/library/admin/preview',
    body: previewRequest,
    response: previewResponse,
  }),
};
