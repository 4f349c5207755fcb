import { type AnyRoute, route } from '../../platform/http/route.ts';
import { climateApi as api } from './endpoints.ts';
import { takeFactorAsFocus } from './focus.ts';
import { climateForm, submitClimate } from './respond.ts';
import { climateResults } from './results.ts';
import { listRounds, sendRoundNow } from './rounds.ts';
import { loadClimateSettings, updateClimateSettings } from './settings.ts';

const tag = 'climate';

export const climateRoutes: AnyRoute[] = [
  route(api.settings, {
    summary: 'Team climate schedule (off, or a round every N weeks), window, and the smallest group shown',
    tag,
    access: ['admin'],
    tenant: true,
    handler: ({ scope }) => loadClimateSettings(scope.tx, scope.organisationId),
  }),
  route(api.updateSettings, {
    summary: 'Change the team climate schedule or window (rounds already sent keep theirs)',
    tag,
    access: ['admin'],
    tenant: true,
    handler: ({ scope, body }) => updateClimateSettings(scope, body),
  }),
  route(api.rounds, {
    summary: 'Team climate rounds with how many were asked and answered (never who)',
    tag,
    access: ['admin'],
    tenant: true,
    handler: ({ scope }) => listRounds(scope),
  }),
  route(api.sendNow, {
    summary: 'Send a team climate round now (queued; 409 while one is open)',
    tag,
    access: ['admin'],
    tenant: true,
    handler: ({ scope }) => sendRoundNow(scope),
  }),
  route(api.results, {
    summary:
      'Team climate views you may see (admins: all; leaders: their reports and teams), per closed round, withheld ones without figures',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => climateResults(scope),
  }),
  route(api.takeFocus, {
    summary:
      'Take a climate factor into your own development plan as a focus area (kind other, source climate)',
    tag,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, body }) => takeFactorAsFocus(scope, body),
  }),
  route(api.form, {
    summary: 'The climate questions behind a link: the leader asked about, the items, the privacy promise',
    tag,
    access: 'public',
    handler: ({ services, params }) => climateForm(services.db, params.token),
  }),
  route(api.submit, {
    summary: 'Submit the climate answers once (every item, 1–5); 409 after, 410 once the round closed',
    tag,
    access: 'public',
    handler: ({ services, params, body }) => submitClimate(services.db, params.token, body),
  }),
];
