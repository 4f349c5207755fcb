// Recommending library modules for a person's learning pathway. Pure: the library's module
// summaries, the person's focus areas, their ranked suggestions (suggest-focus.ts), their career
// stage and what they have already taken go in; modules ranked with their reasons come out.
// Recommendations, never assignments, and never a gate: every module stays open to every stage,
// so the stage only orders modules, it never removes one.
//
// The ranking rule, in tiers. A module for one of the person's own focus areas comes first (5),
// because the plan is theirs and they chose it; then one for a capability suggested to them but not
// chosen (2 to 3, by how strongly it was suggested relative to their top suggestion); then modules
// that merely suit their stage. Suiting the stage (+1) and being short enough to start this week
// (+0.5) only order modules within a tier: together they stay below the gap between tiers. A module
// with neither relevance nor a stage fit is not recommended (it is still in the library); being
// short alone is no reason to study something. Ties go by module key.
import type { ModuleReason, ModuleRecommendation } from './suggestion-contracts.ts';

export interface ModuleSummary {
  id: string;
  key: string;
  capabilityKey: string;
  title: string;
  minutes: number;
  /** Career-stage keys the module suits best (it stays open to everyone). */
  stages: ReadonlyArray<string>;
}

export interface RecommendInputs {
  modules: ReadonlyArray<ModuleSummary>;
  /** Capability keys of the focus areas in the person's plan. */
  focus: ReadonlyArray<string>;
  /** The person's ranked suggestions (suggest-focus.ts output fits as it is). */
  suggestions: ReadonlyArray<{ capabilityKey: string; score: number }>;
  /** The person's career-stage key; null when unknown. */
  stage: string | null;
  /** Module ids already in the pathway or done: never recommended again. */
  taken: ReadonlyArray<string>;
}

export const MODULE_WEIGHTS = {
  'your-focus': 5,
  /** Plus up to SUGGESTED_SPREAD for the strongest suggestion. */
  'growth-edge': 2,
  'suits-your-stage': 1,
  short: 0.5,
} as const;
const SUGGESTED_SPREAD = 1;

/** Short enough to read and plan in one sitting this week. */
export const SHORT_MINUTES = 15;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;

export function recommendModules(inputs: RecommendInputs): ModuleRecommendation[] {
  const focus = new Set(inputs.focus);
  const taken = new Set(inputs.taken);
  // Each capability's strongest suggestion, relative to the strongest of all (0..1].
  const suggested = new Map<string, number>();
  for (const s of inputs.suggestions) {
    if (s.score > 0) suggested.set(s.capabilityKey, Math.max(suggested.get(s.capabilityKey) ?? 0, s.score));
  }
  const top = Math.max(0, ...suggested.values());

  const ranked: (ModuleRecommendation & { key: string })[] = [];
  const seen = new Set<string>();
  for (const m of inputs.modules) {
    if (taken.has(m.id) || seen.has(m.id)) continue;
    seen.add(m.id);
    const reasons: ModuleReason[] = [];
    let score = 0;
    if (focus.has(m.capabilityKey)) {
      reasons.push({ code: 'your-focus', capabilityKey: m.capabilityKey });
      score += MODULE_WEIGHTS['your-focus'];
    } else if (suggested.has(m.capabilityKey)) {
      reasons.push({ code: 'growth-edge', capabilityKey: m.capabilityKey });
      score += MODULE_WEIGHTS['growth-edge'] + (SUGGESTED_SPREAD * suggested.get(m.capabilityKey)!) / top;
    }
    if (inputs.stage !== null && m.stages.includes(inputs.stage)) {
      reasons.push({ code: 'suits-your-stage', stage: inputs.stage });
      score += MODULE_WEIGHTS['suits-your-stage'];
    }
    if (!reasons.length) continue;
    if (m.minutes <= SHORT_MINUTES) {
      reasons.push({ code: 'short', minutes: m.minutes });
      score += MODULE_WEIGHTS.short;
    }
    ranked.push({ moduleId: m.id, key: m.key, score: round(score), reasons });
  }
  return ranked
    .sort((a, b) => b.score - a.score || byText(a.key, b.key) || byText(a.moduleId, b.moduleId))
    .map(({ key: _, ...r }) => r);
}
