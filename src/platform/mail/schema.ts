import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../tenancy/schema.ts';

/**
 * Every message Lodestar sends is recorded here first. With SMTP configured a job delivers it;
 * without, it stays readable by admins as the outbox, so a local trial can follow its links.
 */
export const emails = pgTable(
  'emails',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** Extra headers (e.g. RFC 8058 List-Unsubscribe); names and values checked by queueEmail. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** An iCalendar invitation sent with the message (text/calendar; method=…), and its METHOD. */
    calendarMethod: text('calendar_method', { enum: ['REQUEST', 'CANCEL'] }),
    calendar: text('calendar'),
    status: text('status', { enum: ['queued', 'sent', 'outbox', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index().on(t.organisationId, t.createdAt),
    check('emails_calendar_method', sql`(${t.calendar} IS NULL) = (${t.calendarMethod} IS NULL)`),
  ],
);
