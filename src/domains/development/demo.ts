// The demo organisation's development plans, at different points: Sam Taylor (the demo participant)
// runs experiments with weeks of practice logged, shares one focus area with his manager Arjun
// Patel (who commented) and one with his coach Rachel Kim, keeps a third to himself, and has last
// year's plan in his history; Lucía Romero has just started; Ethan Brooks shares his whole plan with
// Arjun; Mateo Rossi keeps his plan private from his coach; Aisha Bello has none yet. Rachel Kim
// coaches Sam and Mateo (both accepted) and is waiting for Daniel Cohen's answer.
// Rows of each person are written as that person (row-level security needs the owner).
import type { Database, Tx } from '../../platform/db/database.ts';
import type { DemoPerson } from '../../platform/module.ts';
import type { ExperimentStatus, FocusKind } from './constants.ts';
import {
  coachingRelationships,
  developmentPlans,
  planComments,
  planExperiments,
  planFocusAreas,
  planPracticeLogs,
} from './schema.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

interface DemoExperiment {
  action: string;
  situation: string;
  frequency: string;
  signal: string;
  startedDaysAgo: number;
  reviewInDays: number;
  status: ExperimentStatus;
  /** Days ago of each practice entry, with outcome (null: not rated). */
  practice?: Array<[number, boolean, number | null, string | null]>;
}

interface DemoFocus {
  kind: FocusKind;
  capability?: [key: string, block: string, name: string];
  title?: string;
  goal: string;
  why: string;
  manager?: boolean;
  coach?: boolean;
  status?: 'active' | 'done' | 'dropped';
  fromSuggestion?: string;
  experiments?: DemoExperiment[];
}

interface DemoPlan {
  title: string;
  startedDaysAgo: number;
  closedDaysAgo?: number;
  manager?: boolean;
  focus: DemoFocus[];
}

const SAM_PLANS: DemoPlan[] = [
  {
    title: 'Growing as an engineer, 2024',
    startedDaysAgo: 420,
    closedDaysAgo: 60,
    focus: [
      {
        kind: 'capability',
        capability: ['execution-follow-through', 'management-practice', 'Execution and follow-through'],
        goal: 'Ship what I commit to in the sprint, and say early when I cannot.',
        why: 'My estimates kept slipping and the team planned around me.',
        status: 'done',
      },
    ],
  },
  {
    title: 'Leading beyond the code',
    startedDaysAgo: 45,
    focus: [
      {
        kind: 'capability',
        capability: ['inspiring-influencing', 'self-empowerment', 'Inspiring and influencing others'],
        goal: 'Bring my view on product direction into planning, before it is polished.',
        why: 'My 360 says people rarely hear my ideas, and that they are often right.',
        manager: true,
        fromSuggestion: 'Others rate you lower here than you rate yourself: a possible blind spot.',
        experiments: [
          {
            action: 'Share one idea for the roadmap in the planning meeting',
            situation: 'Fortnightly sprint planning',
            frequency: 'Every planning meeting',
            signal: 'At least one idea discussed, whatever the outcome',
            startedDaysAgo: 35,
            reviewInDays: 30,
            status: 'running',
            practice: [
              [33, true, 2, 'Nervous; the idea was parked.'],
              [26, false, null, 'Meeting ran over, no slot.'],
              [19, true, 3, null],
              [12, true, 4, 'Mei picked it up for the next quarter.'],
              [5, true, 4, null],
            ],
          },
        ],
      },
      {
        kind: 'derailer',
        capability: ['knowing-all-the-answers', 'derailers', 'Knowing all the answers'],
        goal: 'Ask before I answer when a junior brings me a problem.',
        why: 'I jump in with the fix and they stop bringing their own ideas.',
        coach: true,
        experiments: [
          {
            action: 'Ask two questions before offering any solution',
            situation: 'Pairing and code review with newer engineers',
            frequency: 'Daily',
            signal: 'They propose the fix themselves more often than not',
            startedDaysAgo: 20,
            reviewInDays: 40,
            status: 'running',
            practice: [
              [18, true, 3, null],
              [15, true, 3, 'Hard not to jump in.'],
              [11, false, null, null],
              [8, true, 4, 'Zoe found the race condition herself.'],
              [3, true, 5, null],
            ],
          },
        ],
      },
      {
        kind: 'other',
        title: 'Speaking up in large meetings',
        goal: 'Say one thing in each all-hands Q&A.',
        why: 'I only speak one to one.',
      },
    ],
  },
];

const PLANS: Record<string, DemoPlan[]> = {
  'Sam Taylor': SAM_PLANS,
  'Lucía Romero': [
    {
      title: 'First steps in leading',
      startedDaysAgo: 1,
      focus: [
        {
          kind: 'capability',
          capability: ['building-relationships', 'self-empowerment', 'Building strong relationships'],
          goal: 'Know what each person in the support team needs from engineering.',
          why: 'Escalations go badly when we have never talked before.',
        },
      ],
    },
  ],
  'Ethan Brooks': [
    {
      title: 'Owning my growth',
      startedDaysAgo: 30,
      manager: true,
      focus: [
        {
          kind: 'capability',
          capability: ['delegating-tracking', 'management-practice', 'Delegating and tracking'],
          goal: 'Hand the release checklist to someone else and coach them through it.',
          why: 'I am the bottleneck for every release.',
          experiments: [
            {
              action: 'Let Zoe run the release while I only answer questions',
              situation: 'Weekly release',
              frequency: 'Weekly',
              signal: 'Release ships on time without me touching it',
              startedDaysAgo: 21,
              reviewInDays: 35,
              status: 'running',
              practice: [
                [20, true, 3, null],
                [13, true, 4, null],
                [6, true, 4, 'No questions this week.'],
              ],
            },
          ],
        },
      ],
    },
  ],
  'Mateo Rossi': [
    {
      title: 'Becoming a steadier presence',
      startedDaysAgo: 14,
      focus: [
        {
          kind: 'capability',
          capability: ['wellbeing-energy', 'self-leadership', 'Wellbeing and energy'],
          goal: 'Protect two focus mornings a week.',
          why: 'I run on empty by Thursday.',
          experiments: [
            {
              action: 'Block Tuesday and Thursday mornings',
              situation: 'My calendar',
              frequency: 'Twice a week',
              signal: 'I finish the week with energy left',
              startedDaysAgo: 10,
              reviewInDays: 21,
              status: 'planned',
            },
          ],
        },
      ],
    },
  ],
};

