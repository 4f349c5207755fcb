import { type AnyRoute, route } from '../../platform/http/route.ts';
import { homeApi } from './endpoints.ts';
import { readHome } from './read-home.ts';
import { readJourneySettings, updateJourneySettings } from './settings.ts';

export const homeRoutes: AnyRoute[] = [
  route(homeApi.home, {
    summary:
      'Your home page: the one next step, your journey through the three building blocks, your active ' +
      'plan at a glance, experiments due this week (in the week of `today`, your date), one suggested ' +
      'module, and counts for badges',
    tag: 'home',
    access: 'signed-in',
    // No tenant transaction: the page is one statement in one round trip (read-home.ts, 0008).
    handler: ({ services, viewer, query }) => readHome(services, viewer, query),
  }),
  route(homeApi.journeySettings, {
    summary: 'The journey thresholds: how old self-knowledge may be (months), how recent a reflection (days)',
    tag: 'home',
    access: ['admin'],
    tenant: true,
    handler: ({ scope }) => readJourneySettings(scope),
  }),
  route(homeApi.updateJourneySettings, {
    summary: 'Change the journey thresholds (whole months 1–36, days 1–180); every person’s journey follows',
    tag: 'home',
    access: ['admin'],
    tenant: true,
    handler: ({ scope, body }) => updateJourneySettings(scope, body),
  }),
];
