// The three building blocks of behavioural change for one person (DESIGN §1; issue 10 item 6), and
// the one next step that goes with them. Pure: facts in, blocks out. The thresholds are the
// organisation's (journey_settings); a date counts when it is at most that old, boundary included.
//
// - Self-knowledge: a submitted self-assessment AND a released 360 as its subject, each at most
//   `knowledgeMonths` calendar months old (the latest of each counts).
// - Self-empowerment: an active plan with at least one experiment whose status is 'running'. A
//   planned experiment whose start date has passed does not count: the person has not said it is
//   under way, and the ladder (next-step.ts) asks them exactly that ('start-experiment'), so the
//   block and the step agree. Practice logged or not does not matter here (the ladder nudges it).
// - Self-leadership: a pathway they chose with at least one module in it (not archived), AND a
//   reflection (journal entry) or a completed check-in at most `leadershipDays` days old.
//
// The next step stays the ladder's (next-step.ts): this file hands it what the blocks found, so
// there is one ladder, and its last rungs are the journey's gaps.
import type { JourneyGap } from './constants.ts';
import type { Journey, JourneyBlockState, JourneySettings } from './contracts.ts';
import { type HomeFacts, type NextStep, nextStep } from './next-step.ts';

const DAY = 86_400_000;

export interface JourneyFacts {
  /** The app's clock. */
  now: Date;
  settings: JourneySettings;
  /** When the latest submitted self-assessment was submitted. */
  selfAssessmentAt: Date | null;
  /** When the latest released 360 (as its subject) was released. */
  feedbackReleasedAt: Date | null;
  /** A 360 as subject waiting for nominations or raters (a newer one than any released). */
  feedbackUnderWay: boolean;
  /** The active plan, or null, with how many of its experiments are 'running'. */
  plan: { startedAt: Date; runningExperiments: number } | null;
  /** A pathway of theirs (not archived) with at least one module. */
  pathwayWithModule: boolean;
  /** When the latest journal entry was written. */
  lastReflectionAt: Date | null;
  /** When the latest completed check-in took place (the check-ins domain). */
  lastCheckInAt: Date | null;
}

/**
 * `date` minus `months` calendar months, in UTC, at the same time of day; a day past the end of the
 * shorter month falls on its last day (31 March minus one month is 28 or 29 February).
 */
export function monthsBefore(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(date);
  d.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return d;
}

/** `date` plus `months` calendar months, the same way (when a dated thing lapses). */
export function monthsAfter(date: Date, months: number): Date {
  return monthsBefore(date, -months);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const earliest = (dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

function block(
  key: JourneyBlockState['key'],
  missing: JourneyGap[],
  dates: Record<string, Date | null>,
  until: Date | null,
): JourneyBlockState {
  const done = missing.length === 0;
  return {
    key,
    done,
    missing,
    dates: Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, iso(v)])),
    until: done ? iso(until) : null,
  };
}

function selfKnowledge(f: JourneyFacts): JourneyBlockState {
  const since = monthsBefore(f.now, f.settings.knowledgeMonths);
  const missing: JourneyGap[] = [];
  if (!f.selfAssessmentAt) missing.push('no-self-assessment');
  else if (f.selfAssessmentAt < since) missing.push('self-assessment-out-of-date');
  const released = f.feedbackReleasedAt !== null && f.feedbackReleasedAt >= since;
  if (!released) {
    if (f.feedbackUnderWay) missing.push('360-under-way');
    else missing.push(f.feedbackReleasedAt ? '360-out-of-date' : 'no-360');
  }
  const dates = { selfAssessmentAt: f.selfAssessmentAt, feedbackReleasedAt: f.feedbackReleasedAt };
  const until =
    f.selfAssessmentAt && f.feedbackReleasedAt
      ? monthsAfter(earliest([f.selfAssessmentAt, f.feedbackReleasedAt]), f.settings.knowledgeMonths)
      : null;
  return block('self-knowledge', missing, dates, until);
}

function selfEmpowerment(f: JourneyFacts): JourneyBlockState {
  const missing: JourneyGap[] = [];
  if (!f.plan) missing.push('no-plan');
  else if (f.plan.runningExperiments < 1) missing.push('no-experiment-running');
  // A running experiment does not lapse with time: it stays until the person changes its status.
  return block('self-empowerment', missing, { planStartedAt: f.plan?.startedAt ?? null }, null);
}

function selfLeadership(f: JourneyFacts): JourneyBlockState {
  const since = new Date(f.now.getTime() - f.settings.leadershipDays * DAY);
  const last = latest(f.lastReflectionAt, f.lastCheckInAt);
  const missing: JourneyGap[] = [];
  if (!f.pathwayWithModule) missing.push('no-pathway');
  if (!last || last < since) missing.push('no-recent-reflection');
  const until = last ? new Date(last.getTime() + f.settings.leadershipDays * DAY) : null;
  return block(
    'self-leadership',
    missing,
    { lastReflectionAt: f.lastReflectionAt, lastCheckInAt: f.lastCheckInAt },
    until,
  );
}

/** The ladder's facts that the journey decides; the rest of HomeFacts comes from the home page. */
export type LadderFacts = Omit<HomeFacts, 'journey'>;

/** The three blocks alone, for reads that need no next step (a programme's cohort dashboard). */
export function journeyBlocks(f: JourneyFacts): JourneyBlockState[] {
  return [selfKnowledge(f), selfEmpowerment(f), selfLeadership(f)];
}

/** The three blocks, whether the journey is complete, and the one next step (the ladder's). */
export function journey(f: JourneyFacts, ladder: LadderFacts): Journey & { nextStep: NextStep } {
  const blocks = journeyBlocks(f);
  const gaps = new Set(blocks.flatMap((b) => b.missing));
  const step = nextStep({
    ...ladder,
    journey: {
      selfAssessmentOutOfDate: gaps.has('self-assessment-out-of-date'),
      feedbackOutOfDate: gaps.has('360-out-of-date'),
      pathwayChosen: !gaps.has('no-pathway'),
      reflectedRecently: !gaps.has('no-recent-reflection'),
    },
  });
  return {
    blocks,
    complete: blocks.every((b) => b.done),
    settings: f.settings,
    nextStep: step,
  };
}
