// Demo journals: Sam Taylor (the demo participant) reflects on his experiments over the weeks, shares
// one entry with his manager Arjun Patel and one with his coach Rachel Kim, and keeps the rest to
// himself; Ethan Brooks shares one with Arjun too, so Arjun's "shared with you" has two people;
// Lucía Romero and Mateo Rossi keep a private entry each. Seeded as each person, since the
// owner-only policies let nobody else write their rows (docs/decisions/0014). Experiments are
// found by their action in the person's demo plan (development's demo.ts); a missing one leaves the
// entry unlinked rather than failing the demo.
import { and, eq } from 'drizzle-orm';
import type { DemoPerson } from '../../platform/module.ts';
import type { Services } from '../../platform/services.ts';
import { planExperiments } from '../development/schema.ts';
import { listPublishedModules } from '../library/service.ts';
import { journalEntries } from './schema.ts';

const DAY = 86_400_000;

interface DemoEntry {
  daysAgo: number;
  body: string;
  mood?: number;
  energy?: number;
  /** The action of one of the person's experiments. */
  experiment?: string;
  /** The key of a library module. */
  module?: string;
  manager?: boolean;
  coach?: boolean;
}

const SHARE_IDEA = 'Share one idea for the roadmap in the planning meeting';
const ASK_FIRST = 'Ask two questions before offering any solution';

const JOURNALS: Record<string, DemoEntry[]> = {
  'Sam Taylor': [
    {
      daysAgo: 33,
      experiment: SHARE_IDEA,
      mood: 2,
      energy: 3,
      body: 'First planning meeting with the experiment. I had the pricing idea ready and still waited until the last five minutes. It got parked.\n\nWhat I noticed: I wait for a gap that never comes. Next time, raise it when the roadmap item comes up, not at the end.',
    },
    {
      daysAgo: 15,
      experiment: ASK_FIRST,
      mood: 3,
      energy: 2,
      coach: true,
      body: 'Pairing with Zoe today. Twice I had the answer on the tip of my tongue. Asking "what have you tried?" felt slow and a bit fake. Would like to talk about this with Rachel: how do I ask without sounding like a quiz?',
    },
    {
      daysAgo: 12,
      experiment: SHARE_IDEA,
      mood: 4,
      energy: 4,
      manager: true,
      body: 'Raised the pricing idea when the billing epic came up. Mei picked it up for next quarter. Arjun: thanks for making room for it on Thursday — it helped to know there would be a slot.',
    },
    {
      daysAgo: 8,
      module: 'building-relationships/know-the-person',
      mood: 4,
      energy: 3,
      body: 'Coffee with two people from Customer Success. I learned more about how billing hurts them than in a year of tickets.',
    },
    {
      daysAgo: 3,
      experiment: ASK_FIRST,
      mood: 5,
      energy: 4,
      body: 'Zoe found the race condition herself after two questions. She was proud of it and so was I. Asking first is getting easier when I remember the point is her learning, not my speed.',
    },
  ],
  'Ethan Brooks': [
    {
      daysAgo: 6,
      mood: 3,
      energy: 3,
      manager: true,
      body: 'Led the incident review for the first time. I kept it blameless but ran out of time for actions.',
    },
  ],
  'Lucía Romero': [
    { daysAgo: 2, mood: 4, energy: 5, body: 'Started my plan. Writing the goal down made it feel real.' },
  ],
  'Mateo Rossi': [
    {
      daysAgo: 9,
      mood: 2,
      energy: 2,
      body: 'Not sure the plan is the right one. Keeping this to myself for now.',
    },
  ],
};

export async function seedDemoReflection(services: Services, organisationId: string, people: DemoPerson[]) {
  const now = services.clock().getTime();
  for (const [name, entries] of Object.entries(JOURNALS)) {
    const person = people.find((p) => p.name === name);
    if (!person) continue;
    await services.db.inOrganisation(
      organisationId,
      async (tx) => {
        const experiments = await tx
          .select({ id: planExperiments.id, action: planExperiments.action })
          .from(planExperiments)
          .where(
            and(eq(planExperiments.organisationId, organisationId), eq(planExperiments.ownerId, person.id)),
          );
        const modules = entries.some((e) => e.module)
          ? await listPublishedModules({ tx, kind: services.db.kind, organisationId })
          : [];
        await tx.insert(journalEntries).values(
          entries.map((e) => {
            const at = new Date(now - e.daysAgo * DAY);
            return {
              organisationId,
              ownerId: person.id,
              body: e.body,
              mood: e.mood ?? null,
              energy: e.energy ?? null,
              experimentId: experiments.find((x) => x.action === e.experiment)?.id ?? null,
              moduleId: modules.find((m) => m.key === e.module)?.id ?? null,
              sharedWithManager: e.manager ?? false,
              sharedWithCoach: e.coach ?? false,
              createdAt: at,
              updatedAt: at,
            };
          }),
        );
      },
      person.id,
    );
  }
}
