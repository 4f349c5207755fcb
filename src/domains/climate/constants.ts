// Rules of team climate that both the server and the web app know (no zod here: the web app imports it).

/** The agreement scale every climate item uses, from 1 (strongly disagree) to 5 (strongly agree). */
export const CLIMATE_SCALE = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
] as const;
export const CLIMATE_SCALE_MAX = CLIMATE_SCALE.length;

/** A round is sent every N weeks when the organisation turns the schedule on. */
export const INTERVAL_WEEKS_MIN = 1;
export const INTERVAL_WEEKS_MAX = 52;
/** Quarterly: what the demo uses and what the settings form suggests. */
export const INTERVAL_WEEKS_SUGGESTED = 13;

/** How long a round takes answers before it closes and its results are decided. */
export const WINDOW_DAYS_MIN = 3;
export const WINDOW_DAYS_MAX = 60;
export const WINDOW_DAYS_DEFAULT = 14;

export const FACTOR_KEYS = ['meaning', 'growth', 'belonging', 'safety'] as const;
export type FactorKey = (typeof FACTOR_KEYS)[number];
