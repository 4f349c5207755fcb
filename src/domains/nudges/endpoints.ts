// The nudges API: method, path and contracts of each route, shared with the web client.
import { endpoint } from '../../platform/http/endpoint.ts';
import { digestPreferences, preferencesUpdate, unsubscribeQuery, unsubscribeState } from './contracts.ts';

/** The form body of RFC 8058 one-click unsubscribe, which mail providers POST. */
export const ONE_CLICK_BODY = 'List-Unsubscribe=One-Click';
export const ONE_CLICK_CONTENT_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'] as const;

export const nudgesApi = {
  preferences: endpoint({ method: 'get', path: '/api/nudges/preferences', response: digestPreferences }),
  savePreferences: endpoint({
    method: 'put',
    path: '/api/nudges/preferences',
    body: preferencesUpdate,
    response: digestPreferences,
  }),
  /** What the unsubscribe page shows before the click; changes nothing (mail scanners follow links). */
  unsubscribeState: endpoint({
    method: 'get',
    path: '/api/nudges/unsubscribe',
    query: unsubscribeQuery,
    response: unsubscribeState,
  }),
  /** RFC 8058 one-click: the body is `List-Unsubscribe=One-Click`, as a form. */
  unsubscribe: endpoint({
    method: 'post',
    path: '/api/nudges/unsubscribe',
    query: unsubscribeQuery,
    response: unsubscribeState,
    rawBody: { contentTypes: ONE_CLICK_CONTENT_TYPES, maxBytes: 4096 },
  }),
};
