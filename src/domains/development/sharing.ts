// Sharing one focus area with the owner's manager and/or coach (whole-plan sharing is part of
// updatePlan), and the list of plans others shared with the viewer. Revoking is the same call with
// false: the database stops showing the rows at once (the read policies read the flags live).
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { ownFocus, readsContent, relationTo } from './access.ts';
import type { PlanDetail, SharedWithMe, SharingInput } from './contracts.ts';
import { planDetail } from './plan-detail.ts';
import { coachingRelationships, developmentPlans, planFocusAreas } from './schema.ts';

export async function setFocusSharing(
  scope: TenantScope,
  { id, ...sharing }: SharingInput & { id: string },
): Promise<PlanDetail> {
  const { plan } = await ownFocus(scope, id);
  await scope.tx
    .update(planFocusAreas)
    .set({
      sharedWithManager: sharing.withManager,
      sharedWithCoach: sharing.withCoach,
      updatedAt: scope.now(),
    })
    .where(and(eq(planFocusAreas.organisationId, scope.organisationId), eq(planFocusAreas.id, id)));
  return planDetail(scope, plan.id);
}

/**
 * Plans of the viewer's reports and coachees with something shared with the viewer, newest first.
 * The query starts from the people the viewer manages or coaches (so the per-row policy runs on
 * their plans only), and row-level security already hides unshared plans; the policy in code then
 * says, per plan, whether the whole plan or which focus areas the viewer reads.
 */
export async function sharedWithMe(scope: TenantScope): Promise<SharedWithMe> {
  const me = scope.viewer.personId;
  const coachees = scope.tx
    .select({ id: coachingRelationships.coacheeId })
    .from(coachingRelationships)
    .where(
      and(
        eq(coachingRelationships.organisationId, scope.organisationId),
        eq(coachingRelationships.coachId, me),
        eq(coachingRelationships.status, 'active'),
      ),
    );
  const owners = await scope.tx
    .select({ id: people.id, name: people.name, managerId: people.managerId })
    .from(people)
    .where(
      and(
        eq(people.organisationId, scope.organisationId),
        or(eq(people.managerId, me), inArray(people.id, coachees)),
      ),
    );
  if (!owners.length) return { plans: [] };
  const coached = new Set((await coachees).map((c) => c.id));
  const byId = new Map(owners.map((o) => [o.id, o]));
  const plans = await scope.tx
    .select()
    .from(developmentPlans)
    .where(
      and(
        eq(developmentPlans.organisationId, scope.organisationId),
        inArray(
          developmentPlans.ownerId,
          owners.map((o) => o.id),
        ),
      ),
    )
    .orderBy(sql`${developmentPlans.startedAt} DESC`);
  const focusAreas = plans.length
    ? await scope.tx
        .select()
        .from(planFocusAreas)
        .where(
          and(
            eq(planFocusAreas.organisationId, scope.organisationId),
            inArray(
              planFocusAreas.planId,
              plans.map((p) => p.id),
            ),
          ),
        )
    : [];
  const result: SharedWithMe['plans'] = [];
  for (const plan of plans) {
    const owner = byId.get(plan.ownerId)!;
    const relation = relationTo(scope, {
      id: owner.id,
      managerId: owner.managerId,
      coachId: coached.has(owner.id) ? me : null,
    });
    if (relation !== 'manager' && relation !== 'coach') continue;
    const whole = readsContent(relation, plan);
    const shared = focusAreas.filter((f) => f.planId === plan.id && readsContent(relation, plan, f)).length;
    if (!whole && shared === 0) continue;
    result.push({
      id: plan.id,
      title: plan.title,
      status: plan.status,
      startedAt: new Date(plan.startedAt).toISOString(),
      owner: { id: owner.id, name: owner.name },
      relation,
      whole,
      sharedFocusAreas: shared,
    });
  }
  return { plans: result };
}
