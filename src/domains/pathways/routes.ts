// The learning pathways routes. Every route acts for the signed-in person on their own pathways,
// in a transaction that carries them (tenant: true), so the owner-only policies apply as well.
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { pathwaysApi as api } from './endpoints.ts';
import { focusOptions, readPathways } from './read-pathways.ts';
import { recommendFor } from './recommendations.ts';
import { markProgress, removeStep, reorderSteps } from './steps.ts';
import { addStep, archivePathway, createPathway, updatePathway } from './write-pathways.ts';

const tag = 'pathways';
const access = 'signed-in';

export const pathwayRoutes: AnyRoute[] = [
  route(api.mine, {
    summary:
      'Your learning pathways (not archived): steps in order, each module’s title and length, your progress; ' +
      'and your active focus areas to tie one to',
    tag,
    access,
    tenant: true,
    handler: async ({ scope }) => ({
      items: await readPathways(scope),
      focusAreas: await focusOptions(scope),
    }),
  }),
  route(api.recommendations, {
    summary:
      'Library modules recommended for you, best first, with the reasons (your focus, a growth edge, your ' +
      'career stage, short); modules already on your pathways are left out. focusId ranks for that focus',
    tag,
    access,
    tenant: true,
    handler: ({ scope, query }) => recommendFor(scope, query.focusId),
  }),
  route(api.create, {
    summary: 'Start a pathway: a title, optionally one of your focus areas and the modules to begin with',
    tag,
    access,
    tenant: true,
    handler: ({ scope, body }) => createPathway(scope, body),
  }),
  route(api.update, {
    summary: 'Rename a pathway of yours, or tie it to one of your focus areas (null unties it)',
    tag,
    access,
    tenant: true,
    handler: ({ scope, params, body }) => updatePathway(scope, params.id, body),
  }),
  route(api.archive, {
    summary: 'Archive a pathway of yours: it leaves your list, its progress is kept',
    tag,
    access,
    tenant: true,
    handler: ({ scope, params }) => archivePathway(scope, params.id),
  }),
  route(api.addStep, {
    summary: 'Add a published module of your library to the end of a pathway of yours',
    tag,
    access,
    tenant: true,
    handler: ({ scope, params, body }) => addStep(scope, params.id, body.moduleId),
  }),
  route(api.reorder, {
    summary: 'Reorder a pathway of yours: every step id, each once, in the new order',
    tag,
    access,
    tenant: true,
    handler: ({ scope, params, body }) => reorderSteps(scope, params.id, body.stepIds),
  }),
  route(api.removeStep, {
    summary: 'Remove a step from a pathway of yours; the steps after it move up',
    tag,
    access,
    tenant: true,
    handler: ({ scope, params }) => removeStep(scope, params.id),
  }),
  route(api.progress, {
    summary:
      'Mark a step started, practised or reflected (done: false undoes it). Practised or reflected counts as ' +
      'started; undoing started undoes the rest',
    tag,
    access,
    tenant: true,
    handler: ({ scope, params, body }) => markProgress(scope, params.id, body),
  }),
];
