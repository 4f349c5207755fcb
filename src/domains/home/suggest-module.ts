// The one library module the home page suggests. The next unstarted step of the person's learning
// pathways comes first: they chose it, in their order. Otherwise the development domain's ranking
// (recommend-modules.ts) picks the best module for the plan's focus areas, the person's focus
// suggestions and their stage, leaving out modules already in a pathway or turned into experiments.
import { ReadCache } from '../../platform/db/read-cache.ts';
import { inOrganisationScope } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { recommendModules } from '../development/recommend-modules.ts';
import { listPublishedModules } from '../library/service.ts';
import type { HomeResponse } from './contracts.ts';
import type { PathwayStep } from './read-facts.ts';

/** What ranking and the home card need of a module: no summaries, practice texts or bodies. */
export interface Candidate {
  id: string;
  key: string;
  capabilityKey: string;
  capabilityName: string;
  title: string;
  minutes: number;
  stages: string[];
}

/**
 * The organisation's published modules, lean, for 2 s (docs/decisions/0004). The library's list
 * is ~90 modules and 80 KB with their texts: reading and mapping it on every home page was most of
 * the page's cost. The library does not invalidate this cache, so its staleness is bounded by time
 * alone, on either database: a module published or retired reaches the suggestion within 2 s.
 */
const candidates = new ReadCache<Candidate[]>(1_000);
const CANDIDATES_STALENESS = 'postgres' as const;

/**
 * The candidates, from the cache or, at most every 2 s per organisation, in a transaction of their
 * own (the home page's statement holds none).
 */
export function publishedCandidates(services: Services, organisationId: string): Promise<Candidate[]> {
  return candidates.get(
    CANDIDATES_STALENESS,
    organisationId,
    organisationId,
    () =>
      inOrganisationScope(services, organisationId, async (scope) =>
        (await listPublishedModules(scope)).map((m) => ({
          id: m.id,
          key: m.key,
          capabilityKey: m.capabilityKey,
          capabilityName: m.capabilityName,
          title: m.title,
          minutes: m.minutes,
          stages: m.stages,
        })),
      ),
    { opensTransaction: true },
  );
}

export interface SuggestInputs {
  /** Capability keys of the plan's active focus areas. */
  focus: string[];
  stage: string;
  /** Modules the plan's experiments came from: never suggested again. */
  usedByExperiments: string[];
  /** A submitted self-assessment or a released 360 to rank focus suggestions from. */
  hasEvidence: boolean;
}

/**
 * The one module to suggest, from what the home page's statement read (the pathway steps) and the
 * cached candidates. `focusSuggestions` is called only on the rare path that needs the person's
 * focus suggestions (see below): it reads the profile and the 360 report, in a transaction of its own.
 */
export async function suggestModule(
  modules: Candidate[],
  steps: PathwayStep[],
  input: SuggestInputs,
  focusSuggestions: () => Promise<{ capabilityKey: string; score: number }[]>,
): Promise<HomeResponse['suggestedModule']> {
  const byId = new Map(modules.map((m) => [m.id, m]));
  // A step whose module was retired or unpublished stays in the pathway but is not offered.
  const next = steps.find((s) => !s.started && byId.has(s.moduleId));
  if (next) {
    const m = byId.get(next.moduleId)!;
    return {
      id: m.id,
      title: m.title,
      minutes: m.minutes,
      capabilityName: m.capabilityName,
      reason: { code: 'pathway-next', pathwayTitle: next.pathwayTitle },
    };
  }
  const taken = [...steps.map((s) => s.moduleId), ...input.usedByExperiments];
  const rank = (suggestions: { capabilityKey: string; score: number }[]) =>
    recommendModules({ modules, focus: input.focus, suggestions, stage: input.stage, taken })[0];
  // A module for one of the person's focus areas outranks every module that is only suggested
  // (recommend-modules.ts tiers: 5 and up against at most 4.5), so when one is left the focus
  // suggestions cannot change the pick, and they are not computed: they cost the profile and the
  // 360 report. Without a plan (or with every focus module used), they decide it.
  let best = rank([]);
  if (input.hasEvidence && !best?.reasons.some((r) => r.code === 'your-focus')) {
    best = rank(await focusSuggestions());
  }
  const m = best && byId.get(best.moduleId);
  if (!best || !m) return null;
  return {
    id: m.id,
    title: m.title,
    minutes: m.minutes,
    capabilityName: m.capabilityName,
    reason: best.reasons[0]!,
  };
}
