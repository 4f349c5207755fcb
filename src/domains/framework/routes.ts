import { ApiError } from '../../platform/http/errors.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { frameworkApi } from './endpoints.ts';
import { exportDefinition, readDefinitionFile } from './file-format.ts';
import {
  createDraft,
  discardDraft,
  getCurrentVersion,
  getVersion,
  importDraft,
  listVersions,
  publishDraft,
  replaceDraft,
} from './service.ts';

const ADMIN = ['admin'] as const;

const FILE_TYPES: Record<'json' | 'yaml', string> = {
  json: 'application/json; charset=utf-8',
  yaml: 'application/yaml; charset=utf-8',
};

export const frameworkRoutes: AnyRoute[] = [
  route(frameworkApi.current, {
    summary: 'The current (latest published) framework version, which new assessments use',
    tag: 'framework',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => getCurrentVersion(scope),
  }),
  route(frameworkApi.versions, {
    summary: 'Every framework version, newest first (at most one is a draft)',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    handler: ({ scope }) => listVersions(scope),
  }),
  route(frameworkApi.startDraft, {
    summary: 'Start a draft as a copy of the current version (409 if a draft exists)',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    handler: async ({ scope }) => getVersion(scope, await createDraft(scope)),
  }),
  route(frameworkApi.importDraft, {
    summary:
      'Start a draft from a framework file (body: JSON or YAML). Errors name each path, rule and line, ' +
      'e.g. "capabilities[3].items[1].self": "is required (line 42)"',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    async handler({ scope, raw }) {
      const read = readDefinitionFile(raw);
      if (!read.ok) {
        const where = (line: number | null) => (line ? ` (line ${line})` : '');
        const first = read.issues[0]!;
        throw new ApiError(
          400,
          'invalid_framework',
          `the framework file has ${read.issues.length} problem${read.issues.length > 1 ? 's' : ''}; ` +
            `first: ${first.path}: ${first.rule}${where(first.line)}`,
          Object.fromEntries(read.issues.map((i) => [i.path, `${i.rule}${where(i.line)}`])),
        );
      }
      return getVersion(scope, await importDraft(scope, read.definition));
    },
  }),
  route(frameworkApi.version, {
    summary: 'One framework version with its full definition',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => getVersion(scope, params.id),
  }),
  route(frameworkApi.saveDraft, {
    summary:
      'Replace a draft’s definition: add capabilities (e.g. your values) and items, edit wording, retire items. ' +
      'Published versions cannot change (409)',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, body }) {
      await replaceDraft(scope, { id: params.id, definition: body });
      return getVersion(scope, params.id);
    },
  }),
  route(frameworkApi.discardDraft, {
    summary: 'Discard a draft (published versions stay for ever)',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => discardDraft(scope, params.id),
  }),
  route(frameworkApi.publish, {
    summary: 'Publish a draft: new assessments use it from now on, and it never changes again',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      await publishDraft(scope, params.id);
      return getVersion(scope, params.id);
    },
  }),
  route(frameworkApi.exportVersion, {
    summary: 'Download a version’s definition as a JSON or YAML file (?format=json|yaml)',
    tag: 'framework',
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, query, c }) {
      const version = await getVersion(scope, params.id);
      return c.body(exportDefinition(version.definition, query.format), 200, {
        'Content-Type': FILE_TYPES[query.format],
        'Content-Disposition': `attachment; filename="lodestar-framework-v${version.number}.${query.format}"`,
      });
    },
  }),
];
