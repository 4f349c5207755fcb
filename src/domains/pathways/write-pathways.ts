// Creating, renaming, retying and archiving the viewer's own pathways, and adding, removing,
// reordering and marking their steps. Every change locks the pathway row first, so two tabs adding
// a module at once are serialised and positions stay 0…n-1 with no gaps. Every check runs before
// the first write, so a refused request leaves nothing half-written.
import { and, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { planFocusAreas } from '../development/schema.ts';
import { listPublishedModules } from '../library/service.ts';
import { MAX_STEPS } from './constants.ts';
import type { Pathway, PathwayCreate, PathwayUpdate } from './contracts.ts';
import { lockOwnPathway, readPathway } from './read-pathways.ts';
import { learningPathways as p, learningPathwaySteps as s } from './schema.ts';

const invalid = (field: string, rule: string) =>
  new ApiError(400, 'invalid_input', `invalid body: ${field}: ${rule}`, { [field]: rule });

/**
 * Null, or the id of one of the viewer's active focus areas. Someone else's focus is refused with
 * the same words as an unknown one, so the answer tells nobody whether it exists.
 */
export async function ownFocus(scope: TenantScope, focusId: string | null | undefined, field = 'focusId') {
  if (!focusId) return null;
  const [row] = await scope.tx
    .select({ id: planFocusAreas.id, capabilityKey: planFocusAreas.capabilityKey })
    .from(planFocusAreas)
    .where(
      and(
        eq(planFocusAreas.organisationId, scope.organisationId),
        eq(planFocusAreas.ownerId, scope.viewer.personId),
        eq(planFocusAreas.id, focusId),
        eq(planFocusAreas.status, 'active'),
      ),
    );
  if (!row) throw invalid(field, 'must be one of your active focus areas');
  return row;
}

/** Refuses any module that is not published and current in this organisation's library. */
async function checkOffered(scope: TenantScope, moduleIds: readonly string[], field: (i: number) => string) {
  if (!moduleIds.length) return;
  const offered = new Set((await listPublishedModules(scope)).map((m) => m.id));
  moduleIds.forEach((id, i) => {
    if (!offered.has(id)) throw invalid(field(i), 'must be a published module of your library');
  });
}

export async function createPathway(scope: TenantScope, input: PathwayCreate): Promise<Pathway> {
  const moduleIds = input.moduleIds ?? [];
  const focus = await ownFocus(scope, input.focusId);
  await checkOffered(scope, moduleIds, (i) => `moduleIds.${i}`);
  const ownerId = scope.viewer.personId;
  const [row] = await scope.tx
    .insert(p)
    .values({ organisationId: scope.organisationId, ownerId, title: input.title, focusId: focus?.id ?? null })
    .returning({ id: p.id });
  if (moduleIds.length) {
    await scope.tx.insert(s).values(
      moduleIds.map((moduleId, position) => ({
        organisationId: scope.organisationId,
        pathwayId: row!.id,
        ownerId,
        position,
        moduleId,
      })),
    );
  }
  return readPathway(scope, row!.id);
}

export async function updatePathway(scope: TenantScope, pathwayId: string, input: PathwayUpdate) {
  await lockOwnPathway(scope, pathwayId);
  const focus = input.focusId === undefined ? undefined : await ownFocus(scope, input.focusId);
  await scope.tx
    .update(p)
    .set({
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(focus !== undefined ? { focusId: focus?.id ?? null } : {}),
    })
    .where(and(eq(p.organisationId, scope.organisationId), eq(p.id, pathwayId)));
  return readPathway(scope, pathwayId);
}

export async function archivePathway(scope: TenantScope, pathwayId: string): Promise<void> {
  await lockOwnPathway(scope, pathwayId);
  await scope.tx
    .update(p)
    .set({ archivedAt: scope.now() })
    .where(and(eq(p.organisationId, scope.organisationId), eq(p.id, pathwayId)));
}

const stepsOf = (scope: TenantScope, pathwayId: string) =>
  scope.tx
    .select({ id: s.id, moduleId: s.moduleId, position: s.position })
    .from(s)
    .where(and(eq(s.organisationId, scope.organisationId), eq(s.pathwayId, pathwayId)))
    .orderBy(s.position);

export async function addStep(scope: TenantScope, pathwayId: string, moduleId: string): Promise<Pathway> {
  await lockOwnPathway(scope, pathwayId);
  const steps = await stepsOf(scope, pathwayId);
  if (steps.some((x) => x.moduleId === moduleId)) throw invalid('moduleId', 'is already in this pathway');
  if (steps.length >= MAX_STEPS) throw invalid('moduleId', `a pathway has at most ${MAX_STEPS} modules`);
  await checkOffered(scope, [moduleId], () => 'moduleId');
  await scope.tx.insert(s).values({
    organisationId: scope.organisationId,
    pathwayId,
    ownerId: scope.viewer.personId,
    position: steps.length,
    moduleId,
  });
  return readPathway(scope, pathwayId);
}

/** Sets each step's position from `order`, in one statement (the position key is deferred). */
export async function writePositions(scope: TenantScope, pathwayId: string, order: readonly string[]) {
  if (!order.length) return;
  const values = sql.join(
    order.map((id, position) => sql`(${id}::uuid, ${position}::smallint)`),
    sql`, `,
  );
  await scope.tx.execute(sql`
    UPDATE ${s} SET position = v.position
    FROM (VALUES ${values}) AS v(id, position)
    WHERE ${s.organisationId} = ${scope.organisationId} AND ${s.pathwayId} = ${pathwayId} AND ${s.id} = v.id`);
}
