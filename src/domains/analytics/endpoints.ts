// The analytics API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  analyticsClimate,
  analyticsQuery,
  balance,
  derailers,
  exportParams,
  exportQuery,
  funnel,
  heatmap,
  refreshResponse,
} from './contracts.ts';

export const analyticsApi = {
  heatmap: endpoint({
    method: 'get',
    path: '/api/analytics/heatmap',
    query: analyticsQuery,
    response: heatmap,
  }),
  balance: endpoint({
    method: 'get',
    path: '/api/analytics/balance',
    query: analyticsQuery,
    response: balance,
  }),
  derailers: endpoint({
    method: 'get',
    path: '/api/analytics/derailers',
    query: analyticsQuery,
    response: derailers,
  }),
  funnel: endpoint({ method: 'get', path: '/api/analytics/funnel', query: analyticsQuery, response: funnel }),
  climate: endpoint({ method: 'get', path: '/api/analytics/climate', response: analyticsClimate }),
  /** A download (CSV: one table; XLSX: all) of the page's own tables under the same filters. */
  export: endpoint({
    method: 'get',
    path: '/api/analytics/:page/export',
    params: exportParams,
    query: exportQuery,
  }),
  refresh: endpoint({
    method: 'post',
    path: '/api/analytics/refresh',
    status: 202,
    response: refreshResponse,
  }),
};
