// Behavioural experiments of a focus area: what I will do, in which situation, how often, how I
// will know it worked, between a start and a review date, and where it stands. Only the owner
// writes them, on an active plan. Taken from a library module, an experiment keeps its module id.
import { and, eq } from 'drizzle-orm';
import type { TenantScope } from '../../platform/scope.ts';
import { isPublishedModule } from '../library/service.ts';
import { invalid, ownExperiment, ownFocus } from './access.ts';
import type { ExperimentCreate, ExperimentUpdate, PlanDetail } from './contracts.ts';
import { planDetail } from './plan-detail.ts';
import { planExperiments } from './schema.ts';

/** An experiment taken from the library names a module the person can read there now. */
async function checkSourceModule(scope: TenantScope, moduleId: string | null | undefined): Promise<void> {
  if (moduleId && !(await isPublishedModule(scope, moduleId)))
    throw invalid({ sourceModuleId: 'must be a published module of the library' });
}

/**
 * Adds an experiment to one of the viewer's active focus areas: the one way an experiment is
 * created (the plan page, and an action agreed in a check-in). 404 for a focus that is not theirs.
 */
export async function createExperiment(
  scope: TenantScope,
  focusId: string,
  input: ExperimentCreate,
): Promise<{ experimentId: string; planId: string }> {
  const { focus, plan } = await ownFocus(scope, focusId);
  if (focus.status !== 'active') throw invalid({ focusId: 'must be an active focus area' });
  await checkSourceModule(scope, input.sourceModuleId);
  const [row] = await scope.tx
    .insert(planExperiments)
    .values({
      organisationId: scope.organisationId,
      focusId: focus.id,
      ownerId: focus.ownerId,
      action: input.action,
      situation: input.situation,
      frequency: input.frequency,
      signal: input.signal,
      startsOn: input.startsOn,
      reviewOn: input.reviewOn,
      status: input.status,
      sourceModuleId: input.sourceModuleId ?? null,
    })
    .returning({ id: planExperiments.id });
  return { experimentId: row!.id, planId: plan.id };
}

export async function addExperiment(
  scope: TenantScope,
  { id, ...input }: ExperimentCreate & { id: string },
): Promise<PlanDetail> {
  const { planId } = await createExperiment(scope, id, input);
  return planDetail(scope, planId);
}

export async function updateExperiment(
  scope: TenantScope,
  { id, ...input }: ExperimentUpdate & { id: string },
): Promise<PlanDetail> {
  const { experiment, plan } = await ownExperiment(scope, id);
  // The request may move one date only: the pair it leaves must still be in order.
  const startsOn = input.startsOn ?? experiment.startsOn;
  const reviewOn = input.reviewOn ?? experiment.reviewOn;
  if (reviewOn < startsOn) {
    throw invalid(
      input.reviewOn
        ? { reviewOn: 'must be on or after startsOn' }
        : { startsOn: 'must be on or before reviewOn' },
    );
  }
  await scope.tx
    .update(planExperiments)
    .set({ ...input, updatedAt: scope.now() })
    .where(and(eq(planExperiments.organisationId, scope.organisationId), eq(planExperiments.id, id)));
  return planDetail(scope, plan.id);
}

export async function setExperimentStatus(
  scope: TenantScope,
  { id, status }: { id: string; status: 'planned' | 'running' | 'done' | 'dropped' },
): Promise<PlanDetail> {
  const { plan } = await ownExperiment(scope, id);
  await scope.tx
    .update(planExperiments)
    .set({ status, updatedAt: scope.now() })
    .where(and(eq(planExperiments.organisationId, scope.organisationId), eq(planExperiments.id, id)));
  return planDetail(scope, plan.id);
}
