import { describe, expect, it } from 'vitest';
import type { CohortPerson } from './cohort-read.ts';
import { addDays, daysBetween, phaseOf } from './dates.ts';
import { alumniActivity, blocksInPlace, funnelReached } from './funnel.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const person = (over: Partial<CohortPerson> = {}): CohortPerson => ({
  personId: 'p',
  teamId: null,
  teamName: null,
  selfAssessmentAt: null,
  feedbackReleasedAt: null,
  lastReflectionAt: null,
  lastCheckInAt: null,
  feedbackUnderWay: false,
  planStartedAt: null,
  runningExperiments: 0,
  pathwayWithModule: false,
  invited: true,
  assessmentsSinceStart: 0,
  pulseReleasedSinceStart: false,
  pulseSinceEnd: false,
  knowledgeMonths: 12,
  leadershipDays: 30,
  ...over,
});

describe('programme dates', () => {
  it('adds days across months and years in UTC, and knows the phase', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
    expect(phaseOf({ startsOn: '2026-03-02', endsOn: '2026-03-02' }, NOW)).toBe('running');
    expect(phaseOf({ startsOn: '2026-03-03', endsOn: '2026-04-01' }, NOW)).toBe('upcoming');
    expect(phaseOf({ startsOn: '2026-01-01', endsOn: '2026-03-01' }, NOW)).toBe('ended');
  });
});

describe('the funnel and the blocks', () => {
  it('takes the furthest status reached, and nothing before the first invitation', () => {
    expect(funnelReached(person({ invited: false, assessmentsSinceStart: 3 }))).toBe(-1);
    expect(funnelReached(person())).toBe(0);
    expect(funnelReached(person({ assessmentsSinceStart: 1 }))).toBe(1);
    expect(funnelReached(person({ planStartedAt: NOW }))).toBe(2);
    expect(funnelReached(person({ pathwayWithModule: true }))).toBe(3);
    expect(funnelReached(person({ assessmentsSinceStart: 2 }))).toBe(4);
  });

  it("uses the home page's rule for the blocks", () => {
    const known = person({ selfAssessmentAt: NOW, feedbackReleasedAt: NOW });
    expect([...blocksInPlace(known, NOW)]).toEqual(['self-knowledge']);
    const all = person({
      selfAssessmentAt: NOW,
      feedbackReleasedAt: NOW,
      planStartedAt: NOW,
      runningExperiments: 1,
      pathwayWithModule: true,
      lastReflectionAt: NOW,
    });
    expect([...blocksInPlace(all, NOW)]).toEqual(['self-knowledge', 'self-empowerment', 'self-leadership']);
    expect([...alumniActivity(all)]).toEqual(['pathway', 'practising']);
  });
});
