// What the participant can put on a check-in's agenda: the experiments of their active plan that
// are due (the home page's rule, home/due-this-week.ts), each marked with whether it is already
// shared with their manager and with their coach — the form shows that, and nothing is copied to
// the agenda unless the participant ticks it (schedule.ts copies only the ids they send).
import type { TenantScope } from '../../platform/scope.ts';
import type { PlanDetail } from '../development/contracts.ts';
import { planDetail } from '../development/plan-detail.ts';
import { myPlans } from '../development/plans.ts';
import { dueReasons, dueThisWeek, viewerToday, weekOf } from '../home/due-this-week.ts';
import { counterpartsOf } from './access.ts';
import type { Proposal, ProposedItem } from './contracts.ts';
import type { AgendaItem } from './schema.ts';

interface OpenExperiment {
  id: string;
  focusTitle: string;
  action: string;
  status: 'planned' | 'running';
  startsOn: string;
  reviewOn: string;
  lastPracticeAt: Date | null;
  sharedWith: { manager: boolean; coach: boolean };
}

/** The open (planned, running) experiments of the viewer's active plan's active focus areas. */
async function openExperiments(scope: TenantScope): Promise<OpenExperiment[]> {
  const { current } = await myPlans(scope);
  if (!current) return [];
  const plan: PlanDetail = await planDetail(scope, current.id);
  const whole = plan.sharing ?? { withManager: false, withCoach: false };
  return plan.focusAreas
    .filter((f) => f.status === 'active')
    .flatMap((f) =>
      f.experiments.flatMap((e) =>
        e.status === 'planned' || e.status === 'running'
          ? [
              {
                id: e.id,
                focusTitle: f.title,
                action: e.action,
                status: e.status,
                startsOn: e.startsOn,
                reviewOn: e.reviewOn,
                lastPracticeAt: e.practice.lastLoggedAt ? new Date(e.practice.lastLoggedAt) : null,
                sharedWith: {
                  manager: whole.withManager || (f.sharing?.withManager ?? false),
                  coach: whole.withCoach || (f.sharing?.withCoach ?? false),
                },
              },
            ]
          : [],
      ),
    );
}

export async function checkInProposal(scope: TenantScope, today: string | undefined): Promise<Proposal> {
  const now = scope.now();
  const due = dueThisWeek(await openExperiments(scope), weekOf(viewerToday(today, now)), now);
  const agenda: ProposedItem[] = due.map((e) => ({
    experimentId: e.id,
    focusTitle: e.focusTitle,
    action: e.action,
    status: e.status,
    reviewOn: e.reviewOn,
    reasons: e.reasons,
    sharedWith: e.sharedWith,
  }));
  return { counterparts: await counterpartsOf(scope, scope.viewer.personId), agenda };
}

/**
 * The agenda snapshot of the experiments the participant chose: each must be one of their open
 * experiments (any, not only the due ones: they may want to talk about another), else null. The
 * reasons are the due rule's as of now, empty for one not due this week.
 */
export async function agendaSnapshot(
  scope: TenantScope,
  experimentIds: string[],
): Promise<AgendaItem[] | null> {
  if (!experimentIds.length) return [];
  const now = scope.now();
  const week = weekOf(viewerToday(undefined, now));
  const open = new Map((await openExperiments(scope)).map((e) => [e.id, e]));
  const chosen = experimentIds.map((id) => open.get(id));
  if (chosen.some((e) => e === undefined)) return null;
  return (chosen as OpenExperiment[]).map((e) => ({
    experimentId: e.id,
    focusTitle: e.focusTitle,
    action: e.action,
    status: e.status,
    reviewOn: e.reviewOn,
    reasons: dueReasons(e, week, now),
  }));
}
