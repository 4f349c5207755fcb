// The organisation's 360 settings: approval, rater fatigue, reminders, and the disclosure policy.
// Stored as one row per organisation (absent = defaults). The disclosure part is validated by the
// disclosure module itself, so the API can never store a policy it would refuse.
import { eq } from 'drizzle-orm';
import {
  DisclosureError,
  type DisclosurePolicy,
  type DisclosurePolicyInput,
  resolveDisclosurePolicy,
} from '../../core/disclosure/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { ApiError } from '../../platform/http/errors.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import type { FeedbackSettings, FeedbackSettingsUpdate } from './contracts.ts';
import { feedbackSettings } from './schema.ts';

export interface ResolvedSettings {
  approvalRequired: boolean;
  fatigueThreshold: number;
  reminderIntervalDays: number;
  maxReminders: number;
  defaultDurationDays: number;
  policy: DisclosurePolicy;
}

const DEFAULTS = {
  approvalRequired: true,
  fatigueThreshold: 5,
  reminderIntervalDays: 3,
  maxReminders: 2,
  defaultDurationDays: 14,
};

export async function loadSettings(tx: Tx, organisationId: string): Promise<ResolvedSettings> {
  const [row] = await tx
    .select()
    .from(feedbackSettings)
    .where(eq(feedbackSettings.organisationId, organisationId));
  if (!row) return { ...DEFAULTS, policy: resolveDisclosurePolicy() };
  return {
    approvalRequired: row.approvalRequired,
    fatigueThreshold: row.fatigueThreshold,
    reminderIntervalDays: row.reminderIntervalDays,
    maxReminders: row.maxReminders,
    defaultDurationDays: row.defaultDurationDays,
    policy: resolveDisclosurePolicy(row.disclosure as DisclosurePolicyInput),
  };
}

export function settingsView(s: ResolvedSettings): FeedbackSettings {
  return {
    approvalRequired: s.approvalRequired,
    fatigueThreshold: s.fatigueThreshold,
    reminderIntervalDays: s.reminderIntervalDays,
    maxReminders: s.maxReminders,
    defaultDurationDays: s.defaultDurationDays,
    minimumByGroup: { ...s.policy.minimumByGroup },
    managerShownSeparately: s.policy.managerShownSeparately,
    commentMinimum: s.policy.commentMinimum,
    mergeSmallGroupsIntoOthers: s.policy.mergeSmallGroupsIntoOthers,
  };
}

/** The organisation's 360 settings as the admin page shows them. */
export async function readSettings(
  scope: Pick<OrganisationScope, 'tx' | 'organisationId'>,
): Promise<FeedbackSettings> {
  return settingsView(await loadSettings(scope.tx, scope.organisationId));
}

/**
 * Applies a partial update. Campaigns already launched keep the policy they promised their raters
 * (it is copied onto the campaign at launch), so this only affects new campaigns.
 */
export async function updateSettings(
  { tx, organisationId }: Pick<OrganisationScope, 'tx' | 'organisationId'>,
  update: FeedbackSettingsUpdate,
): Promise<FeedbackSettings> {
  const current = await loadSettings(tx, organisationId);
  const disclosure: DisclosurePolicyInput = {
    minimumByGroup: { ...current.policy.minimumByGroup, ...update.minimumByGroup },
    managerShownSeparately: update.managerShownSeparately ?? current.policy.managerShownSeparately,
    commentMinimum: update.commentMinimum ?? current.policy.commentMinimum,
    mergeSmallGroupsIntoOthers:
      update.mergeSmallGroupsIntoOthers ?? current.policy.mergeSmallGroupsIntoOthers,
  };
  let policy: DisclosurePolicy;
  try {
    policy = resolveDisclosurePolicy(disclosure);
  } catch (err) {
    if (err instanceof DisclosureError) {
      throw new ApiError(400, 'invalid_input', `invalid body: ${err.message}`, { [err.field]: err.message });
    }
    throw err;
  }
  const values = {
    approvalRequired: update.approvalRequired ?? current.approvalRequired,
    fatigueThreshold: update.fatigueThreshold ?? current.fatigueThreshold,
    reminderIntervalDays: update.reminderIntervalDays ?? current.reminderIntervalDays,
    maxReminders: update.maxReminders ?? current.maxReminders,
    defaultDurationDays: update.defaultDurationDays ?? current.defaultDurationDays,
    disclosure: { ...disclosure } as Record<string, unknown>,
  };
  await tx
    .insert(feedbackSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: feedbackSettings.organisationId, set: values });
  return settingsView({ ...values, policy });
}
