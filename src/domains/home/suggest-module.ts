// The one library module the home page suggests. The next unstarted step of the person's learning
// pathways comes first: they chose it, in their order. Otherwise the development domain's ranking
// (recommend-modules.ts) picks the best module for the plan's focus areas, the person's focus
// suggestions and their stage, leaving out modules already in a pathway or turned into experiments.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ReadCache } from '../../platform/db/read-cache.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { recommendModules } from '../development/recommend-modules.ts';
import { suggestFocusFor } from '../development/suggestion-inputs.ts';
import { listPublishedModules } from '../library/service.ts';
import type { HomeResponse } from './contracts.ts';

const stepRow = z.object({ moduleId: z.string(), pathwayTitle: z.string(), started: z.boolean() });

/**
 * The steps of the viewer's pathways that are not archived, oldest pathway first, each in its
 * order. One statement (learning_pathways_owner, then the steps' (pathway, position) key); a small
 * read of the pathways tables rather than the pathways list, which renders every step's module.
 */
async function readPathwaySteps(scope: TenantScope) {
  const { tx, organisationId: org, viewer } = scope;
  return queryRows(
    tx,
    sql`SELECT s.module_id::text AS "moduleId", p.title AS "pathwayTitle", s.started_at IS NOT NULL AS started
          FROM learning_pathways p
          JOIN learning_pathway_steps s
            ON s.organisation_id = p.organisation_id AND s.pathway_id = p.id AND s.owner_id = p.owner_id
         WHERE p.organisation_id = ${org} AND p.owner_id = ${viewer.personId} AND p.archived_at IS NULL
         ORDER BY p.created_at, p.id, s.position`,
    stepRow,
  );
}

/** What ranking and the home card need of a module: no summaries, practice texts or bodies. */
interface Candidate {
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

function publishedCandidates(scope: TenantScope): Promise<Candidate[]> {
  return candidates.get(CANDIDATES_STALENESS, scope.organisationId, scope.organisationId, async () =>
    (await listPublishedModules(scope)).map((m) => ({
      id: m.id,
      key: m.key,
      capabilityKey: m.capabilityKey,
      capabilityName: m.capabilityName,
      title: m.title,
      minutes: m.minutes,
      stages: m.stages,
    })),
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

export async function suggestModule(
  scope: TenantScope,
  input: SuggestInputs,
): Promise<HomeResponse['suggestedModule']> {
  const steps = await readPathwaySteps(scope);
  const modules = await publishedCandidates(scope);
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
    best = rank((await suggestFocusFor(scope)).suggestions);
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
