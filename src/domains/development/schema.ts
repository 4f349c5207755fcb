// Development plans: one active plan per person (closed ones kept as history), its focus areas
// (1–3 active), their links to organisation goals and values, behavioural experiments, a quick
// practice log per experiment, and comments by the manager or coach on what was shared.
// Every table but coaching_relationships is private to its `owner_id` (the plan's owner) in the
// database too (docs/decisions/0014; policies in the migration). Children repeat the owner and
// reference their parent by (organisation, id, owner), so a row can never claim another owner
// than its plan's. Coaching relationships are who-coaches-whom (consented), not plan content.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { organisationGoals, organisationValues } from '../alignment/schema.ts';
import {
  COACHING_STATUSES,
  COMMENT_BODY_MAX,
  EXPERIMENT_FREQUENCY_MAX,
  EXPERIMENT_STATUSES,
  EXPERIMENT_TEXT_MAX,
  FOCUS_GOAL_MAX,
  FOCUS_KINDS,
  FOCUS_STATUSES,
  FOCUS_TITLE_MAX,
  FOCUS_WHY_MAX,
  PLAN_STATUSES,
  PLAN_TITLE_MAX,
  PRACTICE_NOTE_MAX,
} from './constants.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const within = (column: unknown, max: number) => sql`char_length(${column}) <= ${sql.raw(String(max))}`;

export const developmentPlans = pgTable(
  'development_plans',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('active'),
    sharedWithManager: boolean('shared_with_manager').notNull().default(false),
    sharedWithCoach: boolean('shared_with_coach').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // The key children reference, so their owner must be the plan's.
    unique('development_plans_owned').on(t.organisationId, t.id, t.ownerId),
    foreignKey({
      name: 'development_plans_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    // A new plan per cycle: starting one closes the current one, so at most one is active.
    uniqueIndex('development_plans_one_active')
      .on(t.organisationId, t.ownerId)
      .where(sql`${t.status} = 'active'`),
    index('development_plans_owner').on(t.organisationId, t.ownerId, t.startedAt),
    check('development_plans_status_known', sql`${t.status} IN ('active', 'closed')`),
    check('development_plans_closed_at', sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    check(
      'development_plans_title',
      sql`char_length(${t.title}) BETWEEN 1 AND ${sql.raw(String(PLAN_TITLE_MAX))}`,
    ),
  ],
);

export interface StoredSuggestion {
  reason: string;
  source?: string;
}

export const planFocusAreas = pgTable(
  'plan_focus_areas',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    position: smallint('position').notNull(),
    kind: text('kind', { enum: FOCUS_KINDS }).notNull(),
    capabilityKey: text('capability_key'),
    /** The capability's block when picked (for counts by block); null for 'other'. */
    blockKey: text('block_key'),
    /** The person's title for 'other'; the capability's name when picked otherwise. */
    title: text('title').notNull(),
    goal: text('goal').notNull(),
    why: text('why').notNull().default(''),
    status: text('status', { enum: FOCUS_STATUSES }).notNull().default('active'),
    sharedWithManager: boolean('shared_with_manager').notNull().default(false),
    sharedWithCoach: boolean('shared_with_coach').notNull().default(false),
    /** The reason a suggestion gave when the person picked it; null when chosen freely. */
    fromSuggestion: jsonb('from_suggestion').$type<StoredSuggestion>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('plan_focus_areas_owned').on(t.organisationId, t.id, t.ownerId),
    unique('plan_focus_areas_in_plan').on(t.organisationId, t.planId, t.id),
    foreignKey({
      name: 'plan_focus_areas_plan_fk',
      columns: [t.organisationId, t.planId, t.ownerId],
      foreignColumns: [developmentPlans.organisationId, developmentPlans.id, developmentPlans.ownerId],
    }).onDelete('cascade'),
    check('plan_focus_areas_kind_known', sql`${t.kind} IN ('capability', 'derailer', 'other')`),
    check('plan_focus_areas_status_known', sql`${t.status} IN ('active', 'done', 'dropped')`),
    check(
      'plan_focus_areas_capability',
      sql`(${t.kind} = 'other') = (${t.capabilityKey} IS NULL) AND (${t.capabilityKey} IS NULL) = (${t.blockKey} IS NULL)`,
    ),
    check(
      'plan_focus_areas_text',
      sql`char_length(${t.title}) BETWEEN 1 AND ${sql.raw(String(FOCUS_TITLE_MAX))}
          AND char_length(${t.goal}) BETWEEN 1 AND ${sql.raw(String(FOCUS_GOAL_MAX))}
          AND ${within(t.why, FOCUS_WHY_MAX)}`,
    ),
  ],
);

/**
 * A focus area's link to one organisation goal or one value of the same organisation (composite
 * foreign keys: a link to another organisation's goal cannot exist). The service also refuses
 * draft goals and retired values (alignment's goalsExist / valuesExist).
 */
export const planFocusLinks = pgTable(
  'plan_focus_links',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    focusId: uuid('focus_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    goalId: uuid('goal_id'),
    valueId: uuid('value_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'plan_focus_links_focus_fk',
      columns: [t.organisationId, t.focusId, t.ownerId],
      foreignColumns: [planFocusAreas.organisationId, planFocusAreas.id, planFocusAreas.ownerId],
    }).onDelete('cascade'),
    // No cascade: alignment refuses to delete a goal plans link to (it is dropped instead).
    foreignKey({
      name: 'plan_focus_links_goal_fk',
      columns: [t.organisationId, t.goalId],
      foreignColumns: [organisationGoals.organisationId, organisationGoals.id],
    }),
    foreignKey({
      name: 'plan_focus_links_value_fk',
      columns: [t.organisationId, t.valueId],
      foreignColumns: [organisationValues.organisationId, organisationValues.id],
    }),
    unique('plan_focus_links_goal').on(t.organisationId, t.focusId, t.goalId),
    unique('plan_focus_links_value').on(t.organisationId, t.focusId, t.valueId),
    check('plan_focus_links_one_target', sql`(${t.goalId} IS NULL) <> (${t.valueId} IS NULL)`),
  ],
);

