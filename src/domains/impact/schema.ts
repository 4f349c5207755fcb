// Impact (issue #12 item 2, docs/decisions/0029): the organisation's impact report, computed by a
// job and stored, so a request reads one row instead of every assessment of the organisation.
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { programmes } from '../programmes/schema.ts';

const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

/**
 * One row per organisation: every programme's released figures (null = withheld), no person ids.
 * `stale` is set by database triggers when something the figures rest on changes (an assessment
 * submitted, a 360 or pulse released, an enrolment or a programme's dates changed: migration), so
 * no domain below has to know this one exists; the job recomputes stale reports.
 */
export const impactReports = pgTable('impact_reports', {
  organisationId: organisationId().primaryKey(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  /** The minimum the figures were decided under: a changed minimum decides afresh on read. */
  minimum: integer('minimum').notNull(),
  stale: boolean('stale').notNull().default(false),
  /** The released programmes (contracts.ts `impact.programmes`). */
  figures: jsonb('figures').notNull().default(sql`'[]'::jsonb`),
});

/**
 * The partition of each programme's people into the atoms of every set an impact report released
 * for it (as programme_dashboard_atoms for the dashboard): passed as `earlier` to the next
 * decision, so two reports a month apart cannot be subtracted to isolate the one person whose
 * after-assessment arrived in between. System-only (migration revokes the tenant grant).
 */
export const impactAtoms = pgTable(
  'impact_atoms',
  {
    organisationId: organisationId(),
    programmeId: uuid('programme_id').notNull(),
    personId: uuid('person_id').notNull(),
    atom: integer('atom').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.programmeId, t.personId] }),
    foreignKey({
      name: 'impact_atoms_programme_fk',
      columns: [t.organisationId, t.programmeId],
      foreignColumns: [programmes.organisationId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'impact_atoms_person_fk',
      columns: [t.organisationId, t.personId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
  ],
);
