// Shared bits of the goals and values pages: status badges and how a goal's period reads.
import type { GoalStatus } from '../../../../src/domains/alignment/constants.ts';
import { locale, t } from '../../i18n/index.ts';
import { Badge } from '../../ui/components.tsx';
import type { Goal } from './queries.ts';

const TONE: Record<GoalStatus, 'neutral' | 'positive' | 'warning' | 'negative'> = {
  draft: 'warning',
  active: 'positive',
  achieved: 'neutral',
  dropped: 'negative',
};

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return <Badge tone={TONE[status]}>{t(`alignment.status.${status}`)}</Badge>;
}

const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

/**
 * A calendar day as the reader's locale writes it. Built from its parts in local time: parsing
 * `2026-01-01` as a Date would mean UTC midnight, which is 31 December west of Greenwich.
 */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayFormat.format(new Date(y, m - 1, d));
}

export const periodOf = (goal: Pick<Goal, 'periodStart' | 'periodEnd'>) =>
  t('alignment.period', { start: formatDay(goal.periodStart), end: formatDay(goal.periodEnd) });