export const planExperiments = pgTable(
  'plan_experiments',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    focusId: uuid('focus_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    action: text('action').notNull(),
    situation: text('situation').notNull(),
    frequency: text('frequency').notNull(),
    signal: text('signal').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: EXPERIMENT_STATUSES }).notNull().default('planned'),
    /**
     * The library module it was taken from.
     * TODO(library): no library modules table in main yet; add the composite foreign key and the
     * existence check (400 naming sourceModuleId) when it lands.
     */
    sourceModuleId: uuid('source_module_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('plan_experiments_owned').on(t.organisationId, t.id, t.ownerId),
    foreignKey({
      name: 'plan_experiments_focus_fk',
      columns: [t.organisationId, t.focusId, t.ownerId],
      foreignColumns: [planFocusAreas.organisationId, planFocusAreas.id, planFocusAreas.ownerId],
    }).onDelete('cascade'),
    index('plan_experiments_focus').on(t.organisationId, t.focusId),
    check('plan_experiments_status_known', sql`${t.status} IN ('planned', 'running', 'done', 'dropped')`),
    check('plan_experiments_dates', sql`${t.reviewOn} >= ${t.startsOn}`),
    check(
      'plan_experiments_text',
      sql`char_length(${t.action}) BETWEEN 1 AND ${sql.raw(String(EXPERIMENT_TEXT_MAX))}
          AND char_length(${t.situation}) BETWEEN 1 AND ${sql.raw(String(EXPERIMENT_TEXT_MAX))}
          AND char_length(${t.frequency}) BETWEEN 1 AND ${sql.raw(String(EXPERIMENT_FREQUENCY_MAX))}
          AND char_length(${t.signal}) BETWEEN 1 AND ${sql.raw(String(EXPERIMENT_TEXT_MAX))}`,
    ),
  ],
);

