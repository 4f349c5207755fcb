import { z } from 'zod';
import { ApiError } from '../../platform/http/errors.ts';
import { idParams } from '../../platform/http/params.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { exportQuery, frameworkDefinition, versionDetail, versionSummary } from './contracts.ts';
import { exportDefinition, FRAMEWORK_FILE_MAX_BYTES, readDefinitionFile } from './file-format.ts';
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
  route({
    method: 'get',
    path: '/api/framework',
    summary: 'The current (latest published) framework version, which new assessments use',
    tag: 'framework',
    access: 'signed-in',
    response: versionDetail,
    handler: ({ viewer, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        const current = await currentVersion(tx, services.db.kind, viewer.organisationId);
        return getVersion(tx, viewer.organisationId, current.id);
      }),
  }),
  route({
    method: 'get',
    path: '/api/framework/versions',
    summary: 'Every framework version, newest first (at most one is a draft)',
    tag: 'framework',
    access: ADMIN,
    response: z.array(versionSummary),
    handler: ({ viewer, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) => listVersions(tx, viewer.organisationId)),
  }),
  route({
    method: 'post',
    path: '/api/framework/versions',
    summary: 'Start a draft as a copy of the current version (409 if a draft exists)',
    tag: 'framework',
    access: ADMIN,
    status: 201,
    response: versionDetail,
    handler: ({ viewer, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) =>
        getVersion(tx, viewer.organisationId, await createDraft(tx, services.db.kind, viewer.organisationId)),
      ),
  }),
  route({
    method: 'post',
    path: '/api/framework/versions/import',
    summary:
      'Start a draft from a framework file (body: JSON or YAML). Errors name each path, rule and line, ' +
      'e.g. "capabilities[3].items[1].self": "is required (line 42)"',
    tag: 'framework',
    access: ADMIN,
    rawBody: {
      contentTypes: [
        'application/json',
        'application/yaml',
        'application/x-yaml',
        'text/yaml',
        'text/x-yaml',
        'text/plain',
        'application/octet-stream',
      ],
      maxBytes: FRAMEWORK_FILE_MAX_BYTES,
    },
    status: 201,
    response: versionDetail,
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
  route({
    method: 'get',
    path: '/api/framework/versions/:id',
    summary: 'One framework version with its full definition',
    tag: 'framework',
    access: ADMIN,
    params: idParams,
    response: versionDetail,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        getVersion(tx, viewer.organisationId, params.id),
      ),
  }),
  route({
    method: 'put',
    path: '/api/framework/versions/:id',
    summary:
      'Replace a draft’s definition: add capabilities (e.g. your values) and items, edit wording, retire items. ' +
      'Published versions cannot change (409)',
    tag: 'framework',
    access: ADMIN,
    params: idParams,
    body: frameworkDefinition,
    response: versionDetail,
    handler: ({ viewer, params, body, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        await replaceDraft(tx, viewer.organisationId, params.id, body);
        return getVersion(tx, viewer.organisationId, params.id);
      }),
  }),
  route({
    method: 'delete',
    path: '/api/framework/versions/:id',
    summary: 'Discard a draft (published versions stay for ever)',
    tag: 'framework',
    access: ADMIN,
    params: idParams,
    status: 204,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        discardDraft(tx, viewer.organisationId, params.id),
      ),
  }),
  route({
    method: 'post',
    path: '/api/framework/versions/:id/publish',
    summary: 'Publish a draft: new assessments use it from now on, and it never changes again',
    tag: 'framework',
    access: ADMIN,
    params: idParams,
    response: versionDetail,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        await publishDraft(tx, viewer.organisationId, params.id);
        return getVersion(tx, viewer.organisationId, params.id);
      }),
  }),
  route({
    method: 'get',
    path: '/api/framework/versions/:id/export',
    summary: 'Download a version’s definition as a JSON or YAML file (?format=json|yaml)',
    tag: 'framework',
    access: ADMIN,
    params: idParams,
    query: exportQuery,
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
