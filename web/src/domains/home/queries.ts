// The home page's one request, with its cache key (see domains/people/queries.ts).
import { useQuery } from '@tanstack/react-query';
import type { HomeResponse } from '../../../../src/domains/home/contracts.ts';
import { homeApi } from '../../../../src/domains/home/endpoints.ts';
import { call } from '../../api.ts';

export type Home = HomeResponse;
export type DueItem = HomeResponse['dueThisWeek'][number];
export type FocusGlance = NonNullable<HomeResponse['plan']>['focusAreas'][number];
export type Suggested = NonNullable<HomeResponse['suggestedModule']>;

/** The viewer's own calendar date: "this week" is their week, not the server's (UTC). */
function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const homeKeys = { home: ['home'] as const };

/** Refetched whenever the page is opened: the plan pages change what it shows. */
export const useHome = () =>
  useQuery({
    queryKey: homeKeys.home,
    queryFn: () => call(homeApi.home, { query: { today: localDate() } }),
    refetchOnMount: 'always',
  });
