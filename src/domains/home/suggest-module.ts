// The one library module the home page suggests. The next unstarted step of the person's learning
// pathway comes first: they chose it, in their order. Otherwise the development domain's ranking
// (recommend-modules.ts) picks the best module for the plan's focus areas, the person's focus
// suggestions and their stage, leaving out modules their experiments were already taken from.
import type { TenantScope } from '../../platform/scope.ts';
import { recommendModules } from '../development/recommend-modules.ts';
import { listPublishedModules } from '../library/service.ts';
import type { HomeResponse } from './contracts.ts';

export interface PathwayStepFact {
  moduleId: string;
  title: string;
  pathwayTitle: string;
}

/**
 * The first step not yet started of the person's oldest active pathway, or null.
 * TODO(pathways): reads nothing until the pathways tables land on this branch.
 */
export async function readNextPathwayStep(_scope: TenantScope): Promise<PathwayStepFact | null> {
  return null;
}

export interface SuggestInputs {
  /** Capability keys of the plan's active focus areas. */
  focus: string[];
  stage: string;
  /** Modules the plan's experiments came from: never suggested again. */
  taken: string[];
  pathwayStep: PathwayStepFact | null;
  /** A submitted self-assessment or a released 360 to rank focus suggestions from. */
  hasEvidence: boolean;
}

export async function suggestModule(
  scope: TenantScope,
  input: SuggestInputs,
): Promise<HomeResponse['suggestedModule']> {
  const modules = await listPublishedModules(scope);
  const byId = new Map(modules.map((m) => [m.id, m]));
  const step = input.pathwayStep && byId.get(input.pathwayStep.moduleId);
  if (step) {
    return {
      id: step.id,
      title: step.title,
      minutes: step.minutes,
      capabilityName: step.capabilityName,
      reason: { code: 'pathway-next', pathwayTitle: input.pathwayStep!.pathwayTitle },
    };
  }
  const [best] = recommendModules({
    modules,
    focus: input.focus,
    // A module for one of the person's focus areas outranks every module that is only suggested
    // (recommend-modules.ts tiers), so the focus suggestions, which cost the profile and the 360
    // report to compute, are not read for the home page's single pick.
    // TODO(suggestions): rank with suggestFocusFor's suggestions when the plan has no focus module.
    suggestions: [],
    stage: input.stage,
    taken: input.taken,
  });
  const module = best && byId.get(best.moduleId);
  if (!best || !module) return null;
  return {
    id: module.id,
    title: module.title,
    minutes: module.minutes,
    capabilityName: module.capabilityName,
    reason: best.reasons[0]!,
  };
}
