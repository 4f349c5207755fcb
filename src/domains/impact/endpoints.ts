// The impact API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { analyticsQuery, exportQuery, impact } from '../analytics/contracts.ts';

/** Only the programme filter: the report is per programme and organisation-wide (admins). */
export const impactQuery = analyticsQuery.pick({ programme: true });

/** CSV (one table) or XLSX (every table) of the report's tables, with the same programme filter. */
export const impactExportQuery = exportQuery.pick({ programme: true, format: true, table: true });

export const impactApi = {
  report: endpoint({ method: 'get', path: '/api/analytics/impact', query: impactQuery, response: impact }),
  /** The same report as a PDF (application/pdf). */
  pdf: endpoint({ method: 'get', path: '/api/analytics/impact/report.pdf', query: impactQuery }),
  /** A download of the report's own tables (analytics' shared writer, docs/decisions/0028). */
  export: endpoint({ method: 'get', path: '/api/analytics/impact/export', query: impactExportQuery }),
};
