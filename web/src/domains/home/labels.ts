// Wording of the home page's codes and dates (the server sends codes, never sentences).
import { locale, t } from '../../i18n/index.ts';
import type { DueItem, Suggested } from './queries.ts';

// Experiment dates are calendar dates: read and shown in UTC so no time zone shifts the day.
const dayFormat = new Intl.DateTimeFormat(locale, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "Tue 9 Jun" for 2026-06-09. */
export const dayLabel = (date: string): string => dayFormat.format(new Date(`${date}T00:00:00Z`));

export interface DueLabel {
  text: string;
  tone: 'neutral' | 'warning';
}

/** Why an experiment is due, one label per reason; dates before today read as overdue. */
export function dueLabels(item: DueItem, today: string): DueLabel[] {
  return item.reasons.map((reason) => {
    if (reason === 'start') {
      const late = item.startsOn < today;
      const text = t(late ? 'home.due.startOverdue' : 'home.due.start', { date: dayLabel(item.startsOn) });
      return { text, tone: late ? 'warning' : 'neutral' };
    }
    if (reason === 'review') {
      const late = item.reviewOn < today;
      const text = t(late ? 'home.due.reviewOverdue' : 'home.due.review', { date: dayLabel(item.reviewOn) });
      return { text, tone: late ? 'warning' : 'neutral' };
    }
    return { text: t('home.due.practice'), tone: 'warning' };
  });
}

export function moduleReason(module: Suggested): string {
  const r = module.reason;
  switch (r.code) {
    case 'pathway-next':
      return t('home.module.reason.pathway-next', { title: r.pathwayTitle });
    case 'your-focus':
      return t('home.module.reason.your-focus', { capability: module.capabilityName });
    case 'growth-edge':
      return t('home.module.reason.growth-edge', { capability: module.capabilityName });
    case 'suits-your-stage':
      return t('home.module.reason.suits-your-stage');
    case 'short':
      return t('home.module.reason.short', { minutes: r.minutes });
  }
}
