// A recommendation's reasons as sentences. The server sends codes and figures (never words), so
// the wording lives here, in the person's language.
import { t } from '../../i18n/index.ts';
import type { Reason, Recommendation } from './queries.ts';

export function reasonText(reason: Reason, rec: Recommendation, stageName: string | null): string {
  switch (reason.code) {
    case 'your-focus':
      return t('pathways.rec.yourFocus', { capability: rec.module.capabilityName });
    case 'growth-edge':
      return t('pathways.rec.growthEdge', { capability: rec.module.capabilityName });
    case 'suits-your-stage':
      return stageName ? t('pathways.rec.stageNamed', { stage: stageName }) : t('pathways.rec.stage');
    case 'short':
      return t('pathways.rec.short', { minutes: reason.minutes });
  }
}
