// Organisation analytics (issue #12): pages answered from the month's stored decision only, their
// CSV/XLSX exports built from the very tables the page returns, and an admin's refresh. Admins see
// the organisation; a team leader their own line; everyone else is refused (load.ts).

import { exportTables } from '../../platform/exports/tables.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { route } from '../../platform/http/route.ts';
import { hit } from '../../platform/rate-limit/rate-limit.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { climateView } from './climate.ts';
import type { AnalyticsQuery, ExportTable } from './contracts.ts';
import { analyticsApi as api } from './endpoints.ts';
import { decideSnapshotsJob } from './jobs.ts';
import { loadSnapshot, viewerReach } from './load.ts';
import { balanceView, derailersView, funnelView, heatmapView } from './views.ts';

const tag = 'analytics';
const LEADERS = 'admins and team leaders (teams.leader_id); anyone else 403';
const PAGES = { heatmap: heatmapView, balance: balanceView, derailers: derailersView, funnel: funnelView };

/** Refreshes an admin may ask for: each one is a decision of seconds over the whole organisation. */
export const REFRESH_LIMIT = { windowMs: 60 * 60 * 1000, max: 3 };

async function page(scope: TenantScope, name: keyof typeof PAGES, query: AnalyticsQuery) {
  return PAGES[name](await loadSnapshot(scope, query), query);
}

async function tablesOf(scope: TenantScope, name: keyof typeof PAGES | 'climate', query: AnalyticsQuery) {
  if (name !== 'climate') return (await page(scope, name, query)).tables;
  // Climate views are by round and by the teams of each round, not the lattice's filters.
  for (const field of ['period', 'programme', 'stage', 'team'] as const) {
    if (query[field] !== undefined) {
      const rule = 'climate results are by round; this filter does not apply';
      throw new ApiError(400, 'invalid_input', `invalid query: ${field}: ${rule}`, { [field]: rule });
    }
  }
  return (await climateView(scope)).tables;
}

const pageRoute = (name: keyof typeof PAGES, summary: string) =>
  route(api[name], {
    summary,
    tag,
    access: 'signed-in',
    narrowedTo: LEADERS,
    tenant: true,
    handler: ({ scope, query }) => page(scope, name, query),
  });

export const analyticsRoutes = [
  pageRoute(
    'heatmap',
    'Capability heatmap, team subtree × stage (admins: organisation; leaders: their line)',
  ),
  pageRoute('balance', 'Manage/lead balance by career stage against the expected curve'),
  pageRoute('derailers', 'Derailer prevalence by stage and team, flagged among those assessed'),
  pageRoute('funnel', 'Participation funnel: invited → answered → plan → practising → re-rated'),
  route(api.climate, {
    summary: 'Team climate by team and its trend: the frozen round results the viewer may see',
    tag,
    access: 'signed-in',
    narrowedTo: LEADERS,
    tenant: true,
    async handler({ scope }) {
      // Same gate as the other pages (climate results alone would show anyone their reports' views).
      await viewerReach(scope);
      return climateView(scope);
    },
  }),
  route(api.export, {
    summary: 'Download a page’s tables (?format=csv|xlsx, same filters as the page; CSV: ?table=)',
    tag,
    access: 'signed-in',
    narrowedTo: LEADERS,
    tenant: true,
    async handler({ scope, params, query, c }) {
      const { format, table, ...filters } = query;
      if (params.page === 'climate') await viewerReach(scope);
      const tables: ExportTable[] = await tablesOf(scope, params.page, filters);
      const period = params.page === 'climate' ? '' : `-${filters.period ?? 'latest'}`;
      const file = await exportTables(tables, format, `lodestar-${params.page}${period}`, table);
      if ('unknownTable' in file) {
        const rule = `must be one of ${tables.map((t) => t.id).join(', ')}`;
        throw new ApiError(400, 'invalid_input', `invalid query: table: ${rule}`, { table: rule });
      }
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body), 200, file.headers);
    },
  }),
  route(api.refresh, {
    summary: 'Decide this month’s snapshot now if its inputs changed (queued; rate-limited)',
    tag,
    access: ['admin'],
    tenant: true,
    async handler({ scope, services }) {
      const verdict = await hit(scope.tx, {
        scope: scope.organisationId,
        key: 'analytics.refresh',
        ...REFRESH_LIMIT,
      });
      if (!verdict.allowed) {
        throw new ApiError(429, 'rate_limited', 'too many refreshes; try again later', undefined, {
          'Retry-After': String(verdict.retryAfterSeconds),
        });
      }
      const id = await services.jobs.enqueue(
        scope.tx,
        decideSnapshotsJob,
        { organisationId: scope.organisationId, force: true },
        { dedupeKey: `analytics.refresh:${scope.organisationId}` },
      );
      return { queued: id !== null };
    },
  }),
];
