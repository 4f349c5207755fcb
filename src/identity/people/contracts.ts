// People directory contracts, shared by the server and the web app.
import { z } from 'zod';
import { idParams } from '../../platform/http/params.ts';
import { ROLES } from '../../platform/http/viewer.ts';
import { email } from '../auth/contracts.ts';

export const role = z.enum(ROLES);
const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const teamName = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');

export const careerStage = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  position: z.number().int(),
});
export type CareerStage = z.infer<typeof careerStage>;

const personRef = z.object({ id: z.uuid(), name: z.string() });

/** A team in the organisation's tree; GET /api/teams lists them top team first, depth-first. */
export const team = z.object({
  id: z.uuid(),
  name: z.string(),
  parentTeamId: z.uuid().nullable(),
  /** Names from the top team down to this one, e.g. ["Engineering", "Platform"]. */
  path: z.array(z.string()),
  /** 1 for a top team. */
  depth: z.number().int(),
  leader: personRef.nullable(),
  /** People whose own team this is (sub-teams' members not counted). */
  members: z.number().int(),
  subTeams: z.number().int(),
});
export type Team = z.infer<typeof team>;

export const personSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  careerStage: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  /** `path` runs from the top team down to the person's own team. */
  team: z.object({ id: z.uuid(), name: z.string(), path: z.array(z.string()) }).nullable(),
  /** The leader of the person's own team (not of a parent team), if it has one. */
  teamLeader: personRef.nullable(),
  /** The person's own leader: their manager on the reporting line. */
  manager: personRef.nullable(),
  roles: z.array(role),
  status: z.enum(['invited', 'active', 'disabled']),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const personDetail = personSummary.extend({
  reports: z.array(z.object({ id: z.uuid(), name: z.string() })),
  createdAt: z.string(),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const peopleListQuery = z.object({
  q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
  /** The team and its sub-teams. */
  team: z.uuid('must be a team id').optional(),
  stage: z.string().max(100).optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(1000),
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(0),
});
export type PeopleListQuery = z.infer<typeof peopleListQuery>;

export const peopleList = z.object({ items: z.array(personSummary), total: z.number().int() });
export type PeopleList = z.infer<typeof peopleList>;

export const personInput = z.object({
  name,
  email,
  /** A career stage key or name of this organisation. */
  careerStage: z.string().trim().min(1, 'is required'),
  team: teamName.nullable().optional(),
  managerId: z.uuid('must be a person id').nullable().optional(),
  roles: z.array(role).min(1, 'needs at least one role').default(['participant']),
});
export type PersonInput = z.infer<typeof personInput>;
export const createPersonRequest = personInput.extend({ invite: z.boolean().default(false) });
export const updatePersonRequest = personInput.partial().extend({
  status: z.enum(['active', 'disabled']).optional(),
});

export const careerStagesUpdate = z.object({
  stages: z
    .array(
      z.object({
        id: z.uuid().optional(),
        key: z
          .string()
          .trim()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
          .max(50),
        name,
      }),
    )
    .min(1, 'needs at least one stage')
    .max(20, 'must have at most 20 stages'),
});

export const teamInput = z.object({
  name: teamName,
  parentTeamId: z.uuid('must be a team id').nullable().optional(),
  leaderId: z.uuid('must be a person id').nullable().optional(),
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamUpdate = teamInput.partial();
export type TeamUpdate = z.infer<typeof teamUpdate>;

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((v) => v === 'true'),
  skipInvalid: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((v) => v === 'true'),
});

export const importRowError = z.object({ line: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  errors: z.array(importRowError),
  changes: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    newTeams: z.array(z.string()),
  }),
  preview: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged', 'skip']),
      email: z.string(),
      name: z.string(),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResult>;

export const IMPORT_COLUMNS = [
  'email',
  'name',
  'career_stage',
  'team',
  'manager_email',
  'roles',
  'leads_team',
] as const;

/** A person's or a team's id in a path. */
export { idParams };
