// The organisation's goals. Other domains call `listGoals` and `goalsExist` (development plans
// link their focus areas to goals); every function works in the caller's transaction.
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { PUBLIC_GOAL_STATUSES } from './constants.ts';
import type { Goal, GoalInput, GoalUpdate } from './contracts.ts';
import { organisationGoals as goals } from './schema.ts';
import { type AlignmentScope, checkOrder, invalid, violated, wellFormedIds } from './shared.ts';

// Every query names the organisation, even where row-level security would scope it: seeds run
// these in system transactions.
const ofOrganisation = (organisationId: string) => eq(goals.organisationId, organisationId);
const goal = (organisationId: string, id: string) => and(ofOrganisation(organisationId), eq(goals.id, id));

function selectGoals(tx: Tx) {
  return tx
    .select({
      id: goals.id,
      title: goals.title,
      description: goals.description,
      ownerId: goals.ownerId,
      ownerName: people.name,
      periodStart: goals.periodStart,
      periodEnd: goals.periodEnd,
      status: goals.status,
      position: goals.position,
      updatedAt: goals.updatedAt,
    })
    .from(goals)
    .leftJoin(people, and(eq(people.organisationId, goals.organisationId), eq(people.id, goals.ownerId)));
}

type GoalRow = Awaited<ReturnType<ReturnType<typeof selectGoals>['where']>>[number];

const toGoal = ({ ownerId, ownerName, updatedAt, ...row }: GoalRow): Goal => ({
  ...row,
  owner: ownerId ? { id: ownerId, name: ownerName ?? '' } : null,
  updatedAt: updatedAt.toISOString(),
});

/**
 * The organisation's goals in display order: by default those participants see (active and
 * achieved); `all` adds drafts and dropped goals, for admins.
 */
export async function listGoals(
  { tx, organisationId }: AlignmentScope,
  { all = false }: { all?: boolean } = {},
): Promise<Goal[]> {
  const rows = await selectGoals(tx)
    .where(
      all
        ? ofOrganisation(organisationId)
        : and(ofOrganisation(organisationId), inArray(goals.status, [...PUBLIC_GOAL_STATUSES])),
    )
    .orderBy(asc(goals.position), asc(goals.createdAt));
  return rows.map(toGoal);
}

export async function getGoal({ tx, organisationId }: AlignmentScope, id: string): Promise<Goal> {
  const [row] = await selectGoals(tx).where(goal(organisationId, id));
  if (!row) throw notFound('goal');
  return toGoal(row);
}

/**
 * The ids among `ids` that name goals of this organisation a plan may link to (active or
 * achieved); anything else — another organisation's goal, a draft, a malformed id — is absent.
 */
export async function goalsExist({ tx, organisationId }: AlignmentScope, ids: readonly string[]) {
  const wanted = wellFormedIds(ids);
  if (!wanted.length) return new Set<string>();
  const rows = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(
      and(
        ofOrganisation(organisationId),
        inArray(goals.id, wanted),
        inArray(goals.status, [...PUBLIC_GOAL_STATUSES]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

const PERIOD_RULE = 'must be on or after the start of the period';
const OWNER_RULE = 'must be an active person of this organisation';

async function checkOwner(tx: Tx, organisationId: string, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  const [row] = await tx
    .select({ status: people.status })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, ownerId)));
  if (row?.status !== 'active') throw invalid('ownerId', OWNER_RULE);
}

export async function createGoal({ tx, organisationId }: AlignmentScope, input: GoalInput): Promise<string> {
  if (input.periodEnd < input.periodStart) throw invalid('periodEnd', PERIOD_RULE);
  await checkOwner(tx, organisationId, input.ownerId);
  const [last] = await tx
    .select({ position: max(goals.position) })
    .from(goals)
    .where(ofOrganisation(organisationId));
  const [row] = await tx
    .insert(goals)
    .values({ organisationId, ...input, position: (last?.position ?? -1) + 1 })
    .returning({ id: goals.id });
  return row!.id;
}

/** Changes the fields given; the period is checked as it will be after the change. */
export async function updateGoal(
  { tx, organisationId }: AlignmentScope,
  { id, changes }: { id: string; changes: GoalUpdate },
): Promise<void> {
  const [current] = await tx.select().from(goals).where(goal(organisationId, id)).for('update');
  if (!current) throw notFound('goal');
  const start = changes.periodStart ?? current.periodStart;
  const end = changes.periodEnd ?? current.periodEnd;
  if (end < start) throw invalid('periodEnd', PERIOD_RULE);
  // An owner who has since left stays on the goal until someone changes it.
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) {
    await checkOwner(tx, organisationId, changes.ownerId);
  }
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  await tx
    .update(goals)
    .set({ ...set, updatedAt: new Date() })
    .where(goal(organisationId, id));
}

/**
 * Deletes a goal, for one added by mistake. A goal plans link to is refused (409): the link
 * would lose its meaning, so such a goal is marked dropped instead.
 */
export async function deleteGoal({ tx, organisationId }: AlignmentScope, id: string): Promise<void> {
  try {
    const deleted = await tx.delete(goals).where(goal(organisationId, id)).returning({ id: goals.id });
    if (!deleted.length) throw notFound('goal');
  } catch (error) {
    if (!violated(error, 'foreign-key')) throw error;
    throw conflict('development plans link to this goal: mark it dropped instead of deleting it', {
      status: 'set to dropped instead of deleting a goal plans link to',
    });
  }
}

/** Puts every goal in the order given (all of them, each once). */
export async function orderGoals({ tx, organisationId }: AlignmentScope, ids: readonly string[]) {
  const current = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(ofOrganisation(organisationId))
    .for('update');
  checkOrder(
    current.map((r) => r.id),
    ids,
  );
  for (const [position, id] of ids.entries()) {
    await tx.update(goals).set({ position }).where(goal(organisationId, id));
  }
}
