// The participant's single next step on the home page. Pure: a few facts about where the person is
// go in; one step comes out, with a reason code (the web app words it) and the page it leads to.
//
// The order follows the article's building blocks (DESIGN §1):
// 1. Self-knowledge first: the self-assessment. Everything after it (the 360's blind spots, the
//    focus suggestions, the stage balance) compares against it, so it stays first even for someone
//    who already has a plan. One in progress is "finish", not "take".
// 2. Others' view: a 360. It takes raters two weeks or more, so it is asked for early, before the
//    plan. A 360 waiting for the person's nominations is their move, so it comes next.
// 3. A plan. The person need not wait for the 360's report: once it is requested (or once they
//    decline to ask for one by starting a plan) the plan is the step. The plan belongs to the
//    person, so a plan started without a 360 is respected: the 360 then returns only once the
//    plan is moving (step 6), instead of nagging above the person's own choices.
// 4. Inside the plan, what blocks practice, in order: no focus area, no experiment to run, an
//    experiment planned but none running, running ones with no practice logged for a week.
// 5. With practice flowing: a 360 if there has never been one (others' view of the change).
// 6. Then the journey's gaps (journey.ts decides them with the organisation's thresholds), so the
//    step and the three blocks on the page never disagree: a pathway chosen (self-leadership), the
//    next step of a pathway, a reflection when none is recent (self-leadership), then renewing
//    self-knowledge that has grown old (a new self-assessment, a new 360), else "keep going".
//    A pathway step comes before the reflection so that working through one is never blocked by
//    the journal; once it is started the reflection follows.
import type { HomeFeedbackStatus, NextStepCode, NextStepReason } from './constants.ts';

export interface HomeFacts {
  selfAssessment: 'none' | 'in-progress' | 'submitted';
  feedback: { status: HomeFeedbackStatus; campaignId: string | null };
  /** The active plan, or null; counts cover active focus areas and their experiments. */
  plan: { focusAreas: number; planned: number; running: number } | null;
  /** Any practice logged on the plan's experiments in the last 7 days. */
  practicedLast7Days: boolean;
  /** The first pathway step not started yet, if the person has a pathway. */
  pathwayStep: { moduleId: string; title: string } | null;
  /** What the journey's rule found (journey.ts), with the organisation's thresholds. */
  journey: {
    /** The latest submitted self-assessment is older than the window. */
    selfAssessmentOutOfDate: boolean;
    /** The latest released 360 is older than the window and no newer one is under way. */
    feedbackOutOfDate: boolean;
    /** A pathway (not archived) with at least one module. */
    pathwayChosen: boolean;
    /** A reflection or a completed check-in within the window. */
    reflectedRecently: boolean;
  };
}

export interface NextStep {
  code: NextStepCode;
  reason: NextStepReason;
  /** The web page that takes the step. */
  link: string;
}

/** Pages of the web app the steps lead to (the plan page is built by the development domain). */
export const LINKS = {
  assessment: '/assessment',
  feedback: '/feedback',
  plan: '/plan',
  pathways: '/pathways',
  journal: '/journal',
} as const;

export function nextStep(f: HomeFacts): NextStep {
  if (f.selfAssessment === 'none') {
    return { code: 'take-self-assessment', reason: 'self-knowledge-first', link: LINKS.assessment };
  }
  if (f.selfAssessment === 'in-progress') {
    return { code: 'finish-self-assessment', reason: 'assessment-in-progress', link: LINKS.assessment };
  }
  // A 360 waiting for nominations is the person's move whatever else they have going.
  if (f.feedback.status === 'nominating') {
    const link = f.feedback.campaignId ? `${LINKS.feedback}/${f.feedback.campaignId}` : LINKS.feedback;
    return { code: 'nominate-raters', reason: 'raters-needed', link };
  }
  if (!f.plan) {
    if (f.feedback.status === 'none')
      return { code: 'request-360', reason: 'others-view', link: LINKS.feedback };
    const reason = f.feedback.status === 'released' ? 'feedback-ready' : 'feedback-under-way';
    return { code: 'start-plan', reason, link: LINKS.plan };
  }
  if (f.plan.focusAreas === 0)
    return { code: 'add-focus-area', reason: 'plan-without-focus', link: LINKS.plan };
  if (f.plan.planned + f.plan.running === 0) {
    return { code: 'add-experiment', reason: 'focus-without-experiment', link: LINKS.plan };
  }
  if (f.plan.running === 0)
    return { code: 'start-experiment', reason: 'experiment-planned', link: LINKS.plan };
  if (!f.practicedLast7Days)
    return { code: 'log-practice', reason: 'no-practice-this-week', link: LINKS.plan };
  if (f.feedback.status === 'none')
    return { code: 'request-360', reason: 'others-view', link: LINKS.feedback };
  if (!f.journey.pathwayChosen)
    return { code: 'choose-pathway', reason: 'pathway-missing', link: LINKS.pathways };
  if (f.pathwayStep) {
    return { code: 'continue-pathway', reason: 'pathway-next', link: `/library/${f.pathwayStep.moduleId}` };
  }
  if (!f.journey.reflectedRecently)
    return { code: 'write-reflection', reason: 'no-recent-reflection', link: LINKS.journal };
  if (f.journey.selfAssessmentOutOfDate) {
    return {
      code: 'retake-self-assessment',
      reason: 'self-assessment-out-of-date',
      link: LINKS.assessment,
    };
  }
  if (f.journey.feedbackOutOfDate)
    return { code: 'request-360', reason: 'feedback-out-of-date', link: LINKS.feedback };
  return { code: 'keep-going', reason: 'on-track', link: LINKS.plan };
}
