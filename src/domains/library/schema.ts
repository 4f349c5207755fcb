// The empowering-skills library: modules (one per behaviour, keyed per organisation) and their
// versions. Content is versioned like the framework: an admin edits a draft and publishes it, the
// version it replaces is kept as superseded, so what a person read (or turned into an experiment)
// can always be shown as it was. Built-in modules are installed into every organisation; an
// organisation edits its own copy and may add modules of its own.
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';
import { MAX_MINUTES, MIN_MINUTES, MODULE_ORIGINS, MODULE_VERSION_STATUSES } from './constants.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const libraryModules = pgTable(
  'library_modules',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** `building-relationships/listening-tour` (built-in) or `org/<capability>/<slug>`. */
    key: text('key').notNull(),
    origin: text('origin', { enum: MODULE_ORIGINS }).notNull(),
    /**
     * A capability key of the framework. Not a foreign key: capabilities belong to framework
     * versions, and a module outlives the version it was written against.
     */
    capabilityKey: text('capability_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retired modules are hidden from participants but keep their history. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.key),
    check('library_modules_origin_known', sql`${t.origin} IN ('built-in', 'organisation')`),
  ],
);

export const libraryModuleVersions = pgTable(
  'library_module_versions',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id').notNull(),
    /** 1, 2, 3 … per module. */
    version: integer('version').notNull(),
    status: text('status', { enum: MODULE_VERSION_STATUSES }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Markdown; rendered and sanitised on the server (markdown.ts), never sent to a browser raw. */
    body: text('body').notNull(),
    practiceAction: text('practice_action').notNull(),
    practiceSituation: text('practice_situation').notNull(),
    practiceFrequency: text('practice_frequency').notNull(),
    practiceSignal: text('practice_signal').notNull(),
    reflection: text('reflection').notNull(),
    minutes: integer('minutes').notNull(),
    /** Career-stage keys the module suits best; every module stays open to everyone. */
    stages: text('stages').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Who wrote this version; null for built-in content. No foreign key: history outlives people. */
    authorId: uuid('author_id'),
    /** Weighted full-text index of the words people search by: title, then summary, then body. */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', body), 'C')`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.moduleId, t.version] }),
    foreignKey({
      name: 'library_module_versions_module_fk',
      columns: [t.organisationId, t.moduleId],
      foreignColumns: [libraryModules.organisationId, libraryModules.id],
    }).onDelete('cascade'),
    // One draft and one published version at a time: editing is one piece of work, and what
    // participants read is never ambiguous.
    uniqueIndex('library_module_versions_one_draft')
      .on(t.organisationId, t.moduleId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex('library_module_versions_one_published')
      .on(t.organisationId, t.moduleId)
      .where(sql`${t.status} = 'published'`),
    index('library_module_versions_search').using('gin', t.search),
    check('library_module_versions_status_known', sql`${t.status} IN ('draft', 'published', 'superseded')`),
    check('library_module_versions_published_at', sql`(${t.status} = 'draft') = (${t.publishedAt} IS NULL)`),
    check(
      'library_module_versions_minutes',
      sql`${t.minutes} BETWEEN ${sql.raw(String(MIN_MINUTES))} AND ${sql.raw(String(MAX_MINUTES))}`,
    ),
    check('library_module_versions_has_stage', sql`cardinality(${t.stages}) > 0`),
  ],
);
