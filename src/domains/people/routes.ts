import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ok } from '../../platform/auth/contracts.ts';
import { sendLink } from '../../platform/auth/links.ts';
import { ApiError, notFound } from '../../platform/http/errors.ts';
import { idParams } from '../../platform/http/params.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { listCareerStages } from '../organisations/service.ts';
import {
  careerStage,
  careerStagesUpdate,
  createPersonRequest,
  importQuery,
  importResult,
  peopleList,
  peopleListQuery,
  personDetail,
  team,
  teamInput,
  updatePersonRequest,
} from './contracts.ts';
import { cachedPeopleList } from './directory-cache.ts';
import { importPeople } from './import-people.ts';
import { IMPORT_MAX_BYTES, ImportFileError } from './import-plan.ts';
import { people } from './schema.ts';
import {
  createPerson,
  createTeam,
  deletePerson,
  deleteTeam,
  getPerson,
  listTeams,
  replaceCareerStages,
  updatePerson,
} from './service.ts';

const ADMIN = ['admin'] as const;

export const peopleRoutes: AnyRoute[] = [
  route({
    method: 'get',
    path: '/api/people',
    summary: 'The people directory of the signed-in person’s organisation',
    tag: 'people',
    access: 'signed-in',
    query: peopleListQuery,
    response: peopleList,
    async handler({ viewer, query, services, c }) {
      const list = await cachedPeopleList(services.db, viewer.organisationId, query);
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      return c.body(gzip ? list.gzip : list.json, 200, {
        'Content-Type': 'application/json',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
    },
  }),
  route({
    method: 'get',
    path: '/api/people/:id',
    summary: 'One person, with their manager and direct reports',
    tag: 'people',
    access: 'signed-in',
    params: idParams,
    response: personDetail,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) => getPerson(tx, params.id)),
  }),
  route({
    method: 'post',
    path: '/api/people',
    summary: 'Add a person (optionally emailing an invitation)',
    tag: 'people',
    access: ADMIN,
    body: createPersonRequest,
    status: 201,
    response: personDetail,
    handler: ({ viewer, body, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        const id = await createPerson(tx, viewer.organisationId, body);
        if (body.invite) {
          await sendLink(
            tx,
            services.jobs,
            services.config.publicUrl,
            viewer.organisationId,
            { id, ...body },
            'invitation',
          );
        }
        return getPerson(tx, id);
      }),
  }),
  route({
    method: 'patch',
    path: '/api/people/:id',
    summary: 'Change a person’s details, roles, reporting line or status',
    tag: 'people',
    access: ADMIN,
    params: idParams,
    body: updatePersonRequest,
    response: personDetail,
    handler: ({ viewer, params, body, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        if (params.id === viewer.personId && body.roles && !body.roles.includes('admin')) {
          throw new ApiError(400, 'invalid_input', 'you cannot remove your own admin role', {
            roles: 'must keep admin for yourself',
          });
        }
        await updatePerson(tx, viewer.organisationId, params.id, body);
        return getPerson(tx, params.id);
      }),
  }),
  route({
    method: 'delete',
    path: '/api/people/:id',
    summary: 'Delete a person with their own assessments and 360s; their reports lose this manager',
    tag: 'people',
    access: ADMIN,
    params: idParams,
    status: 204,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        if (params.id === viewer.personId) {
          throw new ApiError(400, 'invalid_input', 'you cannot delete yourself', {
            id: 'must not be yourself',
          });
        }
        await deletePerson(tx, viewer.organisationId, params.id);
      }),
  }),
  route({
    method: 'post',
    path: '/api/people/:id/invite',
    summary: 'Email the person a single-use invitation link (revokes earlier ones)',
    tag: 'people',
    access: ADMIN,
    params: idParams,
    status: 202,
    response: ok,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        const [person] = await tx
          .select({ id: people.id, name: people.name, email: people.email, status: people.status })
          .from(people)
          .where(eq(people.id, params.id));
        if (!person) throw notFound('person');
        if (person.status !== 'invited') {
          // An invitation sets a password, so for someone already active it would be a reset by
          // another name; they can use "forgot password" themselves.
          throw new ApiError(
            409,
            'conflict',
            `this person is ${person.status}; only people not yet joined can be invited`,
          );
        }
        await sendLink(
          tx,
          services.jobs,
          services.config.publicUrl,
          viewer.organisationId,
          person,
          'invitation',
        );
        return { ok: true as const };
      }),
  }),
  route({
    method: 'post',
    path: '/api/people/import',
    summary:
      'Import people from a CSV file (body: the file, text/csv). Writes nothing unless every row is valid or skipInvalid=true; dryRun=true only reports.',
    tag: 'people',
    access: ADMIN,
    query: importQuery,
    rawBody: {
      contentTypes: ['text/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream'],
      maxBytes: IMPORT_MAX_BYTES,
    },
    response: importResult,
    async handler({ viewer, query, raw, services }) {
      try {
        return await importPeople(services.db, viewer.organisationId, raw, query);
      } catch (err) {
        if (err instanceof ImportFileError)
          throw new ApiError(400, 'invalid_file', err.message, { file: err.message });
        throw err;
      }
    },
  }),
  route({
    method: 'get',
    path: '/api/teams',
    summary: 'Teams with their member counts',
    tag: 'people',
    access: 'signed-in',
    response: z.array(team),
    handler: ({ viewer, services }) => services.db.inOrganisation(viewer.organisationId, listTeams),
  }),
  route({
    method: 'post',
    path: '/api/teams',
    summary: 'Create a team',
    tag: 'people',
    access: ADMIN,
    body: teamInput,
    status: 201,
    response: team,
    handler: ({ viewer, body, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        createTeam(tx, viewer.organisationId, body.name),
      ),
  }),
  route({
    method: 'delete',
    path: '/api/teams/:id',
    summary: 'Delete a team; its members stay, without a team',
    tag: 'people',
    access: ADMIN,
    params: idParams,
    status: 204,
    handler: ({ viewer, params, services }) =>
      services.db.inOrganisation(viewer.organisationId, (tx) =>
        deleteTeam(tx, viewer.organisationId, params.id),
      ),
  }),
  route({
    method: 'get',
    path: '/api/career-stages',
    summary: 'The organisation’s career stages, in order',
    tag: 'people',
    access: 'signed-in',
    response: z.array(careerStage),
    handler: ({ viewer, services }) => services.db.inOrganisation(viewer.organisationId, listCareerStages),
  }),
  route({
    method: 'put',
    path: '/api/career-stages',
    summary: 'Replace the career stages (order matters); stages people are at cannot be removed',
    tag: 'people',
    access: ADMIN,
    body: careerStagesUpdate,
    response: z.array(careerStage),
    handler: ({ viewer, body, services }) =>
      services.db.inOrganisation(viewer.organisationId, async (tx) => {
        await replaceCareerStages(tx, viewer.organisationId, body.stages);
        return listCareerStages(tx);
      }),
  }),
];
