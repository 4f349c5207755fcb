// Self-assessments: one row per attempt, holding its framework version and its answers, and the
// manage/lead balance the organisation expects at each career stage. Answers live on the
// assessment as one JSON object (item key → value) rather than one row each: an autosave or a
// submit is then a single-row update, not dozens of inserts with foreign-key checks, which is what
// keeps a 71-item submit fast on PostgreSQL and usable on PGlite (docs/decisions/0005). The
// service checks every key and value against the assessment's own version; the database checks the
// shape and the range, and refuses any change to a submitted assessment.
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { careerStages } from '../../identity/organisations/schema.ts';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { frameworkVersions } from '../framework/schema.ts';
import { ASSESSMENT_STATUSES } from './constants.ts';

export const assessments = pgTable(
  'assessments',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    versionId: uuid('version_id').notNull(),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('open'),
    /** Item key → 1..points of its scale, or null for "can't say" (scored as missing). */
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull().default(sql`'{}'::jsonb`),
    /**
     * The person's career stage when they submitted: the profile compares with its expected balance.
     * No foreign key on purpose: a stage may later be removed (once nobody is at it), and a
     * composite SET NULL would also null organisation_id; a removed stage simply has no expectation.
     */
    careerStageId: uuid('career_stage_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'assessments_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'assessments_version_fk',
      columns: [t.organisationId, t.versionId],
      foreignColumns: [frameworkVersions.organisationId, frameworkVersions.id],
    }),
    // One assessment in progress per person: a second start resumes it instead.
    uniqueIndex('assessments_one_open').on(t.organisationId, t.personId).where(sql`${t.status} = 'open'`),
    index().on(t.organisationId, t.personId, t.submittedAt),
    index().on(t.organisationId, t.versionId, t.status),
    check('assessments_status_known', sql`${t.status} IN ('open', 'submitted')`),
    check('assessments_submitted_at', sql`(${t.status} = 'submitted') = (${t.submittedAt} IS NOT NULL)`),
    // Every value is null or a whole number 1..11 (the widest scale allowed); the service checks
    // the exact range of each item's own scale.
    check(
      'assessments_answers_shape',
      sql`jsonb_typeof(${t.answers}) = 'object' AND NOT jsonb_path_exists(${t.answers}, '$.* ? (@ != null && (@.type() != "number" || @ < 1 || @ > 11 || @.floor() != @))')`,
    ),
  ],
);

/** The share of leading (vs managing) the organisation expects at a career stage, 0..1. */
export const stageBalanceExpectations = pgTable(
  'stage_balance_expectations',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    careerStageId: uuid('career_stage_id').notNull(),
    leadShare: numeric('lead_share', { precision: 3, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.careerStageId] }),
    foreignKey({
      name: 'stage_balance_expectations_stage_fk',
      columns: [t.organisationId, t.careerStageId],
      foreignColumns: [careerStages.organisationId, careerStages.id],
    }).onDelete('cascade'),
    check('stage_balance_expectations_share', sql`${t.leadShare} BETWEEN 0 AND 1`),
  ],
);
