// One plan as the viewer may read it (access.ts decides): the owner gets everything, with their
// sharing choices and who those reach; a manager or coach gets the owner's name and only the focus
// areas (with experiments, practice figures and comments) shared with them, never the sharing flags.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { people } from '../../identity/people/schema.ts';
import type { TenantScope } from '../../platform/scope.ts';
import { type Owner, readablePlan } from './access.ts';
import { MAX_ACTIVE_FOCUS_AREAS } from './constants.ts';
import type { Comment, Experiment, PlanDetail } from './contracts.ts';
import { planComments, planExperiments, planFocusLinks, planPracticeLogs } from './schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function nameOf(scope: TenantScope, id: string | null) {
  if (!id) return null;
  const [row] = await scope.tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, scope.organisationId), eq(people.id, id)));
  return row ?? null;
}

async function experimentsOf(scope: TenantScope, focusIds: string[]): Promise<Experiment[]> {
  if (!focusIds.length) return [];
  const rows = await scope.tx
    .select({
      e: planExperiments,
      count: sql<number>`count(${planPracticeLogs.id})::int`,
      didIt: sql<number>`count(*) FILTER (WHERE ${planPracticeLogs.didIt})::int`,
      last: sql<string | null>`max(${planPracticeLogs.loggedAt})`,
      average: sql<number | null>`avg(${planPracticeLogs.outcome})::float8`,
    })
    .from(planExperiments)
    .leftJoin(
      planPracticeLogs,
      and(
        eq(planPracticeLogs.organisationId, planExperiments.organisationId),
        eq(planPracticeLogs.experimentId, planExperiments.id),
      ),
    )
    .where(
      and(
        eq(planExperiments.organisationId, scope.organisationId),
        inArray(planExperiments.focusId, focusIds),
      ),
    )
    .groupBy(planExperiments.organisationId, planExperiments.id)
    .orderBy(asc(planExperiments.startsOn), asc(planExperiments.createdAt));
  return rows.map(({ e, ...p }) => ({
    id: e.id,
    focusId: e.focusId,
    action: e.action,
    situation: e.situation,
    frequency: e.frequency,
    signal: e.signal,
    startsOn: e.startsOn,
    reviewOn: e.reviewOn,
    status: e.status,
    sourceModuleId: e.sourceModuleId,
    practice: {
      count: Number(p.count),
      didItCount: Number(p.didIt),
      lastLoggedAt: iso(p.last),
      averageOutcome: p.average === null ? null : Math.round(Number(p.average) * 100) / 100,
    },
  }));
}

async function commentsOf(scope: TenantScope, planId: string): Promise<Comment[]> {
  const rows = await scope.tx
    .select({ c: planComments, authorName: people.name })
    .from(planComments)
    .innerJoin(
      people,
      and(eq(people.organisationId, planComments.organisationId), eq(people.id, planComments.authorId)),
    )
    .where(and(eq(planComments.organisationId, scope.organisationId), eq(planComments.planId, planId)))
    .orderBy(asc(planComments.createdAt), asc(planComments.id));
  return rows.map(({ c, authorName }) => ({
    id: c.id,
    focusId: c.focusId,
    author: { id: c.authorId, name: authorName },
    body: c.body,
    createdAt: iso(c.createdAt)!,
  }));
}

async function audienceOf(scope: TenantScope, owner: Owner) {
  return { manager: await nameOf(scope, owner.managerId), coach: await nameOf(scope, owner.coachId) };
}

export async function planDetail(scope: TenantScope, id: string): Promise<PlanDetail> {
  const { plan, owner, relation, focusAreas, whole } = await readablePlan(scope, id);
  const self = relation === 'self';
  const focusIds = focusAreas.map((f) => f.id);
  const experiments = await experimentsOf(scope, focusIds);
  const comments = await commentsOf(scope, id);
  const links = focusIds.length
    ? await scope.tx
        .select()
        .from(planFocusLinks)
        .where(
          and(
            eq(planFocusLinks.organisationId, scope.organisationId),
            inArray(planFocusLinks.focusId, focusIds),
          ),
        )
    : [];
  return {
    id: plan.id,
    title: plan.title,
    status: plan.status,
    startedAt: iso(plan.startedAt)!,
    closedAt: iso(plan.closedAt),
    owner: { id: owner.id, name: owner.name },
    viewerRelation: relation,
    sharing: self ? { withManager: plan.sharedWithManager, withCoach: plan.sharedWithCoach } : null,
    audience: self ? await audienceOf(scope, owner) : null,
    focusAreas: focusAreas.map((f) => ({
      id: f.id,
      position: f.position,
      kind: f.kind,
      capabilityKey: f.capabilityKey,
      blockKey: f.blockKey,
      title: f.title,
      goal: f.goal,
      why: f.why,
      status: f.status,
      sharing: self ? { withManager: f.sharedWithManager, withCoach: f.sharedWithCoach } : null,
      fromSuggestion: f.fromSuggestion,
      goalIds: links.flatMap((l) => (l.focusId === f.id && l.goalId ? [l.goalId] : [])),
      valueIds: links.flatMap((l) => (l.focusId === f.id && l.valueId ? [l.valueId] : [])),
      experiments: experiments.filter((e) => e.focusId === f.id),
      comments: comments.filter((c) => c.focusId === f.id),
    })),
    comments: whole ? comments.filter((c) => c.focusId === null) : [],
    maxActiveFocusAreas: MAX_ACTIVE_FOCUS_AREAS,
  };
}
