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

/**
 * Whether `name` is an IANA time zone name the platform's Intl knows (Region/City, or UTC).
 * Offsets such as "+02:00" are refused: a check-in follows its place's clock changes, which an
 * offset cannot. Shared by the form (as the person types) and the server's contract.
 */
export function isTimeZoneName(name: string): boolean {
  if (name.length > 64 || !/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A local date and time as the form sends it, e.g. 2026-11-03T09:30 (in the chosen time zone). */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Only web links, so a calendar or the page never offers a javascript: or file: link. */
export function isWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** How far ahead a check-in may be scheduled: a year is already a long time for a plan. */
export const MAX_DAYS_AHEAD = 366;
