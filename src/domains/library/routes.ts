import type { AnyRoute } from '../../platform/http/route.ts';
import { route } from '../../platform/http/route.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { getAdminModule, listAdminModules, moduleHistory } from './admin-modules.ts';
import {
  createModule,
  discardDraft,
  publishDraft,
  restoreModule,
  retireModule,
  saveDraft,
  startDraft,
} from './edit-modules.ts';
import { libraryApi } from './endpoints.ts';
import { renderMarkdown } from './markdown.ts';
import { getPublishedModule, libraryFacets, listPublishedModules } from './read-modules.ts';

const ADMIN = ['admin'] as const;
const TAG = 'library';

/** The admin acting is the author of what they write. */
const editor = (scope: TenantScope) => ({ ...scope, authorId: scope.viewer.personId });

export const libraryRoutes: AnyRoute[] = [
  route(libraryApi.modules, {
    summary:
      'Published library modules, searched (?q= over title, summary and body) and filtered by ' +
      '?capability=, ?stage= and ?maxMinutes=',
    tag: TAG,
    access: 'signed-in',
    tenant: true,
    handler: async ({ scope, query }) => ({ items: await listPublishedModules(scope, query) }),
  }),
  route(libraryApi.module, {
    summary:
      'One published module: its body as sanitised HTML, the practice to try and the reflection prompt',
    tag: TAG,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => getPublishedModule(scope, params.id),
  }),
  route(libraryApi.facets, {
    summary: 'What the library can be filtered by: capabilities with their module counts, career stages',
    tag: TAG,
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => libraryFacets(scope),
  }),
  route(libraryApi.adminModules, {
    summary: 'Every module, drafts and retired ones included, with its published and draft version numbers',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: ({ scope }) => listAdminModules(scope),
  }),
  route(libraryApi.createModule, {
    summary: 'Add an organisation module (e.g. about one of your values); it starts as a draft',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: async ({ scope, body }) => getAdminModule(scope, await createModule(editor(scope), body)),
  }),
  route(libraryApi.adminModule, {
    summary: 'One module with its published version and its draft, each rendered',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => getAdminModule(scope, params.id),
  }),
  route(libraryApi.history, {
    summary: 'Every version of a module, newest first',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => moduleHistory(scope, params.id),
  }),
  route(libraryApi.startDraft, {
    summary: 'Start a draft as a copy of the published version (409 if a draft exists)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      await startDraft(editor(scope), params.id);
      return getAdminModule(scope, params.id);
    },
  }),
  route(libraryApi.saveDraft, {
    summary: 'Replace the draft’s content; errors name each field (409 if there is no draft)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, body }) {
      await saveDraft(editor(scope), params.id, body);
      return getAdminModule(scope, params.id);
    },
  }),
  route(libraryApi.discardDraft, {
    summary: 'Discard the draft (a module never published goes with it)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      await discardDraft(scope, params.id);
    },
  }),
  route(libraryApi.publish, {
    summary: 'Publish the draft: participants read it from now on, and the version it replaces is kept',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      await publishDraft(scope, params.id);
      return getAdminModule(scope, params.id);
    },
  }),
  route(libraryApi.retire, {
    summary: 'Retire a module: participants no longer see it (409 if already retired)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      await retireModule(scope, params.id);
      return getAdminModule(scope, params.id);
    },
  }),
  route(libraryApi.restore, {
    summary: 'Restore a retired module (409 if it is not retired)',
    tag: TAG,
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      await restoreModule(scope, params.id);
      return getAdminModule(scope, params.id);
    },
  }),
  route(libraryApi.preview, {
    summary: 'Render Markdown as participants will see it (sanitised HTML), for the editor’s preview',
    tag: TAG,
    access: ADMIN,
    handler: async ({ body }) => ({ html: renderMarkdown(body.body) }),
  }),
];
