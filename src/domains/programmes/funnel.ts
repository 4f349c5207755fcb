// How far each enrolled person has come, and the building blocks they have in place: pure, from
// the cohort read. The blocks are the home page's rule (journeyBlocks), not a copy.
import { JOURNEY_BLOCKS, type JourneyBlock } from '../home/constants.ts';
import { journeyBlocks } from '../home/journey.ts';
import type { CohortPerson } from './cohort-read.ts';

/** The funnel of a programme, in order: each person's status is the furthest one they reached. */
export const FUNNEL = ['invited', 'answered', 'plan', 'practising', 're-rated'] as const;
export type FunnelStatus = (typeof FUNNEL)[number];

/** What alumni keep doing after the end, counted on an ended programme's page. */
export const ALUMNI_ACTIVITY = ['pathway', 'practising', 'pulse'] as const;
export type AlumniActivity = (typeof ALUMNI_ACTIVITY)[number];

/** What the funnel looks at (organisation analytics asks the same of everyone, not only a cohort). */
export type FunnelFacts = Pick<
  CohortPerson,
  | 'invited'
  | 'assessmentsSinceStart'
  | 'planStartedAt'
  | 'runningExperiments'
  | 'pathwayWithModule'
  | 'pulseReleasedSinceStart'
>;

/** Index in FUNNEL of the furthest status reached; -1 for someone not yet invited to any step. */
export function funnelReached(p: FunnelFacts): number {
  if (!p.invited) return -1;
  const reached = [
    true,
    p.assessmentsSinceStart > 0,
    p.planStartedAt !== null,
    p.runningExperiments > 0 || p.pathwayWithModule,
    p.pulseReleasedSinceStart || p.assessmentsSinceStart > 1,
  ];
  return reached.lastIndexOf(true);
}

export function blocksInPlace(p: CohortPerson, now: Date): Set<JourneyBlock> {
  const blocks = journeyBlocks({
    now,
    settings: { knowledgeMonths: p.knowledgeMonths, leadershipDays: p.leadershipDays },
    selfAssessmentAt: p.selfAssessmentAt,
    feedbackReleasedAt: p.feedbackReleasedAt,
    feedbackUnderWay: p.feedbackUnderWay,
    plan: p.planStartedAt ? { startedAt: p.planStartedAt, runningExperiments: p.runningExperiments } : null,
    pathwayWithModule: p.pathwayWithModule,
    lastReflectionAt: p.lastReflectionAt,
    lastCheckInAt: p.lastCheckInAt,
  });
  return new Set(blocks.filter((b) => b.done).map((b) => b.key));
}

export function alumniActivity(p: CohortPerson): Set<AlumniActivity> {
  const out = new Set<AlumniActivity>();
  if (p.pathwayWithModule) out.add('pathway');
  if (p.runningExperiments > 0) out.add('practising');
  if (p.pulseSinceEnd) out.add('pulse');
  return out;
}

export { JOURNEY_BLOCKS };
