// The organisation analytics API: method, path and contracts of each route, shared with the web
// client (issue #12). Every page takes the same filters (analyticsQuery); each has a CSV/XLSX export
// of the tables it shows, and impact a PDF report.
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.ts';
import {
  analyticsClimate,
  analyticsQuery,
  balance,
  derailers,
  exportQuery,
  funnel,
  heatmap,
  impact,
} from './contracts.ts';

/** The pages with an export: /api/analytics/<page>/export. */
export const ANALYTICS_PAGES = ['heatmap', 'balance', 'derailers', 'funnel', 'climate', 'impact'] as const;
export type AnalyticsPage = (typeof ANALYTICS_PAGES)[number];
export const pageParams = z.object({
  page: z.enum(ANALYTICS_PAGES, { error: `must be one of: ${ANALYTICS_PAGES.join(', ')}` }),
});

const get = <R extends z.ZodType>(path: string, response: R) =>
  endpoint({ method: 'get', path, query: analyticsQuery, response });

export const analyticsApi = {
  heatmap: get('/api/analytics/heatmap', heatmap),
  balance: get('/api/analytics/balance', balance),
  derailers: get('/api/analytics/derailers', derailers),
  funnel: get('/api/analytics/funnel', funnel),
  climate: get('/api/analytics/climate', analyticsClimate),
  impact: get('/api/analytics/impact', impact),
  /** CSV (one table) or XLSX (every table) of what the page shows: disclosed values only. */
  export: endpoint({
    method: 'get',
    path: '/api/analytics/:page/export',
    params: pageParams,
    query: exportQuery,
  }),
  impactReport: endpoint({ method: 'get', path: '/api/analytics/impact/report.pdf', query: analyticsQuery }),
};
