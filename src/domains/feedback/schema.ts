// 360° feedback: the organisation's settings, one campaign per subject and round, and one row per
// nominated rater holding their link (hashed), their progress and their answers. Answers sit on the
// rater's row as one JSON object, like self-assessments (docs/decisions/0005): autosave and submit
// are single-row updates, which is what makes 1,000 submissions/s possible. Rater rows never leave
// the server; only the frozen released report (`report`, built by src/core/disclosure) does.
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
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DisclosurePolicy, ReleasedReport } from '../../core/disclosure/index.ts';
import { people } from '../../identity/people/schema.ts';
import { organisations } from '../../platform/tenancy/schema.ts';
import { frameworkVersions } from '../framework/schema.ts';
import { PULSE_MAX_ITEMS, PULSE_MIN_ITEMS } from './constants.ts';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, RATER_GROUP_KEYS, RATER_STATUSES } from './contracts.ts';

export const feedbackSettings = pgTable(
  'feedback_settings',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    approvalRequired: boolean('approval_required').notNull().default(true),
    fatigueThreshold: integer('fatigue_threshold').notNull().default(5),
    reminderIntervalDays: integer('reminder_interval_days').notNull().default(3),
    maxReminders: integer('max_reminders').notNull().default(2),
    defaultDurationDays: integer('default_duration_days').notNull().default(14),
    /** A DisclosurePolicyInput; resolved (and validated) by resolveDisclosurePolicy. */
    disclosure: jsonb('disclosure').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.organisationId] })],
);

export interface ReportMeta {
  selfAssessmentId: string | null;
  selfSubmittedAt: string | null;
}

