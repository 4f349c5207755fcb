// Finding a plan, focus area or experiment for the viewer, and deciding what they may do with it.
// Reads run as the viewer, so row-level security has already hidden what was not shared with them
// (docs/decisions/0014); this is the first wall, in code, through the one visibility policy
// (identity/visibility.ts), so that anything the viewer may not read answers 404 like an unknown id.
// Only the owner changes their plan: every write looks its row up by owner and answers 404 else.
import { and, eq } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import { type Relation, relationOf, type SubjectFacts, visibility } from '../../identity/visibility.ts';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { coachingRelationships, developmentPlans, planExperiments, planFocusAreas } from './schema.ts';

/** A 400 naming every bad field, the first in the message. */
export function invalid(problems: Record<string, string>): ApiError {
  const [field, rule] = Object.entries(problems)[0]!;
  return new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, problems);
}

export const planNotFound = () => notFound('plan');
export const focusNotFound = () => notFound('focus area');
export const experimentNotFound = () => notFound('experiment');

export type PlanRow = typeof developmentPlans.$inferSelect;
export type FocusRow = typeof planFocusAreas.$inferSelect;
export type ExperimentRow = typeof planExperiments.$inferSelect;

export interface Owner extends SubjectFacts {
  name: string;
}

/** The owner's name, current manager and active (consented) coach: who sharing would reach. */
export async function ownerFacts(scope: TenantScope, ownerId: string): Promise<Owner> {
  const [person] = await scope.tx
    .select({ name: people.name, managerId: people.managerId })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.id, ownerId)));
  const [coach] = await scope.tx
    .select({ coachId: coachingRelationships.coachId })
    .from(coachingRelationships)
    .where(
      and(
        eq(coachingRelationships.organisationId, scope.organisationId),
        eq(coachingRelationships.coacheeId, ownerId),
        eq(coachingRelationships.status, 'active'),
      ),
    );
  return {
    id: ownerId,
    name: person?.name ?? '',
    managerId: person?.managerId ?? null,
    coachId: coach?.coachId ?? null,
  };
}

/** The relation of the viewer to the owner, as the one policy decides it. */
export function relationTo(scope: TenantScope, owner: SubjectFacts): Relation | null {
  return relationOf({ personId: scope.viewer.personId, roles: scope.viewer.roles }, owner);
}

/** Whether `relation` reads the content of something shared as `flags` (a plan, or plan + focus). */
export function readsContent(
  relation: Relation | null,
  ...flags: { sharedWithManager: boolean; sharedWithCoach: boolean }[]
): boolean {
  const sharing = {
    withManager: flags.some((f) => f.sharedWithManager),
    withCoach: flags.some((f) => f.sharedWithCoach),
  };
  return visibility(relation, sharing) === 'content';
}

async function planRow(scope: TenantScope, id: string): Promise<PlanRow | undefined> {
  const [plan] = await scope.tx
    .select()
    .from(developmentPlans)
    .where(and(eq(developmentPlans.organisationId, scope.organisationId), eq(developmentPlans.id, id)));
  return plan;
}

async function focusRowsOf(scope: TenantScope, planId: string): Promise<FocusRow[]> {
  return scope.tx
    .select()
    .from(planFocusAreas)
    .where(and(eq(planFocusAreas.organisationId, scope.organisationId), eq(planFocusAreas.planId, planId)))
    .orderBy(planFocusAreas.position);
}

export interface ReadablePlan {
  plan: PlanRow;
  owner: Owner;
  relation: 'self' | 'manager' | 'coach';
  /** The focus areas whose content the viewer may read, in the owner's order. */
  focusAreas: FocusRow[];
  /** Whether the viewer reads whole-plan content (plan comments; every focus area). */
  whole: boolean;
}

/**
 * The plan as the viewer may read it: all of it for the owner; for their manager or coach, what
 * the owner shared with them (whole plan, or some focus areas). Anyone else, admins included, and
 * a manager or coach with nothing shared, gets 404.
 */
