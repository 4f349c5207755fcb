import { describe, expect, it } from 'vitest';
import { type JourneyFacts, journey, type LadderFacts, monthsAfter, monthsBefore } from './journey.ts';

const now = new Date('2026-06-15T10:00:00.000Z');
const ms = (iso: string) => new Date(iso);
const minus = (d: Date, millis: number) => new Date(d.getTime() - millis);
const DAY = 86_400_000;

/** Everything in place, on the default thresholds. */
const complete: JourneyFacts = {
  now,
  settings: { knowledgeMonths: 12, leadershipDays: 30 },
  selfAssessmentAt: ms('2026-01-10T09:00:00Z'),
  feedbackReleasedAt: ms('2026-02-01T09:00:00Z'),
  feedbackUnderWay: false,
  plan: { startedAt: ms('2026-02-05T09:00:00Z'), runningExperiments: 1 },
  pathwayWithModule: true,
  lastReflectionAt: ms('2026-06-10T18:00:00Z'),
  lastCheckInAt: null,
};
/** Someone whose plan is moving: the ladder's own rungs have nothing to say. */
const practising: LadderFacts = {
  selfAssessment: 'submitted',
  feedback: { status: 'released', campaignId: 'c1' },
  plan: { focusAreas: 1, planned: 0, running: 1 },
  practicedLast7Days: true,
  pathwayStep: null,
};

const run = (over: Partial<JourneyFacts>, ladder: LadderFacts = practising) =>
  journey({ ...complete, ...over }, ladder);
const blockOf = (over: Partial<JourneyFacts>, key: string) => run(over).blocks.find((b) => b.key === key)!;

