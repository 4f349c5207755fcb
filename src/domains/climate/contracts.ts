// Request and response contracts of team climate, shared with the web client.
import { z } from 'zod';
import { linkParam } from '../../platform/http/params.ts';
import { FOCUS_GOAL_MAX } from '../development/constants.ts';
import {
  CLIMATE_SCALE_MAX,
  FACTOR_KEYS,
  INTERVAL_WEEKS_MAX,
  INTERVAL_WEEKS_MIN,
  WINDOW_DAYS_MAX,
  WINDOW_DAYS_MIN,
} from './constants.ts';

export const climateSettings = z.object({
  /** null: no schedule; rounds go out only when an admin sends one. */
  intervalWeeks: z.int().min(INTERVAL_WEEKS_MIN).max(INTERVAL_WEEKS_MAX).nullable(),
  windowDays: z.int().min(WINDOW_DAYS_MIN).max(WINDOW_DAYS_MAX),
  /** The organisation's minimum for direct reports (360 settings): the smallest group shown. */
  minimum: z.int(),
});
export type ClimateSettings = z.infer<typeof climateSettings>;

export const climateSettingsUpdate = z.strictObject({
  intervalWeeks: z.int().min(INTERVAL_WEEKS_MIN).max(INTERVAL_WEEKS_MAX).nullable().optional(),
  windowDays: z.int().min(WINDOW_DAYS_MIN).max(WINDOW_DAYS_MAX).optional(),
});
export type ClimateSettingsUpdate = z.infer<typeof climateSettingsUpdate>;

export const roundSummary = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'closed']),
  scheduled: z.boolean(),
  openedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  /** Organisation-wide counts only (never who). */
  invited: z.int(),
  answered: z.int(),
});
export const roundList = z.object({ rounds: z.array(roundSummary) });
export type RoundList = z.infer<typeof roundList>;

export const sendNowResponse = z.object({ queued: z.literal(true) });

const figure = z.object({ key: z.string(), mean: z.number(), n: z.int() });
export const viewRound = z.object({
  roundId: z.uuid(),
  released: z.boolean(),
  n: z.int().optional(),
  factors: z.array(figure.extend({ key: z.enum(FACTOR_KEYS) })).optional(),
  items: z.array(figure).optional(),
  /** Whether the step from the view's previous round may be shown as a change (see close.ts). */
  changeFromPrevious: z.boolean(),
});
export const climateView = z.object({
  key: z.string(),
  kind: z.enum(['leader', 'leader-team', 'team', 'subtree', 'organisation']),
  label: z.string(),
  /** One entry per closed round that had this view, oldest first: the trend. */
  rounds: z.array(viewRound),
});
export const climateResults = z.object({
  factors: z.array(z.object({ key: z.enum(FACTOR_KEYS), name: z.string(), description: z.string() })),
  items: z.array(z.object({ key: z.string(), factor: z.enum(FACTOR_KEYS), text: z.string() })),
  rounds: z.array(z.object({ id: z.uuid(), openedAt: z.iso.datetime(), closedAt: z.iso.datetime() })),
  minimum: z.int(),
  views: z.array(climateView),
});
export type ClimateResults = z.infer<typeof climateResults>;
export type ClimateView = z.infer<typeof climateView>;

export const tokenParams = z.object({ token: linkParam(z.string().min(1).max(200)) });

export const climateForm = z.object({
  organisation: z.object({ name: z.string() }),
  leader: z.object({ name: z.string() }),
  deadline: z.iso.datetime(),
  status: z.enum(['invited', 'submitted']),
  scale: z.array(z.object({ value: z.int(), label: z.string() })),
  items: z.array(z.object({ key: z.string(), text: z.string() })),
  privacy: z.array(z.string()),
});
export type ClimateForm = z.infer<typeof climateForm>;

export const climateSubmit = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        item: z.string().min(1).max(100),
        value: z.int().min(1).max(CLIMATE_SCALE_MAX),
      }),
    )
    .min(1)
    .max(50),
});
export type ClimateSubmit = z.infer<typeof climateSubmit>;
export const climateSubmitted = z.object({ status: z.literal('submitted') });

export const focusFromFactor = z.strictObject({
  planId: z.uuid(),
  factor: z.enum(FACTOR_KEYS, { error: `must be one of: ${FACTOR_KEYS.join(', ')}` }),
  /** The goal in the leader's own words; a starting sentence from the factor when left out. */
  goal: z.string().trim().min(1).max(FOCUS_GOAL_MAX).optional(),
});
export type FocusFromFactor = z.infer<typeof focusFromFactor>;
