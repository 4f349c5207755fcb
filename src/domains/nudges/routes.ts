import { type AnyRoute, route } from '../../platform/http/route.ts';
import { nudgesApi } from './endpoints.ts';
import { readPreferences, savePreferences } from './preferences.ts';
import { unsubscribe, unsubscribeState } from './unsubscribe.ts';

export const nudgesRoutes: AnyRoute[] = [
  route(nudgesApi.preferences, {
    summary: 'Your digest choices: how often, which weekday and hour, your time zone and quiet hours',
    tag: 'nudges',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => readPreferences(scope.tx, scope.organisationId, scope.viewer.personId),
  }),
  route(nudgesApi.savePreferences, {
    summary: 'Replaces your digest choices; the time zone must be an IANA name Intl knows',
    tag: 'nudges',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, body }) =>
      savePreferences(scope.tx, scope.organisationId, scope.viewer.personId, body),
  }),
  route(nudgesApi.unsubscribeState, {
    summary:
      'Where the digest of the signed unsubscribe link stands; changes nothing. A browser asking for ' +
      'HTML is sent to the unsubscribe page (303)',
    tag: 'nudges',
    access: 'public',
    handler: ({ services, c, query }) => unsubscribeState(services, c, query.token),
  }),
  route(nudgesApi.unsubscribe, {
    summary:
      'RFC 8058 one-click unsubscribe: POST the form List-Unsubscribe=One-Click to the link in the ' +
      'email to turn the digest off, without signing in',
    tag: 'nudges',
    access: 'public',
    // The signed token in the query is the proof; mail providers send no cookie (route.ts).
    csrf: false,
    handler: ({ services, c, query, raw }) => unsubscribe(services, c, query.token, raw),
  }),
];
