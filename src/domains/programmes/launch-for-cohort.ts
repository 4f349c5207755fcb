// An admin launches a 360 for each person of a cohort, at once (moved here from feedback: cohorts
// are programmes' business, docs/decisions/0023). Feedback keeps the one way a 360 is created
// (createCampaign); people with one in progress are skipped.
import { and, eq, inArray } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { invalid } from '../feedback/campaign-row.ts';
import { createCampaign, defaultDeadline } from '../feedback/launch.ts';
import type { LaunchCohortResponse } from './contracts.ts';

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
    const id = await createCampaign(scope, {
      subjectId,
      origin: 'admin',
      deadline,
      createdById: scope.viewer.personId,
    });
    if (id) result.campaigns.push({ id, subjectId });
    else result.skipped.push({ subjectId, reason: 'already has a 360 or a pulse in progress' });
  }
  return result;
}
