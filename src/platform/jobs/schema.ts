import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The durable job queue (docs/decisions/0003). A platform table: a job names its organisation in
 * its payload and its handler opens a tenant transaction for it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    task: text('task').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    state: text('state', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    dedupeKey: text('dedupe_key'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // Claiming scans queued jobs that are due, oldest first.
    index('jobs_due_idx').on(t.runAt).where(sql`${t.state} = 'queued'`),
    // At most one live job per deduplication key.
    uniqueIndex('jobs_dedupe_live_idx')
      .on(t.dedupeKey)
      .where(sql`${t.state} IN ('queued', 'running') AND ${t.dedupeKey} IS NOT NULL`),
  ],
);

/** Recurring schedules (cron expressions, UTC); the scheduler enqueues each run once. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  task: text('task').notNull(),
  payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
});
