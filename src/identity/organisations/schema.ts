import { integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';

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
