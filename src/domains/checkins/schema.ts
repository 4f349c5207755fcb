// Check-ins: a participant's conversation with their manager or the coach they accepted, with an
// agenda drawn from their plan, notes both write, and the actions they agreed. Private to the
// participant (`owner_id`) and the one counterpart fixed when it was scheduled, in the database too
// (docs/decisions/0014; the policies and the functions they call are in the migration). Admins
// read none of it.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
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
import { planExperiments } from '../development/schema.ts';
import {
  ACTION_KINDS,
  ACTION_TITLE_MAX,
  CHECK_IN_RELATIONS,
  CHECK_IN_STATUSES,
  CHECK_IN_TITLE_MAX,
  DURATION_MAX_MINUTES,
  DURATION_MIN_MINUTES,
  LEARNED_MAX,
  NOTES_MAX,
  PLACE_MAX,
  VIDEO_URL_MAX,
} from './constants.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const max = (n: number) => sql.raw(String(n));

/**
 * One experiment of the owner's plan as it stood when the check-in was scheduled, put on the
 * agenda by the owner (a copy: the plan may change or stay unshared; the agenda does not follow).
 */
export interface AgendaItem {
  experimentId: string;
  focusTitle: string;
  action: string;
  status: 'planned' | 'running';
  reviewOn: string;
  /** Why it was due: 'start' | 'review' | 'practice' (home/due-this-week.ts). */
  reasons: string[];
}

export const checkIns = pgTable(
  'check_ins',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    /** The participant who scheduled it; the row is private to them and `counterpart_id`. */
    ownerId: uuid('owner_id').notNull(),
    counterpartId: uuid('counterpart_id').notNull(),
    /** What the counterpart was to the owner when scheduled; their read lasts while it holds. */
    relation: text('relation', { enum: CHECK_IN_RELATIONS }).notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: CHECK_IN_STATUSES }).notNull().default('scheduled'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    /** IANA name; the invitation's DTSTART is given in it. */
    timeZone: text('time_zone').notNull(),
    place: text('place'),
    videoUrl: text('video_url'),
    agenda: jsonb('agenda').$type<AgendaItem[]>().notNull().default([]),
    /** What I learned: the owner's words for the agenda. */
    learned: text('learned').notNull().default(''),
    /** Shared notes, written by both (through lodestar_write_check_in_notes). */
    notes: text('notes').notNull().default(''),
    /** Bumped by every notes write, so an edit made on a stale copy is refused, not lost. */
    notesVersion: integer('notes_version').notNull().default(0),
    /** iCalendar SEQUENCE of the last invitation sent: 0 first, +1 per reschedule or cancel. */
    sequence: integer('sequence').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // The key actions reference, so an action's owner must be the check-in's.
    unique('check_ins_owned').on(t.organisationId, t.id, t.ownerId),
    foreignKey({
      name: 'check_ins_owner_fk',
      columns: [t.organisationId, t.ownerId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'check_ins_counterpart_fk',
      columns: [t.organisationId, t.counterpartId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    // Lists read by owner (or counterpart) first, so the per-row privacy policy stays cheap (0014).
    index('check_ins_owner').on(t.organisationId, t.ownerId, t.startsAt),
    index('check_ins_counterpart').on(t.organisationId, t.counterpartId, t.startsAt),
    check('check_ins_status_known', sql`${t.status} IN ('scheduled', 'completed', 'cancelled')`),
    check('check_ins_relation_known', sql`${t.relation} IN ('manager', 'coach')`),
    check('check_ins_not_self', sql`${t.ownerId} <> ${t.counterpartId}`),
    check(
      'check_ins_duration',
      sql`${t.durationMinutes} BETWEEN ${max(DURATION_MIN_MINUTES)} AND ${max(DURATION_MAX_MINUTES)}`,
    ),
    check(
      'check_ins_closed_at',
      sql`(${t.status} = 'completed') = (${t.completedAt} IS NOT NULL)
          AND (${t.status} = 'cancelled') = (${t.cancelledAt} IS NOT NULL)`,
    ),
    check('check_ins_counters', sql`${t.sequence} >= 0 AND ${t.notesVersion} >= 0`),
    check('check_ins_video_url', sql`${t.videoUrl} IS NULL OR ${t.videoUrl} ~ '^https?://'`),
    check(
      'check_ins_text',
      sql`char_length(${t.title}) BETWEEN 1 AND ${max(CHECK_IN_TITLE_MAX)}
          AND char_length(${t.timeZone}) BETWEEN 1 AND 64
          AND (${t.place} IS NULL OR char_length(${t.place}) BETWEEN 1 AND ${max(PLACE_MAX)})
          AND (${t.videoUrl} IS NULL OR char_length(${t.videoUrl}) <= ${max(VIDEO_URL_MAX)})
          AND char_length(${t.learned}) <= ${max(LEARNED_MAX)}
          AND char_length(${t.notes}) <= ${max(NOTES_MAX)}`,
    ),
  ],
);

/**
 * An action agreed in a check-in: a task kept on the check-in (and listed on the owner's plan
 * page), or an experiment the owner added to one of their focus areas through the development
 * domain. Either side may record a task; only the owner can turn one into an experiment.
 */
export const checkInActions = pgTable(
  'check_in_actions',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().defaultRandom(),
    checkInId: uuid('check_in_id').notNull(),
    /** The check-in's owner (whose privacy the row follows), not the author. */
    ownerId: uuid('owner_id').notNull(),
    authorId: uuid('author_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ACTION_KINDS }).notNull().default('task'),
    done: boolean('done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** The experiment it became (the migration narrows the SET NULL to this column). */
    experimentId: uuid('experiment_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'check_in_actions_check_in_fk',
      columns: [t.organisationId, t.checkInId, t.ownerId],
      foreignColumns: [checkIns.organisationId, checkIns.id, checkIns.ownerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'check_in_actions_author_fk',
      columns: [t.organisationId, t.authorId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'check_in_actions_experiment_fk',
      columns: [t.organisationId, t.experimentId, t.ownerId],
      foreignColumns: [planExperiments.organisationId, planExperiments.id, planExperiments.ownerId],
    }).onDelete('set null'),
    index('check_in_actions_check_in').on(t.organisationId, t.checkInId, t.createdAt),
    index('check_in_actions_owner').on(t.organisationId, t.ownerId),
    check('check_in_actions_kind_known', sql`${t.kind} IN ('task', 'experiment')`),
    check('check_in_actions_task', sql`${t.kind} = 'experiment' OR ${t.experimentId} IS NULL`),
    check('check_in_actions_done', sql`${t.done} = (${t.doneAt} IS NOT NULL)`),
    check('check_in_actions_title', sql`char_length(${t.title}) BETWEEN 1 AND ${max(ACTION_TITLE_MAX)}`),
  ],
);
