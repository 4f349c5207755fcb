// Every request of the analytics pages, with its cache key, on the server's route declarations.
// The filters are part of each key, so going back to an earlier selection is served from the cache.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
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
import { type AnalyticsPage, analyticsApi } from '../../../../src/domains/analytics/endpoints.ts';
import type { CallArgs } from '../../../../src/platform/http/endpoint.ts';
import { call, hrefOf } from '../../api.ts';

export type {
  AnalyticsClimate,
  AnalyticsContext,
  AnalyticsPage,
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

type PageEndpoint = (typeof analyticsApi)[AnalyticsPage];

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
export const useClimate = (query: AnalyticsQuery) => usePage('climate', analyticsApi.climate, query);
export const useImpact = (query: AnalyticsQuery) => usePage('impact', analyticsApi.impact, query);

/** A download of the page's tables: CSV (one table, by id) or XLSX (every table). */
export const exportHref = (
  page: AnalyticsPage,
  query: AnalyticsQuery,
  format: 'csv' | 'xlsx',
  table?: string,
) =>
  hrefOf(analyticsApi.export, { params: { page }, query: { ...query, format, ...(table ? { table } : {}) } });

export const reportHref = (query: AnalyticsQuery) => hrefOf(analyticsApi.impactReport, { query });
