// Limits and choices of development plans that the web app shows as the person types, so both
// sides read them from this zod-free file (docs/adding-a-domain.md).

/** A plan has at most this many focus areas being worked on at once (done and dropped ones don't count). */
export const MAX_ACTIVE_FOCUS_AREAS = 3;
export const PLAN_TITLE_MAX = 120;
export const FOCUS_TITLE_MAX = 120;
export const FOCUS_GOAL_MAX = 1000;
export const FOCUS_WHY_MAX = 1000;
/** Links from one focus area to the organisation's goals, and to its values. */
export const MAX_FOCUS_LINKS = 10;
/** What I will do / in which situation / how I will know it worked. */
export const EXPERIMENT_TEXT_MAX = 500;
/** How often, e.g. "in every weekly one-to-one". */
export const EXPERIMENT_FREQUENCY_MAX = 120;
export const PRACTICE_NOTE_MAX = 1000;
export const COMMENT_BODY_MAX = 2000;
/** The reason a suggestion gave, kept with the focus area it became. */
export const SUGGESTION_REASON_MAX = 1000;

export const PLAN_STATUSES = ['active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A capability to grow, a derailer to unlearn, or anything else the person chooses. */
export const FOCUS_KINDS = ['capability', 'derailer', 'other'] as const;
export type FocusKind = (typeof FOCUS_KINDS)[number];

export const FOCUS_STATUSES = ['active', 'done', 'dropped'] as const;
export type FocusStatus = (typeof FOCUS_STATUSES)[number];

export const EXPERIMENT_STATUSES = ['planned', 'running', 'done', 'dropped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

/** Practice can be logged while an experiment is planned or running, not once it is done or dropped. */
export const LOGGABLE_EXPERIMENT_STATUSES = ['planned', 'running'] as const;

export const COACHING_STATUSES = ['requested', 'active', 'declined', 'ended'] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];
