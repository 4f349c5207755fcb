// Each suggestion's reason as one sentence with its figures, so the person sees why Lodestar
// suggests it ("Others rate you 3.1 on …; you rate yourself 4.2 — a possible blind spot") rather
// than a bare label taken on trust. The server sends codes and figures only (suggestion-contracts.ts).

import { t } from '../../i18n/index.ts';
import { formatScore, formatShare } from '../../ui/format.ts';
import type { FocusReason } from './plan-api.ts';

export function reasonText(reason: FocusReason, name: string): string {
  switch (reason.code) {
    case 'blind-spot':
      return t('plan.reason.blindSpot', {
        name,
        others: formatScore(reason.others),
        self: formatScore(reason.self),
      });
    case 'growth-edge':
      return reason.source === 'others'
        ? t('plan.reason.growthEdgeOthers', { name, score: formatScore(reason.score) })
        : t('plan.reason.growthEdge', { name, score: formatScore(reason.score) });
    case 'balance-gap': {
      const values = {
        expected: formatShare(reason.expected),
        actual: formatShare(reason.actual),
        practice: t(`plan.reason.practice.${reason.practice}`),
      };
      return reason.source === 'others'
        ? t('plan.reason.balanceGapOthers', values)
        : t('plan.reason.balanceGap', values);
    }
    case 'derailer-seen':
      return reason.self === null
        ? t('plan.reason.derailerSeenNoSelf', { name, others: formatScore(reason.others) })
        : t('plan.reason.derailerSeen', {
            name,
            others: formatScore(reason.others),
            self: formatScore(reason.self),
          });
    case 'derailer-noticed':
      return t('plan.reason.derailerNoticed', { name, self: formatScore(reason.self) });
    case 'low-climate':
      return t('plan.reason.lowClimate', { factor: reason.factor, score: formatScore(reason.score) });
  }
}
