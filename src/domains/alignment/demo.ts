// The demo organisation's goals and values: goals owned by named leaders in the statuses people
// meet (two active, one achieved, one draft only admins see), and values of which several map to
// framework capabilities, so the "Our goals and values" page has
// something to show and plans have something to link to. Written through the service, so the
// demo obeys the same rules as the API.
import type { DemoPerson } from '../../platform/module.ts';
import type { OrganisationScope } from '../../platform/scope.ts';
import type { GoalStatus } from './constants.ts';
import { createGoal } from './goals.ts';
import { createValue } from './values.ts';

const GOALS: {
  title: string;
  description: string;
  owner: string;
  /** Period in whole years relative to this year: [start year offset, end year offset]. */
  years: [number, number];
  status: GoalStatus;
}[] = [
  {
    title: 'Grow leaders at every career stage',
    description:
      'Every person, from individual contributor to executive, has a development plan they chose and reviews it with someone they trust each quarter.',
    owner: 'Amara Okafor',
    years: [0, 0],
    status: 'active',
  },
  {
    title: 'Make our customers’ first month effortless',
    description:
      'New customers reach their first success within 30 days, with one named person who follows through on every promise we make them.',
    owner: 'Grace Whitfield',
    years: [0, 1],
    status: 'active',
  },
  {
    title: 'Ship in small, safe steps',
    description: 'Every team releases at least weekly, and any change can be rolled back within an hour.',
    owner: 'Priya Raman',
    years: [-1, -1],
    status: 'achieved',
  },
  {
    title: 'Open an office in Lisbon',
    description: 'Still being shaped by the executive team; not shared with everyone yet.',
    owner: 'Helena Marsh',
    years: [1, 1],
    status: 'draft',
  },
];

const VALUES: { name: string; description: string; capabilityKey: string | null }[] = [
  {
    name: 'Learn out loud',
    description:
      'We share what we are trying, what went wrong and what we learnt, so everyone learns faster than anyone could alone.',
    capabilityKey: 'courageous-learning',
  },
  {
    name: 'Own the outcome',
    description: 'We take 100% ownership of results, not only of our part of the work.',
    capabilityKey: 'ownership',
  },
  {
    name: 'Trust first',
    description: 'We assume good intent, keep our word, and build relationships before we need them.',
    capabilityKey: 'building-relationships',
  },
  {
    name: 'Everyone belongs',
    description: 'People can be themselves here, and every voice is asked for before we decide.',
    capabilityKey: 'belonging',
  },
  {
    name: 'Customers in the room',
    description: 'Decisions start from what our customers need, and we invite them in to tell us.',
    capabilityKey: null,
  },
];

export async function seedDemoAlignment(
  scope: Pick<OrganisationScope, 'tx' | 'kind' | 'organisationId' | 'now'>,
  people: DemoPerson[],
): Promise<void> {
  const year = scope.now().getUTCFullYear();
  for (const g of GOALS) {
    await createGoal(scope, {
      title: g.title,
      description: g.description,
      ownerId: people.find((p) => p.name === g.owner)?.id ?? null,
      periodStart: `${year + g.years[0]}-01-01`,
      periodEnd: `${year + g.years[1]}-12-31`,
      status: g.status,
    });
  }
  for (const v of VALUES) await createValue(scope, v);
}
