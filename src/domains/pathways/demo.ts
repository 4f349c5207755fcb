// Demo pathways: four people of the demo organisation, each at a different point, so the pages show
// a real spread — one just started, one midway, one nearly done, and (when the development plan's
// demo gave the person a focus) one tied to a focus. Seeded as each person, since the owner-only
// policies let nobody else write their rows (docs/decisions/0014).
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import type { DemoPerson } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import { planFocusAreas } from '../development/schema.ts';
import { listPublishedModules } from '../library/service.ts';
import { learningPathwaySteps, learningPathways } from './schema.ts';

type Progress = 'none' | 'started' | 'practised' | 'reflected';

interface DemoPathway {
  person: string;
  title: string;
  /** Tie to the person's first active focus with this capability, if their demo plan has one. */
  focusCapability?: string;
  steps: [moduleKey: string, progress: Progress][];
}

const PATHWAYS: DemoPathway[] = [
  {
    person: 'Sam Taylor',
    title: 'Getting to know my colleagues',
    focusCapability: 'building-relationships',
    steps: [
      ['building-relationships/reach-out-without-an-ask', 'reflected'],
      ['building-relationships/know-the-person', 'practised'],
      ['building-relationships/connection-at-a-distance', 'started'],
      ['inspiring-influencing/listen-before-you-persuade', 'none'],
    ],
  },
  {
    person: 'Lucía Romero',
    title: 'Seeing the bigger picture',
    steps: [
      ['strategic-thinking/line-of-sight', 'started'],
      ['strategic-thinking/and-then-what', 'none'],
    ],
  },
  {
    person: 'Arjun Patel',
    title: 'Influence without authority',
    focusCapability: 'inspiring-influencing',
    steps: [
      ['inspiring-influencing/talk-before-the-meeting', 'reflected'],
      ['inspiring-influencing/make-the-case-in-their-terms', 'reflected'],
      ['inspiring-influencing/credibility-one-promise-at-a-time', 'practised'],
    ],
  },
  {
    person: 'Mei Chen',
    title: 'A vision my team can use',
    focusCapability: 'creating-vision',
    steps: [
      ['creating-vision/a-vision-people-can-decide-by', 'none'],
      ['creating-vision/shape-it-together', 'none'],
    ],
  },
];

const DAY = 24 * 60 * 60 * 1000;

function marks(progress: Progress, daysAgo: number, now: number) {
  const at = (d: number) => new Date(now - d * DAY);
  return {
    startedAt: progress === 'none' ? null : at(daysAgo),
    practisedAt: progress === 'practised' || progress === 'reflected' ? at(daysAgo - 2) : null,
    reflectedAt: progress === 'reflected' ? at(daysAgo - 4) : null,
  };
}

async function focusFor(tx: Tx, organisationId: string, ownerId: string, capability: string | undefined) {
  if (!capability) return null;
  const [row] = await tx
    .select({ id: planFocusAreas.id })
    .from(planFocusAreas)
    .where(
      and(
        eq(planFocusAreas.organisationId, organisationId),
        eq(planFocusAreas.ownerId, ownerId),
        eq(planFocusAreas.capabilityKey, capability),
        eq(planFocusAreas.status, 'active'),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

export async function seedDemoPathways(services: Services, organisationId: string, people: DemoPerson[]) {
  const now = services.clock().getTime();
  for (const demo of PATHWAYS) {
    const person = people.find((p) => p.name === demo.person);
    if (!person) continue;
    await services.db.inOrganisation(
      organisationId,
      async (tx) => {
        const modules = await listPublishedModules({ tx, kind: services.db.kind, organisationId });
        const idOf = new Map(modules.map((m) => [m.key, m.id]));
        // Content may be renamed; a missing module is skipped rather than failing the whole demo.
        const steps = demo.steps.filter(([key]) => idOf.has(key));
        const [pathway] = await tx
          .insert(learningPathways)
          .values({
            organisationId,
            ownerId: person.id,
            title: demo.title,
            focusId: await focusFor(tx, organisationId, person.id, demo.focusCapability),
            createdAt: new Date(now - 30 * DAY),
          })
          .returning({ id: learningPathways.id });
        if (!steps.length) return;
        await tx.insert(learningPathwaySteps).values(
          steps.map(([key, progress], position) => ({
            organisationId,
            pathwayId: pathway!.id,
            ownerId: person.id,
            position,
            moduleId: idOf.get(key)!,
            ...marks(progress, 25 - position * 5, now),
          })),
        );
      },
      person.id,
    );
  }
}
