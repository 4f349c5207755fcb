// Programmes (issue 11): a journey of dated steps an admin runs for a cohort of any career stage.
// The steps' effects live in their owners' tables (assessments, feedback campaigns, plans); a
// programme keeps only who is in it and which step was launched for whom, so a person who leaves
// keeps everything of their own, unchanged (docs/decisions/0023).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { careerStages } from '../../identity/organisations/schema.ts';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import {
  ENROLMENT_SOURCES,
  PROGRAMME_DAYS_MAX,
  PROGRAMME_DESCRIPTION_MAX,
  PROGRAMME_NAME_MAX,
  STEP_DESCRIPTION_MAX,
  STEP_KINDS,
  STEP_TITLE_MAX,
  TEMPLATE_KEYS,
} from './constants.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const n = (v: number) => sql.raw(String(v));
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const programmes = pgTable(
  'programmes',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    /** The template it was made from; everything was copied and may have been edited since. */
    template: text('template', { enum: TEMPLATE_KEYS }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The admin who made it: launched 360s name them as their creator. */
    createdById: uuid('created_by_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'programmes_created_by_fk',
      columns: [t.organisationId, t.createdById],
      foreignColumns: [people.organisationId, people.id],
    }),
    index('programmes_starts').on(t.organisationId, t.startsOn),
    check('programmes_dates', sql`${t.startsOn} <= ${t.endsOn}`),
    check('programmes_template_known', sql`${t.template} IN (${list(TEMPLATE_KEYS)})`),
    check(
      'programmes_text',
      sql`char_length(${t.name}) BETWEEN 1 AND ${n(PROGRAMME_NAME_MAX)}
          AND char_length(${t.description}) <= ${n(PROGRAMME_DESCRIPTION_MAX)}`,
    ),
  ],
);

/** The career stages a programme is meant for (any, several or all: nothing is senior-only). */
export const programmeStages = pgTable(
  'programme_stages',
  {
    organisationId: organisationId(),
    programmeId: uuid('programme_id').notNull(),
    careerStageId: uuid('career_stage_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.programmeId, t.careerStageId] }),
    foreignKey({
      name: 'programme_stages_programme_fk',
      columns: [t.organisationId, t.programmeId],
      foreignColumns: [programmes.organisationId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'programme_stages_stage_fk',
      columns: [t.organisationId, t.careerStageId],
      foreignColumns: [careerStages.organisationId, careerStages.id],
    }).onDelete('cascade'),
  ],
);

export const programmeSteps = pgTable(
  'programme_steps',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    programmeId: uuid('programme_id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: STEP_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Days after the programme's start; the step launches on that date. */
    offsetDays: integer('offset_days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'programme_steps_programme_fk',
      columns: [t.organisationId, t.programmeId],
      foreignColumns: [programmes.organisationId, programmes.id],
    }).onDelete('cascade'),
    index('programme_steps_programme').on(t.organisationId, t.programmeId, t.position),
    check('programme_steps_kind_known', sql`${t.kind} IN (${list(STEP_KINDS)})`),
    check('programme_steps_offset', sql`${t.offsetDays} BETWEEN 0 AND ${n(PROGRAMME_DAYS_MAX)}`),
    check(
      'programme_steps_text',
      sql`char_length(${t.title}) BETWEEN 1 AND ${n(STEP_TITLE_MAX)}
          AND char_length(${t.description}) <= ${n(STEP_DESCRIPTION_MAX)}`,
    ),
  ],
);

/**
 * Who is in a programme. Leaving marks the row (`left_at`); it is never deleted, so the dashboard
 * and the launches keep their history. After the programme's end date an enrolment that has not
 * left is an alumnus (read, not stored: the date decides).
 */
export const programmeEnrolments = pgTable(
  'programme_enrolments',
  {
    organisationId: organisationId(),
    programmeId: uuid('programme_id').notNull(),
    personId: uuid('person_id').notNull(),
    source: text('source', { enum: ENROLMENT_SOURCES }).notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.programmeId, t.personId] }),
    foreignKey({
      name: 'programme_enrolments_programme_fk',
      columns: [t.organisationId, t.programmeId],
      foreignColumns: [programmes.organisationId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'programme_enrolments_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    index('programme_enrolments_person').on(t.organisationId, t.personId),
    check('programme_enrolments_source_known', sql`${t.source} IN (${list(ENROLMENT_SOURCES)})`),
  ],
);

/**
 * One step launched for one person: the claim that makes launching idempotent. The launch inserts
 * this row and does the step's work in the same transaction; a second process, or a retry, finds
 * the key taken and does nothing (launch.ts).
 */
export const programmeLaunches = pgTable(
  'programme_launches',
  {
    organisationId: organisationId(),
    stepId: uuid('step_id').notNull(),
    personId: uuid('person_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    launchedAt: timestamp('launched_at', { withTimezone: true }).notNull(),
    /** The 360 launched for a '360' step (null when the person already had one in progress). */
    campaignId: uuid('campaign_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.stepId, t.personId] }),
    foreignKey({
      name: 'programme_launches_step_fk',
      columns: [t.organisationId, t.stepId],
      foreignColumns: [programmeSteps.organisationId, programmeSteps.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'programme_launches_enrolment_fk',
      columns: [t.organisationId, t.programmeId, t.personId],
      foreignColumns: [
        programmeEnrolments.organisationId,
        programmeEnrolments.programmeId,
        programmeEnrolments.personId,
      ],
    }).onDelete('cascade'),
    index('programme_launches_programme').on(t.organisationId, t.programmeId, t.personId),
  ],
);

/**
 * The cohort dashboard as last released (docs/decisions/0023, "Frozen snapshots"): counts and team
 * names only, decided by disclosure control together with everything released before for this
 * programme. Readers are served this row; it is refreshed at most once per SNAPSHOT_PERIOD_MS, or
 * sooner when enrolments change (`stale`).
 */
export const programmeDashboardSnapshots = pgTable(
  'programme_dashboard_snapshots',
  {
    organisationId: organisationId(),
    programmeId: uuid('programme_id').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    /** The minimum the counts were decided under. */
    minimum: integer('minimum').notNull(),
    /** Set when enrolments change: the next read decides afresh. */
    stale: boolean('stale').notNull().default(false),
    /** The released figures, overall and per team (null = withheld); no person ids. */
    figures: jsonb('figures').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.programmeId] }),
    foreignKey({
      name: 'programme_dashboard_snapshots_programme_fk',
      columns: [t.organisationId, t.programmeId],
      foreignColumns: [programmes.organisationId, programmes.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The partition of a programme's people into the atoms of every set its dashboards ever released
 * (one label per person who was in a released set). Passed as `earlier` to each new decision, it
 * stands for all earlier snapshots at once. System-only: who shares an atom with whom would undo
 * the counts' anonymity, so no tenant role may read it (migration grants nothing to lodestar_app).
 */
export const programmeDashboardAtoms = pgTable(
  'programme_dashboard_atoms',
  {
    organisationId: organisationId(),
    programmeId: uuid('programme_id').notNull(),
    personId: uuid('person_id').notNull(),
    atom: integer('atom').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.programmeId, t.personId] }),
    foreignKey({
      name: 'programme_dashboard_atoms_programme_fk',
      columns: [t.organisationId, t.programmeId],
      foreignColumns: [programmes.organisationId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'programme_dashboard_atoms_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
  ],
);