async function seedPlan(
  tx: Tx,
  organisationId: string,
  ownerId: string,
  plan: DemoPlan,
): Promise<{ planId: string; focusIds: string[] }> {
  const [row] = await tx
    .insert(developmentPlans)
    .values({
      organisationId,
      ownerId,
      title: plan.title,
      status: plan.closedDaysAgo === undefined ? 'active' : 'closed',
      startedAt: daysAgo(plan.startedDaysAgo),
      closedAt: plan.closedDaysAgo === undefined ? null : daysAgo(plan.closedDaysAgo),
      sharedWithManager: plan.manager ?? false,
    })
    .returning({ id: developmentPlans.id });
  const focusIds: string[] = [];
  for (const [position, f] of plan.focus.entries()) {
    const [focus] = await tx
      .insert(planFocusAreas)
      .values({
        organisationId,
        planId: row!.id,
        ownerId,
        position,
        kind: f.kind,
        capabilityKey: f.capability?.[0] ?? null,
        blockKey: f.capability?.[1] ?? null,
        title: f.title ?? f.capability![2],
        goal: f.goal,
        why: f.why,
        status: f.status ?? 'active',
        sharedWithManager: f.manager ?? false,
        sharedWithCoach: f.coach ?? false,
        fromSuggestion: f.fromSuggestion ? { reason: f.fromSuggestion, source: '360' } : null,
        createdAt: daysAgo(plan.startedDaysAgo),
      })
      .returning({ id: planFocusAreas.id });
    focusIds.push(focus!.id);
    for (const e of f.experiments ?? []) {
      const starts = daysAgo(e.startedDaysAgo);
      const [experiment] = await tx
        .insert(planExperiments)
        .values({
          organisationId,
          focusId: focus!.id,
          ownerId,
          action: e.action,
          situation: e.situation,
          frequency: e.frequency,
          signal: e.signal,
          startsOn: dayOf(starts),
          reviewOn: dayOf(new Date(starts.getTime() + e.reviewInDays * DAY)),
          status: e.status,
        })
        .returning({ id: planExperiments.id });
      const logs = (e.practice ?? []).map(([ago, didIt, outcome, note]) => ({
        organisationId,
        experimentId: experiment!.id,
        ownerId,
        loggedAt: daysAgo(ago),
        didIt,
        outcome,
        note,
      }));
      if (logs.length) await tx.insert(planPracticeLogs).values(logs);
    }
  }
  return { planId: row!.id, focusIds };
}

export async function seedDemoDevelopment(
  db: Database,
  organisationId: string,
  seated: DemoPerson[],
): Promise<void> {
  const id = (name: string) => {
    const person = seated.find((p) => p.name === name);
    if (!person) throw new Error(`demo person missing: ${name}`);
    return person.id;
  };
  // Coaching first: sharing with a coach means something only once the coachee accepted.
  const rachel = id('Rachel Kim');
  await db.inOrganisation(organisationId, (tx) =>
    tx.insert(coachingRelationships).values([
      ...['Sam Taylor', 'Mateo Rossi'].map((name) => ({
        organisationId,
        coachId: rachel,
        coacheeId: id(name),
        status: 'active' as const,
        requestedById: rachel,
        requestedAt: daysAgo(50),
        respondedAt: daysAgo(48),
      })),
      {
        organisationId,
        coachId: rachel,
        coacheeId: id('Daniel Cohen'),
        requestedById: rachel,
        requestedAt: daysAgo(2),
      },
    ]),
  );
  let samCurrent: { planId: string; focusIds: string[] } | undefined;
  for (const [name, plans] of Object.entries(PLANS)) {
    const owner = id(name);
    await db.inOrganisation(
      organisationId,
      async (tx) => {
        for (const plan of plans) {
          const seeded = await seedPlan(tx, organisationId, owner, plan);
          if (name === 'Sam Taylor' && plan.closedDaysAgo === undefined) samCurrent = seeded;
        }
      },
      owner,
    );
  }
  // Arjun Patel, Sam's manager, comments on the focus area Sam shared with him (written as Arjun:
  // the database lets him only because it is shared with him).
  const arjun = id('Arjun Patel');
  await db.inOrganisation(
    organisationId,
    (tx) =>
      tx.insert(planComments).values({
        organisationId,
        planId: samCurrent!.planId,
        focusId: samCurrent!.focusIds[0]!,
        ownerId: id('Sam Taylor'),
        authorId: arjun,
        body: 'Great to see this. Bring the pricing idea to Thursday’s planning — I will make room for it.',
        createdAt: daysAgo(10),
      }),
    arjun,
  );
}
