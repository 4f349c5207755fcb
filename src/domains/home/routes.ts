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
    tenant: true,
    handler: ({ scope, query }) => readHome(scope, query),
  }),
];
