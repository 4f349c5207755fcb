// What every part of the synthetic seed shares: the organisation in memory, the answer model and
// levels, each person's timeline and focus, and the seeded sources. Built once by seed-synthetic.ts.
import type { Database } from '../../platform/db/database.ts';
import type { AnswerModel } from './model.ts';
import type { SynthOrganisation } from './people.ts';
import type { PersonTimeline } from './timeline.ts';

export interface SelfRating {
  id: string;
  daysAgo: number;
  compact: Uint8Array;
}

export interface SeedContext {
  db: Database;
  organisationId: string;
  slug: string;
  now: number;
  org: SynthOrganisation;
  stageIds: readonly string[];
  versionId: string;
  model: AnswerModel;
  levels: Float32Array;
  timelines: PersonTimeline[];
  /** Per person: the capabilities (model indices) their plan works on; empty without a plan. */
  focus: number[][];
  /** Per person: submitted self-assessments, oldest first (filled by the assessments step). */
  selfRatings: SelfRating[][];
  random: () => number;
  normal: () => number;
  ids: () => string;
}

export const at = (ctx: Pick<SeedContext, 'now'>, daysAgo: number, minutes = 0) =>
  new Date(ctx.now - daysAgo * 86_400_000 + minutes * 60_000);

/**
 * How much person p's capability has moved at `daysAgo`: nothing before their plan, then more on
 * the plan's focus (derailers fade), more again in a programme.
 */
export function growthAt(
  ctx: SeedContext,
  p: number,
  daysAgo: number,
): ((capability: number) => number) | null {
  const t = ctx.timelines[p]!;
  if (t.plan === null || daysAgo >= t.plan) return null;
  const inProgramme = t.programme !== null;
  const focus = ctx.focus[p]!;
  return (capability) => {
    const derailer = ctx.model.capabilities[capability]!.derailer;
    const onFocus = focus.includes(capability);
    const size = onFocus ? (inProgramme ? 0.9 : 0.55) : inProgramme ? 0.2 : 0.05;
    return derailer ? -size : size;
  };
}
