// Shared set-up for the 360 tests: an organisation with a subject who has a manager, a coach and an
// admin, a helper to read rater links from the outbox, and answer builders.
import { and, desc, eq, like, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AssessmentForm } from '../../src/domains/assessments/contracts.ts';
import type { RaterForm } from '../../src/domains/feedback/contracts.ts';
import { hashPassword } from '../../src/identity/auth/password.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people } from '../../src/identity/people/schema.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { addOrganisation, Client, type Harness, PASSWORD } from '../support/harness.ts';

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 600)).toBe(status);
  return JSON.parse(text) as T;
}

export interface FeedbackOrg {
  organisationId: string;
  subject: Client;
  manager: Client;
  coach: Client;
  admin: Client;
  subjectId: string;
  managerId: string;
  coachId: string;
  adminId: string;
}

/** participant@slug is the subject; manager@slug manages them; coach@slug and admin@slug as usual. */
export async function feedbackOrg(h: Harness, slug: string): Promise<FeedbackOrg> {
  const org = await addOrganisation(h.services, slug);
  const byEmail = new Map(org.people.map((p) => [p.email, p.id]));
  const passwordHash = await hashPassword(PASSWORD);
  const managerId = await h.services.db.inOrganisation(org.organisationId, async (tx) => {
    const [stage] = await listCareerStages({ tx });
    const [m] = await tx
      .insert(people)
      .values({
        organisationId: org.organisationId,
        name: `${slug} manager`,
        email: `manager@${slug}.test`,
        careerStageId: stage!.id,
        roles: ['participant'],
        passwordHash,
        status: 'active',
      })
      .returning({ id: people.id });
    await tx
      .update(people)
      .set({ managerId: m!.id })
      .where(eq(people.id, byEmail.get(`participant@${slug}.test`)!));
    return m!.id;
  });
  const signIn = async (email: string) => {
    const c = new Client(h.app);
    expect((await c.signIn(email, PASSWORD)).status).toBe(200);
    return c;
  };
  return {
    organisationId: org.organisationId,
    subject: await signIn(`participant@${slug}.test`),
    manager: await signIn(`manager@${slug}.test`),
    coach: await signIn(`coach@${slug}.test`),
    admin: await signIn(`admin@${slug}.test`),
    subjectId: byEmail.get(`participant@${slug}.test`)!,
    managerId,
    coachId: byEmail.get(`coach@${slug}.test`)!,
    adminId: byEmail.get(`admin@${slug}.test`)!,
  };
}

/** The newest rater link emailed to `to`. */
export async function linkFor(h: Harness, organisationId: string, to: string): Promise<string> {
  const [email] = await h.services.db.inOrganisation(organisationId, (tx) =>
    tx
      .select({ text: emails.text })
      .from(emails)
      .where(and(eq(emails.to, to), like(emails.text, '%/rate/%')))
      .orderBy(desc(emails.createdAt))
      .limit(1),
  );
  const m = email ? /\/rate\/(\S+)/.exec(email.text) : null;
  if (!m) throw new Error(`no rater link emailed to ${to}`);
  return m[1]!;
}

export async function emailCount(h: Harness, organisationId: string, to: string): Promise<number> {
  const rows = await h.services.db.inOrganisation(organisationId, (tx) =>
    tx.select({ id: emails.id }).from(emails).where(eq(emails.to, to)),
  );
  return rows.length;
}

/** A rater client: only needs the CSRF cookie, no account. */
export async function raterClient(h: Harness): Promise<Client> {
  const c = new Client(h.app);
  await c.get('/api/auth/csrf');
  return c;
}

/** Every item answered with `value(itemKey, index)`. */
export function allAnswers(form: RaterForm, value: (key: string, i: number) => number | null) {
  return form.pages.flatMap((p) => p.items).map((item, i) => ({ item: item.key, value: value(item.key, i) }));
}

/** A submitted self-assessment with every raw answer `value`. */
export async function submitSelfAssessment(c: Client, value: (key: string) => number): Promise<void> {
  const form = await json<AssessmentForm>(await c.post('/api/assessments'), 201);
  const answers = form.pages.flatMap((p) => p.items).map((i) => ({ item: i.key, value: value(i.key) }));
  await json(await c.post(`/api/assessments/${form.id}/submit`, { answers }), 200);
}

export async function makeRemindersDue(h: Harness): Promise<void> {
  await h.services.db.asSystem((tx) =>
    tx.execute(sql`UPDATE jobs SET run_at = now() WHERE task = 'feedback.remind' AND state = 'queued'`),
  );
}
