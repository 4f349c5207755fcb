import { ApiError } from '../../platform/http/errors.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { frameworkApi } from './endpoints.ts';
import { exportDefinition, readDefinitionFile } from './file-format.ts';
import {
  createDraft,
  currentVersion,
  discardDraft,
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
    handler: ({ viewer, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        const current = await currentVersion(tx, services.db.kind, viewer.organisationId);
        return getVersion(tx, viewer.organisationId, current.id);
      }),
  }),
  route(frameworkApi.versions, {
    summary: 'Every framework version, newest first (at most one is a draft)',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) => listVersions(tx, viewer.organisationId)),
  }),
  route(frameworkApi.startDraft, {
    summary: 'Start a draft as a copy of the current version (409 if a draft exists)',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) =>
        getVersion(tx, viewer.organisationId, await createDraft(tx, services.db.kind, viewer.organisationId)),
      ),
  }),
  route(frameworkApi.importDraft, {
    summary:
      'Start a draft from a framework file (body: JSON or YAML). Errors name each path, rule and line, ' +
      'e.g. "capabilities[3].items[1].self": "is required (line 42)"',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, raw, services }) => {
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
      return services.db.inOrganisation(viewer.organisationId, async (tx) =>
        getVersion(tx, viewer.organisationId, await importDraft(tx, viewer.organisationId, read.definition)),
      );
    },
  }),
  route(frameworkApi.version, {
    summary: 'One framework version with its full definition',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        getVersion(tx, viewer.organisationId, params.id),
      ),
  }),
  route(frameworkApi.saveDraft, {
    summary:
      'Replace a draft’s definition: add capabilities (e.g. your values) and items, edit wording, retire items. ' +
      'Published versions cannot change (409)',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, params, body, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        await replaceDraft(tx, viewer.organisationId, params.id, body);
        return getVersion(tx, viewer.organisationId, params.id);
      }),
  }),
  route(frameworkApi.discardDraft, {
    summary: 'Discard a draft (published versions stay for ever)',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        discardDraft(tx, viewer.organisationId, params.id),
      ),
  }),
  route(frameworkApi.publish, {
    summary: 'Publish a draft: new assessments use it from now on, and it never changes again',
    tag: 'framework',
    access: ADMIN,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        await publishDraft(tx, viewer.organisationId, params.id);
        return getVersion(tx, viewer.organisationId, params.id);
      }),
  }),
  route(frameworkApi.exportVersion, {
    summary: 'Download a version’s definition as a JSON or YAML file (?format=json|yaml)',
    tag: 'framework',
    access: ADMIN,
    async handler({ viewer, params, query, services, c }) {
      const version = await services.db.inOrganisation(viewer.organisationId, (tx) =>
        getVersion(tx, viewer.organisationId, params.id),
      );
      return c.body(exportDefinition(version.definition, query.format), 200, {
        'Content-Type': FILE_TYPES[query.format],
        'Content-Disposition': `attachment; filename="lodestar-framework-v${version.number}.${query.format}"`,
      });
    },
  }),
];
