// Development plans as people build them after their 360: one active plan, two or three focus
// areas on the capabilities they are lowest on (and, for some, the derailer they show most), each
// with one or two experiments — running, planned, done or dropped depending on how old the plan
// is — and a practice log for the experiments under way.
import {
  developmentPlans,
  planExperiments,
  planFocusAreas,
  planPracticeLogs,
} from '../../domains/development/schema.ts';
import { between, DAY_MS, insertInChunks, pick } from './bulk.ts';
import { at, type SeedContext } from './context.ts';

const GOALS = [
  'Do this visibly every week, and ask the team whether they notice.',
  'Make it a habit in one-to-ones before the next review.',
  'Try it in two meetings a week and note what happens.',
];
const EXPERIMENTS = [
  {
    action: 'Ask the team for their view before giving mine',
    situation: 'In weekly planning',
    frequency: 'Every week',
    signal: 'Others speak first and ideas come from the team',
  },
  {
    action: 'Hand over one task I would normally keep',
    situation: 'When new work arrives',
    frequency: 'Twice a week',
    signal: 'The task is done without me checking each step',
  },
  {
    action: 'Share the reason behind a decision',
    situation: 'When announcing a change',
    frequency: 'Whenever a decision is made',
    signal: 'Fewer follow-up questions about why',
  },
  {
    action: 'Give one piece of specific feedback',
    situation: 'After a demo or a review',
    frequency: 'Daily',
    signal: 'People ask for more feedback, not less',
  },
];
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The capabilities a person's plan works on: their two lowest, plus their strongest derailer for some. */
export function focusOf(
  ctx: Pick<SeedContext, 'model' | 'levels'>,
  p: number,
  random: () => number,
): number[] {
  const { model, levels } = ctx;
  const width = model.capabilities.length;
  const ranked = model.capabilities
    .map((c, i) => ({ i, derailer: c.derailer, level: levels[p * width + i]! }))
    .sort((a, b) => a.level - b.level);
  const low = ranked
    .filter((c) => !c.derailer)
    .slice(0, 2)
    .map((c) => c.i);
  const derailer = ranked.filter((c) => c.derailer).at(-1);
  return derailer && random() < 0.3 ? [...low, derailer.i] : low;
}

export async function seedDevelopment(ctx: SeedContext) {
  const { org, model, random, organisationId } = ctx;
  const plans: (typeof developmentPlans.$inferInsert)[] = [];
  const areas: (typeof planFocusAreas.$inferInsert)[] = [];
  const experiments: (typeof planExperiments.$inferInsert)[] = [];
  const logs: (typeof planPracticeLogs.$inferInsert)[] = [];
  org.people.forEach((person, p) => {
    const started = ctx.timelines[p]!.plan;
    if (started === null) return;
    const planId = ctx.ids();
    const shared = random() < 0.6;
    plans.push({
      organisationId,
      id: planId,
      ownerId: person.id,
      title: `My development plan ${day(at(ctx, started)).slice(0, 7)}`,
      status: 'active',
      sharedWithManager: shared,
      startedAt: at(ctx, started),
      updatedAt: at(ctx, Math.max(0, started - 10)),
    });
    ctx.focus[p]!.forEach((capability, position) => {
      const c = model.capabilities[capability]!;
      const focusId = ctx.ids();
      areas.push({
        organisationId,
        id: focusId,
        planId,
        ownerId: person.id,
        position,
        kind: c.derailer ? 'derailer' : 'capability',
        capabilityKey: c.key,
        blockKey: c.block,
        title: c.name,
        goal: pick(random, GOALS),
        why: c.derailer
          ? 'My 360 says others see this more than I do.'
          : 'My 360 and my self-assessment both put this lowest.',
        status: 'active',
        sharedWithManager: shared,
        createdAt: at(ctx, started),
        updatedAt: at(ctx, started),
      });
      for (let e = 0; e < between(random, 1, 2); e++) {
        const startsAgo = Math.max(0, started - between(random, 1, 10) - e * 30);
        const reviewAgo = startsAgo - 28;
        const status =
          reviewAgo > 0
            ? pick(random, ['done', 'done', 'running', 'dropped'] as const)
            : startsAgo > 0
              ? 'running'
              : 'planned';
        const experimentId = ctx.ids();
        experiments.push({
          organisationId,
          id: experimentId,
          focusId,
          ownerId: person.id,
          ...pick(random, EXPERIMENTS),
          startsOn: day(at(ctx, startsAgo)),
          reviewOn: day(at(ctx, reviewAgo)),
          status,
          createdAt: at(ctx, started),
          updatedAt: at(ctx, Math.max(0, reviewAgo)),
        });
        if (status === 'planned') continue;
        const span = Math.max(1, startsAgo - Math.max(0, reviewAgo));
        for (let l = 0; l < between(random, 1, 5); l++) {
          logs.push({
            organisationId,
            id: ctx.ids(),
            experimentId,
            ownerId: person.id,
            loggedAt: new Date(ctx.now - (startsAgo - random() * span) * DAY_MS),
            didIt: random() < 0.8,
            outcome: between(random, 2, 5),
            note: null,
          });
        }
      }
    });
  });
  await insertInChunks(ctx.db, developmentPlans, plans);
  await insertInChunks(ctx.db, planFocusAreas, areas);
  await insertInChunks(ctx.db, planExperiments, experiments);
  await insertInChunks(ctx.db, planPracticeLogs, logs);
  return {
    plans: plans.length,
    focusAreas: areas.length,
    experiments: experiments.length,
    practiceLogs: logs.length,
  };
}
