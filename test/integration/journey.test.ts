// The journey through the three building blocks on GET /api/home (issue 10 item 6): it follows what
// the person does, on the organisation's thresholds, which admins change (whole months 1–36, days
// 1–180; anything else is a 400 naming the field, and nothing changes).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssessmentForm } from '../../src/domains/assessments/contracts.ts';
import type { PlanDetail } from '../../src/domains/development/contracts.ts';
import { type HomeResponse, homeResponse } from '../../src/domains/home/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { addOrganisation, Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import { fieldsOf, json } from './development-support.ts';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('journey on %s', (kind) => {
  let h: Harness;
  let organisationId: string;
  let participant: Client;
  let admin: Client;
  const home = async () => homeResponse.parse(await json(await participant.get('/api/home'), 200));
  const missing = (j: HomeResponse['journey']) => Object.fromEntries(j.blocks.map((b) => [b.key, b.missing]));
  /** Runs `work` with the app's clock moved `days` ahead. */
  async function later<T>(days: number, work: () => Promise<T>): Promise<T> {
    const real = h.services.clock;
    h.services.clock = () => new Date(real().getTime() + days * DAY);
    try {
      return await work();
    } finally {
      h.services.clock = real;
    }
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    ({ organisationId } = await addOrganisation(h.services, 'trail'));
    participant = new Client(h.app);
    admin = new Client(h.app);
    expect((await participant.signIn('participant@trail.test', PASSWORD)).status).toBe(200);
    expect((await admin.signIn('admin@trail.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  it('a new organisation starts with the default thresholds; only admins read or change them', async () => {
    const rows = await h.services.db.asSystem((tx) =>
      tx.execute(
        sql`SELECT knowledge_months, leadership_days FROM journey_settings WHERE organisation_id = ${organisationId}`,
      ),
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    expect(await json(await admin.get('/api/admin/journey/settings'), 200)).toEqual({
      knowledgeMonths: 12,
      leadershipDays: 30,
    });
    expect((await participant.get('/api/admin/journey/settings')).status).toBe(403);
    expect(
      (await participant.put('/api/admin/journey/settings', { knowledgeMonths: 6, leadershipDays: 14 }))
        .status,
    ).toBe(403);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['months 0', { knowledgeMonths: 0, leadershipDays: 30 }, 'knowledgeMonths'],
    ['months 37', { knowledgeMonths: 37, leadershipDays: 30 }, 'knowledgeMonths'],
    ['months 1.5', { knowledgeMonths: 1.5, leadershipDays: 30 }, 'knowledgeMonths'],
    ['months as text', { knowledgeMonths: '12', leadershipDays: 30 }, 'knowledgeMonths'],
    ['days 0', { knowledgeMonths: 12, leadershipDays: 0 }, 'leadershipDays'],
    ['days 181', { knowledgeMonths: 12, leadershipDays: 181 }, 'leadershipDays'],
    ['days missing', { knowledgeMonths: 12 }, 'leadershipDays'],
  ])('refuses %s naming the field, changing nothing', async (_, body, field) => {
    const fields = await fieldsOf(await admin.put('/api/admin/journey/settings', body));
    expect(Object.keys(fields)).toEqual([field]);
    expect(await json(await admin.get('/api/admin/journey/settings'), 200)).toEqual({
      knowledgeMonths: 12,
      leadershipDays: 30,
    });
  });

  it('follows the person block by block, on the organisation’s thresholds', async () => {
    expect(
      await json(
        await admin.put('/api/admin/journey/settings', { knowledgeMonths: 6, leadershipDays: 14 }),
        200,
      ),
    ).toEqual({ knowledgeMonths: 6, leadershipDays: 14 });
    const start = (await home()).journey;
    expect(start.settings).toEqual({ knowledgeMonths: 6, leadershipDays: 14 });
    expect(start.complete).toBe(false);
    expect(missing(start)).toEqual({
      'self-knowledge': ['no-self-assessment', 'no-360'],
      'self-empowerment': ['no-plan'],
      'self-leadership': ['no-pathway', 'no-recent-reflection'],
    });

    // Self-knowledge, first half: a self-assessment, and a 360 asked for.
    const form = await json<AssessmentForm>(await participant.post('/api/assessments'), 201);
    const answers = form.pages.flatMap((p) => p.items.map((i) => ({ item: i.key, value: 4 })));
    await json(await participant.post(`/api/assessments/${form.id}/submit`, { answers }), 200);
    const campaign = await json<{ id: string }>(await participant.post('/api/feedback/campaigns', {}), 201);
    expect(missing((await home()).journey)['self-knowledge']).toEqual(['360-under-way']);
    // The raters' part is not the journey's business: the campaign moves on directly.
    await h.services.db.asSystem((tx) =>
      tx.execute(sql`UPDATE feedback_campaigns SET status = 'open' WHERE id = ${campaign.id}`),
    );

    // Self-empowerment: a plan, then an experiment running.
    const plan = await json<PlanDetail>(
      await participant.post('/api/plans', {
        title: 'Lead more',
        focusAreas: [{ kind: 'capability', capabilityKey: 'strategic-thinking', goal: 'Think ahead' }],
      }),
      201,
    );
    expect(missing((await home()).journey)['self-empowerment']).toEqual(['no-experiment-running']);
    const today = h.services.clock().toISOString().slice(0, 10);
    const withExperiment = await json<PlanDetail>(
      await participant.post(`/api/focus-areas/${plan.focusAreas[0]!.id}/experiments`, {
        action: 'Ask before telling',
        situation: 'One-to-ones',
        frequency: 'Weekly',
        signal: 'They speak first',
        startsOn: today,
        reviewOn: today,
        status: 'planned',
      }),
      201,
    );
    // Planned, even from today, is not running: the person starts it (the ladder asks the same).
    expect(missing((await home()).journey)['self-empowerment']).toEqual(['no-experiment-running']);
    const experimentId = withExperiment.focusAreas[0]!.experiments[0]!.id;
    await json(await participant.put(`/api/experiments/${experimentId}/status`, { status: 'running' }), 200);
    await json(await participant.post(`/api/experiments/${experimentId}/practice`, { didIt: true }), 201);
    let body = await home();
    expect(body.journey.blocks[1]).toMatchObject({ done: true });
    expect(body.nextStep.code).toBe('choose-pathway');

    // Self-leadership: a pathway with a module, then a reflection.
    const library = await json<{ items: { id: string }[] }>(
      await participant.get('/api/library/modules'),
      200,
    );
    await json(
      await participant.post('/api/pathways', { title: 'Reading', moduleIds: [library.items[0]!.id] }),
      201,
    );
    body = await home();
    expect(missing(body.journey)['self-leadership']).toEqual(['no-recent-reflection']);
    expect(body.nextStep.code).toBe('continue-pathway');
    await json(
      await participant.post('/api/journal', { body: 'Asking first felt slow but they had better ideas' }),
      201,
    );
    body = await home();
    expect(missing(body.journey)).toEqual({
      'self-knowledge': ['360-under-way'],
      'self-empowerment': [],
      'self-leadership': [],
    });
    // The 360 released (the raters' part moved on directly; the report itself is not read here).
    await h.services.db.asSystem((tx) =>
      tx.execute(
        sql`UPDATE feedback_campaigns SET status = 'released', report = '{}'::jsonb, released_at = now() WHERE id = ${campaign.id}`,
      ),
    );
    const j = (await home()).journey;
    expect(j.blocks[0]).toMatchObject({ key: 'self-knowledge', done: true, missing: [] });
    expect(j.blocks[0]!.dates.selfAssessmentAt).not.toBeNull();

    body = await home();
    expect(body.journey.complete).toBe(true);
    expect(body.journey.blocks[2]!.dates.lastReflectionAt).not.toBeNull();
    expect(body.journey.blocks[2]!.until).not.toBeNull();
  });

  it('keeps the home page one statement per request, journey included', async () => {
    await home(); // warms the library's 2 s module cache, as any busy server has it
    const statements = vi.spyOn(h.services.db, 'statementInOrganisation');
    const transactions = vi.spyOn(h.services.db, 'inOrganisation');
    try {
      const body = await home();
      expect(body.journey.complete).toBe(true);
      expect(statements).toHaveBeenCalledTimes(1);
      expect(statements.mock.calls[0]![4]).toEqual({ prepared: 'home_facts' });
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      statements.mockRestore();
      transactions.mockRestore();
    }
  });

  it('lapses with time and comes back when the organisation widens its thresholds', async () => {
    // 15 days on: the reflection is older than 14 days (practice, too, is over a week old).
    const after15 = await later(15, home);
    expect(missing(after15.journey)['self-leadership']).toEqual(['no-recent-reflection']);
    expect(after15.journey.complete).toBe(false);
    // Seven months on: self-knowledge is older than 6 months.
    const after7Months = await later(213, home);
    expect(missing(after7Months.journey)['self-knowledge']).toEqual([
      'self-assessment-out-of-date',
      '360-out-of-date',
    ]);

    await json(
      await admin.put('/api/admin/journey/settings', { knowledgeMonths: 12, leadershipDays: 30 }),
      200,
    );
    expect((await later(15, home)).journey.complete).toBe(true);
    expect(missing((await later(213, home)).journey)['self-knowledge']).toEqual([]);
  });
});
