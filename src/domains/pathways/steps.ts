// Removing, reordering and marking progress on the steps of the viewer's own pathways. A step id
// that is not the viewer's (or sits in an archived pathway) is a 404, like an unknown one.
import { and, eq } from 'drizzle-orm';
import { ApiError, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import type { Pathway, ProgressUpdate } from './contracts.ts';
import { applyProgress } from './progress.ts';
import { lockOwnPathway, readPathway } from './read-pathways.ts';
import { reorderProblem } from './reorder.ts';
import { learningPathwaySteps as s } from './schema.ts';
import { writePositions } from './write-pathways.ts';

/** The viewer's step with its pathway locked; 404 when it is not theirs. */
async function ownStep(scope: TenantScope, stepId: string) {
  const [step] = await scope.tx
    .select()
    .from(s)
    .where(
      and(eq(s.organisationId, scope.organisationId), eq(s.ownerId, scope.viewer.personId), eq(s.id, stepId)),
    );
  if (!step) throw notFound('pathway step');
  await lockOwnPathway(scope, step.pathwayId).catch(() => {
    throw notFound('pathway step');
  });
  return step;
}

const stepIds = (scope: TenantScope, pathwayId: string) =>
  scope.tx
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.organisationId, scope.organisationId), eq(s.pathwayId, pathwayId)))
    .orderBy(s.position)
    .then((rows) => rows.map((r) => r.id));

export async function removeStep(scope: TenantScope, stepId: string): Promise<Pathway> {
  const step = await ownStep(scope, stepId);
  await scope.tx.delete(s).where(and(eq(s.organisationId, scope.organisationId), eq(s.id, stepId)));
  // Close the gap, so positions stay 0…n-1.
  await writePositions(scope, step.pathwayId, await stepIds(scope, step.pathwayId));
  return readPathway(scope, step.pathwayId);
}

export async function reorderSteps(scope: TenantScope, pathwayId: string, order: string[]): Promise<Pathway> {
  await lockOwnPathway(scope, pathwayId);
  const problem = reorderProblem(await stepIds(scope, pathwayId), order);
  if (problem)
    throw new ApiError(400, 'invalid_input', `invalid body: stepIds: ${problem}`, { stepIds: problem });
  await writePositions(scope, pathwayId, order);
  return readPathway(scope, pathwayId);
}

export async function markProgress(
  scope: TenantScope,
  stepId: string,
  input: ProgressUpdate,
): Promise<Pathway> {
  const step = await ownStep(scope, stepId);
  const next = applyProgress(step, input.mark, input.done, scope.now());
  await scope.tx
    .update(s)
    .set(next)
    .where(and(eq(s.organisationId, scope.organisationId), eq(s.id, stepId)));
  return readPathway(scope, step.pathwayId);
}
