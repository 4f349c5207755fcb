// The demo organisation a new user meets on first start: people at every career stage, six teams
// nested under the Executive Office and Product & Engineering, each led by the person its members
// report up to, and real reporting lines, all able to sign in with one shared demo password.
import { count, eq } from 'drizzle-orm';
import { hashPassword } from '../identity/auth/password.ts';
import { listCareerStages } from '../identity/organisations/service.ts';
import { people, teams } from '../identity/people/schema.ts';
import { createOrganisation, modules } from '../modules.ts';
import type { Database } from '../platform/db/database.ts';
import type { Services } from '../platform/services.ts';
import { organisations } from '../platform/tenancy/schema.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_PASSWORD = 'lodestar-demo';
const DOMAIN = 'northwind.example';

export interface DemoCredentials {
  organisationId: string;
  admin: { email: string; password: string };
  participant: { email: string; password: string };
}

type Stage = 'individual-contributor' | 'team-lead' | 'manager' | 'senior-leader' | 'executive';
type Seat = {
  name: string;
  stage: Stage;
  team: string;
  manager: string | null;
  roles?: ('admin' | 'coach')[];
};

// [name, stage, team, manager name]: a CEO, senior leaders heading teams, managers, leads and ICs.
const SEATS: Seat[] = [
  { name: 'Helena Marsh', stage: 'executive', team: 'Executive Office', manager: null },
  { name: 'Tobias Lindqvist', stage: 'executive', team: 'Executive Office', manager: 'Helena Marsh' },
  {
    name: 'Amara Okafor',
    stage: 'senior-leader',
    team: 'People & Culture',
    manager: 'Helena Marsh',
    roles: ['admin'],
  },
  { name: 'Priya Raman', stage: 'senior-leader', team: 'Engineering', manager: 'Tobias Lindqvist' },
  { name: 'Diego Fernández', stage: 'senior-leader', team: 'Product', manager: 'Tobias Lindqvist' },
  { name: 'Grace Whitfield', stage: 'senior-leader', team: 'Customer Success', manager: 'Helena Marsh' },
  { name: 'Kwame Mensah', stage: 'senior-leader', team: 'Operations', manager: 'Helena Marsh' },
  { name: 'Sofia Novak', stage: 'manager', team: 'Engineering', manager: 'Priya Raman' },
  { name: 'Liam O’Connor', stage: 'manager', team: 'Engineering', manager: 'Priya Raman' },
  { name: 'Mei Chen', stage: 'manager', team: 'Product', manager: 'Diego Fernández' },
  { name: 'Jonas Weber', stage: 'manager', team: 'Customer Success', manager: 'Grace Whitfield' },
  { name: 'Fatima Al-Sayed', stage: 'manager', team: 'Operations', manager: 'Kwame Mensah' },
  {
    name: 'Rachel Kim',
    stage: 'manager',
    team: 'People & Culture',
    manager: 'Amara Okafor',
    roles: ['coach'],
  },
  { name: 'Arjun Patel', stage: 'team-lead', team: 'Engineering', manager: 'Sofia Novak' },
  { name: 'Chloé Martin', stage: 'team-lead', team: 'Engineering', manager: 'Liam O’Connor' },
  { name: 'Noah Williams', stage: 'team-lead', team: 'Product', manager: 'Mei Chen' },
  { name: 'Yuki Tanaka', stage: 'team-lead', team: 'Customer Success', manager: 'Jonas Weber' },
  { name: 'Olumide Adeyemi', stage: 'team-lead', team: 'Operations', manager: 'Fatima Al-Sayed' },
  { name: 'Hannah Schmidt', stage: 'team-lead', team: 'Customer Success', manager: 'Jonas Weber' },
  { name: 'Sam Taylor', stage: 'individual-contributor', team: 'Engineering', manager: 'Arjun Patel' },
  { name: 'Lucía Romero', stage: 'individual-contributor', team: 'Engineering', manager: 'Arjun Patel' },
  { name: 'Ethan Brooks', stage: 'individual-contributor', team: 'Engineering', manager: 'Arjun Patel' },
  { name: 'Aisha Bello', stage: 'individual-contributor', team: 'Engineering', manager: 'Arjun Patel' },
  { name: 'Mateo Rossi', stage: 'individual-contributor', team: 'Engineering', manager: 'Chloé Martin' },
  { name: 'Ingrid Johansson', stage: 'individual-contributor', team: 'Engineering', manager: 'Chloé Martin' },
  { name: 'Ravi Shankar', stage: 'individual-contributor', team: 'Engineering', manager: 'Chloé Martin' },
  { name: 'Zoe Anderson', stage: 'individual-contributor', team: 'Engineering', manager: 'Chloé Martin' },
  { name: 'Daniel Cohen', stage: 'individual-contributor', team: 'Engineering', manager: 'Sofia Novak' },
  { name: 'Nia Thompson', stage: 'individual-contributor', team: 'Product', manager: 'Noah Williams' },
  { name: 'Oskar Nilsson', stage: 'individual-contributor', team: 'Product', manager: 'Noah Williams' },
  { name: 'Leila Haddad', stage: 'individual-contributor', team: 'Product', manager: 'Noah Williams' },
  { name: 'Ben Carter', stage: 'individual-contributor', team: 'Product', manager: 'Mei Chen' },
  { name: 'Ana Souza', stage: 'individual-contributor', team: 'Customer Success', manager: 'Yuki Tanaka' },
  { name: 'Tom Fischer', stage: 'individual-contributor', team: 'Customer Success', manager: 'Yuki Tanaka' },
  { name: 'Maya Levi', stage: 'individual-contributor', team: 'Customer Success', manager: 'Yuki Tanaka' },
  {
    name: 'Kenji Watanabe',
    stage: 'individual-contributor',
    team: 'Customer Success',
    manager: 'Hannah Schmidt',
  },
  {
    name: 'Emily Clarke',
    stage: 'individual-contributor',
    team: 'Customer Success',
    manager: 'Hannah Schmidt',
  },
  {
    name: 'Samuel Osei',
    stage: 'individual-contributor',
    team: 'Customer Success',
    manager: 'Hannah Schmidt',
  },
  { name: 'Julia Kowalska', stage: 'individual-contributor', team: 'Operations', manager: 'Olumide Adeyemi' },
  { name: 'Marcus Reid', stage: 'individual-contributor', team: 'Operations', manager: 'Olumide Adeyemi' },
  { name: 'Elena Petrova', stage: 'individual-contributor', team: 'Operations', manager: 'Olumide Adeyemi' },
  { name: 'Hugo Lefèvre', stage: 'individual-contributor', team: 'Operations', manager: 'Fatima Al-Sayed' },
  { name: 'Amani Njoroge', stage: 'individual-contributor', team: 'People & Culture', manager: 'Rachel Kim' },
  { name: 'Lena Hoffmann', stage: 'individual-contributor', team: 'People & Culture', manager: 'Rachel Kim' },
  { name: 'Carlos Mendes', stage: 'individual-contributor', team: 'People & Culture', manager: 'Rachel Kim' },
  {
    name: 'Isla MacLeod',
    stage: 'individual-contributor',
    team: 'Executive Office',
    manager: 'Helena Marsh',
  },
  { name: 'Victor Dubois', stage: 'individual-contributor', team: 'Engineering', manager: 'Liam O’Connor' },
  { name: 'Freya Larsen', stage: 'individual-contributor', team: 'Product', manager: 'Diego Fernández' },
];

