// Organisation analytics, stored frozen (docs/decisions/0025, 0027): one decided snapshot per
// organisation and calendar month. Readers are served the released cells and the labels only; the
// person ids behind each released set (the `earlier` context of later decisions) sit in a
// system-only table.
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });
const period = () => text('period').notNull();
const PERIOD_SHAPE = sql.raw(`'^[0-9]{4}-(0[1-9]|1[0-2])$'`);

/**
 * The month's current decision. A re-decision of the same month (new data, at most daily) replaces
 * the row with `version` + 1; what every version released stays in analytics_released_sets,
 * since readers keep what they saw.
 */
export const analyticsSnapshots = pgTable(
  'analytics_snapshots',
  {
    organisationId: organisationId(),
    /** The calendar month, YYYY-MM. */
    period: period(),
    version: integer('version').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    /** The minimum the cells were decided under. */
    minimum: integer('minimum').notNull(),
    /** The latest change of the inputs seen when deciding (see snapshot-read.ts lastChangeAt). */
    inputsChangedAt: timestamp('inputs_changed_at', { withTimezone: true }),
    /** The decision without its released sets: released cells by cell id, lattice dimensions. */
    decision: jsonb('decision').notNull(),
    /** Names readers need: teams, stages, programmes, capabilities, derailers, expected balance. */
    labels: jsonb('labels').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.period] }),
    check('analytics_snapshots_period', sql`${t.period} ~ ${PERIOD_SHAPE}`),
    check('analytics_snapshots_version', sql`${t.version} >= 1`),
  ],
);

/**
 * After each version of each month, the partition of person/observation ids that every set released
 * so far induces, per family (ReleasedPartition, core/disclosure/released-partition.ts): the latest
 * row's atoms are the `earlier` of the organisation's next decision. System-only: who is in
 * which released set would give back what disclosure control withheld (the migration revokes the
 * tenant role's grant).
 */
export const analyticsReleasedSets = pgTable(
  'analytics_released_sets',
  {
    organisationId: organisationId(),
    period: period(),
    version: integer('version').notNull(),
    sets: jsonb('sets').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.period, t.version] })],
);
