import { describe, expect, it } from 'vitest';
import { NEXT_STEP_CODES } from './constants.ts';
import { type HomeFacts, type NextStep, nextStep } from './next-step.ts';

const fresh: HomeFacts = {
  selfAssessment: 'none',
  feedback: { status: 'none', campaignId: null },
  plan: null,
  practicedLast7Days: false,
  pathwayStep: null,
  // No journey gap by default, so the earlier rungs are tested on their own.
  journey: {
    selfAssessmentOutOfDate: false,
    feedbackOutOfDate: false,
    pathwayChosen: true,
    reflectedRecently: true,
  },
};
const gap = (over: Partial<HomeFacts['journey']>) => ({ journey: { ...fresh.journey, ...over } });
const assessed = { ...fresh, selfAssessment: 'submitted' } as const;
const running360 = { ...assessed, feedback: { status: 'running', campaignId: 'c1' } } as const;
const released360 = { ...assessed, feedback: { status: 'released', campaignId: 'c1' } } as const;
const plan = (focusAreas: number, planned: number, running: number) => ({ focusAreas, planned, running });
const practising = { ...released360, plan: plan(2, 1, 1), practicedLast7Days: true };
const step = { moduleId: 'm1', title: 'Listening' };

// Each row: what the person has done so far, and the one step the home page offers.
const cases: [string, HomeFacts, NextStep][] = [
  [
    'nothing yet',
    fresh,
    { code: 'take-self-assessment', reason: 'self-knowledge-first', link: '/assessment' },
  ],
  [
    'assessment started',
    { ...fresh, selfAssessment: 'in-progress' },
    { code: 'finish-self-assessment', reason: 'assessment-in-progress', link: '/assessment' },
  ],
  [
    'self-knowledge stays first even with a plan and a 360',
    { ...practising, selfAssessment: 'none' },
    { code: 'take-self-assessment', reason: 'self-knowledge-first', link: '/assessment' },
  ],
  ['assessed, no 360', assessed, { code: 'request-360', reason: 'others-view', link: '/feedback' }],
  [
    '360 waiting for nominations',
    { ...assessed, feedback: { status: 'nominating', campaignId: 'c1' } },
    { code: 'nominate-raters', reason: 'raters-needed', link: '/feedback/c1' },
  ],
  [
    'nominations come first even with a plan',
    { ...practising, feedback: { status: 'nominating', campaignId: 'c2' } },
    { code: 'nominate-raters', reason: 'raters-needed', link: '/feedback/c2' },
  ],
  [
    '360 running: plan without waiting for the report',
    running360,
    { code: 'start-plan', reason: 'feedback-under-way', link: '/plan' },
  ],
  ['360 released', released360, { code: 'start-plan', reason: 'feedback-ready', link: '/plan' }],
  [
    'plan without focus',
    { ...released360, plan: plan(0, 0, 0) },
    { code: 'add-focus-area', reason: 'plan-without-focus', link: '/plan' },
  ],
  [
    'focus without experiment',
    { ...released360, plan: plan(1, 0, 0) },
    { code: 'add-experiment', reason: 'focus-without-experiment', link: '/plan' },
  ],
  [
    'experiment planned, none running',
    { ...released360, plan: plan(1, 2, 0) },
    { code: 'start-experiment', reason: 'experiment-planned', link: '/plan' },
  ],
  [
    'running, no practice this week',
    { ...released360, plan: plan(1, 0, 1) },
    { code: 'log-practice', reason: 'no-practice-this-week', link: '/plan' },
  ],
  [
    'practice logged by planned experiments alone still asks to start one',
    { ...released360, plan: plan(1, 1, 0), practicedLast7Days: true },
    { code: 'start-experiment', reason: 'experiment-planned', link: '/plan' },
  ],
  [
    'a plan started without a 360 is respected until practice flows',
    { ...assessed, plan: plan(1, 0, 1) },
    { code: 'log-practice', reason: 'no-practice-this-week', link: '/plan' },
  ],
  [
    'practice flowing, never a 360: ask for one',
    { ...assessed, plan: plan(1, 0, 1), practicedLast7Days: true, pathwayStep: step },
    { code: 'request-360', reason: 'others-view', link: '/feedback' },
  ],
  [
    'practice flowing, pathway step waiting',
    { ...practising, pathwayStep: step },
    { code: 'continue-pathway', reason: 'pathway-next', link: '/library/m1' },
  ],
  [
    'practice flowing, nothing waiting',
    practising,
    { code: 'keep-going', reason: 'on-track', link: '/plan' },
  ],
  [
    'practice flowing, no pathway with a module: choose one (self-leadership)',
    { ...practising, ...gap({ pathwayChosen: false, reflectedRecently: false }) },
    { code: 'choose-pathway', reason: 'pathway-missing', link: '/pathways' },
  ],
  [
    'a pathway step waiting comes before the reflection',
    { ...practising, pathwayStep: step, ...gap({ reflectedRecently: false }) },
    { code: 'continue-pathway', reason: 'pathway-next', link: '/library/m1' },
  ],
  [
    'no recent reflection or check-in: reflect',
    { ...practising, ...gap({ reflectedRecently: false, selfAssessmentOutOfDate: true }) },
    { code: 'write-reflection', reason: 'no-recent-reflection', link: '/journal' },
  ],
  [
    'self-assessment older than the window: retake it',
    { ...practising, ...gap({ selfAssessmentOutOfDate: true, feedbackOutOfDate: true }) },
    { code: 'retake-self-assessment', reason: 'self-assessment-out-of-date', link: '/assessment' },
  ],
  [
    '360 older than the window: ask for a new one',
    { ...practising, ...gap({ feedbackOutOfDate: true }) },
    { code: 'request-360', reason: 'feedback-out-of-date', link: '/feedback' },
  ],
  [
    'journey gaps wait while the plan needs the person',
    { ...released360, plan: plan(1, 0, 1), ...gap({ pathwayChosen: false, reflectedRecently: false }) },
    { code: 'log-practice', reason: 'no-practice-this-week', link: '/plan' },
  ],
  [
    'a running 360 does not ask again once practice flows',
    { ...running360, plan: plan(1, 0, 1), practicedLast7Days: true },
    { code: 'keep-going', reason: 'on-track', link: '/plan' },
  ],
];

describe('nextStep', () => {
  it.each(cases)('%s', (_, facts, expected) => {
    expect(nextStep(facts)).toEqual(expected);
  });

  it('the table reaches every step', () => {
    const reached = new Set(cases.map(([, facts]) => nextStep(facts).code));
    expect([...reached].sort()).toEqual([...NEXT_STEP_CODES].sort());
  });

  it('a nominating 360 without a known campaign still leads to the 360 page', () => {
    expect(nextStep({ ...assessed, feedback: { status: 'nominating', campaignId: null } }).link).toBe(
      '/feedback',
    );
  });
});
