// Alignment rules the server checks and the web app shows as the user types. Free of zod and of
// Drizzle, so the web app can import them without either (the layer rule web-imports-contracts-only).

/**
 * A goal's life: `draft` while admins prepare it (participants do not see it yet), `active` while
 * the organisation works on it, then `achieved` or `dropped`. Finished goals are kept rather than
 * deleted, so development plans that link to them keep saying what they aligned with.
 */
export const GOAL_STATUSES = ['draft', 'active', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/**
 * What participants see and what plans may link to: the goals the organisation has committed to.
 * Drafts are not decided yet; a dropped goal is no longer something to align with.
 */
export const PUBLIC_GOAL_STATUSES: readonly GoalStatus[] = ['active', 'achieved'];

export const GOAL_TITLE_MAX = 120;
export const VALUE_NAME_MAX = 80;
export const DESCRIPTION_MAX = 2000;
/** More goals or values than this is a list nobody reads; also bounds the reorder request. */
export const LIST_MAX = 200;
