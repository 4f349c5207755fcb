// The tenant root. Every tenant table carries organisation_id with a foreign key to this table,
// and row-level security reads the organisation of the transaction (docs/decisions/0002), so the
// root belongs to the platform; identity (src/identity/organisations) is the one that writes it.
import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant root. Its own row is visible only to its own organisation (RLS on `id`). */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * Bumped by every write to people, teams or stages, so read caches (the people directory)
   * can tell cheaply whether what they hold is current.
   */
  directoryVersion: integer('directory_version').notNull().default(sql`0`),
});
