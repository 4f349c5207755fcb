import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AssessmentForm,
  History,
  ProfileResponse,
  QualityReport,
  StageBalanceList,
} from '../../src/domains/assessments/contracts.ts';
import { assessments } from '../../src/domains/assessments/schema.ts';
import { DEFAULT_FRAMEWORK } from '../../src/domains/framework/default-framework.ts';
import type { FrameworkDefinition } from '../../src/domains/framework/definition.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import {
  addOrganisation,
  Client,
  type Harness,
  PASSWORD,
  seedDemo,
  startHarness,
} from '../support/harness.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
type Answer = { item: string; value: number | null };

/**
 * Answers that make each capability score exactly `levels[key]` (default 4): reverse-keyed items get
 * the mirrored value, so a hand calculation is easy.
 */
function answersFor(form: AssessmentForm, levels: Record<string, number>, fallback = 4): Answer[] {
  return form.pages.flatMap((page) => {
    const capability = DEFAULT_FRAMEWORK.capabilities.find((c) => c.key === page.capability.key);
    return page.items.map((item) => {
      const level = levels[page.capability.key] ?? fallback;
      const reversed = capability?.items.find((i) => i.key === item.key)?.reversed ?? false;
      return { item: item.key, value: reversed ? 6 - level : level };
    });
  });
}

