// The home domain reads other domains' tables (read-facts.ts) and owns one of its own: the
// organisation's journey thresholds (journey.ts). One row per organisation, written with the
// defaults when the organisation is created (module.ts) and by the migration for older ones.
import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';
import { JOURNEY_DEFAULTS, KNOWLEDGE_MONTHS_RANGE, LEADERSHIP_DAYS_RANGE } from './constants.ts';

const between = (column: unknown, range: { min: number; max: number }) =>
  sql`${column} BETWEEN ${sql.raw(String(range.min))} AND ${sql.raw(String(range.max))}`;

export const journeySettings = pgTable(
  'journey_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    knowledgeMonths: smallint('knowledge_months').notNull().default(JOURNEY_DEFAULTS.knowledgeMonths),
    leadershipDays: smallint('leadership_days').notNull().default(JOURNEY_DEFAULTS.leadershipDays),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('journey_settings_knowledge_months', between(t.knowledgeMonths, KNOWLEDGE_MONTHS_RANGE)),
    check('journey_settings_leadership_days', between(t.leadershipDays, LEADERSHIP_DAYS_RANGE)),
  ],
);
