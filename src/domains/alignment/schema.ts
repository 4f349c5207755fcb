// The organisation's goals and cultural values. Both are tenant tables keyed by organisation
// (docs/decisions/0002); row-level security is enabled in the migration that creates them.
// Development plans link to these rows, so goals are ended by status and values are retired,
// rather than deleted, once people may have seen them.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { GOAL_STATUSES } from './constants.ts';

export const organisationGoals = pgTable(
  'organisation_goals',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** The person accountable for the goal; cleared (not the goal deleted) when they are erased. */
    ownerId: uuid('accountable_person_id'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    status: text('status', { enum: GOAL_STATUSES }).notNull().default('draft'),
    /** Display order chosen by admins; ties (never made by the service) fall back to creation. */
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // The migration narrows the generated SET NULL to accountable_person_id alone: a composite key set to null
    // whole would also null organisation_id (PostgreSQL 15+ syntax, PGlite is 17).
    foreignKey({
      name: 'organisation_goals_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('set null'),
    index('organisation_goals_owner_idx').on(t.organisationId, t.ownerId),
    check('organisation_goals_status_known', sql`${t.status} IN ('draft', 'active', 'achieved', 'dropped')`),
    check('organisation_goals_period', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

export const organisationValues = pgTable(
  'organisation_values',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /**
     * A capability key of the framework (checked against the current published version when set).
     * Not a foreign key: capabilities belong to versions, and keys stay stable across versions.
     */
    capabilityKey: text('capability_key'),
    position: integer('position').notNull(),
    /** Retired values stay for the plans that link to them, but are no longer shown or linkable. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // "Integrity" and "integrity" are one value; a retired name may be used again.
    uniqueIndex('organisation_values_name_unique')
      .on(t.organisationId, sql`lower(${t.name})`)
      .where(sql`${t.retiredAt} IS NULL`),
  ],
);
