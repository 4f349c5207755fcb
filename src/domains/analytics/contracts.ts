// Requests and responses of organisation analytics and impact (issue #12), shared with the web
// client. Every figure here was released by the disclosure module (docs/decisions/0025): a cell is
// either a released figure or null ("withheld": too few people, or it would let a smaller group be
// worked out). Nothing names or counts anyone below the organisation's minimum.
import { z } from 'zod';
import { climateResults } from '../climate/contracts.ts';

const period = z
  .string({ error: 'must be a month (YYYY-MM)' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)');

/** The filters every analytics page takes (query string). Absent: everything in the viewer's scope. */
export const analyticsQuery = z.strictObject({
  /** A month with a decided snapshot; absent: the latest. */
  period: period.optional(),
  /** Only people enrolled in this programme during the month. */
  programme: z.uuid('must be a programme id').optional(),
  /** A career stage key. */
  stage: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
  /** A team: its whole subtree. Leaders may only pick a team of their own line. */
  team: z.uuid('must be a team id').optional(),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export const exportFormat = z.enum(['csv', 'xlsx'], { error: 'must be csv or xlsx' });
export const exportQuery = analyticsQuery.extend({
  format: exportFormat,
  /** CSV holds one table: its id (default: the first). XLSX holds every table, one sheet each. */
  table: z.string().max(100).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

/**
 * A table exactly as the page shows it, for CSV/XLSX export: disclosed values only, null for a
 * withheld cell (written empty). Every analytics response carries its tables.
 */
export const exportTable = z.object({
  id: z.string(),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});
export type ExportTable = z.infer<typeof exportTable>;

/** A released mean: how many people it rests on and their mean. null in a cell = withheld. */
export const releasedMean = z.object({ n: z.int(), mean: z.number() });
/** A released count among a released base. */
export const releasedShare = z.object({ base: z.int(), count: z.int(), share: z.number() });

const teamOption = z.object({
  id: z.uuid(),
  name: z.string(),
  /** "Engineering / Platform": the names from the top. */
  path: z.string(),
  parentTeamId: z.uuid().nullable(),
});

/** What every analytics page says about where its figures come from and what can be chosen. */
export const analyticsContext = z.object({
  period: period,
  /** Months with a snapshot, newest first. */
  periods: z.array(period),
  decidedAt: z.iso.datetime(),
  minimum: z.int(),
  /** organisation: an admin; line: a team leader, limited to the teams they lead and below. */
  scope: z.enum(['organisation', 'line']),
  choices: z.object({
    teams: z.array(teamOption),
    stages: z.array(z.object({ key: z.string(), name: z.string() })),
    programmes: z.array(z.object({ id: z.uuid(), name: z.string() })),
  }),
  applied: analyticsQuery.omit({ period: true }),
  tables: z.array(exportTable),
});
export type AnalyticsContext = z.infer<typeof analyticsContext>;

/** A row of a by-team view: the scope's total (team null) or one team's subtree. */
const teamRow = z.object({
  team: z.object({ id: z.uuid(), name: z.string(), path: z.string() }).nullable(),
  /** null: all stages (within the filter). */
  stage: z.string().nullable(),
});

/** Capability heatmap: rows team (subtree) × stage, columns capabilities, cells released means. */
export const heatmap = analyticsContext.extend({
  capabilities: z.array(z.object({ key: z.string(), name: z.string() })),
  rows: z.array(teamRow.extend({ people: z.int().nullable(), cells: z.array(releasedMean.nullable()) })),
});
export type Heatmap = z.infer<typeof heatmap>;

/** Manage/lead balance by career stage against the organisation's expected curve. */
export const balance = analyticsContext.extend({
  /** What the balance score means (e.g. share of leading over managing), for the axis label. */
  scale: z.object({ min: z.number(), max: z.number(), label: z.string() }),
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      expected: z.number().nullable(),
      observed: releasedMean.nullable(),
    }),
  ),
});
export type Balance = z.infer<typeof balance>;

/** Derailer prevalence: rows stage or team, columns derailers, cells flagged among those assessed. */
export const derailers = analyticsContext.extend({
  derailers: z.array(z.object({ key: z.string(), name: z.string() })),
  byStage: z.array(
    z.object({ stage: z.string(), name: z.string(), cells: z.array(releasedShare.nullable()) }),
  ),
  byTeam: z.array(teamRow.extend({ cells: z.array(releasedShare.nullable()) })),
});
export type Derailers = z.infer<typeof derailers>;

export const FUNNEL_STEPS = ['invited', 'answered', 'plan', 'practising', 're-rated'] as const;
/** Participation funnel: each step's count among the people in scope (null: withheld). */
export const funnel = analyticsContext.extend({
  people: z.int().nullable(),
  steps: z.array(z.object({ key: z.enum(FUNNEL_STEPS), count: z.int().nullable() })),
  byTeam: z.array(teamRow.extend({ people: z.int().nullable(), steps: z.array(z.int().nullable()) })),
});
export type Funnel = z.infer<typeof funnel>;

/**
 * Climate by team and trend: the climate domain's results (one view per team subtree in scope, each
 * with its rounds oldest first) with the page's context and tables. Added by the web branch
 * (analytics-web): the brief gave this route "climateResults plus tables" but no schema.
 */
export const analyticsClimate = analyticsContext.extend(climateResults.omit({ minimum: true }).shape);
export type AnalyticsClimate = z.infer<typeof analyticsClimate>;

const interval = z.object({ estimate: z.number(), low: z.number(), high: z.number() });
const shareWithInterval = z.object({ count: z.int(), share: z.number(), low: z.number(), high: z.number() });

/** One programme × capability: pre/post change, or why it is not shown. */
export const impactCell = z.object({
  key: z.string(),
  name: z.string(),
  /** Complete before/after pairs behind the figures (null when withheld). */
  n: z.int().nullable(),
  /** withheld: fewer pairs than the minimum, or it would single out a smaller group. */
  status: z.enum(['shown', 'withheld', 'no-variance']),
  meanBefore: z.number().nullable(),
  meanAfter: z.number().nullable(),
  /** Hedges-corrected repeated-measures d (Lakens 2013) with its 95 % CI. */
  dRm: interval.nullable(),
  /** Hedges-corrected average-SD d with its 95 % CI. */
  dAv: interval.nullable(),
  shares: z
    .object({ improved: shareWithInterval, noChange: shareWithInterval, declined: shareWithInterval })
    .nullable(),
  /** People with all three building blocks vs fewer: an association, never a cause. */
  blocks: z
    .object({
      kind: z.literal('association'),
      all: releasedMean,
      fewer: releasedMean,
      difference: interval,
    })
    .nullable(),
});
export type ImpactCell = z.infer<typeof impactCell>;

export const impact = z.object({
  decidedAt: z.iso.datetime(),
  minimum: z.int(),
  scope: z.enum(['organisation', 'line']),
  /** Lacerenza et al. (2017), labelled as the literature's figures, not the organisation's. */
  benchmark: z.object({
    source: z.literal('external'),
    citation: z.string(),
    reactions: z.number(),
    learning: z.number(),
    transfer: z.number(),
    results: z.number(),
  }),
  programmes: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      startsOn: z.iso.date(),
      endsOn: z.iso.date(),
      enrolled: z.int().nullable(),
      capabilities: z.array(impactCell),
    }),
  ),
  tables: z.array(exportTable),
});
export type Impact = z.infer<typeof impact>;
