// GET /api/home: the next step moves on as the person does each thing (through the API), each
// person sees only their own plan, "due this week" keeps its boundaries (Monday..Sunday, overdue
// reviews, 7 days without practice, on the app's clock), and no plan gives empty shapes.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentForm } from '../../src/domains/assessments/contracts.ts';
import type { PlanDetail } from '../../src/domains/development/contracts.ts';
import { homeResponse } from '../../src/domains/home/contracts.ts';
import { weekOf } from '../../src/domains/home/due-this-week.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const shift = (date: string, days: number) => isoDay(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY));

async function ok<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

describe.each(testDatabaseKinds())('home on %s', (kind) => {
  let h: Harness;
  let participant: Client;
  let coach: Client;
  const home = async (c: Client, today?: string) =>
    homeResponse.parse(await ok(await c.get(`/api/home${today ? `?today=${today}` : ''}`)));
  const experiment = (startsOn: string, reviewOn: string, status: 'planned' | 'running', action: string) => ({
    action,
    situation: 'In team meetings',
    frequency: 'Twice a week',
    signal: 'Someone builds on an idea',
    startsOn,
    reviewOn,
    status,
  });

  beforeAll(async () => {
    h = await startHarness(kind);
    await addOrganisation(h.services, 'acme');
    participant = new Client(h.app);
    coach = new Client(h.app);
    expect((await participant.signIn('participant@acme.test', PASSWORD)).status).toBe(200);
    expect((await coach.signIn('coach@acme.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('without a plan, answers empty shapes and starts at the self-assessment', async () => {
    const body = await home(coach);
    expect(body.nextStep).toEqual({
      code: 'take-self-assessment',
      reason: 'self-knowledge-first',
      link: '/assessment',
    });
    expect(body.plan).toBeNull();
    expect(body.dueThisWeek).toEqual([]);
    expect(body.counts).toEqual({
      focusAreas: 0,
      runningExperiments: 0,
      plannedExperiments: 0,
      dueThisWeek: 0,
      practiceLast7Days: 0,
    });
    expect(body.progress).toEqual({ selfAssessment: 'none', feedback: 'none' });
    expect(body.person.name).toBe('acme coach');
  });

  it('moves the next step on as the person does each thing', async () => {
    const steps: string[] = [];
    const step = async () => {
      const s = (await home(participant)).nextStep;
      steps.push(s.code);
      return s;
    };
    await step();
    const form = await ok<AssessmentForm>(await participant.post('/api/assessments'), 201);
    await step();
    const answers = form.pages.flatMap((p) => p.items.map((i) => ({ item: i.key, value: 4 })));
    await ok(await participant.post(`/api/assessments/${form.id}/submit`, { answers }));
    await step();
    // Evidence and no plan: the module comes from the focus suggestions, the home page's second step.
    expect((await home(participant)).suggestedModule?.reason.code).toBe('growth-edge');
    const campaign = await ok<{ id: string }>(await participant.post('/api/feedback/campaigns', {}), 201);
    expect((await step()).link).toBe(`/feedback/${campaign.id}`);
    // The raters' part of a 360 is not the home page's business: move the campaign on directly.
    await h.services.db.asSystem((tx) =>
      tx.execute(sql`UPDATE feedback_campaigns SET status = 'open' WHERE id = ${campaign.id}`),
    );
    expect((await step()).reason).toBe('feedback-under-way');
    const plan = await ok<PlanDetail>(await participant.post('/api/plans', { title: 'Lead more' }), 201);
    await step();
    const withFocus = await ok<PlanDetail>(
      await participant.post(`/api/plans/${plan.id}/focus-areas`, {
        kind: 'other',
        title: 'Listening',
        goal: 'Hear people out',
      }),
      201,
    );
    await step();
    const today = isoDay(h.services.clock());
    const added = await ok<PlanDetail>(
      await participant.post(
        `/api/focus-areas/${withFocus.focusAreas[0]!.id}/experiments`,
        experiment(today, shift(today, 30), 'planned', 'Ask before telling'),
      ),
      201,
    );
    await step();
    const experimentId = added.focusAreas[0]!.experiments[0]!.id;
    await ok(await participant.put(`/api/experiments/${experimentId}/status`, { status: 'running' }));
    await step();
    await ok(await participant.post(`/api/experiments/${experimentId}/practice`, { didIt: true }), 201);
    await step();
    expect(steps).toEqual([
      'take-self-assessment',
      'finish-self-assessment',
      'request-360',
      'nominate-raters',
      'start-plan',
      'add-focus-area',
      'add-experiment',
      'start-experiment',
      'log-practice',
      // Practice flows: the journey's rungs follow (journey.ts), self-leadership's pathway first.
      'choose-pathway',
    ]);

    // A pathway with a step not yet started: it is both the next step and the suggested module.
    const library = await ok<{ items: { id: string; title: string }[] }>(
      await participant.get('/api/library/modules'),
    );
    const module = library.items[0]!;
    await ok(await participant.post('/api/pathways', { title: 'My reading', moduleIds: [module.id] }), 201);
    const body = await home(participant);
    expect(body.nextStep).toEqual({
      code: 'continue-pathway',
      reason: 'pathway-next',
      link: `/library/${module.id}`,
    });
    expect(body.suggestedModule).toMatchObject({
      id: module.id,
      reason: { code: 'pathway-next', pathwayTitle: 'My reading' },
    });
    expect(body.plan).toMatchObject({
      title: 'Lead more',
      focusAreas: [
        {
          title: 'Listening',
          goal: 'Hear people out',
          experiments: { running: 1, planned: 0, done: 0, dropped: 0 },
        },
      ],
    });
    expect(body.counts).toMatchObject({ focusAreas: 1, runningExperiments: 1, practiceLast7Days: 1 });
  });

  it('shows each person only their own plan', async () => {
    const mine = await home(participant);
    expect(mine.plan?.title).toBe('Lead more');
    const theirs = await home(coach);
    expect(theirs.plan).toBeNull();
    expect(theirs.dueThisWeek).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain('Lead more');
    expect(JSON.stringify(theirs)).not.toContain('Ask before telling');
  });

  it('keeps due-this-week to Monday..Sunday, overdue reviews and a week without practice', async () => {
    const now = h.services.clock();
    const week = weekOf(isoDay(now));
    const plan = await ok<PlanDetail>(await coach.post('/api/plans', { title: 'Coach plan' }), 201);
    const focus = await ok<PlanDetail>(
      await coach.post(`/api/plans/${plan.id}/focus-areas`, {
        kind: 'other',
        title: 'Delegating',
        goal: 'Let go',
      }),
      201,
    );
    const focusId = focus.focusAreas[0]!.id;
    const add = (e: ReturnType<typeof experiment>) =>
      coach.post(`/api/focus-areas/${focusId}/experiments`, e);
    const past = shift(week.start, -30);
    await ok(await add(experiment(week.start, week.end, 'planned', 'starts Monday, review Sunday')), 201);
    await ok(
      await add(experiment(shift(week.end, 1), shift(week.end, 8), 'planned', 'starts next Monday')),
      201,
    );
    await ok(await add(experiment(past, shift(week.start, -1), 'running', 'review overdue')), 201);
    const quiet = await ok<PlanDetail>(
      await add(experiment(past, shift(week.end, 1), 'running', 'practised')),
      201,
    );
    const practised = quiet.focusAreas[0]!.experiments.find((e) => e.action === 'practised')!.id;
    await ok(await coach.post(`/api/experiments/${practised}/practice`, { didIt: true }), 201);

    const body = await home(coach);
    expect(body.week).toEqual(week);
    const due = Object.fromEntries(body.dueThisWeek.map((e) => [e.action, e.reasons]));
    expect(due).toEqual({
      'starts Monday, review Sunday': ['start', 'review'],
      'review overdue': ['review', 'practice'],
    });
    expect(body.dueThisWeek[0]!.focus.title).toBe('Delegating');
    expect(body.counts.dueThisWeek).toBe(2);

    // Eight days later (the app's clock), the practice logged today is more than a week old.
    const real = h.services.clock;
    h.services.clock = () => new Date(now.getTime() + 8 * DAY);
    try {
      const later = await home(coach);
      expect(later.today).toBe(isoDay(new Date(now.getTime() + 8 * DAY)));
      const practice = later.dueThisWeek.find((e) => e.action === 'practised');
      expect(practice?.reasons).toContain('practice');
      expect(later.counts.practiceLast7Days).toBe(0);
    } finally {
      h.services.clock = real;
    }
  });

  it("takes the viewer's date within a day of the server's, and ignores anything else", async () => {
    const server = isoDay(h.services.clock());
    expect((await home(coach, shift(server, 1))).today).toBe(shift(server, 1));
    expect((await home(coach, shift(server, -1))).today).toBe(shift(server, -1));
    expect((await home(coach, shift(server, 5))).today).toBe(server);
    expect((await home(coach, 'not-a-date')).today).toBe(server);
  });

  it('needs a signed-in person', async () => {
    expect((await new Client(h.app).get('/api/home')).status).toBe(401);
  });
});
