// When a person's digest is due, and which period it belongs to. Pure: the person's choices, the
// time now and when their last digest went out go in; a decision comes out. The scheduler
// (send-digests.ts) asks this for each person; the database's UNIQUE (organisation, person, period)
// on digest_sends is what makes a period's digest go out at most once.
//
// Everything is reckoned on the person's wall clock, in their IANA time zone (Intl does the zone
// arithmetic, daylight saving included):
// - A period is an ISO week (Monday to Sunday), or for fortnightly digests two of them, starting on
//   the Mondays of even-numbered weeks counted from Monday 29 December 1969, so fortnights never
//   break at a year's end the way ISO week numbers do (a year may have 53 weeks). A period is named
//   by the ISO week of its first Monday, e.g. `2026-W24`, for both frequencies: someone who switches
//   from weekly to fortnightly mid-week finds the period already sent, not a second digest.
// - The target is the chosen weekday and hour in the period. The digest is due from the first
//   moment the wall clock reads the target or later, for GRACE_MINUTES: a server that was down at
//   08:00 still sends at 10:00, but one down for two days does not send a stale digest — that
//   period is skipped. The window is counted from the latest target, so it may run past Sunday into
//   the next period's first day (a Sunday-evening digest held back by quiet hours goes out on
//   Monday morning, still under Sunday's period).
// - Daylight saving: a target hour that does not exist (clocks jump from 02:00 to 03:00) is reached
//   at 03:00, the first wall-clock time after it; one that happens twice (clocks go back) is
//   reached the first time, and the second time finds the period sent.
// - Quiet hours hold the digest back while the local hour is inside them; they may wrap midnight
//   (22 to 7 is 22:00–06:59).
// - A digest never follows the previous one by less than MIN_GAP_MS, so changing the weekday or
//   hour after this week's digest cannot bring a second one within days under another period.
import type { DigestFrequency } from './constants.ts';

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 24 * 60;

/** How long after the target the digest may still go out. */
export const GRACE_MINUTES = MINUTES_PER_DAY;
/** The least time between two digests to one person: less than any legitimate gap (6 days). */
export const MIN_GAP_MS = 3 * DAY_MS;

export interface QuietHours {
  /** The first quiet hour, 0–23. */
  start: number;
  /** The first hour that is no longer quiet, 0–23, not `start`. */
  end: number;
}

export interface DigestSchedule {
  frequency: DigestFrequency;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23, on the wall clock of `timeZone`. */
  hour: number;
  timeZone: string;
  quietHours: QuietHours | null;
}

export type DigestDecision =
  | { due: true; period: string; localDate: string }
  | { due: false; reason: 'off' | 'waiting' | 'quiet' | 'too-soon' };

/** A wall-clock reading in one time zone. */
export interface LocalTime {
  /** YYYY-MM-DD. */
  date: string;
  /** Days since 1970-01-01 of `date`. */
  dayNumber: number;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  hour: number;
  minute: number;
}

// Formatting is the costly part of Intl (a formatter is ~50 µs to build, ~2 µs to use): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// IANA names are letters, digits and _ + - / (Etc/GMT+5, America/Port-au-Prince). Offsets like
// "+01:00", which newer Intl versions accept, are not time zones: they ignore daylight saving.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/**
 * The zone's name as it will be stored, or null when Intl does not know it. A name that differs
 * from Intl's only in letter case is given Intl's spelling ("europe/london" → "Europe/London");
 * an alias keeps the name given (Asia/Kolkata stays, though Intl calls it Asia/Calcutta).
 */
export function normaliseTimeZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock of `timeZone` at `instant`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year, month, day, hour, minute } = parts as Record<string, number>;
  const dayNumber = Date.UTC(year!, month! - 1, day!) / DAY_MS;
  return {
    date: `${year}-${pad(month!)}-${pad(day!)}`,
    dayNumber,
    isoWeekday: isoWeekdayOf(dayNumber),
    hour: hour!,
    minute: minute!,
  };
}

/** 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** The ISO week holding the day, e.g. `2026-W24`; the year is the ISO week-numbering year. */
export function isoWeekLabel(dayNumber: number): string {
  // An ISO week belongs to the year of its Thursday.
  const thursday = dayNumber - isoWeekdayOf(dayNumber) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** Whether the hour is inside the quiet hours (which may wrap midnight). */
export function isQuiet(quiet: QuietHours | null, hour: number): boolean {
  if (!quiet) return false;
  return quiet.start < quiet.end
    ? hour >= quiet.start && hour < quiet.end
    : hour >= quiet.start || hour < quiet.end;
}

/** The first day (a Monday, as a day number) of the period holding `local`. */
function periodStart(local: LocalTime, frequency: 'weekly' | 'fortnightly'): number {
  const monday = local.dayNumber - (local.isoWeekday - 1);
  if (frequency === 'weekly') return monday;
  // Weeks counted from Monday 1969-12-29 (day -3); fortnights start on the even ones.
  const week = (monday + 3) / 7;
  return ((week % 2) + 2) % 2 === 0 ? monday : monday - 7;
}

/**
 * The period of the latest target at or before `now` and the wall-clock minutes since that target
 * (DST shifts do not count: 08:00 to 08:00 the next day is always 1440).
 */
export function latestTarget(
  schedule: DigestSchedule & { frequency: 'weekly' | 'fortnightly' },
  now: Date,
): { period: string; minutesSince: number; local: LocalTime } {
  const local = localTime(now, schedule.timeZone);
  const start = periodStart(local, schedule.frequency);
  const periodDays = schedule.frequency === 'weekly' ? 7 : 14;
  const nowOffset = (local.dayNumber - start) * MINUTES_PER_DAY + local.hour * 60 + local.minute;
  const targetOffset = (schedule.weekday - 1) * MINUTES_PER_DAY + schedule.hour * 60;
  if (nowOffset >= targetOffset) {
    return { period: isoWeekLabel(start), minutesSince: nowOffset - targetOffset, local };
  }
  return {
    period: isoWeekLabel(start - periodDays),
    minutesSince: nowOffset + periodDays * MINUTES_PER_DAY - targetOffset,
    local,
  };
}

/**
 * Whether the person's digest is due at `now`, and for which period. `lastSentAt` is when their
 * latest digest went out (any period), or null. Whether this period's digest was already sent is
 * the database's to say (digest_sends), not this function's.
 */
export function digestDecision(schedule: DigestSchedule, now: Date, lastSentAt: Date | null): DigestDecision {
  if (schedule.frequency === 'off') return { due: false, reason: 'off' };
  const { period, minutesSince, local } = latestTarget({ ...schedule, frequency: schedule.frequency }, now);
  if (minutesSince >= GRACE_MINUTES) return { due: false, reason: 'waiting' };
  if (isQuiet(schedule.quietHours, local.hour)) return { due: false, reason: 'quiet' };
  if (lastSentAt && now.getTime() - lastSentAt.getTime() < MIN_GAP_MS)
    return { due: false, reason: 'too-soon' };
  return { due: true, period, localDate: local.date };
}
