// The filters live in the URL's search parameters (shareable, kept by back/forward). A value of
// the wrong shape is dropped here; any other the server refuses with a 400 naming the field.
import type { AnalyticsQuery } from './queries.ts';

export const FILTER_KEYS = ['period', 'programme', 'stage', 'team'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query from the URL, checked for shape only (the server checks the rest and says which field). */
export function queryFromSearch(search: URLSearchParams): AnalyticsQuery {
  const query: AnalyticsQuery = {};
  const period = search.get('period');
  if (period && MONTH.test(period)) query.period = period;
  const programme = search.get('programme');
  if (programme && UUID.test(programme)) query.programme = programme;
  const stage = search.get('stage')?.trim();
  if (stage && stage.length <= 100) query.stage = stage;
  const team = search.get('team');
  if (team && UUID.test(team)) query.team = team;
  return query;
}

/** The URL's search parameters with one filter set (or removed when value is empty). */
export function withFilter(search: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}
