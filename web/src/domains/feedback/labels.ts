// Names of rater groups and campaign states, from the catalogue, shared by every feedback page.
import { t } from '../../i18n/index.ts';
import type { CampaignStatus, RaterGroupKey } from './feedback-api.ts';

export const groupLabel = (group: RaterGroupKey | 'combined'): string => t(`feedback.group.${group}`);
/** The group as a rater reads it in a sentence ("one of Sam’s peers"). */
export const groupInSentence = (group: RaterGroupKey): string => t(`feedback.groupLower.${group}`);
export const statusLabel = (status: CampaignStatus): string => t(`feedback.status.${status}`);

export const STATUS_TONE: Record<CampaignStatus, 'neutral' | 'positive' | 'warning'> = {
  nominating: 'warning',
  awaiting_approval: 'warning',
  open: 'positive',
  closed: 'neutral',
  released: 'positive',
};
