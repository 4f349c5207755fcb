// How a check-in's time reads: in its own zone (as the invitation says it), and in the reader's
// zone when that differs.
import { locale, t } from '../../i18n/index.ts';
import type { CheckInSummary } from './queries.ts';

const inZone = (zone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone });

/** e.g. "Tuesday 3 November 2026 at 09:30 (Europe/London)". */
export function whenText(c: Pick<CheckInSummary, 'startsAt' | 'timeZone'>): string {
  return `${inZone(c.timeZone).format(new Date(c.startsAt))} (${c.timeZone})`;
}

/** The same moment in the reader's own zone, or null when it is the check-in's zone. */
export function readerTime(c: Pick<CheckInSummary, 'startsAt' | 'timeZone'>): string | null {
  const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!mine || mine === c.timeZone) return null;
  const at = new Date(c.startsAt);
  const yours = inZone(mine).format(at);
  // Another zone name with the same clock (London in winter, read in UTC) says nothing new.
  return yours === inZone(c.timeZone).format(at) ? null : t('checkins.detail.yourTime', { time: yours });
}

export const relationText = (relation: 'manager' | 'coach') =>
  relation === 'manager' ? t('checkins.relation.manager') : t('checkins.relation.coach');
