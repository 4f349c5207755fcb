// Modules recommended for the viewer's pathways, ranked by development/recommend-modules.ts (the
// one ranking rule; this file only gathers its inputs): the capabilities of the viewer's active
// focus areas, or of the one focus asked about; their focus suggestions (from their own profile
// and released 360 only, suggestion-inputs.ts); their career stage. Modules already on one of
// their pathways, or started on an archived one, are left out. Recommendations, never assignments.
import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { TenantScope } from '../../platform/scope.ts';
import { recommendModules } from '../development/recommend-modules.ts';
import { developmentPlans, planFocusAreas } from '../development/schema.ts';
import { suggestFocusFor } from '../development/suggestion-inputs.ts';
import { listPublishedModules } from '../library/service.ts';
import { MAX_RECOMMENDATIONS } from './constants.ts';
import type { RecommendationList } from './contracts.ts';
import { learningPathways as p, learningPathwaySteps as s } from './schema.ts';
import { ownFocus } from './write-pathways.ts';

/** Capability keys of the viewer's active focus areas in their active plan. */
async function focusCapabilities(scope: TenantScope): Promise<string[]> {
  const rows = await scope.tx
    .select({ key: planFocusAreas.capabilityKey })
    .from(planFocusAreas)
    .innerJoin(
      developmentPlans,
      and(
        eq(developmentPlans.organisationId, planFocusAreas.organisationId),
        eq(developmentPlans.id, planFocusAreas.planId),
        eq(developmentPlans.status, 'active'),
      ),
    )
    .where(
      and(
        eq(planFocusAreas.organisationId, scope.organisationId),
        eq(planFocusAreas.ownerId, scope.viewer.personId),
        eq(planFocusAreas.status, 'active'),
        isNotNull(planFocusAreas.capabilityKey),
      ),
    );
  return rows.map((r) => r.key!);
}

/** Module ids on the viewer's current pathways, or started on an archived one. */
async function takenModules(scope: TenantScope): Promise<string[]> {
  const rows = await scope.tx
    .select({ moduleId: s.moduleId })
    .from(s)
    .innerJoin(p, and(eq(p.organisationId, s.organisationId), eq(p.id, s.pathwayId)))
    .where(
      and(
        eq(s.organisationId, scope.organisationId),
        eq(s.ownerId, scope.viewer.personId),
        or(isNull(p.archivedAt), isNotNull(s.startedAt)),
      ),
    );
  return rows.map((r) => r.moduleId);
}

export async function recommendFor(
  scope: TenantScope,
  focusId: string | undefined,
): Promise<RecommendationList> {
  const focus = focusId ? await ownFocus(scope, focusId) : null;
  // A focus without a capability ("other") has no modules of its own; suggestions and stage still rank.
  const focusKeys = focus
    ? focus.capabilityKey
      ? [focus.capabilityKey]
      : []
    : await focusCapabilities(scope);
  const modules = await listPublishedModules(scope);
  const { suggestions, basis } = await suggestFocusFor(scope);
  const stage = basis.careerStage;
  const ranked = recommendModules({
    modules,
    focus: focusKeys,
    suggestions,
    stage: stage?.key ?? null,
    taken: await takenModules(scope),
  }).slice(0, MAX_RECOMMENDATIONS);
  const byId = new Map(modules.map((m) => [m.id, m]));
  return {
    items: ranked.map((r) => {
      const m = byId.get(r.moduleId)!;
      return {
        module: {
          id: m.id,
          title: m.title,
          summary: m.summary,
          minutes: m.minutes,
          capabilityKey: m.capabilityKey,
          capabilityName: m.capabilityName,
        },
        score: r.score,
        reasons: r.reasons,
      };
    }),
    stage: stage ? { key: stage.key, name: stage.name } : null,
  };
}
