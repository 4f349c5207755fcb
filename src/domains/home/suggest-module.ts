// The one library module the home page suggests. The next unstarted step of the person's learning
// pathway comes first: they chose it, in their order. Otherwise the development domain's ranking
// (recommend-modules.ts) picks the best module for the plan's focus areas, the person's focus
// suggestions and their stage, leaving out modules their experiments were already taken from.
import type { TenantScope } from '../../platform/scope.ts';
import { recommendModules } from '../development/recommend-modules.ts';
import { suggestFocusFor } from '../development/suggestion-inputs.ts';
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
  const rank = (suggestions: { capabilityKey: string; score: number }[]) =>
    recommendModules({ modules, focus: input.focus, suggestions, stage: input.stage, taken: input.taken })[0];
  // A module for one of the person's focus areas outranks every module that is only suggested
  // (recommend-modules.ts tiers: 5 and up against at most 4.5), so when one is left the focus
  // suggestions cannot change the pick, and they are not computed: they cost the profile and the
  // 360 report. Without a plan (or with every focus module used), they decide it.
  let best = rank([]);
  if (input.hasEvidence && !best?.reasons.some((r) => r.code === 'your-focus')) {
    best = rank((await suggestFocusFor(scope)).suggestions);
  }
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
