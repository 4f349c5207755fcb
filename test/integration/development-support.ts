// Shared set-up for the development plan tests: an organisation (from the 360 tests' helper) whose
// participant owns plans, with their manager, a coach, an admin and a peer, each signed in.
import { expect } from 'vitest';
import { organisationGoals } from '../../src/domains/alignment/schema.ts';
import type { PlanCreate, PlanDetail } from '../../src/domains/development/contracts.ts';
import { hashPassword } from '../../src/identity/auth/password.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people } from '../../src/identity/people/schema.ts';
import { addOrganisation, Client, type Harness, PASSWORD } from '../support/harness.ts';
import { type ErrorBody, type FeedbackOrg, feedbackOrg, json } from './feedback-support.ts';

export { type ErrorBody, json };

export interface PlanOrg extends Omit<FeedbackOrg, 'subject' | 'subjectId'> {
  owner: Client;
  ownerId: string;
  peer: Client;
  peerId: string;
}

export async function planOrg(h: Harness, slug: string): Promise<PlanOrg> {
  const { subject, subjectId, ...o } = await feedbackOrg(h, slug);
  const passwordHash = await hashPassword(PASSWORD);
  const peerId = await h.services.db.inOrganisation(o.organisationId, async (tx) => {
    const [stage] = await listCareerStages({ tx });
    const [p] = await tx
      .insert(people)
      .values({
        organisationId: o.organisationId,
        name: `${slug} peer`,
        email: `peer@${slug}.test`,
        careerStageId: stage!.id,
        roles: ['participant'],
        passwordHash,
        status: 'active',
      })
      .returning({ id: people.id });
    return p!.id;
  });
  const peer = new Client(h.app);
  expect((await peer.signIn(`peer@${slug}.test`, PASSWORD)).status).toBe(200);
  return { ...o, owner: subject, ownerId: subjectId, peer, peerId };
}

export const inAMonth = (days = 30) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
export const today = () => new Date().toISOString().slice(0, 10);

export const capabilityFocus = (over: Record<string, unknown> = {}) => ({
  kind: 'capability',
  capabilityKey: 'strategic-thinking',
  goal: 'Spend an hour a week on where the team should be in a year',
  why: 'I am always in the weeds',
  ...over,
});

export const experimentBody = (over: Record<string, unknown> = {}) => ({
  action: 'Write down one bet for next quarter',
  situation: 'Friday afternoons',
  frequency: 'Weekly',
  signal: 'My manager asks about one of them',
  startsOn: today(),
  reviewOn: inAMonth(),
  status: 'running',
  ...over,
});

/** Starts a plan for `c` and returns it. */
export async function startPlan(c: Client, body: Partial<PlanCreate> = {}): Promise<PlanDetail> {
  return json<PlanDetail>(await c.post('/api/plans', { title: 'My plan', ...body }), 201);
}

/** A plan with one focus area and one running experiment, whose ids come back. */
export async function planWithExperiment(c: Client) {
  const plan = await startPlan(c, { focusAreas: [capabilityFocus() as PlanCreate['focusAreas'][number]] });
  const focusId = plan.focusAreas[0]!.id;
  const withExperiment = await json<PlanDetail>(
    await c.post(`/api/focus-areas/${focusId}/experiments`, experimentBody()),
    201,
  );
  const experimentId = withExperiment.focusAreas[0]!.experiments[0]!.id;
  return { planId: plan.id, focusId, experimentId };
}

export async function fieldsOf(res: Response, status = 400): Promise<Record<string, string>> {
  const body = await json<ErrorBody>(res, status);
  return body.error.fields ?? {};
}

/** A goal of the organisation a plan may link to (or, with `status` 'draft', one it may not). */
export async function addGoal(h: Harness, organisationId: string, status: 'active' | 'draft' = 'active') {
  const [goal] = await h.services.db.inOrganisation(organisationId, (tx) =>
    tx
      .insert(organisationGoals)
      .values({
        organisationId,
        title: 'Grow the business',
        periodStart: '2025-01-01',
        periodEnd: '2030-12-31',
        status,
        position: 0,
      })
      .returning({ id: organisationGoals.id }),
  );
  return goal!.id;
}

/** An active goal of a new, other organisation. */
export async function addOrganisationGoal(h: Harness, slug: string) {
  const other = await addOrganisation(h.services, slug);
  return addGoal(h, other.organisationId);
}
