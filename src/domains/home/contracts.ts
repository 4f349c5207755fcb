// The home page's one read: GET /api/home. Shared by the server and the web app. Everything in it is
// the viewer's own (their plan is private to them: docs/decisions/0014). Reasons are codes, never
// sentences, so the web app words them in its own language.
import { z } from 'zod';
import { EXPERIMENT_STATUSES, FOCUS_KINDS } from '../development/constants.ts';
import { moduleReason } from '../development/suggestion-contracts.ts';
import {
  DUE_REASONS,
  HOME_FEEDBACK_STATUSES,
  JOURNEY_BLOCKS,
  JOURNEY_GAPS,
  KNOWLEDGE_MONTHS_RANGE,
  LEADERSHIP_DAYS_RANGE,
  NEXT_STEP_CODES,
  NEXT_STEP_REASONS,
} from './constants.ts';

export const homeQuery = z.object({
  /**
   * The viewer's calendar date (YYYY-MM-DD) from their browser: "this week" is their week. Anything
   * malformed, or more than a day from the server's date, is ignored (due-this-week.ts).
   */
  today: z.string().max(10).optional().catch(undefined),
});

const day = z.string();
const experimentCounts = z.object({
  planned: z.number().int(),
  running: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
});

export const homeFocusArea = z.object({
  id: z.uuid(),
  kind: z.enum(FOCUS_KINDS),
  capabilityKey: z.string().nullable(),
  title: z.string(),
  goal: z.string(),
  experiments: experimentCounts,
});

export const homePlan = z.object({
  id: z.uuid(),
  title: z.string(),
  startedAt: z.string(),
  /** Active focus areas only, in the plan's order. */
  focusAreas: z.array(homeFocusArea),
});

export const dueExperiment = z.object({
  id: z.uuid(),
  focus: z.object({ id: z.uuid(), title: z.string() }),
  action: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  startsOn: day,
  reviewOn: day,
  lastPracticeAt: z.string().nullable(),
  /** Why it is due (due-this-week.ts): start, review (this week or overdue), practice. */
  reasons: z.array(z.enum(DUE_REASONS)).min(1),
});
export type DueExperiment = z.infer<typeof dueExperiment>;

export const suggestedModuleReason = z.union([
  /** The next module of one of the person's learning pathways. */
  z.object({ code: z.literal('pathway-next'), pathwayTitle: z.string() }),
  moduleReason,
]);

export const suggestedModule = z.object({
  id: z.uuid(),
  title: z.string(),
  minutes: z.number().int(),
  capabilityName: z.string(),
  /** The strongest reason; the page shows one. */
  reason: suggestedModuleReason,
});

/** The organisation's journey thresholds (admin settings). */
export const journeySettings = z.object({
  /** Self-knowledge counts while the self-assessment and the released 360 are this many months old at most. */
  knowledgeMonths: z.number().int(),
  /** Self-leadership needs a reflection or a completed check-in within this many days. */
  leadershipDays: z.number().int(),
});
export type JourneySettings = z.infer<typeof journeySettings>;

const whole = (range: { min: number; max: number }) => {
  const rule = `must be a whole number from ${range.min} to ${range.max}`;
  return z.number({ error: rule }).int(rule).min(range.min, rule).max(range.max, rule);
};
export const journeySettingsUpdate = z.strictObject({
  knowledgeMonths: whole(KNOWLEDGE_MONTHS_RANGE),
  leadershipDays: whole(LEADERSHIP_DAYS_RANGE),
});
export type JourneySettingsUpdate = z.infer<typeof journeySettingsUpdate>;

/**
 * One building block for one person (journey.ts): in place or not, what is missing (codes, worded by
 * the web app), the dates the rule looked at, and until when it stays in place without new action.
 */
export const journeyBlock = z.object({
  key: z.enum(JOURNEY_BLOCKS),
  done: z.boolean(),
  /** Empty when done; otherwise each thing missing, in the order to take them. */
  missing: z.array(z.enum(JOURNEY_GAPS)),
  /** The dates behind the decision (ISO timestamps), e.g. selfAssessmentAt, lastReflectionAt. */
  dates: z.record(z.string(), z.string().nullable()),
  /** When a done block lapses unless renewed (ISO timestamp); null when not done or it cannot lapse. */
  until: z.string().nullable(),
});
export type JourneyBlockState = z.infer<typeof journeyBlock>;

export const journey = z.object({
  blocks: z.array(journeyBlock).length(3),
  /** All three blocks in place. */
  complete: z.boolean(),
  settings: journeySettings,
});
export type Journey = z.infer<typeof journey>;

export const homeResponse = z.object({
  person: z.object({ name: z.string(), careerStage: z.object({ key: z.string(), name: z.string() }) }),
  /** The date and week the due list was computed for (the viewer's, see homeQuery). */
  today: day,
  week: z.object({ start: day, end: day }),
  nextStep: z.object({
    code: z.enum(NEXT_STEP_CODES),
    reason: z.enum(NEXT_STEP_REASONS),
    /** The web page that takes the step. */
    link: z.string(),
  }),
  /** The active plan at a glance; null without one. */
  plan: homePlan.nullable(),
  dueThisWeek: z.array(dueExperiment),
  suggestedModule: suggestedModule.nullable(),
  counts: z.object({
    focusAreas: z.number().int(),
    runningExperiments: z.number().int(),
    plannedExperiments: z.number().int(),
    dueThisWeek: z.number().int(),
    /** Practice logs in the last 7 days, on any of the plan's experiments. */
    practiceLast7Days: z.number().int(),
  }),
  /** The three building blocks for the viewer, with the organisation's thresholds. */
  journey,
  /** Where the steps before the plan stand, for the page's progress line. */
  progress: z.object({
    selfAssessment: z.enum(['none', 'in-progress', 'submitted']),
    feedback: z.enum(HOME_FEEDBACK_STATUSES),
  }),
});
export type HomeResponse = z.infer<typeof homeResponse>;
