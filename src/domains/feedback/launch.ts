// Creating 360s: a participant for themself here; an admin for a cohort through programmes
// (src/domains/programmes/launch-for-cohort.ts), with createCampaign. A campaign
// starts in `nominating` with the organisation's current framework version and the disclosure
// policy of the day copied onto it (its raters are promised that policy; later settings do not apply).
import { ApiError, conflict } from '../../platform/http/errors.ts';
import type { OrganisationScope, TenantScope } from '../../platform/scope.ts';
import { currentVersion } from '../framework/service.ts';
import { campaignDetail } from './campaign-detail.ts';
import type { CampaignDetail } from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import { feedbackCampaigns } from './schema.ts';
import { loadSettings } from './settings.ts';

/**
 * The one way a 360 is created: for `subjectId`, by `createdById` (the admin, the participant, or
 * the admin who made the programme whose step launched it). Null when the subject already has a
 * 360 or a pulse in progress. Programmes call it for cohorts (src/domains/programmes).
 */
export async function createCampaign(
  scope: OrganisationScope,
  {
    subjectId,
    origin,
    deadline,
    createdById,
  }: { subjectId: string; origin: 'admin' | 'self'; deadline: Date; createdById: string },
): Promise<string | null> {
  const { tx, kind, organisationId } = scope;
  const settings = await loadSettings(tx, organisationId);
  const version = await currentVersion(tx, kind, organisationId);
  if (!instrumentOf(version.definition).scale) {
    throw new ApiError(
      409,
      'mixed_scales',
      'the current framework version mixes rating scales of different lengths; a 360 report needs one',
    );
  }
  const [row] = await tx
    .insert(feedbackCampaigns)
    .values({
      organisationId,
      subjectId,
      createdById,
      origin,
      versionId: version.id,
      deadline,
      policy: settings.policy,
      approvalRequired: settings.approvalRequired,
    })
    .onConflictDoNothing()
    .returning({ id: feedbackCampaigns.id });
  return row?.id ?? null;
}

/** A deadline someone gave (launch, reopen, change): it must lie in the future. */
export function futureDeadline(given: string, now: Date): Date {
  const deadline = new Date(given);
  if (deadline.getTime() <= now.getTime()) {
    throw new ApiError(400, 'invalid_input', 'invalid body: deadline: must be in the future', {
      deadline: 'must be in the future',
    });
  }
  return deadline;
}

export async function defaultDeadline(scope: OrganisationScope, given: string | undefined): Promise<Date> {
  const now = scope.now();
  if (given) return futureDeadline(given, now);
  const settings = await loadSettings(scope.tx, scope.organisationId);
  return new Date(now.getTime() + settings.defaultDurationDays * 86_400_000);
}

/** A participant asks for their own 360. */
export async function requestOwn(
  scope: TenantScope,
  { deadline: deadlineInput }: { deadline?: string | undefined },
): Promise<CampaignDetail> {
  const deadline = await defaultDeadline(scope, deadlineInput);
  const id = await createCampaign(scope, {
    subjectId: scope.viewer.personId,
    origin: 'self',
    deadline,
    createdById: scope.viewer.personId,
  });
  if (!id) throw conflict('you already have a 360 or a pulse in progress; finish or release it first');
  return campaignDetail(scope, id);
}