/**
 * The team tree, parents first. Each leader is the person the team's members report up to, so the
 * team path and the reporting line tell the same story ("Engineering › Platform" is led by …).
 */
const TEAMS: { name: string; parent: string | null; leader: string }[] = [
  { name: 'Executive Office', parent: null, leader: 'Helena Marsh' },
  { name: 'People & Culture', parent: 'Executive Office', leader: 'Amara Okafor' },
  { name: 'Product & Engineering', parent: 'Executive Office', leader: 'Tobias Lindqvist' },
  { name: 'Engineering', parent: 'Product & Engineering', leader: 'Priya Raman' },
  { name: 'Product', parent: 'Product & Engineering', leader: 'Diego Fernández' },
  { name: 'Customer Success', parent: 'Executive Office', leader: 'Grace Whitfield' },
  { name: 'Operations', parent: 'Executive Office', leader: 'Kwame Mensah' },
];

const ADMIN_NAME = 'Amara Okafor';
const PARTICIPANT_NAME = 'Sam Taylor';

export function demoEmail(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .toLowerCase();
  const [first, ...rest] = ascii.split(/\s+/);
  return `${first}.${rest.join('').replace(/[^a-z]/g, '')}@${DOMAIN}`;
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.asSystem((tx) => tx.select({ n: count() }).from(organisations));
  return Number(row!.n) === 0;
}

/** (Re)creates the demo organisation; other organisations are untouched. */
export async function seedDemo(services: Services): Promise<DemoCredentials> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisationId = await services.db.asSystem(async (tx) => {
    await tx.delete(organisations).where(eq(organisations.slug, DEMO_SLUG));
    return createOrganisation(tx, { name: 'Northwind Collective', slug: DEMO_SLUG });
  });
  const seated = await services.db.inOrganisation(organisationId, async (tx) => {
    const stages = await listCareerStages({ tx });
    const stageId = new Map(stages.map((s) => [s.key, s.id]));
    const teamId = new Map<string, string>();
    for (const t of TEAMS) {
      const [row] = await tx
        .insert(teams)
        .values({ organisationId, name: t.name, parentTeamId: t.parent ? teamId.get(t.parent)! : null })
        .returning({ id: teams.id });
      teamId.set(t.name, row!.id);
    }
    const inserted = await tx
      .insert(people)
      .values(
        SEATS.map((s) => ({
          organisationId,
          name: s.name,
          email: demoEmail(s.name),
          careerStageId: stageId.get(s.stage)!,
          teamId: teamId.get(s.team)!,
          roles: ['participant', ...(s.roles ?? [])],
          passwordHash,
          status: 'active' as const,
        })),
      )
      .returning({ id: people.id, name: people.name });
    const personId = new Map(inserted.map((p) => [p.name, p.id]));
    for (const s of SEATS) {
      if (s.manager) {
        await tx
          .update(people)
          .set({ managerId: personId.get(s.manager)! })
          .where(eq(people.id, personId.get(s.name)!));
      }
    }
    for (const t of TEAMS)
      await tx
        .update(teams)
        .set({ leaderId: personId.get(t.leader)! })
        .where(eq(teams.id, teamId.get(t.name)!));
    return SEATS.map((s) => ({
      id: personId.get(s.name)!,
      name: s.name,
      careerStageId: stageId.get(s.stage)!,
      seniority: stages.findIndex((stage) => stage.key === s.stage),
    }));
  });
  for (const module of modules) await module.seedDemo?.(services, organisationId, seated);
  return {
    organisationId,
    admin: { email: demoEmail(ADMIN_NAME), password: DEMO_PASSWORD },
    participant: { email: demoEmail(PARTICIPANT_NAME), password: DEMO_PASSWORD },
  };
}
