// The owner's plans: start one (closing the current one, which stays as history), rename it,
// share it whole, close it, and list them. A new plan per cycle keeps old ones readable by the
// owner; the database allows one active plan per person (development_plans_one_active).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { TenantScope } from '../../platform/scope.ts';
import { ownPlan } from './access.ts';
import type { MyPlans, PlanCreate, PlanDetail, PlanSummary, PlanUpdate } from './contracts.ts';
import { insertFocusAreas } from './focus-areas.ts';
import { planDetail } from './plan-detail.ts';
import { developmentPlans } from './schema.ts';

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export async function myPlans(scope: TenantScope): Promise<MyPlans> {
  const p = developmentPlans;
  // Drizzle leaves table names off columns in a one-table select, so the correlated counts name
  // their tables in full.
  const rows = await scope.tx
    .select({
      plan: p,
      focusAreas: sql<number>`(SELECT count(*)::int FROM plan_focus_areas f
        WHERE f.organisation_id = development_plans.organisation_id AND f.plan_id = development_plans.id)`,
      activeFocusAreas: sql<number>`(SELECT count(*)::int FROM plan_focus_areas f
        WHERE f.organisation_id = development_plans.organisation_id AND f.plan_id = development_plans.id AND f.status = 'active')`,
      runningExperiments: sql<number>`(SELECT count(*)::int FROM plan_experiments e
        JOIN plan_focus_areas f ON f.organisation_id = e.organisation_id AND f.id = e.focus_id
        WHERE f.organisation_id = development_plans.organisation_id AND f.plan_id = development_plans.id
          AND e.status = 'running')`,
    })
    .from(p)
    .where(and(eq(p.organisationId, scope.organisationId), eq(p.ownerId, scope.viewer.personId)))
    .orderBy(desc(p.startedAt));
  const summaries: PlanSummary[] = rows.map((r) => ({
    id: r.plan.id,
    title: r.plan.title,
    status: r.plan.status,
    startedAt: iso(r.plan.startedAt)!,
    closedAt: iso(r.plan.closedAt),
    focusAreas: Number(r.focusAreas),
    activeFocusAreas: Number(r.activeFocusAreas),
    runningExperiments: Number(r.runningExperiments),
    sharing: { withManager: r.plan.sharedWithManager, withCoach: r.plan.sharedWithCoach },
  }));
  return {
    current: summaries.find((s) => s.status === 'active') ?? null,
    history: summaries.filter((s) => s.status !== 'active'),
  };
}

async function closeActive(scope: TenantScope): Promise<void> {
  await scope.tx
    .update(developmentPlans)
    .set({ status: 'closed', closedAt: scope.now(), updatedAt: scope.now() })
    .where(
      and(
        eq(developmentPlans.organisationId, scope.organisationId),
        eq(developmentPlans.ownerId, scope.viewer.personId),
        eq(developmentPlans.status, 'active'),
      ),
    );
}

/** Starts a new plan with the focus areas picked (all written, or nothing: one transaction). */
export async function startPlan(scope: TenantScope, input: PlanCreate): Promise<PlanDetail> {
  await closeActive(scope);
  const [plan] = await scope.tx
    .insert(developmentPlans)
    .values({
      organisationId: scope.organisationId,
      ownerId: scope.viewer.personId,
      title: input.title,
      sharedWithManager: input.sharing?.withManager ?? false,
      sharedWithCoach: input.sharing?.withCoach ?? false,
      startedAt: scope.now(),
    })
    .returning();
  await insertFocusAreas(scope, plan!, input.focusAreas, (i) => `focusAreas.${i}.`);
  return planDetail(scope, plan!.id);
}

export async function updatePlan(
  scope: TenantScope,
  { id, ...input }: PlanUpdate & { id: string },
): Promise<PlanDetail> {
  await ownPlan(scope, id);
  await scope.tx
    .update(developmentPlans)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.sharing
        ? { sharedWithManager: input.sharing.withManager, sharedWithCoach: input.sharing.withCoach }
        : {}),
      updatedAt: scope.now(),
    })
    .where(and(eq(developmentPlans.organisationId, scope.organisationId), eq(developmentPlans.id, id)));
  return planDetail(scope, id);
}

/** Closes the plan; it stays readable by its owner (and by whom it is shared with) as history. */
export async function closePlan(scope: TenantScope, id: string): Promise<PlanDetail> {
  await ownPlan(scope, id);
  await scope.tx
    .update(developmentPlans)
    .set({ status: 'closed', closedAt: scope.now(), updatedAt: scope.now() })
    .where(and(eq(developmentPlans.organisationId, scope.organisationId), eq(developmentPlans.id, id)));
  return planDetail(scope, id);
}
