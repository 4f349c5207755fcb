// Shared set-up for the team climate tests: an organisation with a small tree of teams and leaders
// (Engineering over Platform and Apps), helpers to send and close a round through the job queue,
// and to answer through the links in the outbox.
import { and, desc, eq, like, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { closeDueRounds } from '../../src/domains/climate/close.ts';
import type { ClimateForm } from '../../src/domains/climate/contracts.ts';
import { hashPassword } from '../../src/identity/auth/password.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people, teams } from '../../src/identity/people/schema.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { addOrganisation, Client, type Harness, PASSWORD } from '../support/harness.ts';
import { json } from './feedback-support.ts';

export { json };

/**
 * Engineering (led by `lead`) has Platform (led by l1) and Apps (led by l2) below it.
 * lead manages l1 and l2 (both in Engineering itself); l1 manages p1–p4 in Platform and a1 in Apps
 * (a leader with two teams, one of them small); l2 manages a2 in Apps. Apps has two people.
 */
export const PEOPLE = ['lead', 'l1', 'l2', 'p1', 'p2', 'p3', 'p4', 'a1', 'a2'] as const;
export type Name = (typeof PEOPLE)[number];

export interface ClimateOrg {
  organisationId: string;
  slug: string;
  admin: Client;
  ids: Record<Name, string>;
  teams: { eng: string; platform: string; apps: string };
  email: (name: Name) => string;
  signIn: (name: Name | 'participant' | 'coach') => Promise<Client>;
}

export async function climateOrg(h: Harness, slug: string): Promise<ClimateOrg> {
  const org = await addOrganisation(h.services, slug);
  const passwordHash = await hashPassword(PASSWORD);
  const email = (name: string) => `${name}@${slug}.test`;
  const made = await h.services.db.inOrganisation(org.organisationId, async (tx) => {
    const [stage] = await listCareerStages({ tx });
    const organisationId = org.organisationId;
    const [eng] = await tx.insert(teams).values({ organisationId, name: 'Engineering' }).returning();
    const [platform, apps] = await tx
      .insert(teams)
      .values([
        { organisationId, name: 'Platform', parentTeamId: eng!.id },
        { organisationId, name: 'Apps', parentTeamId: eng!.id },
      ])
      .returning();
    const teamOf: Record<Name, string> = {
      lead: eng!.id,
      l1: eng!.id,
      l2: eng!.id,
      p1: platform!.id,
      p2: platform!.id,
      p3: platform!.id,
      p4: platform!.id,
      a1: apps!.id,
      a2: apps!.id,
    };
    const rows = await tx
      .insert(people)
      .values(
        PEOPLE.map((name) => ({
          organisationId,
          name: `${slug} ${name}`,
          email: email(name),
          careerStageId: stage!.id,
          roles: ['participant' as const],
          passwordHash,
          status: 'active' as const,
          teamId: teamOf[name],
        })),
      )
      .returning({ id: people.id, email: people.email });
    const ids = Object.fromEntries(
      PEOPLE.map((n) => [n, rows.find((r) => r.email === email(n))!.id]),
    ) as Record<Name, string>;
    const managerOf: Partial<Record<Name, Name>> = {
      l1: 'lead',
      l2: 'lead',
      p1: 'l1',
      p2: 'l1',
      p3: 'l1',
      p4: 'l1',
      a1: 'l1',
      a2: 'l2',
    };
    for (const [n, m] of Object.entries(managerOf)) {
      await tx
        .update(people)
        .set({ managerId: ids[m as Name] })
        .where(and(eq(people.organisationId, organisationId), eq(people.id, ids[n as Name])));
    }
    await tx.update(teams).set({ leaderId: ids.lead }).where(eq(teams.id, eng!.id));
    await tx.update(teams).set({ leaderId: ids.l1 }).where(eq(teams.id, platform!.id));
    await tx.update(teams).set({ leaderId: ids.l2 }).where(eq(teams.id, apps!.id));
    return { ids, teams: { eng: eng!.id, platform: platform!.id, apps: apps!.id } };
  });
  const signIn = async (name: string) => {
    const c = new Client(h.app);
    expect((await c.signIn(email(name), PASSWORD)).status).toBe(200);
    return c;
  };
  return {
    organisationId: org.organisationId,
    slug,
    admin: await signIn('admin'),
    ids: made.ids,
    teams: made.teams,
    email,
    signIn,
  };
}

/** The admin sends a round now and the queue runs it; returns the round's id. */
export async function sendRound(h: Harness, o: ClimateOrg): Promise<string> {
  await json(await o.admin.post('/api/admin/climate/rounds'), 202);
  await h.services.jobs.runDue();
  const list = await json<{ rounds: Array<{ id: string; status: string }> }>(
    await o.admin.get('/api/admin/climate/rounds'),
    200,
  );
  const open = list.rounds.find((r) => r.status === 'open');
  expect(open).toBeDefined();
  return open!.id;
}

/** Moves the round's deadline into the past and runs the close job's work (its cron is per minute). */
export async function closeRound(h: Harness, o: ClimateOrg, roundId: string): Promise<void> {
  await h.services.db.inOrganisation(o.organisationId, (tx) =>
    tx.execute(sql`UPDATE climate_rounds SET deadline = now() - interval '1 second'
                    WHERE organisation_id = ${o.organisationId} AND id = ${roundId}`),
  );
  await closeDueRounds(h.services);
}

/** The newest climate link emailed to `to` (its token). */
export async function climateLink(h: Harness, organisationId: string, to: string): Promise<string> {
  const [row] = await h.services.db.inOrganisation(organisationId, (tx) =>
    tx
      .select({ text: emails.text })
      .from(emails)
      .where(and(eq(emails.to, to), like(emails.text, '%/rate/climate/%')))
      .orderBy(desc(emails.createdAt))
      .limit(1),
  );
  const m = row ? /\/rate\/climate\/(\S+)/.exec(row.text) : null;
  if (!m) throw new Error(`no climate link emailed to ${to}`);
  return m[1]!;
}

/** A signed-out client (the CSRF cookie only). */
export async function respondent(h: Harness): Promise<Client> {
  const c = new Client(h.app);
  await c.get('/api/auth/csrf');
  return c;
}

/** Answers every item of the form behind `token` with `value(itemKey)`. */
export async function answer(h: Harness, token: string, value: (key: string) => number): Promise<Response> {
  const c = await respondent(h);
  const form = await json<ClimateForm>(await c.get(`/api/climate/respond/${token}`), 200);
  return c.post(`/api/climate/respond/${token}`, {
    answers: form.items.map((i) => ({ item: i.key, value: value(i.key) })),
  });
}

/** Everyone named answers every item with `value`. */
export async function everyoneAnswers(
  h: Harness,
  o: ClimateOrg,
  names: readonly Name[],
  value: (name: Name, key: string) => number,
): Promise<void> {
  for (const n of names) {
    const token = await climateLink(h, o.organisationId, o.email(n));
    expect((await answer(h, token, (k) => value(n, k))).status).toBe(200);
  }
}
