// The leadership framework as versioned data: a version holds building blocks, their capabilities
// (the scales) and each capability's behaviours (the items). Blocks, capabilities and items are keyed
// by (organisation, version, key): keys stay stable from one version to the next, so results of
// different versions can be compared by key, while every version keeps its own wording.
// A published version is immutable; the service refuses changes and database triggers
// (drizzle/0003_framework_tenancy.sql) refuse them too.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/tenancy/schema.ts';
import { BLOCK_KINDS, PRACTICES, VERSION_STATUSES } from './constants.ts';

/**
 * What a block is for. The three `building-block`s are self-knowledge, self-empowerment and
 * self-leadership; `practice` holds managing and leading; `values` an organisation's own values;
 * `derailers` the old behaviours to unlearn; `climate` is rated by a leader's direct reports and is
 * not part of the self-assessment.
 */

/** "Doing things right" (manage) or "doing the right things" (lead). */

/** One answer option set, e.g. 5-point agreement; answers are 1..labels.length. */
export interface StoredResponseScale {
  key: string;
  labels: string[];
  cantSay: string;
}

export const frameworkVersions = pgTable(
  'framework_versions',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** 1, 2, 3 … per organisation, in order of creation. */
    number: integer('number').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull().default('draft'),
    name: text('name').notNull(),
    description: text('description').notNull(),
    responseScales: jsonb('response_scales').$type<StoredResponseScale[]>().notNull(),
    /** The version a draft was copied from; null for the first version and imports. */
    sourceVersionId: uuid('source_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.number),
    foreignKey({
      name: 'framework_versions_source_fk',
      columns: [t.organisationId, t.sourceVersionId],
      foreignColumns: [t.organisationId, t.id],
    }),
    // One draft at a time: customising is one piece of work, not parallel branches to merge.
    uniqueIndex('framework_versions_one_draft').on(t.organisationId).where(sql`${t.status} = 'draft'`),
    check('framework_versions_status_known', sql`${t.status} IN ('draft', 'published')`),
    check(
      'framework_versions_published_at',
      sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL)`,
    ),
  ],
);

export const frameworkBlocks = pgTable(
  'framework_blocks',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: BLOCK_KINDS }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.versionId, t.key] }),
    foreignKey({
      name: 'framework_blocks_version_fk',
      columns: [t.organisationId, t.versionId],
      foreignColumns: [frameworkVersions.organisationId, frameworkVersions.id],
    }).onDelete('cascade'),
    check(
      'framework_blocks_kind_known',
      sql`${t.kind} IN ('building-block', 'practice', 'values', 'derailers', 'climate')`,
    ),
  ],
);

export const frameworkCapabilities = pgTable(
  'framework_capabilities',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id').notNull(),
    key: text('key').notNull(),
    blockKey: text('block_key').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** Plain-language meaning and why it matters, shown with the person's score in their profile. */
    explanation: text('explanation').notNull(),
    practice: text('practice', { enum: PRACTICES }),
    derailer: boolean('derailer').notNull().default(false),
    /** Key of one of the version's response scales. */
    responseScale: text('response_scale').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.versionId, t.key] }),
    foreignKey({
      name: 'framework_capabilities_block_fk',
      columns: [t.organisationId, t.versionId, t.blockKey],
      foreignColumns: [frameworkBlocks.organisationId, frameworkBlocks.versionId, frameworkBlocks.key],
    }).onDelete('cascade'),
    check(
      'framework_capabilities_practice_known',
      sql`${t.practice} IS NULL OR ${t.practice} IN ('manage', 'lead')`,
    ),
  ],
);

export const frameworkItems = pgTable(
  'framework_items',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id').notNull(),
    /** Unique within the version, so an answer names its item by (version, key). */
    key: text('key').notNull(),
    capabilityKey: text('capability_key').notNull(),
    position: integer('position').notNull(),
    selfText: text('self_text').notNull(),
    observerText: text('observer_text').notNull(),
    reversed: boolean('reversed').notNull().default(false),
    /** Kept in the definition (so its key is not reused) but no longer asked or scored. */
    retired: boolean('retired').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.versionId, t.key] }),
    foreignKey({
      name: 'framework_items_capability_fk',
      columns: [t.organisationId, t.versionId, t.capabilityKey],
      foreignColumns: [
        frameworkCapabilities.organisationId,
        frameworkCapabilities.versionId,
        frameworkCapabilities.key,
      ],
    }).onDelete('cascade'),
  ],
);
