// Team climate: the organisation's schedule, one row per round (its instrument, the team tree and
// leaders as they were when it was sent, and its frozen results), one invitation per person asked
// (who, about which leader, in which team: all as at send time, so later moves never change a past
// round), and the responses. A response carries only what the views need (leader and team as at send
// time) and its answers, never the invitation or the person: nothing links an answer back to who
// gave it, and readers only ever see the frozen results decided by src/core/disclosure.
import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';
import { CLIMATE_SCALE_MAX } from './constants.ts';
import type { RoundResults, RoundSnapshot } from './views.ts';

export const climateSettings = pgTable(
  'climate_settings',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** A round every this many weeks; null = no schedule (rounds only when an admin sends one). */
    intervalWeeks: integer('interval_weeks'),
    windowDays: integer('window_days').notNull().default(14),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId] }),
    check(
      'climate_settings_interval',
      sql`${t.intervalWeeks} IS NULL OR ${t.intervalWeeks} BETWEEN 1 AND 52`,
    ),
    check('climate_settings_window', sql`${t.windowDays} BETWEEN 3 AND 60`),
  ],
);

export const climateRounds = pgTable(
  'climate_rounds',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** `every-<N>w:<index>` for a scheduled round, `manual:<uuid>` for one an admin sent. */
    period: text('period').notNull(),
    instrumentVersion: integer('instrument_version').notNull(),
    itemKeys: text('item_keys').array().notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    /** Fixed at send time: respondents are told this minimum, later setting changes do not apply. */
    minimum: integer('minimum').notNull(),
    snapshot: jsonb('snapshot').$type<RoundSnapshot>().notNull(),
    /** Decided once, at close (views.ts): the only source of every figure shown. */
    results: jsonb('results').$type<RoundResults>(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    // One round per period, and one open at a time: two launches (two processes, a double click)
    // insert one round and the other's INSERT … ON CONFLICT DO NOTHING finds it.
    uniqueIndex('climate_rounds_period').on(t.organisationId, t.period),
    uniqueIndex('climate_rounds_one_open').on(t.organisationId).where(sql`${t.status} = 'open'`),
    index('climate_rounds_due').on(t.status, t.deadline),
    check('climate_rounds_status_known', sql`${t.status} IN ('open', 'closed')`),
    check(
      'climate_rounds_closed',
      sql`(${t.status} = 'closed') = (${t.results} IS NOT NULL AND ${t.closedAt} IS NOT NULL)`,
    ),
  ],
);

export const climateInvitations = pgTable(
  'climate_invitations',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    /** No foreign keys to people: a round's history outlives people leaving. */
    respondentId: uuid('respondent_id').notNull(),
    leaderId: uuid('leader_id').notNull(),
    teamId: uuid('team_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    status: text('status', { enum: ['invited', 'submitted'] })
      .notNull()
      .default('invited'),
    /** SHA-256 of the link's secret (src/platform/http/rater-link.ts). */
    tokenHash: text('token_hash').notNull(),
    remindersSent: integer('reminders_sent').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'climate_invitations_round_fk',
      columns: [t.organisationId, t.roundId],
      foreignColumns: [climateRounds.organisationId, climateRounds.id],
    }).onDelete('cascade'),
    uniqueIndex('climate_invitations_respondent').on(t.organisationId, t.roundId, t.respondentId),
    uniqueIndex('climate_invitations_token').on(t.organisationId, t.tokenHash),
    check('climate_invitations_status_known', sql`${t.status} IN ('invited', 'submitted')`),
  ],
);

/**
 * Answers only. Deliberately no timestamp: with one, the time of a submit could be matched to
 * the invitation that changed then. The id is random (v4), so it orders nothing either.
 */
export const climateResponses = pgTable(
  'climate_responses',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull(),
    leaderId: uuid('leader_id').notNull(),
    teamId: uuid('team_id'),
    /** Item key → 1..5. */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'climate_responses_round_fk',
      columns: [t.organisationId, t.roundId],
      foreignColumns: [climateRounds.organisationId, climateRounds.id],
    }).onDelete('cascade'),
    index('climate_responses_round').on(t.organisationId, t.roundId),
    check(
      'climate_responses_answers_shape',
      sql`jsonb_typeof(${t.answers}) = 'object' AND NOT jsonb_path_exists(${t.answers}, ${sql.raw(`'$.* ? (@.type() != "number" || @ < 1 || @ > ${CLIMATE_SCALE_MAX} || @.floor() != @)'`)})`,
    ),
  ],
);