describe.each(testDatabaseKinds())('self-assessment on %s', (kind) => {
  let h: Harness;
  let org: Awaited<ReturnType<typeof addOrganisation>>;
  let participant: Client;
  let coach: Client;
  let admin: Client;
  let outsider: Client;

  const json = async <T>(res: Response, status: number): Promise<T> => {
    const body = (await res.json()) as T;
    expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
    return body;
  };
  const answerCount = async (assessmentId: string) => {
    const [row] = await h.services.db.inOrganisation(org.organisationId, (tx) =>
      tx.select({ answers: assessments.answers }).from(assessments).where(eq(assessments.id, assessmentId)),
    );
    return Object.keys(row!.answers).length;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    org = await addOrganisation(h.services, 'acme');
    await addOrganisation(h.services, 'other');
    participant = new Client(h.app);
    coach = new Client(h.app);
    admin = new Client(h.app);
    outsider = new Client(h.app);
    expect((await participant.signIn('participant@acme.test', PASSWORD)).status).toBe(200);
    expect((await coach.signIn('coach@acme.test', PASSWORD)).status).toBe(200);
    expect((await admin.signIn('admin@acme.test', PASSWORD)).status).toBe(200);
    expect((await outsider.signIn('admin@other.test', PASSWORD)).status).toBe(200);
  });
  afterAll(() => h.close());

  let form: AssessmentForm;

  it('starts an assessment on the current version and resumes it instead of starting another', async () => {
    form = await json<AssessmentForm>(await participant.post('/api/assessments'), 201);
    expect(form).toMatchObject({
      status: 'open',
      version: { number: 1 },
      progress: { answered: 0, total: 71 },
    });
    expect(form.pages).toHaveLength(19);
    expect(form.pages[0]).toMatchObject({
      capability: { key: 'self-awareness', name: 'Self-awareness' },
      block: { key: 'self-knowledge', name: 'Self-knowledge' },
      responseScale: 'agreement',
      items: [
        { key: 'self-awareness-1', text: DEFAULT_FRAMEWORK.capabilities[0]!.items[0]!.self },
        {},
        {},
        {},
      ],
    });
    expect(form.pages.map((p) => p.capability.key)).not.toContain('meaning');
    expect(form.responseScales.map((s) => [s.key, s.options.length, s.cantSay])).toEqual([
      ['agreement', 5, 'Can’t say'],
      ['frequency', 5, 'Can’t say'],
    ]);
    const resumed = await json<AssessmentForm>(await participant.post('/api/assessments'), 200);
    expect(resumed.id).toBe(form.id);
    expect((await json<AssessmentForm>(await participant.get('/api/assessments/current'), 200)).id).toBe(
      form.id,
    );
    expect((await coach.get('/api/assessments/current')).status).toBe(404);
  });

  it('autosaves answers idempotently and resumes with them', async () => {
    const first = [
      { item: 'self-awareness-1', value: 5 },
      { item: 'self-awareness-2', value: null },
    ];
    const saved = await json<{ progress: { answered: number } }>(
      await participant.put(`/api/assessments/${form.id}/answers`, { answers: first }),
      200,
    );
    expect(saved.progress).toEqual({ answered: 2, total: 71 });
    const again = await json<{ progress: { answered: number } }>(
      await participant.put(`/api/assessments/${form.id}/answers`, { answers: first }),
      200,
    );
    expect(again.progress).toEqual({ answered: 2, total: 71 });
    await json(
      await participant.put(`/api/assessments/${form.id}/answers`, {
        answers: [{ item: 'self-awareness-1', value: 3 }],
      }),
      200,
    );
    const resumed = await json<AssessmentForm>(await participant.get(`/api/assessments/${form.id}`), 200);
    expect(resumed.answers).toEqual({ 'self-awareness-1': 3, 'self-awareness-2': null });
    expect(resumed.progress.answered).toBe(2);
  });

  it('refuses bad answers naming each one, and writes none of the batch', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ answers: [{ item: 'meaning-1', value: 3 }] }, 'answers.0.item', /not a question of this assessment/],
      [{ answers: [{ item: 'no-such-item', value: 3 }] }, 'answers.0.item', /not a question/],
      [{ answers: [{ item: 'ownership-1', value: 6 }] }, 'answers.0.value', /from 1 to 5, or null/],
      [
        { answers: [{ item: 'ownership-1', value: 0 }] },
        'answers.0.value',
        /whole number on the item’s scale/,
      ],
      [{ answers: [{ item: 'ownership-1', value: 12 }] }, 'answers.0.value', /at most 11/],
      [{ answers: [{ item: 'ownership-1', value: 2.5 }] }, 'answers.0.value', /whole number/],
      [{ answers: [{ item: 'ownership-1', value: '3' }] }, 'answers.0.value', /whole number/],
      [{ answers: [{ item: 'ownership-1' }] }, 'answers.0.value', /./],
      [{ answers: [] }, 'answers', /at least one/],
      [
        {
          answers: [
            { item: 'ownership-1', value: 4 },
            { item: 'ownership-1', value: 2 },
          ],
        },
        'answers.1.item',
        /more than once/,
      ],
      [
        {
          answers: [
            { item: 'ownership-2', value: 4 },
            { item: 'game-face-1', value: 9 },
          ],
        },
        'answers.1.value',
        /from 1 to 5/,
      ],
    ];
    for (const [body, field, rule] of cases) {
      const res = await participant.put(`/api/assessments/${form.id}/answers`, body);
      expect(res.status, field).toBe(400);
      const err = (await res.json()) as ErrorBody;
      expect(err.error.fields?.[field], JSON.stringify(err)).toMatch(rule);
    }
    expect(await answerCount(form.id)).toBe(2);
    expect((await participant.put('/api/assessments/not-an-id/answers', { answers: [] })).status).toBe(400);
  });

  it("treats someone else's assessment as not found", async () => {
    for (const client of [coach, admin, outsider]) {
      expect((await client.get(`/api/assessments/${form.id}`)).status).toBe(404);
      expect(
        (
          await client.put(`/api/assessments/${form.id}/answers`, {
            answers: [{ item: 'ownership-1', value: 4 }],
          })
        ).status,
      ).toBe(404);
      expect((await client.post(`/api/assessments/${form.id}/submit`, {})).status).toBe(404);
      expect((await client.get(`/api/assessments/${form.id}/profile`)).status).toBe(404);
      expect((await client.delete(`/api/assessments/${form.id}`)).status).toBe(404);
    }
    expect(await answerCount(form.id)).toBe(2);
  });

  it('refuses an incomplete submit, listing what is missing, and writes nothing', async () => {
    const some = answersFor(form, {}).slice(0, 60);
    const res = await json<ErrorBody>(
      await participant.post(`/api/assessments/${form.id}/submit`, { answers: some }),
      400,
    );
    expect(res.error.code).toBe('incomplete');
    expect(res.error.message).toMatch(/^11 questions are not answered yet/);
    expect(Object.keys(res.error.fields!)).toHaveLength(11);
    expect(res.error.fields!['items.never-showing-vulnerability-3']).toBe('needs an answer or “can’t say”');
    expect(await answerCount(form.id)).toBe(2);
    expect((await participant.get(`/api/assessments/${form.id}/profile`)).status).toBe(409);
  });

  let firstProfile: ProfileResponse;

  it('submits and returns a profile whose numbers can be checked by hand', async () => {
    const levels = {
      'self-awareness': 5,
      'values-motivations': 4,
      'planning-organising': 5,
      'execution-follow-through': 5,
      'delegating-tracking': 5,
      'setting-direction': 3,
      'thriving-environment': 3,
      'wellbeing-energy': 1,
      ownership: 2,
      'needing-to-win': 2,
      'profit-at-all-cost': 2,
      'game-face': 2,
      'knowing-all-the-answers': 2,
      'never-showing-vulnerability': 2,
    };
    const answers = answersFor(form, levels);
    answers[1] = { item: 'self-awareness-2', value: null }; // "can't say" scores as missing
    const profile = await json<ProfileResponse>(
      await participant.post(`/api/assessments/${form.id}/submit`, { answers }),
      200,
    );
    firstProfile = profile;
    expect(await answerCount(form.id)).toBe(71);
    expect(profile).toMatchObject({
      assessmentId: form.id,
      version: { number: 1 },
      careerStage: { key: 'individual-contributor' },
      strengths: ['self-awareness', 'planning-organising', 'execution-follow-through'],
      growthEdges: ['wellbeing-energy', 'ownership', 'setting-direction'],
    });
    const capability = (key: string) => profile.capabilities.find((c) => c.key === key)!;
    expect(capability('self-awareness')).toMatchObject({
      score: 5,
      answered: 3,
      itemCount: 4,
      band: 'strength',
    });
    expect(capability('ownership')).toMatchObject({ score: 2, normalised: 0.25, band: 'growing' });
    expect(capability('ownership').explanation).toMatch(/100% ownership means/);
    expect(profile.blocks.find((b) => b.key === 'self-knowledge')!.score).toBe(4.5);
    expect(profile.blocks.find((b) => b.key === 'self-leadership')!.score).toBeCloseTo((2 + 4 + 1) / 3, 12);
    expect(profile.derailers.map((d) => [d.key, d.frequency, d.frequencyLabel])).toContainEqual([
      'game-face',
      2,
      'Rarely',
    ]);
    // Managing at 5 → emphasis 1; leading at 3 → 0.5; lead share 0.5 / 1.5 = 1/3. IC expects 0.30.
    expect(profile.balance).toMatchObject({
      manage: 1,
      lead: 0.5,
      expectedLeadShare: 0.3,
      verdict: 'as-expected',
    });
    expect(profile.balance.leadShare).toBeCloseTo(1 / 3, 12);
    expect(profile.balance.definition).toMatch(/Lead share = leading emphasis/);
  });

  it('refuses to submit or change a submitted assessment', async () => {
    const twice = await json<ErrorBody>(
      await participant.post(`/api/assessments/${form.id}/submit`, {}),
      409,
    );
    expect(twice.error.message).toMatch(/submitted/);
    const change = await participant.put(`/api/assessments/${form.id}/answers`, {
      answers: [{ item: 'ownership-1', value: 5 }],
    });
    expect(change.status).toBe(409);
    expect((await participant.delete(`/api/assessments/${form.id}`)).status).toBe(409);
    expect((await json<ProfileResponse>(await participant.get('/api/me/profile'), 200)).assessmentId).toBe(
      form.id,
    );
  });

  it('lets admins set the expected balance per stage, which the profile then compares with', async () => {
    const stages = await json<StageBalanceList>(await admin.get('/api/admin/stage-balance'), 200);
    expect(stages.map((s) => [s.stage.key, s.leadShare])).toEqual([
      ['individual-contributor', 0.3],
      ['team-lead', 0.4],
      ['manager', 0.5],
      ['senior-leader', 0.65],
      ['executive', 0.75],
    ]);
    const ic = stages[0]!.stage.id;
    const bad = await json<ErrorBody>(
      await admin.put('/api/admin/stage-balance', { stages: [{ stageId: ic, leadShare: 1.5 }] }),
      400,
    );
    expect(bad.error.fields?.['stages.0.leadShare']).toBe('must be at most 1');
    const unknown = await json<ErrorBody>(
      await admin.put('/api/admin/stage-balance', {
        stages: [{ stageId: org.people[0]!.id, leadShare: 0.5 }],
      }),
      400,
    );
    expect(unknown.error.fields?.['stages.0.stageId']).toMatch(/career stage of this organisation/);
    expect((await participant.put('/api/admin/stage-balance', { stages: [] })).status).toBe(403);

    const updated = await json<StageBalanceList>(
      await admin.put('/api/admin/stage-balance', { stages: [{ stageId: ic, leadShare: 0.5 }] }),
      200,
    );
    expect(updated[0]!.leadShare).toBe(0.5);
    const profile = await json<ProfileResponse>(
      await participant.get(`/api/assessments/${form.id}/profile`),
      200,
    );
    expect(profile.balance).toMatchObject({ expectedLeadShare: 0.5, verdict: 'more-managing' });
    await json(
      await admin.put('/api/admin/stage-balance', { stages: [{ stageId: ic, leadShare: 0.3 }] }),
      200,
    );
  });

  it('keeps old results on their own version after a new version is published', async () => {
    const started = await admin.post('/api/assessments');
    const inProgress = (await started.json()) as AssessmentForm;
    expect([200, 201]).toContain(started.status);
    expect(inProgress.version.number).toBe(1);
    const draft = (await (await admin.post('/api/framework/versions')).json()) as {
      id: string;
      definition: FrameworkDefinition;
    };
    const d = draft.definition;
    const awareness = d.capabilities[0]!;
    awareness.items[0]!.self = 'I can tell which situations bring out my best.';
    awareness.items[0]!.retired = true;
    awareness.items.push({
      key: 'self-awareness-5',
      self: 'I ask others how I come across.',
      observer: 'They ask others how they come across.',
      reversed: false,
      retired: false,
    });
    expect((await admin.put(`/api/framework/versions/${draft.id}`, d)).status).toBe(200);
    expect((await admin.post(`/api/framework/versions/${draft.id}/publish`)).status).toBe(200);

    const old = await json<ProfileResponse>(
      await participant.get(`/api/assessments/${form.id}/profile`),
      200,
    );
    expect(old).toEqual(firstProfile);

    const retake = await json<AssessmentForm>(await participant.post('/api/assessments'), 201);
    expect(retake.version.number).toBe(2);
    const keys = retake.pages[0]!.items.map((i) => i.key);
    expect(keys).toEqual(['self-awareness-2', 'self-awareness-3', 'self-awareness-4', 'self-awareness-5']);
    const retired = await json<ErrorBody>(
      await participant.put(`/api/assessments/${retake.id}/answers`, {
        answers: [{ item: 'self-awareness-1', value: 4 }],
      }),
      400,
    );
    expect(retired.error.fields?.['answers.0.item']).toMatch(/not a question/);
    const profile = await json<ProfileResponse>(
      await participant.post(`/api/assessments/${retake.id}/submit`, { answers: answersFor(retake, {}, 3) }),
      200,
    );
    expect(profile.version.number).toBe(2);
    expect(profile.capabilities[0]).toMatchObject({ key: 'self-awareness', score: 3, itemCount: 4 });

    const history = await json<History>(await participant.get('/api/me/assessments'), 200);
    expect(history.items.map((i) => [i.version.number, i.status, i.scores?.capabilities[0]?.score])).toEqual([
      [1, 'submitted', 5],
      [2, 'submitted', 3],
    ]);
    expect(history.items[0]!.scores!.leadShare).toBeCloseTo(1 / 3, 12);
    expect((await json<ProfileResponse>(await participant.get('/api/me/profile'), 200)).assessmentId).toBe(
      retake.id,
    );
    // Each assessment records the version it was answered on, and once submitted the database
    // refuses any change to it, whatever the path.
    const rows = await h.services.db.inOrganisation(org.organisationId, (tx) =>
      tx.select({ id: assessments.id, version: assessments.versionId }).from(assessments),
    );
    expect(new Map(rows.filter((r) => r.id !== inProgress.id).map((r) => [r.id, r.version]))).toEqual(
      new Map([
        [form.id, form.version.id],
        [retake.id, retake.version.id],
      ]),
    );
    await expect(
      h.services.db.inOrganisation(org.organisationId, (tx) =>
        tx.update(assessments).set({ answers: {} }).where(eq(assessments.id, form.id)),
      ),
    ).rejects.toThrow();

    // An assessment started before the publish goes on with version 1's questions: the item
    // version 2 retired is still asked, and version 2's new item is not.
    const asV2 = await json<ErrorBody>(
      await admin.put(`/api/assessments/${inProgress.id}/answers`, {
        answers: [{ item: 'self-awareness-5', value: 4 }],
      }),
      400,
    );
    expect(asV2.error.fields).toEqual({ 'answers.0.item': 'is not a question of this assessment' });
    const saved = await json<{ progress: { answered: number; total: number } }>(
      await admin.put(`/api/assessments/${inProgress.id}/answers`, {
        answers: [{ item: 'self-awareness-1', value: 2 }],
      }),
      200,
    );
    expect(saved.progress.total).toBe(inProgress.progress.total);
    // A submit missing one of version 1's items is refused, naming just that item.
    const allButOne = answersFor(inProgress, {}, 3).filter((a) => a.item !== 'self-awareness-2');
    const short = await json<ErrorBody>(
      await admin.post(`/api/assessments/${inProgress.id}/submit`, { answers: allButOne.slice(1) }),
      400,
    );
    expect(short.error.code).toBe('incomplete');
    expect(Object.keys(short.error.fields ?? {})).toEqual(['items.self-awareness-2']);
    expect((await admin.delete(`/api/assessments/${inProgress.id}`)).status).toBe(204);
  });

  it('discards an assessment in progress', async () => {
    const started = await json<AssessmentForm>(await coach.post('/api/assessments'), 201);
    await json(
      await coach.put(`/api/assessments/${started.id}/answers`, {
        answers: [{ item: 'ownership-1', value: 4 }],
      }),
      200,
    );
    expect((await coach.delete(`/api/assessments/${started.id}`)).status).toBe(204);
    expect((await coach.get(`/api/assessments/${started.id}`)).status).toBe(404);
    expect((await json<History>(await coach.get('/api/me/assessments'), 200)).items).toEqual([]);
    expect((await coach.get('/api/me/profile')).status).toBe(404);
  });

  it('reports instrument quality only from n = 30, and as CSV', async () => {
    const versions = (await (await admin.get('/api/framework/versions')).json()) as {
      id: string;
      number: number;
    }[];
    const v1 = versions.find((v) => v.number === 1)!;
    const report = await json<QualityReport>(
      await admin.get(`/api/framework/versions/${v1.id}/quality`),
      200,
    );
    expect(report).toMatchObject({ respondents: 1, minimumN: 30, flagBelow: 0.3 });
    expect(report.scales[0]).toMatchObject({ status: 'insufficient', n: 1, rawAlpha: null });
    expect(report.scales[0]!.message).toMatch(/n = 1/);
    expect((await participant.get(`/api/framework/versions/${v1.id}/quality`)).status).toBe(403);

    const demo = await seedDemo(h.services);
    const demoAdmin = new Client(h.app);
    expect((await demoAdmin.signIn(demo.admin.email, demo.admin.password)).status).toBe(200);
    const current = (await (await demoAdmin.get('/api/framework')).json()) as { id: string };
    const full = await json<QualityReport>(
      await demoAdmin.get(`/api/framework/versions/${current.id}/quality`),
      200,
    );
    expect(full.respondents).toBeGreaterThanOrEqual(30);
    for (const scale of full.scales) {
      expect(scale.status, scale.capability.key).toBe('computed');
      expect(scale.n).toBe(full.respondents);
      expect(scale.rawAlpha!).toBeGreaterThan(0.5);
    }
    expect(full.scales.flatMap((s) => s.items).some((i) => i.flagged)).toBe(true);
    const csv = await demoAdmin.get(`/api/framework/versions/${current.id}/quality.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="lodestar-instrument-quality-v1-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(1 + 71);
    expect(lines[1]).toMatch(/^self-awareness,Self-awareness,false,computed,40,/);
    // The other organisation's admin cannot read it.
    expect((await outsider.get(`/api/framework/versions/${current.id}/quality`)).status).toBe(404);
  });

  it('gives the demo organisation completed assessments for most people, with retakes', async () => {
    const demo = await seedDemo(h.services);
    const rows = await h.services.db.inOrganisation(demo.organisationId, (tx) =>
      tx.select({ person: assessments.personId, status: assessments.status }).from(assessments),
    );
    const submittedPeople = new Set(rows.filter((r) => r.status === 'submitted').map((r) => r.person));
    expect(submittedPeople.size).toBe(40);
    expect(rows.filter((r) => r.status === 'open')).toHaveLength(1);
    const sam = new Client(h.app);
    expect((await sam.signIn(demo.participant.email, demo.participant.password)).status).toBe(200);
    const history = await json<History>(await sam.get('/api/me/assessments'), 200);
    expect(history.items).toHaveLength(3);
    const profile = await json<ProfileResponse>(await sam.get('/api/me/profile'), 200);
    expect(profile.strengths).toHaveLength(3);
    expect(profile.balance.leadShare).not.toBeNull();
  });
});
