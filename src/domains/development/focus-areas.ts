// Focus areas of the owner's plan: pick one (a framework capability, a derailer to unlearn, or
// anything else), change its words and links, move it between active, done and dropped. A plan
// holds at most MAX_ACTIVE_FOCUS_AREAS active ones; the plan row is locked while counting, so two
// requests at once cannot both take the last place. Every check runs before the first write, and
// each request is one transaction, so a refused request leaves nothing behind.
import { and, count, eq, max } from 'drizzle-orm';
import type { TenantScope } from '../../platform/scope.ts';
import { goalsExist } from '../alignment/goals.ts';
import { valuesExist } from '../alignment/values.ts';
import { currentVersion } from '../framework/service.ts';
import { invalid, ownFocus, ownPlan, type PlanRow } from './access.ts';
import { MAX_ACTIVE_FOCUS_AREAS } from './constants.ts';
import type { FocusCreate, FocusUpdate, PlanDetail } from './contracts.ts';
import { planDetail } from './plan-detail.ts';
import { planFocusAreas, planFocusLinks } from './schema.ts';

const tooMany = `must have at most ${MAX_ACTIVE_FOCUS_AREAS} active focus areas`;

/** Checks what a new focus area refers to; returns its title and block, or throws naming `at`+field. */
async function resolveKind(
  scope: TenantScope,
  input: Pick<FocusCreate, 'kind' | 'capabilityKey' | 'title'>,
  at: string,
): Promise<{ title: string; capabilityKey: string | null; blockKey: string | null }> {
  if (input.kind === 'other') {
    if (input.capabilityKey) throw invalid({ [`${at}capabilityKey`]: 'must be left out for kind other' });
    if (!input.title) throw invalid({ [`${at}title`]: 'is required for kind other' });
    return { title: input.title, capabilityKey: null, blockKey: null };
  }
  if (!input.capabilityKey) throw invalid({ [`${at}capabilityKey`]: `is required for kind ${input.kind}` });
  const version = await currentVersion(scope.tx, scope.kind, scope.organisationId);
  const capability = version.definition.capabilities.find((c) => c.key === input.capabilityKey);
  const block = capability && version.definition.blocks.find((b) => b.key === capability.block);
  if (!capability || !block || block.kind === 'climate') {
    throw invalid({ [`${at}capabilityKey`]: 'must be a capability of the organisation’s framework' });
  }
  if (capability.derailer !== (input.kind === 'derailer')) {
    throw invalid({
      [`${at}capabilityKey`]:
        input.kind === 'derailer' ? 'must be a derailer' : 'must not be a derailer (use kind derailer)',
    });
  }
  return { title: input.title ?? capability.name, capabilityKey: capability.key, blockKey: capability.block };
}

/**
 * Links only to this organisation's goals a plan may link to (active or achieved) and its values
 * (not retired): alignment decides which (goalsExist / valuesExist); anything else answers 400
 * naming goalIds or valueIds. The composite foreign keys refuse another organisation's ids too.
 */
async function checkLinks(
  scope: TenantScope,
  goalIds: string[],
  valueIds: string[],
  at: string,
): Promise<void> {
  const goals = await goalsExist(scope, goalIds);
  if (goalIds.some((id) => !goals.has(id.toLowerCase()))) {
    throw invalid({ [`${at}goalIds`]: 'must be goals of this organisation (active or achieved)' });
  }
  const values = await valuesExist(scope, valueIds);
  if (valueIds.some((id) => !values.has(id.toLowerCase()))) {
    throw invalid({ [`${at}valueIds`]: 'must be values of this organisation (not retired)' });
  }
}

async function writeLinks(
  scope: TenantScope,
  focusId: string,
  goalIds: string[],
  valueIds: string[],
): Promise<void> {
  await scope.tx
    .delete(planFocusLinks)
    .where(and(eq(planFocusLinks.organisationId, scope.organisationId), eq(planFocusLinks.focusId, focusId)));
  const rows = [
    ...goalIds.map((goalId) => ({ goalId, valueId: null })),
    ...valueIds.map((valueId) => ({ goalId: null, valueId })),
  ].map((link) => ({
    organisationId: scope.organisationId,
    focusId,
    ownerId: scope.viewer.personId,
    ...link,
  }));
  if (rows.length) await scope.tx.insert(planFocusLinks).values(rows);
}

