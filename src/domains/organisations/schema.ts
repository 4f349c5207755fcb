import { sql } from 'drizzle-orm';
import { integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** The tenant root. Its own row is visible only to its own organisation (RLS on `id`). */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * Bumped by every write to people, teams or stages, so read caches (the people directory)
   * can tell cheaply whether what they hold is current.
   */
  directoryVersion: integer('directory_version').notNull().default(sql`0`),
});

/** Career stages are per organisation and editable; the default list is seeded at creation. */
export const careerStages = pgTable(
  'career_stages',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), unique().on(t.organisationId, t.key)],
);

export const DEFAULT_CAREER_STAGES = [
  { key: 'individual-contributor', name: 'Individual contributor' },
  { key: 'team-lead', name: 'Team lead' },
  { key: 'manager', name: 'Manager' },
  { key: 'senior-leader', name: 'Senior leader' },
  { key: 'executive', name: 'Executive' },
] as const;
