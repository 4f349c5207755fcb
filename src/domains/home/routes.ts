import { type AnyRoute, route } from '../../platform/http/route.ts';
import { homeApi } from './endpoints.ts';
import { readHome } from './read-home.ts';

export const homeRoutes: AnyRoute[] = [
  route(homeApi.home, {
    summary:
      'Your home page: the one next step, your active plan at a glance, experiments due this week ' +
      '(in the week of `today`, your date), one suggested module, and counts for badges',
    tag: 'home',
    access: 'signed-in',
    // No tenant transaction: the page is one statement in one round trip (read-home.ts, 0008).
    handler: ({ services, viewer, query }) => readHome(services, viewer, query),
  }),
];
