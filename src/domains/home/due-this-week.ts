// Which experiments the home page lists as "due this week". Pure: the viewer's calendar date and the
// experiments of their active plan go in; the due ones come out with why each is due.
//
// The week is the ISO week (Monday to Sunday) holding the viewer's own date. Experiment dates are
// calendar dates without a time zone, so they are compared with the date the person's browser
// reports (GET /api/home?today=YYYY-MM-DD), not with the server's UTC date: a Monday-morning check
// in Sydney should not still show last week.
//
// An experiment that is planned or running (done and dropped ones never are) is due when:
// - `start`: it is planned and its start date is on or before Sunday: it starts this week, or it
//   should have started already and still waits;
// - `review`: its review date is on or before Sunday: it falls in this week, or it passed without
//   a review (the experiment is still open), so it stays on the list until the person reviews it
//   (marks it done or dropped) or moves the date — an overdue review must not silently drop off;
// - `practice`: it is running and no practice was logged in the last 7 days (counted back from
//   now, not from Monday, so a Monday does not make every experiment look neglected).
// Most urgent first: earliest date among its reasons, then the start date, then id.
import type { DueReason } from './constants.ts';

export interface Week {
  /** Monday, YYYY-MM-DD. */
  start: string;
  /** Sunday, YYYY-MM-DD. */
  end: string;
}

export interface OpenExperiment {
  id: string;
  status: 'planned' | 'running' | 'done' | 'dropped';
  startsOn: string;
  reviewOn: string;
  lastPracticeAt: Date | null;
}

export const PRACTICE_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

const parseDate = (date: string) => new Date(`${date}T00:00:00Z`);
const formatDate = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO week (Monday..Sunday) holding `today` (YYYY-MM-DD). */
export function weekOf(today: string): Week {
  const day = parseDate(today);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  const monday = new Date(day.getTime() - sinceMonday * DAY_MS);
  return { start: formatDate(monday), end: formatDate(new Date(monday.getTime() + 6 * DAY_MS)) };
}

/** Whether any practice was logged in the 7 days before `now`. */
export function practisedRecently(lastPracticeAt: Date | null, now: Date): boolean {
  return lastPracticeAt !== null && now.getTime() - lastPracticeAt.getTime() < PRACTICE_WINDOW_DAYS * DAY_MS;
}

/** Why the experiment is due this week; empty when it is not. */
export function dueReasons(e: OpenExperiment, week: Week, now: Date): DueReason[] {
  if (e.status !== 'planned' && e.status !== 'running') return [];
  const reasons: DueReason[] = [];
  // ISO dates compare as text.
  if (e.status === 'planned' && e.startsOn <= week.end) reasons.push('start');
  if (e.reviewOn <= week.end) reasons.push('review');
  if (e.status === 'running' && !practisedRecently(e.lastPracticeAt, now)) reasons.push('practice');
  return reasons;
}

/** The due experiments, most urgent first, each with its reasons. */
export function dueThisWeek<E extends OpenExperiment>(
  experiments: readonly E[],
  week: Week,
  now: Date,
): (E & { reasons: DueReason[] })[] {
  const due = experiments
    .map((e) => ({ ...e, reasons: dueReasons(e, week, now) }))
    .filter((e) => e.reasons.length > 0);
  // A practice reminder has no date of its own; it sorts as of today's week start.
  const urgency = (e: E & { reasons: DueReason[] }) => {
    const dates = [
      e.reasons.includes('start') ? e.startsOn : null,
      e.reasons.includes('review') ? e.reviewOn : null,
      e.reasons.includes('practice') ? week.start : null,
    ].filter((d): d is string => d !== null);
    return dates.sort()[0]!;
  };
  return due.sort((a, b) => {
    const ua = urgency(a);
    const ub = urgency(b);
    if (ua !== ub) return ua < ub ? -1 : 1;
    if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * The viewer's date as they sent it, if it is within a day of the server's UTC date (every time
 * zone is); otherwise, or when absent, the server's UTC date. A wrong clock cannot move the week far.
 */
export function viewerToday(sent: string | undefined, now: Date): string {
  const server = formatDate(now);
  if (!sent || !/^\d{4}-\d{2}-\d{2}$/.test(sent) || Number.isNaN(parseDate(sent).getTime())) return server;
  const apart = Math.abs(parseDate(sent).getTime() - parseDate(server).getTime());
  return apart <= DAY_MS ? sent : server;
}
