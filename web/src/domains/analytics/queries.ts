// Every request of the analytics pages, with its cache key, on the server's route declarations.
// The filters are part of each key, so going back to an earlier selection is served from the cache.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ANALYTICS_PAGES,
  AnalyticsClimate,
  AnalyticsContext,
  AnalyticsQuery,
  Balance,
  Derailers,
  ExportTable,
  Funnel,
  Heatmap,
  Impact,
  ImpactCell,
} from '../../../../src/domains/analytics/contracts.ts';
import { analyticsApi } from '../../../../src/domains/analytics/endpoints.ts';
import { impactApi } from '../../../../src/domains/impact/endpoints.ts';
import type { CallArgs } from '../../../../src/platform/http/endpoint.ts';
import { call, hrefOf } from '../../api.ts';

/** The pages: the organisation analytics ones, and impact (its own domain and routes). */
export type AnalyticsPage = (typeof ANALYTICS_PAGES)[number] | 'impact';

export type {
  AnalyticsClimate,
  AnalyticsContext,
  AnalyticsQuery,
  Balance,
  Derailers,
  ExportTable,
  Funnel,
  Heatmap,
  Impact,
  ImpactCell,
};

export const analyticsKeys = {
  all: ['analytics'] as const,
  page: (page: AnalyticsPage, query: AnalyticsQuery) => ['analytics', page, query] as const,
};

type PageEndpoint = (typeof analyticsApi)[(typeof ANALYTICS_PAGES)[number]] | typeof impactApi.report;

function usePage<E extends PageEndpoint>(
  page: AnalyticsPage,
  endpoint: E,
  query: AnalyticsQuery,
  enabled = true,
) {
  return useQuery({
    queryKey: analyticsKeys.page(page, query),
    queryFn: () => call<E>(endpoint, { query } as CallArgs<E>),
    // A new filter keeps the figures on screen until the new ones arrive (no flash of "Loading").
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const useHeatmap = (query: AnalyticsQuery, enabled = true) =>
  usePage('heatmap', analyticsApi.heatmap, query, enabled);
export const useBalance = (query: AnalyticsQuery) => usePage('balance', analyticsApi.balance, query);
export const useDerailers = (query: AnalyticsQuery) => usePage('derailers', analyticsApi.derailers, query);
export const useFunnel = (query: AnalyticsQuery) => usePage('funnel', analyticsApi.funnel, query);
// Climate results are by round and the teams of each round: the lattice's filters do not apply.
export const useClimate = () => usePage('climate', analyticsApi.climate, {});
/** Impact is per programme, organisation-wide: only the programme filter applies. */
export const impactFilter = (query: AnalyticsQuery): AnalyticsQuery =>
  query.programme ? { programme: query.programme } : {};
export const useImpact = (query: AnalyticsQuery) => usePage('impact', impactApi.report, impactFilter(query));

/** A download of the page's tables: CSV (one table, by id) or XLSX (every table). */
export const exportHref = (
  page: AnalyticsPage,
  query: AnalyticsQuery,
  format: 'csv' | 'xlsx',
  table?: string,
) =>
  page === 'impact'
    ? hrefOf(impactApi.export, { query: { ...impactFilter(query), format, ...(table ? { table } : {}) } })
    : hrefOf(analyticsApi.export, {
        params: { page },
        query: { ...(page === 'climate' ? {} : query), format, ...(table ? { table } : {}) },
      });

export const reportHref = (query: AnalyticsQuery) => hrefOf(impactApi.pdf, { query: impactFilter(query) });
