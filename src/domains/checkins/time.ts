// A check-in's time: the person picks a local date and time in a time zone (their browser's by
// default); the row stores the instant (starts_at) and the zone's IANA name, so the invitation can
// say "09:30 Europe/London" and calendars follow that zone's clock changes.
import { DateTime } from 'luxon';

/** The zone's canonical name as Intl resolves it (e.g. an alias to its current name). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
}

/**
 * The instant of `local` (YYYY-MM-DDTHH:mm) in `zone`; null when that local time does not exist
 * there (skipped by a clock change) or is not a real date. An hour that happens twice (clocks go
 * back) means its first occurrence.
 */
export function instantOf(local: string, zone: string): Date | null {
  const at = DateTime.fromISO(local, { zone });
  if (!at.isValid) return null;
  // Luxon moves a skipped time forward; the person meant a time the clock never shows.
  if (at.toFormat("yyyy-MM-dd'T'HH:mm") !== local) return null;
  // RFC 5545 §3.3.5: a local time that happens twice means the first occurrence, which is how a
  // calendar reads DTSTART;TZID=…; Luxon picks the later one. The first is earlier by the size of
  // the change (not always an hour), when the clocks went back just before.
  const before = at.minus({ days: 1 }).offset;
  if (before > at.offset) {
    const first = DateTime.fromMillis(at.toMillis() - (before - at.offset) * 60_000, { zone });
    if (first.toFormat("yyyy-MM-dd'T'HH:mm") === local) return first.toJSDate();
  }
  return at.toJSDate();
}

/** The local date and time (YYYY-MM-DDTHH:mm) of `instant` in `zone`: the form's value back. */
export function localOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** e.g. "Tuesday 3 November 2026, 09:00–09:30 (Europe/London)", for emails (British English). */
export function describeWhen(start: Date, minutes: number, zone: string): string {
  const from = DateTime.fromJSDate(start, { zone }).setLocale('en-GB');
  const to = from.plus({ minutes });
  const sameDay = from.hasSame(to, 'day');
  const end = sameDay ? to.toFormat('HH:mm') : to.toFormat('cccc d LLLL yyyy, HH:mm');
  return `${from.toFormat('cccc d LLLL yyyy, HH:mm')}–${end} (${zone})`;
}
