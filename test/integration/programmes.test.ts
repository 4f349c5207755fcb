// Programmes from templates: every template is open to any career stage, everything is editable,
// and every bad field is a 400 naming it with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  createProgramme,
  type ErrorBody,
  editable,
  json,
  type Programme,
  type ProgrammeOrg,
  programmeOrg,
} from './programmes-support.ts';

const NOW = new Date('2026-03-02T09:00:00Z');

describe.each(testDatabaseKinds())('programmes on %s', (kind) => {
  let h: Harness;
  let o: ProgrammeOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    h.services.clock = () => NOW;
    o = await programmeOrg(h, 'prog');
  });
  afterAll(() => h.close());

  it('offers four templates, each the same journey in its own words', async () => {
    const templates = await json<{ key: string; steps: { kind: string; title: string }[] }[]>(
      await o.admin.get('/api/admin/programme-templates'),
      200,
    );
    expect(templates.map((t) => t.key)).toEqual([
      'early-career',
      'first-time-managers',
      'experienced-managers',
      'senior-leaders',
    ]);
    for (const t of templates) {
      expect(t.steps.map((s) => s.kind)).toEqual([
        'self-assessment',
        '360',
        'plan',
        'practice',
        'pulse',
        're-assessment',
      ]);
    }
    expect(new Set(templates.map((t) => t.steps[0]!.title)).size).toBe(4);
  });

  it('creates a programme from a template with dated steps, and edits every part of it', async () => {
    const p = await createProgramme(o.admin, { template: 'first-time-managers', startsOn: '2026-03-09' });
    expect(p).toMatchObject({
      name: 'First-time managers',
      startsOn: '2026-03-09',
      endsOn: '2026-09-05',
      phase: 'upcoming',
    });
    expect(p.careerStages.map((s) => s.key)).toEqual(['team-lead', 'manager']);
    expect(p.steps.map((s) => [s.kind, s.date])).toEqual([
      ['self-assessment', '2026-03-09'],
      ['360', '2026-03-16'],
      ['plan', '2026-04-06'],
      ['practice', '2026-04-13'],
      ['pulse', '2026-06-22'],
      ['re-assessment', '2026-08-21'],
    ]);

    // Senior-leaders wording for an early-career cohort: nothing is limited to senior people.
    const body = editable(p);
    const edited = await json<Programme>(
      await o.admin.put(`/api/admin/programmes/${p.id}`, {
        ...body,
        name: 'Leads 2026',
        description: 'For every new lead',
        careerStageIds: [o.stages['individual-contributor'], o.stages.executive],
        startsOn: '2026-03-10',
        endsOn: '2026-10-01',
        // Reorder (plan before 360), re-date, drop the pulse, add a practice step at the end.
        steps: [
          body.steps[0],
          { ...body.steps[2], offsetDays: 3 },
          body.steps[1],
          body.steps[3],
          body.steps[5],
          { kind: 'practice', title: 'Second round', description: '', offsetDays: 200 },
        ],
      }),
      200,
    );
    expect(edited.name).toBe('Leads 2026');
    expect(edited.careerStages.map((s) => s.key)).toEqual(['individual-contributor', 'executive']);
    expect(edited.steps.map((s) => [s.kind, s.date])).toEqual([
      ['self-assessment', '2026-03-10'],
      ['plan', '2026-03-13'],
      ['360', '2026-03-17'],
      ['practice', '2026-04-14'],
      ['re-assessment', '2026-08-22'],
      ['practice', '2026-09-26'],
    ]);
    // Kept steps keep their ids.
    expect(edited.steps[1]!.id).toBe(p.steps[2]!.id);
    const list = await json<{ id: string }[]>(await o.admin.get('/api/admin/programmes'), 200);
    expect(list.map((x) => x.id)).toContain(p.id);
  });

  it('refuses every bad field with a 400 naming it, and writes nothing', async () => {
    const p = await createProgramme(o.admin, { template: 'early-career', startsOn: '2026-04-01' });
    const body = editable(p);
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ ...body, endsOn: '2026-03-01' }, 'endsOn', /on or after startsOn/],
      [{ ...body, endsOn: '2026-05-01' }, 'steps.4.offsetDays', /after the end date 2026-05-01/],
      [{ ...body, name: '   ' }, 'name', /must not be empty/],
      [{ ...body, steps: [{ ...body.steps[0], kind: 'webinar' }] }, 'steps.0.kind', /must be one of/],
      [{ ...body, steps: [{ ...body.steps[0], title: '' }] }, 'steps.0.title', /must not be empty/],
      [{ ...body, description: 'x'.repeat(2001) }, 'description', /at most 2000/],
      [{ ...body, steps: [{ ...body.steps[0], title: 'x'.repeat(121) }] }, 'steps.0.title', /at most 120/],
      [{ ...body, startsOn: '2026-02-30' }, 'startsOn', /must be a date/],
      [{ ...body, careerStageIds: [p.id] }, 'careerStageIds.0', /not a career stage/],
      [{ ...body, steps: [{ ...body.steps[0], id: p.id }] }, 'steps.0.id', /not a step of this programme/],
      [{ ...body, steps: [] }, 'steps', /at least one step/],
      [{ ...body, steps: [{ ...body.steps[0], offsetDays: -1 }] }, 'steps.0.offsetDays', /before the start/],
    ];
    for (const [input, field, rule] of bad) {
      const res = await json<ErrorBody>(await o.admin.put(`/api/admin/programmes/${p.id}`, input), 400);
      expect(res.error.fields?.[field], `${field}: ${JSON.stringify(res.error.fields)}`).toMatch(rule);
    }
    expect(await json<Programme>(await o.admin.get(`/api/admin/programmes/${p.id}`), 200)).toEqual(p);

    const created: [Record<string, unknown>, string, RegExp][] = [
      [{ template: 'mba', startsOn: '2026-04-01' }, 'template', /must be one of/],
      [
        { template: 'early-career', startsOn: '2026-04-01', endsOn: '2026-03-01' },
        'endsOn',
        /on or after startsOn/,
      ],
      [{ template: 'early-career', startsOn: '2026-04-01', endsOn: '2026-05-01' }, 'endsOn', /last step/],
      [{ template: 'early-career', startsOn: '2026-04-01', name: '' }, 'name', /must not be empty/],
    ];
    const before = await json<unknown[]>(await o.admin.get('/api/admin/programmes'), 200);
    for (const [input, field, rule] of created) {
      const res = await json<ErrorBody>(await o.admin.post('/api/admin/programmes', input), 400);
      expect(res.error.fields?.[field], field).toMatch(rule);
    }
    expect(await json<unknown[]>(await o.admin.get('/api/admin/programmes'), 200)).toEqual(before);
  });

  it("is invisible to another organisation's admin", async () => {
    const p = await createProgramme(o.admin, { template: 'senior-leaders', startsOn: '2026-04-01' });
    const other = await programmeOrg(h, 'prog-other');
    expect(await json<unknown[]>(await other.admin.get('/api/admin/programmes'), 200)).toEqual([]);
    expect((await other.admin.get(`/api/admin/programmes/${p.id}`)).status).toBe(404);
  });
});