describe('calendar months', () => {
  it.each([
    ['2026-06-15T10:00:00.000Z', 12, '2025-06-15T10:00:00.000Z'],
    ['2026-03-31T08:00:00.000Z', 1, '2026-02-28T08:00:00.000Z'],
    ['2028-03-31T08:00:00.000Z', 1, '2028-02-29T08:00:00.000Z'],
    ['2028-02-29T00:00:00.000Z', 12, '2027-02-28T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', 1, '2025-12-15T00:00:00.000Z'],
    ['2026-06-15T00:00:00.000Z', 36, '2023-06-15T00:00:00.000Z'],
  ])('%s minus %i months is %s', (from, months, expected) => {
    expect(monthsBefore(ms(from), months).toISOString()).toBe(expected);
  });

  it('adds months the same way', () => {
    expect(monthsAfter(ms('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(monthsAfter(ms('2025-12-15T12:00:00Z'), 1).toISOString()).toBe('2026-01-15T12:00:00.000Z');
  });
});

describe('journey', () => {
  it('everything in place: complete, each block with its dates and until when it holds', () => {
    const j = run({});
    expect(j.complete).toBe(true);
    expect(j.settings).toEqual({ knowledgeMonths: 12, leadershipDays: 30 });
    expect(j.blocks).toEqual([
      {
        key: 'self-knowledge',
        done: true,
        missing: [],
        dates: {
          selfAssessmentAt: '2026-01-10T09:00:00.000Z',
          feedbackReleasedAt: '2026-02-01T09:00:00.000Z',
        },
        // The older of the two lapses first.
        until: '2027-01-10T09:00:00.000Z',
      },
      {
        key: 'self-empowerment',
        done: true,
        missing: [],
        dates: { planStartedAt: '2026-02-05T09:00:00.000Z' },
        until: null,
      },
      {
        key: 'self-leadership',
        done: true,
        missing: [],
        dates: { lastReflectionAt: '2026-06-10T18:00:00.000Z', lastCheckInAt: null },
        until: '2026-07-10T18:00:00.000Z',
      },
    ]);
    expect(j.nextStep).toEqual({ code: 'keep-going', reason: 'on-track', link: '/plan' });
  });

  describe('self-knowledge', () => {
    const edge = monthsBefore(now, 12);
    it.each<[string, Partial<JourneyFacts>, string[]]>([
      ['nothing yet', { selfAssessmentAt: null, feedbackReleasedAt: null }, ['no-self-assessment', 'no-360']],
      ['self-assessment exactly 12 months old counts', { selfAssessmentAt: edge }, []],
      ['a millisecond older does not', { selfAssessmentAt: minus(edge, 1) }, ['self-assessment-out-of-date']],
      ['360 released exactly 12 months ago counts', { feedbackReleasedAt: edge }, []],
      ['a millisecond older does not', { feedbackReleasedAt: minus(edge, 1) }, ['360-out-of-date']],
      [
        'an old 360 with a new one under way',
        { feedbackReleasedAt: minus(edge, DAY), feedbackUnderWay: true },
        ['360-under-way'],
      ],
      ['a first 360 under way', { feedbackReleasedAt: null, feedbackUnderWay: true }, ['360-under-way']],
      ['a released 360 in the window stands while a newer one runs', { feedbackUnderWay: true }, []],
      ['no 360 at all', { feedbackReleasedAt: null }, ['no-360']],
      [
        'a one-month window',
        {
          settings: { knowledgeMonths: 1, leadershipDays: 30 },
          selfAssessmentAt: ms('2026-05-15T10:00:00Z'),
        },
        ['360-out-of-date'],
      ],
      [
        'a 36-month window keeps both',
        {
          settings: { knowledgeMonths: 36, leadershipDays: 30 },
          selfAssessmentAt: ms('2023-06-15T10:00:00Z'),
          feedbackReleasedAt: ms('2023-07-01T00:00:00Z'),
        },
        [],
      ],
    ])('%s', (_, over, missing) => {
      const b = blockOf(over, 'self-knowledge');
      expect(b.missing).toEqual(missing);
      expect(b.done).toBe(missing.length === 0);
      if (!b.done) expect(b.until).toBeNull();
    });

    it('month ends: 31 March looks back to the last day of February', () => {
      const facts = {
        now: ms('2026-03-31T12:00:00Z'),
        settings: { knowledgeMonths: 1, leadershipDays: 30 },
        feedbackReleasedAt: ms('2026-03-01T00:00:00Z'),
        lastReflectionAt: ms('2026-03-30T00:00:00Z'),
      };
      expect(blockOf({ ...facts, selfAssessmentAt: ms('2026-02-28T12:00:00Z') }, 'self-knowledge').done).toBe(
        true,
      );
      expect(
        blockOf({ ...facts, selfAssessmentAt: ms('2026-02-28T11:59:59.999Z') }, 'self-knowledge').missing,
      ).toEqual(['self-assessment-out-of-date']);
    });
  });

  describe('self-empowerment', () => {
    it.each<[string, Partial<JourneyFacts>, string[]]>([
      ['no plan', { plan: null }, ['no-plan']],
      [
        'a plan with nothing running',
        { plan: { startedAt: now, runningExperiments: 0 } },
        ['no-experiment-running'],
      ],
      ['one running experiment', { plan: { startedAt: now, runningExperiments: 1 } }, []],
    ])('%s', (_, over, missing) => {
      const b = blockOf(over, 'self-empowerment');
      expect(b.missing).toEqual(missing);
      expect(b.until).toBeNull();
    });
  });

  describe('self-leadership', () => {
    const edge = minus(now, 30 * DAY);
    it.each<[string, Partial<JourneyFacts>, string[]]>([
      [
        'no pathway, no reflection',
        { pathwayWithModule: false, lastReflectionAt: null },
        ['no-pathway', 'no-recent-reflection'],
      ],
      ['no pathway with a module', { pathwayWithModule: false }, ['no-pathway']],
      ['a reflection exactly 30 days old counts', { lastReflectionAt: edge }, []],
      ['a millisecond older does not', { lastReflectionAt: minus(edge, 1) }, ['no-recent-reflection']],
      ['a completed check-in counts instead', { lastReflectionAt: null, lastCheckInAt: edge }, []],
      [
        'a recent check-in makes up for an old reflection',
        { lastReflectionAt: minus(edge, DAY), lastCheckInAt: minus(now, DAY) },
        [],
      ],
      [
        'both older than the window',
        { lastReflectionAt: minus(edge, 1), lastCheckInAt: minus(edge, DAY) },
        ['no-recent-reflection'],
      ],
      [
        'a one-day window',
        { settings: { knowledgeMonths: 12, leadershipDays: 1 }, lastReflectionAt: minus(now, DAY + 1) },
        ['no-recent-reflection'],
      ],
      [
        'a 180-day window',
        { settings: { knowledgeMonths: 12, leadershipDays: 180 }, lastReflectionAt: minus(now, 180 * DAY) },
        [],
      ],
    ])('%s', (_, over, missing) => {
      expect(blockOf(over, 'self-leadership').missing).toEqual(missing);
    });

    it('holds until the latest of reflection and check-in plus the window', () => {
      const b = blockOf(
        { lastReflectionAt: minus(now, 10 * DAY), lastCheckInAt: minus(now, 2 * DAY) },
        'self-leadership',
      );
      expect(b.until).toBe(new Date(now.getTime() + 28 * DAY).toISOString());
    });
  });

  it('is complete only with all three blocks', () => {
    expect(run({ plan: null }).complete).toBe(false);
    expect(run({ pathwayWithModule: false }).complete).toBe(false);
    expect(run({ selfAssessmentAt: null }).complete).toBe(false);
  });

  describe('the next step follows the same gaps (one ladder, next-step.ts)', () => {
    it.each<[string, Partial<JourneyFacts>, string]>([
      ['no pathway', { pathwayWithModule: false, lastReflectionAt: null }, 'choose-pathway'],
      ['no recent reflection', { lastReflectionAt: minus(now, 31 * DAY) }, 'write-reflection'],
      ['a recent check-in needs no reflection', { lastReflectionAt: null, lastCheckInAt: now }, 'keep-going'],
      ['an old self-assessment', { selfAssessmentAt: ms('2025-01-01T00:00:00Z') }, 'retake-self-assessment'],
      ['an old 360', { feedbackReleasedAt: ms('2025-01-01T00:00:00Z') }, 'request-360'],
      [
        'an old 360 with a new one under way waits for the raters',
        { feedbackReleasedAt: ms('2025-01-01T00:00:00Z'), feedbackUnderWay: true },
        'keep-going',
      ],
    ])('%s', (_, over, code) => {
      expect(run(over).nextStep.code).toBe(code);
    });

    it('earlier rungs still come first', () => {
      const noPractice = { ...practising, practicedLast7Days: false };
      expect(run({ pathwayWithModule: false }, noPractice).nextStep.code).toBe('log-practice');
    });
  });
});
