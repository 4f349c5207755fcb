import { eq } from 'drizzle-orm';
import { ApiError, notFound } from '../../platform/http/errors.ts';
import { type AnyRoute, route } from '../../platform/http/route.ts';
import { sendLink } from '../auth/links.ts';
import { listCareerStages } from '../organisations/service.ts';
import { cachedPeopleList } from './directory-cache.ts';
import { peopleApi } from './endpoints.ts';
import { importPeople } from './import-people.ts';
import { ImportFileError } from './import-plan.ts';
import { people } from './schema.ts';
import {
  createPerson,
  deletePerson,
  getPerson,
  listPeople,
  replaceCareerStages,
  updatePerson,
} from './service.ts';
import { createTeam, deleteTeam, listTeams, updateTeam } from './teams.ts';

const ADMIN = ['admin'] as const;

export const peopleRoutes: AnyRoute[] = [
  route(peopleApi.list, {
    summary: 'The people directory of the signed-in person’s organisation',
    tag: 'people',
    access: 'signed-in',
    async handler({ viewer, query, services, c }) {
      const list = await cachedPeopleList(services.db, viewer.organisationId, query, (tx) =>
        listPeople({ tx, organisationId: viewer.organisationId }, query),
      );
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      return c.body(gzip ? list.gzip : list.json, 200, {
        'Content-Type': 'application/json',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
    },
  }),
  route(peopleApi.get, {
    summary: 'One person, with their manager and direct reports',
    tag: 'people',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope, params }) => getPerson(scope, params.id),
  }),
  route(peopleApi.create, {
    summary: 'Add a person (optionally emailing an invitation)',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    async handler({ scope, body }) {
      const id = await createPerson(scope, body);
      if (body.invite) await sendLink(scope, { person: { id, ...body }, purpose: 'invitation' });
      return getPerson(scope, id);
    },
  }),
  route(peopleApi.update, {
    summary: 'Change a person’s details, roles, reporting line or status',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    async handler({ scope, params, body }) {
      if (params.id === scope.viewer.personId && body.roles && !body.roles.includes('admin')) {
        throw new ApiError(400, 'invalid_input', 'you cannot remove your own admin role', {
          roles: 'must keep admin for yourself',
        });
      }
      await updatePerson(scope, { id: params.id, changes: body });
      return getPerson(scope, params.id);
    },
  }),
  route(peopleApi.remove, {
    summary: 'Delete a person with their own assessments and 360s; their reports lose this manager',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      if (params.id === scope.viewer.personId) {
        throw new ApiError(400, 'invalid_input', 'you cannot delete yourself', {
          id: 'must not be yourself',
        });
      }
      await deletePerson(scope, params.id);
    },
  }),
  route(peopleApi.invite, {
    summary: 'Email the person a single-use invitation link (revokes earlier ones)',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    async handler({ scope, params }) {
      {
        const [person] = await scope.tx
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
        await sendLink(scope, { person, purpose: 'invitation' });
        return { ok: true as const };
      }
    },
  }),
  route(peopleApi.importCsv, {
    summary:
      'Import people from a CSV file (body: the file, text/csv). Writes nothing unless every row is valid or skipInvalid=true; dryRun=true only reports.',
    tag: 'people',
    access: ADMIN,
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
  route(peopleApi.teams, {
    summary: 'The team tree, top teams first and depth-first: parent, path, leader, member counts',
    tag: 'people',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listTeams(scope),
  }),
  route(peopleApi.createTeam, {
    summary: 'Create a team, optionally under a parent team and with a leader',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, body }) => createTeam(scope, body),
  }),
  route(peopleApi.updateTeam, {
    summary: 'Rename a team, move it under another team (no loops, at most 6 levels) or set its leader',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params, body }) => updateTeam(scope, params.id, body),
  }),
  route(peopleApi.deleteTeam, {
    summary: 'Delete an empty team (no members, no sub-teams)',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    handler: ({ scope, params }) => deleteTeam(scope, params.id),
  }),
  route(peopleApi.careerStages, {
    summary: 'The organisation’s career stages, in order',
    tag: 'people',
    access: 'signed-in',
    tenant: true,
    handler: ({ scope }) => listCareerStages(scope),
  }),
  route(peopleApi.replaceCareerStages, {
    summary: 'Replace the career stages (order matters); stages people are at cannot be removed',
    tag: 'people',
    access: ADMIN,
    tenant: true,
    async handler({ scope, body }) {
      await replaceCareerStages(scope, body.stages);
      return listCareerStages(scope);
    },
  }),
];
