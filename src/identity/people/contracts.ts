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

export const team = z.object({ id: z.uuid(), name: z.string(), members: z.number().int() });

export const personSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  careerStage: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  manager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
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

export const teamInput = z.object({ name: teamName });

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

export const IMPORT_COLUMNS = ['email', 'name', 'career_stage', 'team', 'manager_email', 'roles'] as const;

/** A person's or a team's id in a path. */
export { idParams };
