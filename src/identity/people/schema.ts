import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';
import { careerStages } from '../organisations/schema.ts';

export const teams = pgTable(
  'teams',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** Teams nest: a department holds teams. Cycles are rejected by the people service. */
    parentTeamId: uuid('parent_team_id'),
    /**
     * The person who leads the team (a head of department, say). A person's own leader is their
     * manager on the reporting line; a team leader sees the team's climate, sub-teams included.
     * Its foreign key to people (organisation, id) is in migration 0022 by hand: declared here,
     * teams → people → teams would make both table types circular for TypeScript.
     */
    leaderId: uuid('leader_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.name),
    foreignKey({
      columns: [t.organisationId, t.parentTeamId],
      foreignColumns: [t.organisationId, t.id],
    }),
    index().on(t.organisationId, t.parentTeamId),
    index().on(t.organisationId, t.leaderId),
    check('teams_not_own_parent', sql`${t.parentTeamId} IS NULL OR ${t.parentTeamId} <> ${t.id}`),
  ],
);

export const people = pgTable(
  'people',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** Stored lower-cased; the import and the API normalise before writing. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    careerStageId: uuid('career_stage_id').notNull(),
    teamId: uuid('team_id'),
    managerId: uuid('manager_id'),
    roles: text('roles').array().notNull().default(sql`ARRAY['participant']::text[]`),
    /** argon2id hash; null until the person accepts an invitation. */
    passwordHash: text('password_hash'),
    status: text('status', { enum: ['invited', 'active', 'disabled'] })
      .notNull()
      .default('invited'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.email),
    // Composite foreign keys: a person can only ever point at rows of its own organisation.
    foreignKey({
      columns: [t.organisationId, t.careerStageId],
      foreignColumns: [careerStages.organisationId, careerStages.id],
    }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.managerId], foreignColumns: [t.organisationId, t.id] }),
    index().on(t.organisationId, t.managerId),
    index().on(t.organisationId, t.teamId),
    index().on(t.email),
    check('people_roles_known', sql`${t.roles} <@ ARRAY['participant','coach','admin']::text[]`),
    check('people_email_lower', sql`${t.email} = lower(${t.email})`),
    check('people_not_own_manager', sql`${t.managerId} IS NULL OR ${t.managerId} <> ${t.id}`),
  ],
);
