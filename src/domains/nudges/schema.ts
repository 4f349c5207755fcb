// The digest's tables: each person's choices, and one row per digest sent and period. Neither is a
// private record in the sense of docs/decisions/0014 (no owner_id): they hold no plan or journal
// content, only when someone wants an email, and the scheduler reads them for the whole
// organisation in a tenant transaction without a person. The API still lets a person read and
// change only their own choices (routes.ts).
import { sql } from 'drizzle-orm';
import { check, foreignKey, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { DIGEST_FREQUENCIES, TIME_ZONE_MAX } from './constants.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

/** A person's digest choices; no row means the defaults (constants.ts DEFAULT_DIGEST). */
export const nudgePreferences = pgTable(
  'nudge_preferences',
  {
    organisationId: organisationId(),
    personId: uuid('person_id').notNull(),
    frequency: text('frequency', { enum: DIGEST_FREQUENCIES }).notNull(),
    /** ISO weekday, 1 = Monday. */
    weekday: smallint('weekday').notNull(),
    hour: smallint('hour').notNull(),
    /** An IANA name, checked with Intl when written (schedule.ts normaliseTimeZone). */
    timeZone: text('time_zone').notNull(),
    quietStart: smallint('quiet_start'),
    quietEnd: smallint('quiet_end'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.personId] }),
    foreignKey({
      name: 'nudge_preferences_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    check('nudge_preferences_frequency', sql`${t.frequency} IN ('off', 'weekly', 'fortnightly')`),
    check('nudge_preferences_weekday', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('nudge_preferences_hour', sql`${t.hour} BETWEEN 0 AND 23`),
    check(
      'nudge_preferences_time_zone',
      sql`char_length(${t.timeZone}) BETWEEN 1 AND ${sql.raw(String(TIME_ZONE_MAX))}`,
    ),
    check(
      'nudge_preferences_quiet_hours',
      sql`(${t.quietStart} IS NULL AND ${t.quietEnd} IS NULL)
          OR (${t.quietStart} BETWEEN 0 AND 23 AND ${t.quietEnd} BETWEEN 0 AND 23 AND ${t.quietStart} <> ${t.quietEnd})`,
    ),
  ],
);

/**
 * One row per digest sent: the key is what makes a period's digest go out at most once. It is
 * inserted in the transaction that queues the email (send-digest.ts), so the two commit together:
 * a crash before the commit leaves neither, and a second scheduler (another process, or a rerun
 * after kill -9) finds the row and sends nothing.
 */
export const digestSends = pgTable(
  'digest_sends',
  {
    organisationId: organisationId(),
    personId: uuid('person_id').notNull(),
    /** The ISO week that starts the period, e.g. 2026-W24 (schedule.ts). */
    period: text('period').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The UNIQUE (organisation_id, person_id, period) of the issue, as the primary key. Its index
    // also serves "the latest digest of each person" (periods sort as text in time order).
    primaryKey({ columns: [t.organisationId, t.personId, t.period] }),
    foreignKey({
      name: 'digest_sends_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    check('digest_sends_period', sql`${t.period} ~ '^[0-9]{4}-W[0-9]{2}$'`),
  ],
);
