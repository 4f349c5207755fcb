// Actions agreed in a check-in. Either person records one (a task); either ticks a task done; the
// participant alone turns one into an experiment in one of their active focus areas, through the
// development domain's createExperiment (the one way an experiment is made), so it appears in
// their plan like any other.
import { and, count, eq } from 'drizzle-orm';
import { ApiError, conflict, notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { createExperiment } from '../development/experiments.ts';
import { readableCheckIn } from './access.ts';
import { MAX_ACTIONS } from './constants.ts';
import type { Action, ActionToExperiment } from './contracts.ts';
import { actionsOf } from './read.ts';
import { checkInActions } from './schema.ts';

const actionNotFound = () => notFound('agreed action');

async function actionById(scope: TenantScope, id: string): Promise<Action> {
  const [row] = await scope.tx
    .select({ checkInId: checkInActions.checkInId })
    .from(checkInActions)
    .where(and(eq(checkInActions.organisationId, scope.organisationId), eq(checkInActions.id, id)));
  if (!row) throw actionNotFound();
  const found = (await actionsOf(scope, [row.checkInId])).find((a) => a.id === id);
  if (!found) throw actionNotFound();
  const { checkInId: _, ...action } = found;
  return action;
}

export async function addAction(
  scope: TenantScope,
  { id, title }: { id: string; title: string },
): Promise<Action> {
  const { row } = await readableCheckIn(scope, id);
  if (row.status === 'cancelled') throw conflict('this check-in is cancelled');
  const [{ n } = { n: 0 }] = await scope.tx
    .select({ n: count() })
    .from(checkInActions)
    .where(and(eq(checkInActions.organisationId, scope.organisationId), eq(checkInActions.checkInId, id)));
  if (n >= MAX_ACTIONS) throw conflict(`a check-in has at most ${MAX_ACTIONS} agreed actions`);
  const [created] = await scope.tx
    .insert(checkInActions)
    .values({
      organisationId: scope.organisationId,
      checkInId: row.id,
      ownerId: row.ownerId,
      authorId: scope.viewer.personId,
      title,
      createdAt: scope.now(),
    })
    .returning({ id: checkInActions.id });
  return actionById(scope, created!.id);
}

/** The action with its check-in, if the viewer may read that check-in; else 404. */
async function readableAction(scope: TenantScope, id: string) {
  const [action] = await scope.tx
    .select()
    .from(checkInActions)
    .where(and(eq(checkInActions.organisationId, scope.organisationId), eq(checkInActions.id, id)));
  if (!action) throw actionNotFound();
  // Not the check-in's people: the action is as unknown to them as its check-in.
  const checkIn = await readableCheckIn(scope, action.checkInId).catch((err: unknown) => {
    throw err instanceof ApiError && err.status === 404 ? actionNotFound() : err;
  });
  return { action, ...checkIn };
}

export async function setActionDone(
  scope: TenantScope,
  { id, done }: { id: string; done: boolean },
): Promise<Action> {
  const { action } = await readableAction(scope, id);
  if (action.kind !== 'task') throw conflict('this action is an experiment: mark it in the plan');
  if (action.done !== done) {
    await scope.tx
      .update(checkInActions)
      .set({ done, doneAt: done ? scope.now() : null })
      .where(and(eq(checkInActions.organisationId, scope.organisationId), eq(checkInActions.id, id)));
  }
  return actionById(scope, id);
}

export async function actionToExperiment(
  scope: TenantScope,
  { id, focusId, experiment }: ActionToExperiment & { id: string },
): Promise<Action> {
  const { action, role } = await readableAction(scope, id);
  // The plan is the participant's: their counterpart reads the action but cannot write the plan.
  if (role !== 'owner') throw actionNotFound();
  if (action.kind === 'experiment') throw conflict('this action is an experiment already');
  const { experimentId } = await createExperiment(scope, focusId, experiment);
  await scope.tx
    .update(checkInActions)
    .set({ kind: 'experiment', experimentId, done: false, doneAt: null })
    .where(and(eq(checkInActions.organisationId, scope.organisationId), eq(checkInActions.id, id)));
  return actionById(scope, id);
}
