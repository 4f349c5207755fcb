// The reflection journal: a person's private entries, each free text with an optional mood and
// energy (1–5) and an optional link to one of their own experiments or to a library module. Private
// to the owner in the database too (docs/decisions/0014): one entry can be shared with the owner's
// current manager and/or their accepted coach, and the migration's read policy reads those flags
// live; triggers clear them when the manager changes or coaching ends (as for plans, 0016).
// The experiment link carries owner_id in its composite foreign key, so an entry can only point at
// its owner's experiment: the database refuses the mix-up a service bug could make.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { planExperiments } from '../development/schema.ts';
import { libraryModules } from '../library/schema.ts';
import { ENTRY_BODY_MAX, SCALE_MAX, SCALE_MIN } from './constants.ts';

const scale = (column: unknown) =>
  sql`${column} IS NULL OR ${column} BETWEEN ${sql.raw(String(SCALE_MIN))} AND ${sql.raw(String(SCALE_MAX))}`;

export const journalEntries = pgTable(
  'journal_entries',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    body: text('body').notNull(),
    mood: smallint('mood'),
    energy: smallint('energy'),
    /** One of the owner's experiments (SET NULL on this column alone, hand-edited in the migration). */
    experimentId: uuid('experiment_id'),
    /** A module of the organisation's library (SET NULL on this column alone). */
    moduleId: uuid('module_id'),
    sharedWithManager: boolean('shared_with_manager').notNull().default(false),
    sharedWithCoach: boolean('shared_with_coach').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'journal_entries_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'journal_entries_experiment_fk',
      columns: [t.organisationId, t.experimentId, t.ownerId],
      foreignColumns: [planExperiments.organisationId, planExperiments.id, planExperiments.ownerId],
    }).onDelete('set null'),
    foreignKey({
      name: 'journal_entries_module_fk',
      columns: [t.organisationId, t.moduleId],
      foreignColumns: [libraryModules.organisationId, libraryModules.id],
    }).onDelete('set null'),
    // Lists read by owner first, newest first, so the per-row privacy policy stays cheap (0014);
    // the second serves the filter by experiment and the experiment's own entries.
    index('journal_entries_owner').on(t.organisationId, t.ownerId, t.createdAt),
    index('journal_entries_experiment').on(t.organisationId, t.ownerId, t.experimentId),
    check(
      'journal_entries_body',
      sql`char_length(${t.body}) BETWEEN 1 AND ${sql.raw(String(ENTRY_BODY_MAX))}`,
    ),
    check('journal_entries_mood', scale(t.mood)),
    check('journal_entries_energy', scale(t.energy)),
    // An entry is about one thing at most: an experiment, or a module.
    check('journal_entries_one_link', sql`${t.experimentId} IS NULL OR ${t.moduleId} IS NULL`),
  ],
);
