// Learning pathways: a person's own ordered list of library modules, tied to one of their plan's
// focus areas or not, with their progress on each. Private to the owner in the database too
// (docs/decisions/0014): both tables carry owner_id and the owner-only policies, and the composite
// foreign keys carry owner_id along, so a step can only sit in its owner's pathway and a pathway
// can only be tied to its owner's focus — the database refuses the mix-up a service bug could make.
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { planFocusAreas } from '../development/schema.ts';
import { libraryModules } from '../library/schema.ts';
import { MAX_STEPS, PATHWAY_TITLE_MAX, STEP_NOTE_MAX } from './constants.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export const learningPathways = pgTable(
  'learning_pathways',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    title: text('title').notNull(),
    /** One of the owner's plan focus areas; null for a pathway of its own. */
    focusId: uuid('focus_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Archived pathways leave the person's list; their history stays. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('learning_pathways_owned').on(t.organisationId, t.id, t.ownerId),
    foreignKey({
      name: 'learning_pathways_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    // SET NULL on focus_id only (hand-edited in the migration: drizzle cannot say which column),
    // so a removed focus unties the pathway instead of deleting it.
    foreignKey({
      name: 'learning_pathways_focus_fk',
      columns: [t.organisationId, t.focusId, t.ownerId],
      foreignColumns: [planFocusAreas.organisationId, planFocusAreas.id, planFocusAreas.ownerId],
    }).onDelete('set null'),
    // Lists read by owner first, so the per-row privacy policy stays cheap (0014).
    index('learning_pathways_owner').on(t.organisationId, t.ownerId, t.createdAt),
    check(
      'learning_pathways_title',
      sql`char_length(${t.title}) BETWEEN 1 AND ${sql.raw(String(PATHWAY_TITLE_MAX))}`,
    ),
  ],
);

export const learningPathwaySteps = pgTable(
  'learning_pathway_steps',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    pathwayId: uuid('pathway_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** 0, 1, 2 … within the pathway, no gaps (the service renumbers on every change). */
    position: smallint('position').notNull(),
    /** The module, not one version of it: the pathway follows the module as it is edited. */
    moduleId: uuid('module_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    practisedAt: timestamp('practised_at', { withTimezone: true }),
    reflectedAt: timestamp('reflected_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'learning_pathway_steps_pathway_fk',
      columns: [t.organisationId, t.pathwayId, t.ownerId],
      foreignColumns: [learningPathways.organisationId, learningPathways.id, learningPathways.ownerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'learning_pathway_steps_module_fk',
      columns: [t.organisationId, t.moduleId],
      foreignColumns: [libraryModules.organisationId, libraryModules.id],
    }).onDelete('cascade'),
    unique('learning_pathway_steps_module_once').on(t.organisationId, t.pathwayId, t.moduleId),
    // Deferred in the migration (hand-edited), so a reorder can swap positions in one statement.
    unique('learning_pathway_steps_position').on(t.organisationId, t.pathwayId, t.position),
    index('learning_pathway_steps_owner').on(t.organisationId, t.ownerId),
    check(
      'learning_pathway_steps_position_range',
      sql`${t.position} BETWEEN 0 AND ${sql.raw(String(MAX_STEPS - 1))}`,
    ),
    check(
      'learning_pathway_steps_progress',
      sql`(${t.practisedAt} IS NULL AND ${t.reflectedAt} IS NULL) OR ${t.startedAt} IS NOT NULL`,
    ),
    check(
      'learning_pathway_steps_note',
      sql`${t.note} IS NULL OR char_length(${t.note}) <= ${sql.raw(String(STEP_NOTE_MAX))}`,
    ),
  ],
);
