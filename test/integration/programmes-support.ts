// Shared set-up for the programmes tests: an organisation with a department holding two teams, a
// reporting line three deep, people at several career stages, and its admin signed in.
import { eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { launchAllDue } from '../../src/domains/programmes/jobs.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people, teams } from '../../src/identity/people/schema.ts';
import { queryRows } from '../../src/platform/db/rows.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { addOrganisation, Client, type Harness, PASSWORD } from '../support/harness.ts';
import { json } from './feedback-support.ts';

export { type ErrorBody, json } from './feedback-support.ts';

export interface ProgrammeOrg {
  organisationId: string;
  admin: Client;
  adminId: string;
  stages: Record<string, string>;
  teams: { department: string; sales: string; support: string };
  /** name → id: head (manages lead), lead (manages ann, bob), ann, bob in sales; cat, dan in support; eve in the department itself. */
  people: Record<'head' | 'lead' | 'ann' | 'bob' | 'cat' | 'dan' | 'eve', string>;
}

export async function programmeOrg(h: Harness, slug: string): Promise<ProgrammeOrg> {
  const org = await addOrganisation(h.services, slug);
  const organisationId = org.organisationId;
  const made = await h.services.db.inOrganisation(organisationId, async (tx) => {
    const stageRows = await listCareerStages({ tx });
    const stages = Object.fromEntries(stageRows.map((s) => [s.key, s.id]));
    const [department] = await tx.insert(teams).values({ organisationId, name: 'Department' }).returning();
    const [sales, support] = await tx
      .insert(teams)
      .values([
        { organisationId, name: 'Sales', parentTeamId: department!.id },
        { organisationId, name: 'Support', parentTeamId: department!.id },
      ])
      .returning();
    const person = async (name: string, stage: string, teamId: string, managerId: string | null = null) => {
      const [p] = await tx
        .insert(people)
        .values({
          organisationId,
          name,
          email: `${name}@${slug}.test`,
          careerStageId: stages[stage]!,
          teamId,
          managerId,
          status: 'active',
        })
        .returning({ id: people.id });
      return p!.id;
    };
    const head = await person('head', 'senior-leader', department!.id);
    const lead = await person('lead', 'team-lead', sales!.id, head);
    const ps = {
      head,
      lead,
      ann: await person('ann', 'individual-contributor', sales!.id, lead),
      bob: await person('bob', 'individual-contributor', sales!.id, lead),
      cat: await person('cat', 'individual-contributor', support!.id),
      dan: await person('dan', 'manager', support!.id),
      eve: await person('eve', 'individual-contributor', department!.id),
    };
    return {
      stages,
      teams: { department: department!.id, sales: sales!.id, support: support!.id },
      people: ps,
    };
  });
  const admin = new Client(h.app);
  await admin.signIn(`admin@${slug}.test`, PASSWORD);
  const adminId = org.people.find((p) => p.email === `admin@${slug}.test`)!.id;
  return { organisationId, admin, adminId, ...made };
}

export interface Programme {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  phase: string;
  enrolled: number;
  careerStages: { id: string; key: string }[];
  steps: {
    id: string;
    kind: string;
    title: string;
    description: string;
    offsetDays: number;
    date: string;
    launched: number;
    status: string;
  }[];
}

export const createProgramme = async (c: Client, body: Record<string, unknown>) =>
  json<Programme>(await c.post('/api/admin/programmes', body), 201);

/** The whole programme as an edit body, for tests to change a part of. */
export const editable = (p: Programme) => ({
  name: p.name,
  description: '',
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  careerStageIds: p.careerStages.map((s) => s.id),
  steps: p.steps.map(({ id, kind, title, description, offsetDays }) => ({
    id,
    kind,
    title,
    description,
    offsetDays,
  })),
});

/** The scheduler's tick at `at`: the launcher, then the queue until nothing is due (emails). */
export async function tick(h: Harness, at: Date): Promise<number> {
  h.services.clock = () => at;
  const launched = await launchAllDue(h.services);
  while ((await h.services.jobs.runDue()) > 0) {}
  return launched;
}

export async function emailsTo(h: Harness, organisationId: string, to: string) {
  return h.services.db.inOrganisation(organisationId, (tx) =>
    tx.select({ subject: emails.subject, text: emails.text }).from(emails).where(eq(emails.to, to)),
  );
}

/** Rows of a query in the organisation, for checks on other domains' tables. */
export async function rows(
  h: Harness,
  organisationId: string,
  query: SQL,
): Promise<Record<string, unknown>[]> {
  return h.services.db.inOrganisation(organisationId, (tx) =>
    queryRows(tx, query, z.record(z.string(), z.unknown())),
  );
}

/** `count` active people named `${prefix}${i}`, person i in `teamOf(i)`; their ids in order. */
export async function addCohortPeople(
  h: Harness,
  o: ProgrammeOrg,
  prefix: string,
  count: number,
  teamOf: (i: number) => string,
): Promise<string[]> {
  const stage = Object.values(o.stages)[0]!;
  const rows = await h.services.db.inOrganisation(o.organisationId, (tx) =>
    tx
      .insert(people)
      .values(
        Array.from({ length: count }, (_, i) => ({
          organisationId: o.organisationId,
          name: `${prefix}${i}`,
          email: `${prefix}${i}@${prefix}.test`,
          careerStageId: stage,
          teamId: teamOf(i),
          status: 'active' as const,
        })),
      )
      .returning({ id: people.id }),
  );
  return rows.map((r) => r.id);
}
