// Reading the viewer's own pathways with their steps, each module's title and length, and the
// progress marks. Every query names the owner even though row-level security would filter too:
// the service answers 404 for someone else's pathway (docs/decisions/0014), and lists filtered by
// owner first keep the per-row policy cheap.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notFound } from '../../platform/http/errors.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { planFocusAreas } from '../development/schema.ts';
import { libraryModules, libraryModuleVersions } from '../library/schema.ts';
import type { FocusOption, Pathway, PathwayStep } from './contracts.ts';
import { learningPathways as p, learningPathwaySteps as s } from './schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The viewer's pathway row, locked for the change to come; 404 when it is not theirs or archived. */
export async function lockOwnPathway(scope: TenantScope, pathwayId: string) {
  const [row] = await scope.tx
    .select()
    .from(p)
    .where(
      and(
        eq(p.organisationId, scope.organisationId),
        eq(p.ownerId, scope.viewer.personId),
        eq(p.id, pathwayId),
        isNull(p.archivedAt),
      ),
    )
    .for('update');
  if (!row) throw notFound('pathway');
  return row;
}

/**
 * Title, length and availability of each module. A step keeps its module after the module is
 * retired or unpublished, so the title falls back to the newest version people could read.
 */
async function moduleRefs(scope: TenantScope, moduleIds: string[]) {
  if (!moduleIds.length) return new Map<string, PathwayStep['module']>();
  const rows = await scope.tx
    .select({
      id: libraryModules.id,
      capabilityKey: libraryModules.capabilityKey,
      retiredAt: libraryModules.retiredAt,
      status: libraryModuleVersions.status,
      title: libraryModuleVersions.title,
      minutes: libraryModuleVersions.minutes,
    })
    .from(libraryModules)
    .innerJoin(
      libraryModuleVersions,
      and(
        eq(libraryModuleVersions.organisationId, libraryModules.organisationId),
        eq(libraryModuleVersions.moduleId, libraryModules.id),
        inArray(libraryModuleVersions.status, ['published', 'superseded']),
      ),
    )
    .where(
      and(eq(libraryModules.organisationId, scope.organisationId), inArray(libraryModules.id, moduleIds)),
    )
    .orderBy(desc(libraryModuleVersions.version));
  const refs = new Map<string, PathwayStep['module']>();
  for (const r of rows) {
    if (refs.has(r.id) && r.status !== 'published') continue;
    // The published version wins; otherwise the newest superseded one (rows come newest first).
    if (refs.has(r.id) && refs.get(r.id)!.available) continue;
    refs.set(r.id, {
      id: r.id,
      title: r.title,
      minutes: r.minutes,
      capabilityKey: r.capabilityKey,
      available: r.status === 'published' && r.retiredAt === null,
    });
  }
  return refs;
}

/** The viewer's pathways (not archived, or one of them), oldest first, steps in order. */
export async function readPathways(scope: TenantScope, onlyId?: string): Promise<Pathway[]> {
  const { tx, organisationId } = scope;
  const owner = scope.viewer.personId;
  const pathways = await tx
    .select({
      id: p.id,
      title: p.title,
      createdAt: p.createdAt,
      focusId: p.focusId,
      focusTitle: planFocusAreas.title,
    })
    .from(p)
    .leftJoin(
      planFocusAreas,
      and(eq(planFocusAreas.organisationId, p.organisationId), eq(planFocusAreas.id, p.focusId)),
    )
    .where(
      and(
        eq(p.organisationId, organisationId),
        eq(p.ownerId, owner),
        isNull(p.archivedAt),
        onlyId ? eq(p.id, onlyId) : undefined,
      ),
    )
    .orderBy(asc(p.createdAt), asc(p.id));
  if (!pathways.length) return [];
  const steps = await tx
    .select()
    .from(s)
    .where(
      and(
        eq(s.organisationId, organisationId),
        eq(s.ownerId, owner),
        inArray(
          s.pathwayId,
          pathways.map((x) => x.id),
        ),
      ),
    )
    .orderBy(asc(s.position));
  const modules = await moduleRefs(scope, [...new Set(steps.map((x) => x.moduleId))]);
  return pathways.map((x) => ({
    id: x.id,
    title: x.title,
    focus: x.focusId && x.focusTitle !== null ? { id: x.focusId, title: x.focusTitle } : null,
    createdAt: iso(x.createdAt)!,
    steps: steps
      .filter((step) => step.pathwayId === x.id)
      .map((step) => ({
        id: step.id,
        position: step.position,
        module: modules.get(step.moduleId) ?? {
          id: step.moduleId,
          title: '',
          minutes: 0,
          capabilityKey: '',
          available: false,
        },
        startedAt: iso(step.startedAt),
        practisedAt: iso(step.practisedAt),
        reflectedAt: iso(step.reflectedAt),
        note: step.note,
      })),
  }));
}

/** One of the viewer's pathways, as the API returns it after a change. */
export async function readPathway(scope: TenantScope, pathwayId: string): Promise<Pathway> {
  const [one] = await readPathways(scope, pathwayId);
  if (!one) throw notFound('pathway');
  return one;
}

/** The viewer's active focus areas, oldest first: what a pathway can be tied to. */
export function focusOptions(scope: TenantScope): Promise<FocusOption[]> {
  return scope.tx
    .select({
      id: planFocusAreas.id,
      title: planFocusAreas.title,
      capabilityKey: planFocusAreas.capabilityKey,
    })
    .from(planFocusAreas)
    .where(
      and(
        eq(planFocusAreas.organisationId, scope.organisationId),
        eq(planFocusAreas.ownerId, scope.viewer.personId),
        eq(planFocusAreas.status, 'active'),
      ),
    )
    .orderBy(asc(planFocusAreas.createdAt), asc(planFocusAreas.id));
}