export async function readablePlan(scope: TenantScope, id: string): Promise<ReadablePlan> {
  const plan = await planRow(scope, id);
  if (!plan) throw planNotFound();
  const owner = await ownerFacts(scope, plan.ownerId);
  const relation = relationTo(scope, owner);
  const rows = await focusRowsOf(scope, id);
  const focusAreas = rows.filter((f) => readsContent(relation, plan, f));
  const whole = readsContent(relation, plan);
  if (relation === null || relation === 'admin' || (!whole && focusAreas.length === 0)) throw planNotFound();
  return { plan, owner, relation, focusAreas, whole };
}

/**
 * The viewer's own plan, for a change; 404 for anyone else's. `lock` takes the plan row for the
 * rest of the transaction, so two concurrent changes that count its focus areas run one after the
 * other. A closed plan is history: it answers 409 to changes.
 */
export async function ownPlan(
  scope: TenantScope,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PlanRow> {
  const query = scope.tx
    .select()
    .from(developmentPlans)
    .where(
      and(
        eq(developmentPlans.organisationId, scope.organisationId),
        eq(developmentPlans.id, id),
        eq(developmentPlans.ownerId, scope.viewer.personId),
      ),
    );
  const [plan] = options.lock ? await query.for('update') : await query;
  if (!plan) throw planNotFound();
  if (plan.status !== 'active') throw conflict('this plan is closed: start a new plan to change it');
  return plan;
}

/** The viewer's own focus area with its plan (locked, active), for a change; 404 for anyone else's. */
export async function ownFocus(scope: TenantScope, id: string): Promise<{ focus: FocusRow; plan: PlanRow }> {
  const [focus] = await scope.tx
    .select()
    .from(planFocusAreas)
    .where(
      and(
        eq(planFocusAreas.organisationId, scope.organisationId),
        eq(planFocusAreas.id, id),
        eq(planFocusAreas.ownerId, scope.viewer.personId),
      ),
    );
  if (!focus) throw focusNotFound();
  const plan = await ownPlan(scope, focus.planId, { lock: true });
  return { focus, plan };
}

/** The viewer's own experiment with its focus area and plan, for a change; 404 for anyone else's. */
export async function ownExperiment(
  scope: TenantScope,
  id: string,
): Promise<{ experiment: ExperimentRow; focus: FocusRow; plan: PlanRow }> {
  const [experiment] = await scope.tx
    .select()
    .from(planExperiments)
    .where(
      and(
        eq(planExperiments.organisationId, scope.organisationId),
        eq(planExperiments.id, id),
        eq(planExperiments.ownerId, scope.viewer.personId),
      ),
    );
  if (!experiment) throw experimentNotFound();
  const { focus, plan } = await ownFocus(scope, experiment.focusId);
  return { experiment, focus, plan };
}

/** An experiment whose content the viewer may read (owner, or shared with them), else 404. */
export async function readableExperiment(scope: TenantScope, id: string): Promise<ExperimentRow> {
  const [row] = await scope.tx
    .select({ experiment: planExperiments, focus: planFocusAreas, plan: developmentPlans })
    .from(planExperiments)
    .innerJoin(
      planFocusAreas,
      and(
        eq(planFocusAreas.organisationId, planExperiments.organisationId),
        eq(planFocusAreas.id, planExperiments.focusId),
      ),
    )
    .innerJoin(
      developmentPlans,
      and(
        eq(developmentPlans.organisationId, planFocusAreas.organisationId),
        eq(developmentPlans.id, planFocusAreas.planId),
      ),
    )
    .where(and(eq(planExperiments.organisationId, scope.organisationId), eq(planExperiments.id, id)));
  if (!row) throw experimentNotFound();
  const relation = relationTo(scope, await ownerFacts(scope, row.plan.ownerId));
  if (!readsContent(relation, row.plan, row.focus)) throw experimentNotFound();
  return row.experiment;
}
