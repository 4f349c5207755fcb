// The impact API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { analyticsQuery, impact } from '../analytics/contracts.ts';

/** Only the programme filter: the report is per programme and organisation-wide (admins). */
export const impactQuery = analyticsQuery.pick({ programme: true });

export const impactApi = {
  report: endpoint({ method: 'get', path: '/api/analytics/impact', query: impactQuery, response: impact }),
  /** The same report as a PDF (application/pdf). */
  pdf: endpoint({ method: 'get', path: '/api/analytics/impact/report.pdf', query: impactQuery }),
};
