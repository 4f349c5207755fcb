// Shared set-up for the analytics tests: an organisation with Engineering (9 people, its leader
// among them) holding Platform (2, below the minimum of 3), and Sales (7, its leader among them),
// at two career stages, every one with a submitted self-assessment; plus the admin, a coach and a
// participant of addOrganisation (no team). Everyone's membership is returned, so a test can
// compute what each released figure is over, independently of the module.
import { sql } from 'drizzle-orm';
import { selfAssessedItems } from '../../src/domains/framework/definition.ts';
import { currentVersion } from '../../src/domains/framework/service.ts';
import { hashPassword } from '../../src/identity/auth/password.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people, teams } from '../../src/identity/people/schema.ts';
import { addOrganisation, Client, type Harness, PASSWORD } from '../support/harness.ts';

export interface Member {
  id: string;
  teamId: string | null;
  stage: string;
  /** The latest submitted assessment's id (the observation of its scores), null if none. */
  assessmentId: string | null;
}

export interface AnalyticsOrg {
  organisationId: string;
  admin: Client;
  participant: Client;
  engLead: Client;
  salesLead: Client;
  teams: { eng: string; platform: string; sales: string };
  members: Member[];
}

export async function signedIn(h: Harness, email: string): Promise<Client> {
  const c = new Client(h.app);
  const res = await c.signIn(email, PASSWORD);
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status}`);
  return c;
}

/** Submits an assessment for `personId` at `at`, answering every item with a value from `seed`. */
export async function submitAssessment(h: Harness, org: string, personId: string, at: Date, seed: number) {
  return h.services.db.asSystem(async (tx) => {
    const version = await currentVersion(tx, h.services.db.kind, org);
    const answers = Object.fromEntries(
      selfAssessedItems(version.definition).map((item, i) => [item.key, 1 + ((seed + i) % 4)]),
    );
    const result = (await tx.execute(
      sql`INSERT INTO assessments (organisation_id, person_id, version_id, status, answers, started_at, updated_at, submitted_at)
          VALUES (${org}, ${personId}, ${version.id}, 'submitted', ${JSON.stringify(answers)}::jsonb,
                  ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)
          RETURNING id::text`,
    )) as unknown as { rows: { id: string }[] };
    return result.rows[0]!.id;
  });
}

export async function analyticsOrg(h: Harness, slug: string, assessedAt: Date): Promise<AnalyticsOrg> {
  const base = await addOrganisation(h.services, slug);
  const organisationId = base.organisationId;
  const passwordHash = await hashPassword(PASSWORD);
  const made = await h.services.db.inOrganisation(organisationId, async (tx) => {
    const stages = Object.fromEntries((await listCareerStages({ tx })).map((s) => [s.key, s.id]));
    const [eng] = await tx.insert(teams).values({ organisationId, name: 'Engineering' }).returning();
    const [platform, sales] = await tx
      .insert(teams)
      .values([
        { organisationId, name: 'Platform', parentTeamId: eng!.id },
        { organisationId, name: 'Sales' },
      ])
      .returning();
    const members: Member[] = [];
    const add = async (name: string, teamId: string, stage: string, password = false) => {
      const [p] = await tx
        .insert(people)
        .values({
          organisationId,
          name,
          email: `${name}@${slug}.test`,
          careerStageId: stages[stage]!,
          teamId,
          status: 'active',
          ...(password ? { passwordHash } : {}),
        })
        .returning({ id: people.id });
      members.push({ id: p!.id, teamId, stage, assessmentId: null });
      return p!.id;
    };
    const engLead = await add('englead', eng!.id, 'manager', true);
    for (let i = 0; i < 8; i++) await add(`eng${i}`, eng!.id, i < 5 ? 'individual-contributor' : 'manager');
    for (let i = 0; i < 2; i++) await add(`platform${i}`, platform!.id, 'individual-contributor');
    const salesLead = await add('saleslead', sales!.id, 'manager', true);
    for (let i = 0; i < 6; i++)
      await add(`sales${i}`, sales!.id, i < 4 ? 'individual-contributor' : 'manager');
    await tx.execute(sql`UPDATE teams SET leader_id = ${engLead} WHERE id = ${eng!.id}`);
    await tx.execute(sql`UPDATE teams SET leader_id = ${salesLead} WHERE id = ${sales!.id}`);
    const firstStage = (await listCareerStages({ tx }))[0]!.key;
    for (const p of base.people)
      members.push({ id: p.id, teamId: null, stage: firstStage, assessmentId: null });
    return { teams: { eng: eng!.id, platform: platform!.id, sales: sales!.id }, members };
  });
  for (const [i, m] of made.members.entries()) {
    if (m.teamId !== null) m.assessmentId = await submitAssessment(h, organisationId, m.id, assessedAt, i);
  }
  const [admin, participant, engLead, salesLead] = await Promise.all([
    signedIn(h, `admin@${slug}.test`),
    signedIn(h, `participant@${slug}.test`),
    signedIn(h, `englead@${slug}.test`),
    signedIn(h, `saleslead@${slug}.test`),
  ]);
  return { organisationId, admin, participant, engLead, salesLead, ...made };
}
