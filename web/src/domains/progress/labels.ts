// Words and badge tones for measured change, in one place for the table and the chart.
import type { MeasurementKind } from '../../../../src/domains/progress/contracts.ts';
import { t } from '../../i18n/index.ts';
import type { ProgressChange } from './queries.ts';

export type { MeasurementKind };

export const kindLabel = (kind: MeasurementKind): string => t(`progress.kind.${kind}`);

export const resultLabel = (label: ProgressChange['label']): string => t(`progress.label.${label}`);

export const RESULT_TONE = {
  improved: 'positive',
  'no-reliable-change': 'neutral',
  declined: 'negative',
} as const;