export const planPracticeLogs = pgTable(
  'plan_practice_logs',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    experimentId: uuid('experiment_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
    didIt: boolean('did_it').notNull(),
    outcome: smallint('outcome'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'plan_practice_logs_experiment_fk',
      columns: [t.organisationId, t.experimentId, t.ownerId],
      foreignColumns: [planExperiments.organisationId, planExperiments.id, planExperiments.ownerId],
    }).onDelete('cascade'),
    index('plan_practice_logs_experiment').on(t.organisationId, t.experimentId, t.loggedAt),
    check('plan_practice_logs_outcome', sql`${t.outcome} IS NULL OR ${t.outcome} BETWEEN 1 AND 5`),
    check('plan_practice_logs_note', sql`${t.note} IS NULL OR ${within(t.note, PRACTICE_NOTE_MAX)}`),
  ],
);

/** A manager's or coach's (or the owner's) comment on a plan, or on one of its focus areas. */
export const planComments = pgTable(
  'plan_comments',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    focusId: uuid('focus_id'),
    /** The plan's owner (whose privacy the row follows), not the author. */
    ownerId: uuid('owner_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'plan_comments_plan_fk',
      columns: [t.organisationId, t.planId, t.ownerId],
      foreignColumns: [developmentPlans.organisationId, developmentPlans.id, developmentPlans.ownerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'plan_comments_focus_fk',
      columns: [t.organisationId, t.planId, t.focusId],
      foreignColumns: [planFocusAreas.organisationId, planFocusAreas.planId, planFocusAreas.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'plan_comments_author_fk',
      columns: [t.organisationId, t.authorId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    index('plan_comments_plan').on(t.organisationId, t.planId, t.createdAt),
    check(
      'plan_comments_body',
      sql`char_length(${t.body}) BETWEEN 1 AND ${sql.raw(String(COMMENT_BODY_MAX))}`,
    ),
  ],
);

/**
 * Who coaches whom, by consent: a coach (or an admin) asks, the coachee accepts or declines, and
 * either side may end it. Ended and declined rows are kept as history.
 */
export const coachingRelationships = pgTable(
  'coaching_relationships',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    coachId: uuid('coach_id').notNull(),
    coacheeId: uuid('coachee_id').notNull(),
    status: text('status', { enum: COACHING_STATUSES }).notNull().default('requested'),
    requestedById: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'coaching_relationships_coach_fk',
      columns: [t.organisationId, t.coachId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'coaching_relationships_coachee_fk',
      columns: [t.organisationId, t.coacheeId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'coaching_relationships_requested_by_fk',
      columns: [t.organisationId, t.requestedById],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    // One open request or relationship per pair, and one active coach per coachee (the policy
    // knows one chosen coach: identity/visibility.ts).
    uniqueIndex('coaching_relationships_open_pair')
      .on(t.organisationId, t.coachId, t.coacheeId)
      .where(sql`${t.status} IN ('requested', 'active')`),
    uniqueIndex('coaching_relationships_one_coach')
      .on(t.organisationId, t.coacheeId)
      .where(sql`${t.status} = 'active'`),
    index('coaching_relationships_coach').on(t.organisationId, t.coachId),
    check(
      'coaching_relationships_status_known',
      sql`${t.status} IN ('requested', 'active', 'declined', 'ended')`,
    ),
    check('coaching_relationships_not_self', sql`${t.coachId} <> ${t.coacheeId}`),
    check(
      'coaching_relationships_times',
      // A request may be withdrawn (ended) before any answer, so only answers need responded_at.
      sql`(${t.status} <> 'requested' OR ${t.respondedAt} IS NULL)
          AND (${t.status} NOT IN ('active', 'declined') OR ${t.respondedAt} IS NOT NULL)
          AND (${t.status} = 'ended') = (${t.endedAt} IS NOT NULL)`,
    ),
  ],
);
