// Launching 360s: an admin for each person of a cohort, or a participant for themself. A campaign
// starts in `nominating` with the organisation's current framework version and the disclosure
// policy of the day copied onto it (its raters are promised that policy; later settings do not apply).
import { and, eq, inArray } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import { ApiError, conflict } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { currentVersion } from '../framework/service.ts';
import { campaignDetail } from './campaign-detail.ts';
import { invalid } from './campaign-row.ts';
import type { CampaignDetail, LaunchCohortResponse } from './contracts.ts';
import { instrumentOf } from './instrument.ts';
import { feedbackCampaigns } from './schema.ts';
import { loadSettings } from './settings.ts';

async function createCampaign(
  scope: TenantScope,
  subjectId: string,
  origin: 'admin' | 'self',
  deadline: Date,
): Promise<string | null> {
  const { tx, kind, viewer, organisationId } = scope;
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
      createdById: viewer.personId,
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

export async function defaultDeadline(scope: TenantScope, given: string | undefined): Promise<Date> {
  const now = scope.now();
  if (given) return futureDeadline(given, now);
  const settings = await loadSettings(scope.tx, scope.organisationId);
  return new Date(now.getTime() + settings.defaultDurationDays * 86_400_000);
}

/** An admin launches a 360 for each person of a cohort; people with one in progress are skipped. */
export async function launchForCohort(
  scope: TenantScope,
  {
    subjectIds,
    deadline: deadlineInput,
  }: { subjectIds: ReadonlyArray<string>; deadline?: string | undefined },
): Promise<LaunchCohortResponse> {
  const { tx, organisationId } = scope;
  const unique = [...new Set(subjectIds)];
  const found = await tx
    .select({ id: people.id, status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), inArray(people.id, unique)));
  const known = new Map(found.map((p) => [p.id, p.status]));
  const problems: Record<string, string> = {};
  subjectIds.forEach((id, i) => {
    if (!known.has(id)) problems[`subjectIds.${i}`] = 'is not a person of this organisation';
    else if (known.get(id) === 'disabled') problems[`subjectIds.${i}`] = 'is a disabled person';
  });
  if (Object.keys(problems).length) throw invalid(problems);
  const deadline = await defaultDeadline(scope, deadlineInput);
  const result: LaunchCohortResponse = { campaigns: [], skipped: [] };
  for (const subjectId of unique) {
    const id = await createCampaign(scope, subjectId, 'admin', deadline);
    if (id) result.campaigns.push({ id, subjectId });
    else result.skipped.push({ subjectId, reason: 'already has a 360 or a pulse in progress' });
  }
  return result;
}

/** A participant asks for their own 360. */
export async function requestOwn(
  scope: TenantScope,
  { deadline: deadlineInput }: { deadline?: string | undefined },
): Promise<CampaignDetail> {
  const deadline = await defaultDeadline(scope, deadlineInput);
  const id = await createCampaign(scope, scope.viewer.personId, 'self', deadline);
  if (!id) throw conflict('you already have a 360 or a pulse in progress; finish or release it first');
  return campaignDetail(scope, id);
}
