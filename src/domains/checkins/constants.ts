// Limits and choices of check-ins that the web app shows as the person types, so both sides read
// them from this zod-free file (docs/adding-a-domain.md).

export const CHECK_IN_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** Whom the participant meets: their manager (people.manager_id) or the coach they accepted. */
export const CHECK_IN_RELATIONS = ['manager', 'coach'] as const;
export type CheckInRelation = (typeof CHECK_IN_RELATIONS)[number];

export const DURATION_MIN_MINUTES = 15;
export const DURATION_MAX_MINUTES = 180;
export const DURATION_DEFAULT_MINUTES = 30;

export const CHECK_IN_TITLE_MAX = 120;
export const PLACE_MAX = 200;
export const VIDEO_URL_MAX = 500;
export const LEARNED_MAX = 2000;
export const NOTES_MAX = 10_000;
export const ACTION_TITLE_MAX = 200;
/** A check-in's agenda is a conversation's worth of experiments, not the whole plan. */
export const MAX_AGENDA_ITEMS = 10;
export const MAX_ACTIONS = 20;

export const ACTION_KINDS = ['task', 'experiment'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