export const feedbackCampaigns = pgTable(
  'feedback_campaigns',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    subjectId: uuid('subject_id').notNull(),
    /** Who launched it (an admin, or the subject). No foreign key: history outlives people. */
    createdById: uuid('created_by_id').notNull(),
    origin: text('origin', { enum: ['admin', 'self'] }).notNull(),
    /**
     * 'full': a 360 over every item. 'pulse': a short re-rating of a few focus behaviours by the same
     * raters as `baselineCampaignId` (a released full 360 of the same subject), on the same version.
     * Both go through the same links, reminders, approval and disclosure module; a pulse's release
     * also checks its rater sets against those already released over the same people (pulse.ts).
     */
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull().default('full'),
    baselineCampaignId: uuid('baseline_campaign_id'),
    /** The pulse's items (keys of the version's items), in the order asked; null for a full 360. */
    itemKeys: text('item_keys').array(),
    versionId: uuid('version_id').notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('nominating'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /** Fixed at launch: raters are promised these rules, so later setting changes do not apply. */
    policy: jsonb('policy').$type<DisclosurePolicy>().notNull(),
    approvalRequired: boolean('approval_required').notNull(),
    sharedWithManager: boolean('shared_with_manager').notNull().default(false),
    /** Checked by the service to be a coach; no foreign key so a departed coach does not block. */
    sharedCoachId: uuid('shared_coach_id'),
    /** The frozen output of releaseReport: the only source of every figure shown. */
    report: jsonb('report').$type<ReleasedReport>(),
    reportMeta: jsonb('report_meta').$type<ReportMeta>(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'feedback_campaigns_subject_fk',
      columns: [t.organisationId, t.subjectId],
      foreignColumns: [people.organisationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'feedback_campaigns_baseline_fk',
      columns: [t.organisationId, t.baselineCampaignId],
      foreignColumns: [t.organisationId, t.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'feedback_campaigns_version_fk',
      columns: [t.organisationId, t.versionId],
      foreignColumns: [frameworkVersions.organisationId, frameworkVersions.id],
    }),
    // One campaign in progress per person, of either kind (a pulse waits for the 360 and vice versa):
    // a cohort launch skips people who already have one.
    uniqueIndex('feedback_campaigns_one_active')
      .on(t.organisationId, t.subjectId)
      .where(sql`${t.status} <> 'released'`),
    index('feedback_campaigns_due').on(t.status, t.deadline),
    // A person's latest 360 as its subject (the home page, every request): released ones included,
    // which feedback_campaigns_one_active leaves out.
    index('feedback_campaigns_subject').on(t.organisationId, t.subjectId, t.createdAt),
    // The pulses of a 360: without it, deleting campaigns (a person, an organisation) scans every
    // campaign of the organisation once per deleted row to cascade to its pulses.
    index('feedback_campaigns_baseline').on(t.organisationId, t.baselineCampaignId),
    check(
      'feedback_campaigns_status_known',
      sql`${t.status} IN ('nominating', 'awaiting_approval', 'open', 'closed', 'released')`,
    ),
    check('feedback_campaigns_kind_known', sql`${t.kind} IN ('full', 'pulse')`),
    check(
      'feedback_campaigns_pulse',
      sql`(${t.kind} = 'pulse') = (${t.baselineCampaignId} IS NOT NULL)
          AND (${t.kind} = 'pulse') = (${t.itemKeys} IS NOT NULL)
          AND (${t.itemKeys} IS NULL OR cardinality(${t.itemKeys}) BETWEEN ${sql.raw(String(PULSE_MIN_ITEMS))} AND ${sql.raw(String(PULSE_MAX_ITEMS))})`,
    ),
    check(
      'feedback_campaigns_released',
      sql`(${t.status} = 'released') = (${t.report} IS NOT NULL AND ${t.releasedAt} IS NOT NULL)`,
    ),
  ],
);

/** Open answers by question key: `keep` and `change` on a 360's form, `different` on a pulse's. */
export interface StoredComments {
  keep?: string;
  change?: string;
  different?: string;
}

export const feedbackRaters = pgTable(
  'feedback_raters',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    campaignId: uuid('campaign_id').notNull(),
    group: text('rater_group', { enum: RATER_GROUP_KEYS }).notNull(),
    /**
     * On a pulse: the baseline 360's row of the same person (same group, same address). It is the
     * rater's identity across the two releases, which the disclosure check needs (pulse.ts).
     */
    baselineRaterId: uuid('baseline_rater_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    status: text('status', { enum: RATER_STATUSES }).notNull().default('invited'),
    /** SHA-256 of the link's secret; null before invitations go out and after the link is spent. */
    tokenHash: text('token_hash'),
    /** Item key → 1..points of its scale, or null for "can't say". */
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb('comments').$type<StoredComments>().notNull().default(sql`'{}'::jsonb`),
    remindersSent: integer('reminders_sent').notNull().default(0),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /**
     * When the rater was taken off the list (removed, or re-addressed: a new row holds the new
     * nomination); null while on it. A removed row has no link. Its status stays what it was: a
     * submitted row keeps its answers and still counts in the report, a decline stays a decline;
     * only a rater who had not answered becomes 'removed' (their drafts discarded).
     */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'feedback_raters_campaign_fk',
      columns: [t.organisationId, t.campaignId],
      foreignColumns: [feedbackCampaigns.organisationId, feedbackCampaigns.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'feedback_raters_baseline_fk',
      columns: [t.organisationId, t.baselineRaterId],
      foreignColumns: [t.organisationId, t.id],
    }).onDelete('cascade'),
    // Each baseline rater is asked once per pulse.
    uniqueIndex('feedback_raters_baseline').on(t.organisationId, t.campaignId, t.baselineRaterId),
    // The pulse rows of a baseline rater, for the cascade when raters are deleted: without it,
    // deleting an organisation of 10,000 people spent minutes scanning raters once per deleted row.
    index('feedback_raters_baseline_rater').on(t.organisationId, t.baselineRaterId),
    uniqueIndex('feedback_raters_token').on(t.organisationId, t.tokenHash),
    index('feedback_raters_campaign').on(t.organisationId, t.campaignId),
    // Rater fatigue: requests per email address. Deliberately not partial on status = 'invited':
    // PGlite runs no autovacuum, so without statistics the planner preferred such an index over the
    // token's unique index for link look-ups (which also filter on 'invited'), scanning every rater.
    index('feedback_raters_email').on(t.organisationId, t.email),
    check('feedback_raters_group_known', sql`${t.group} IN ('manager', 'peers', 'direct_reports', 'others')`),
    check(
      'feedback_raters_status_known',
      sql`${t.status} IN ('invited', 'submitted', 'declined', 'removed')`,
    ),
    check('feedback_raters_submitted_at', sql`(${t.status} = 'submitted') = (${t.submittedAt} IS NOT NULL)`),
    check(
      'feedback_raters_removed',
      sql`(${t.status} <> 'removed' OR ${t.removedAt} IS NOT NULL) AND (${t.removedAt} IS NULL OR ${t.tokenHash} IS NULL)`,
    ),
    check(
      'feedback_raters_answers_shape',
      sql`jsonb_typeof(${t.answers}) = 'object' AND NOT jsonb_path_exists(${t.answers}, '$.* ? (@ != null && (@.type() != "number" || @ < 1 || @ > 11 || @.floor() != @))')`,
    ),
  ],
);