export async function activeFocusCount(scope: TenantScope, planId: string): Promise<number> {
  const [row] = await scope.tx
    .select({ n: count() })
    .from(planFocusAreas)
    .where(
      and(
        eq(planFocusAreas.organisationId, scope.organisationId),
        eq(planFocusAreas.planId, planId),
        eq(planFocusAreas.status, 'active'),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Checks every focus area of a request first (fields prefixed by `at(i)`), then writes them all. */
export async function insertFocusAreas(
  scope: TenantScope,
  plan: PlanRow,
  inputs: FocusCreate[],
  at: (index: number) => string,
): Promise<string[]> {
  const resolved = [];
  for (const [i, input] of inputs.entries()) {
    const kind = await resolveKind(scope, input, at(i));
    await checkLinks(scope, input.goalIds, input.valueIds, at(i));
    resolved.push({ input, kind });
  }
  const [last] = await scope.tx
    .select({ position: max(planFocusAreas.position) })
    .from(planFocusAreas)
    .where(and(eq(planFocusAreas.organisationId, scope.organisationId), eq(planFocusAreas.planId, plan.id)));
  let position = last?.position ?? -1;
  const ids: string[] = [];
  for (const { input, kind } of resolved) {
    const [row] = await scope.tx
      .insert(planFocusAreas)
      .values({
        organisationId: scope.organisationId,
        planId: plan.id,
        ownerId: plan.ownerId,
        position: ++position,
        kind: input.kind,
        ...kind,
        goal: input.goal,
        why: input.why,
        fromSuggestion: input.fromSuggestion ?? null,
        sharedWithManager: input.sharing?.withManager ?? false,
        sharedWithCoach: input.sharing?.withCoach ?? false,
      })
      .returning({ id: planFocusAreas.id });
    await writeLinks(scope, row!.id, input.goalIds, input.valueIds);
    ids.push(row!.id);
  }
  return ids;
}

export async function addFocus(
  scope: TenantScope,
  { id, ...input }: FocusCreate & { id: string },
): Promise<PlanDetail> {
  const plan = await ownPlan(scope, id, { lock: true });
  if ((await activeFocusCount(scope, plan.id)) >= MAX_ACTIVE_FOCUS_AREAS)
    throw invalid({ focusAreas: tooMany });
  await insertFocusAreas(scope, plan, [input], () => '');
  return planDetail(scope, plan.id);
}

export async function updateFocus(
  scope: TenantScope,
  { id, ...input }: FocusUpdate & { id: string },
): Promise<PlanDetail> {
  const { plan } = await ownFocus(scope, id);
  const goalIds = input.goalIds;
  const valueIds = input.valueIds;
  await checkLinks(scope, goalIds ?? [], valueIds ?? [], '');
  const changes = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.goal !== undefined ? { goal: input.goal } : {}),
    ...(input.why !== undefined ? { why: input.why } : {}),
  };
  await scope.tx
    .update(planFocusAreas)
    .set({ ...changes, updatedAt: scope.now() })
    .where(and(eq(planFocusAreas.organisationId, scope.organisationId), eq(planFocusAreas.id, id)));
  if (goalIds !== undefined || valueIds !== undefined) {
    const current = await scope.tx
      .select()
      .from(planFocusLinks)
      .where(and(eq(planFocusLinks.organisationId, scope.organisationId), eq(planFocusLinks.focusId, id)));
    await writeLinks(
      scope,
      id,
      goalIds ?? current.flatMap((l) => (l.goalId ? [l.goalId] : [])),
      valueIds ?? current.flatMap((l) => (l.valueId ? [l.valueId] : [])),
    );
  }
  return planDetail(scope, plan.id);
}

export async function setFocusStatus(
  scope: TenantScope,
  { id, status }: { id: string; status: 'active' | 'done' | 'dropped' },
): Promise<PlanDetail> {
  const { focus, plan } = await ownFocus(scope, id);
  if (
    status === 'active' &&
    focus.status !== 'active' &&
    (await activeFocusCount(scope, plan.id)) >= MAX_ACTIVE_FOCUS_AREAS
  ) {
    throw invalid({ status: `${tooMany}: finish or drop another first` });
  }
  await scope.tx
    .update(planFocusAreas)
    .set({ status, updatedAt: scope.now() })
    .where(and(eq(planFocusAreas.organisationId, scope.organisationId), eq(planFocusAreas.id, id)));
  return planDetail(scope, plan.id);
}
