// GET /api/home: the participant's home page as the viewer (their plan is private to them,
// docs/decisions/0014): where they stand, the single next step, the plan at a glance, what is due
// this week, one module to read, and their journey through the three building blocks (journey.ts). The common path is ONE statement in one round trip
// (read-facts.ts; docs/decisions/0008), with the library's modules from a 2 s cache; the rest is
// pure folding and ranking. Only when the person's focus suggestions could change the module (see
// suggestModule) is a second step taken: a transaction as the viewer that reads their profile and
// 360 report (suggestFocusFor). Nothing is written, so the two steps need not be one transaction.
import type { Viewer } from '../../platform/http/viewer.ts';
import { asViewer } from '../../platform/scope.ts';
import type { Services } from '../../platform/services.ts';
import { suggestFocusFor } from '../development/suggestion-inputs.ts';
import type { HomeResponse } from './contracts.ts';
import { dueThisWeek, type OpenExperiment, viewerToday, type Week, weekOf } from './due-this-week.ts';
import { journey } from './journey.ts';
import { type PlanRow, readHomeFacts } from './read-facts.ts';
import { publishedCandidates, suggestModule } from './suggest-module.ts';

type HomePlan = NonNullable<HomeResponse['plan']>;
type Focus = HomePlan['focusAreas'][number];
type Experiment = OpenExperiment & { action: string; focus: { id: string; title: string } };

/** Folds the plan's rows into the plan at a glance, its experiments and the modules it used. */
function foldPlan(rows: PlanRow[]) {
  const first = rows[0];
  if (!first) return null;
  const focusAreas = new Map<string, Focus>();
  const experiments: Experiment[] = [];
  const usedModules: string[] = [];
  let recentPractice = 0;
  for (const r of rows) {
    if (r.focusId === null) continue;
    let focus = focusAreas.get(r.focusId);
    if (!focus) {
      focus = {
        id: r.focusId,
        kind: r.kind!,
        capabilityKey: r.capabilityKey,
        title: r.focusTitle!,
        goal: r.goal!,
        experiments: { planned: 0, running: 0, done: 0, dropped: 0 },
      };
      focusAreas.set(r.focusId, focus);
    }
    if (r.experimentId === null) continue;
    focus.experiments[r.status!] += 1;
    if (r.sourceModuleId) usedModules.push(r.sourceModuleId);
    recentPractice += r.recentPractice;
    experiments.push({
      id: r.experimentId,
      status: r.status!,
      startsOn: r.startsOn!,
      reviewOn: r.reviewOn!,
      lastPracticeAt: r.lastPracticeAt,
      action: r.action!,
      focus: { id: focus.id, title: focus.title },
    });
  }
  const plan: HomePlan = {
    id: first.planId,
    title: first.planTitle,
    startedAt: first.startedAt.toISOString(),
    focusAreas: [...focusAreas.values()],
  };
  return { plan, experiments, usedModules, recentPractice };
}

/**
 * What the home page and the digest (nudges) both show of a person: their facts, the active plan
 * folded, the experiments due in `week` and the one module to suggest, by the same rules. As the
 * person: their plan is private to them.
 */
export async function readPlanGlance(services: Services, viewer: Viewer, week: Week, now: Date) {
  // The statement and the candidates (a cache hit but every 2 s) go out together.
  const [facts, modules] = await Promise.all([
    readHomeFacts(services, viewer, now),
    publishedCandidates(services, viewer.organisationId),
  ]);
  const { person } = facts;
  const folded = foldPlan(facts.plan);
  const due = folded ? dueThisWeek(folded.experiments, week, now) : [];
  const suggestedModule = await suggestModule(
    modules,
    facts.steps,
    {
      focus: folded?.plan.focusAreas.flatMap((f) => (f.capabilityKey ? [f.capabilityKey] : [])) ?? [],
      stage: person.careerStage.key,
      usedByExperiments: folded?.usedModules ?? [],
      hasEvidence: person.selfAssessment === 'submitted' || person.feedback.status === 'released',
    },
    // The rare second step: no focus-area module left and evidence to rank suggestions from.
    async () => (await asViewer(services, viewer, (scope) => suggestFocusFor(scope))).suggestions,
  );
  return { facts, person, folded, due, suggestedModule };
}

export async function readHome(
  services: Services,
  viewer: Viewer,
  query: { today?: string | undefined },
): Promise<HomeResponse> {
  const now = services.clock();
  const today = viewerToday(query.today, now);
  const week = weekOf(today);
  const { facts, person, folded, due, suggestedModule } = await readPlanGlance(services, viewer, week, now);

  const count = (status: OpenExperiment['status']) =>
    folded?.experiments.filter((e) => e.status === status).length ?? 0;
  const running = count('running');
  const planned = count('planned');
  // The pathway step the next step may point at is the one suggested: the first unstarted step
  // whose module is still in the library.
  const pathwayStep =
    suggestedModule?.reason.code === 'pathway-next'
      ? { moduleId: suggestedModule.id, title: suggestedModule.title }
      : null;
  const { settings, ...dates } = facts.journey;
  const { nextStep: step, ...path } = journey(
    {
      now,
      settings,
      ...dates,
      feedbackUnderWay: person.feedback.status === 'nominating' || person.feedback.status === 'running',
      plan: folded && { startedAt: new Date(folded.plan.startedAt), runningExperiments: running },
      pathwayWithModule: facts.steps.length > 0,
    },
    {
      selfAssessment: person.selfAssessment,
      feedback: person.feedback,
      plan: folded && { focusAreas: folded.plan.focusAreas.length, planned, running },
      practicedLast7Days: (folded?.recentPractice ?? 0) > 0,
      pathwayStep,
    },
  );

  return {
    person: { name: person.name, careerStage: person.careerStage },
    today,
    week,
    nextStep: step,
    plan: folded?.plan ?? null,
    dueThisWeek: due.map((e) => ({
      id: e.id,
      focus: e.focus,
      action: e.action,
      status: e.status,
      startsOn: e.startsOn,
      reviewOn: e.reviewOn,
      lastPracticeAt: e.lastPracticeAt?.toISOString() ?? null,
      reasons: e.reasons,
    })),
    suggestedModule,
    counts: {
      focusAreas: folded?.plan.focusAreas.length ?? 0,
      runningExperiments: running,
      plannedExperiments: planned,
      dueThisWeek: due.length,
      practiceLast7Days: folded?.recentPractice ?? 0,
    },
    journey: path,
    progress: { selfAssessment: person.selfAssessment, feedback: person.feedback.status },
  };
}
