// The rules the forms check while the person types: the server's own zod-free constants, so the
// page and the server cannot disagree (the server still decides, and its errors are shown).
import {
  COMMENT_BODY_MAX,
  EXPERIMENT_FREQUENCY_MAX,
  EXPERIMENT_TEXT_MAX,
  FOCUS_GOAL_MAX,
  FOCUS_TITLE_MAX,
  FOCUS_WHY_MAX,
  MAX_ACTIVE_FOCUS_AREAS,
  PLAN_TITLE_MAX,
  PRACTICE_NOTE_MAX,
  SUGGESTION_REASON_MAX,
} from '../../../../src/domains/development/constants.ts';

export {
  EXPERIMENT_STATUSES,
  LOGGABLE_EXPERIMENT_STATUSES,
} from '../../../../src/domains/development/constants.ts';

/** The issue asks for one to three focus areas; the server's maximum is the upper bound. */
export { SUGGESTION_REASON_MAX };
export const FOCUS_MIN = 1;
export const FOCUS_MAX = MAX_ACTIVE_FOCUS_AREAS;
export const LIMITS = {
  planTitle: PLAN_TITLE_MAX,
  title: FOCUS_TITLE_MAX,
  goal: FOCUS_GOAL_MAX,
  why: FOCUS_WHY_MAX,
  action: EXPERIMENT_TEXT_MAX,
  situation: EXPERIMENT_TEXT_MAX,
  frequency: EXPERIMENT_FREQUENCY_MAX,
  signal: EXPERIMENT_TEXT_MAX,
  note: PRACTICE_NOTE_MAX,
  comment: COMMENT_BODY_MAX,
} as const;
