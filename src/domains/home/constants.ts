// What the home page's codes can be, shared by the server and the web app without zod
// (docs/adding-a-domain.md). The rules that choose them: next-step.ts and due-this-week.ts.

/** The person's latest 360 as its subject: none, waiting for their nominations, running, released. */
export const HOME_FEEDBACK_STATUSES = ['none', 'nominating', 'running', 'released'] as const;
export type HomeFeedbackStatus = (typeof HOME_FEEDBACK_STATUSES)[number];

export const NEXT_STEP_CODES = [
  'take-self-assessment',
  'finish-self-assessment',
  'request-360',
  'nominate-raters',
  'start-plan',
  'add-focus-area',
  'add-experiment',
  'start-experiment',
  'log-practice',
  'choose-pathway',
  'continue-pathway',
  'write-reflection',
  'retake-self-assessment',
  'keep-going',
] as const;
export type NextStepCode = (typeof NEXT_STEP_CODES)[number];

export const NEXT_STEP_REASONS = [
  /** Who you are as a leader comes first; everything else compares with it. */
  'self-knowledge-first',
  /** An assessment is started: finishing it takes a few minutes. */
  'assessment-in-progress',
  /** Others see what you don't; raters need time, so ask early. */
  'others-view',
  /** The 360 waits for the person to name raters. */
  'raters-needed',
  /** The 360 is under way: no need to wait for its report to choose a focus. */
  'feedback-under-way',
  /** The 360 report is released: turn it into a plan. */
  'feedback-ready',
  'plan-without-focus',
  'focus-without-experiment',
  'experiment-planned',
  'no-practice-this-week',
  /** Practice is flowing and no pathway of the person's has a module (self-leadership). */
  'pathway-missing',
  /** Practice is flowing; the next module of the person's pathway. */
  'pathway-next',
  /** No reflection or completed check-in within the organisation's window (self-leadership). */
  'no-recent-reflection',
  /** The last self-assessment is older than the organisation's window (self-knowledge). */
  'self-assessment-out-of-date',
  /** The last released 360 is older than the organisation's window (self-knowledge). */
  'feedback-out-of-date',
  /** Practice is flowing and nothing else waits. */
  'on-track',
] as const;
export type NextStepReason = (typeof NEXT_STEP_REASONS)[number];

/** Why an experiment is due this week (due-this-week.ts). */
export const DUE_REASONS = ['start', 'review', 'practice'] as const;
export type DueReason = (typeof DUE_REASONS)[number];

/**
 * The journey's thresholds, organisation settings (journey_settings): self-knowledge counts when the
 * self-assessment and the 360 are at most `knowledgeMonths` old; self-leadership needs a reflection
 * or a completed check-in in the last `leadershipDays`.
 */
export const JOURNEY_DEFAULTS = { knowledgeMonths: 12, leadershipDays: 30 } as const;
export const KNOWLEDGE_MONTHS_RANGE = { min: 1, max: 36 } as const;
export const LEADERSHIP_DAYS_RANGE = { min: 1, max: 180 } as const;

/** The three building blocks of behavioural change (DESIGN §1), in the order they are built. */
export const JOURNEY_BLOCKS = ['self-knowledge', 'self-empowerment', 'self-leadership'] as const;
export type JourneyBlock = (typeof JOURNEY_BLOCKS)[number];

/** What keeps a block from being in place (journey.ts); a block with none is in place. */
export const JOURNEY_GAPS = [
  // self-knowledge
  'no-self-assessment',
  'self-assessment-out-of-date',
  'no-360',
  '360-under-way',
  '360-out-of-date',
  // self-empowerment
  'no-plan',
  'no-experiment-running',
  // self-leadership
  'no-pathway',
  'no-recent-reflection',
] as const;
export type JourneyGap = (typeof JOURNEY_GAPS)[number];
