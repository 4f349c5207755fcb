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
  'continue-pathway',
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
  /** Practice is flowing; the next module of the person's pathway. */
  'pathway-next',
  /** Practice is flowing and nothing else waits. */
  'on-track',
] as const;
export type NextStepReason = (typeof NEXT_STEP_REASONS)[number];

/** Why an experiment is due this week (due-this-week.ts). */
export const DUE_REASONS = ['start', 'review', 'practice'] as const;
export type DueReason = (typeof DUE_REASONS)[number];
