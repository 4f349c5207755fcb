// The reflection journal's input rules (DESIGN §3.4): every field's rule answered with a 400 naming
// the field, nothing half-written (the journal is unchanged after any refused request), links only
// to the writer's own experiment or a published module of their organisation; paging newest first
// and the filter by experiment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_BODY_MAX } from '../../src/domains/reflection/constants.ts';
import type { Entry, JournalOptions, JournalPage } from '../../src/domains/reflection/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import type { Harness } from '../support/harness.ts';
import { startHarness } from '../support/harness.ts';
import {
  fieldsOf,
  json,
  type PlanOrg,
  planOrg,
  planWithExperiment,
  someModule,
  writeEntry,
} from './reflection-support.ts';

describe.each(testDatabaseKinds())('journal input on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  let other: PlanOrg;
  let experimentId: string;
  let peersExperiment: string;
  let otherOrgExperiment: string;
  let moduleId: string;
  let otherOrgModule: string;

  const journal = async (query = '') => json<JournalPage>(await o.owner.get(`/api/journal${query}`), 200);
  const snapshot = async () => (await journal('?limit=100')).items;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'jin');
    other = await planOrg(h, 'jout');
    ({ experimentId } = await planWithExperiment(o.owner));
    ({ experimentId: peersExperiment } = await planWithExperiment(o.peer));
    ({ experimentId: otherOrgExperiment } = await planWithExperiment(other.owner));
    moduleId = (await someModule(o.owner)).id;
    otherOrgModule = (await someModule(other.owner)).id;
  });
  afterAll(() => h.close());

  it('writes an entry with every field, text trimmed', async () => {
    const e = await writeEntry(o.owner, { body: '  What I noticed  ', mood: 1, energy: 5, experimentId });
    expect(e).toMatchObject({
      body: 'What I noticed',
      mood: 1,
      energy: 5,
      experiment: { id: experimentId, action: 'Write down one bet for next quarter' },
      module: null,
      viewerRelation: 'self',
      sharing: { withManager: false, withCoach: false },
    });
    const m = await writeEntry(o.owner, { body: 'On the module', moduleId });
    expect(m.module).toMatchObject({ id: moduleId, title: expect.any(String) });
    expect(m.mood).toBeNull();
    const longest = await writeEntry(o.owner, { body: 'x'.repeat(ENTRY_BODY_MAX) });
    expect(longest.body).toHaveLength(ENTRY_BODY_MAX);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no text', { mood: 3 }, 'body', /is required/],
    ['blank text', { body: '   \n\t ' }, 'body', /is required/],
    ['text not a string', { body: 42 }, 'body', /is required/],
    ['text too long', { body: 'x'.repeat(ENTRY_BODY_MAX + 1) }, 'body', /at most 10000 characters/],
    ['mood 0', { body: 'ok', mood: 0 }, 'mood', /whole number from 1 to 5/],
    ['mood 6', { body: 'ok', mood: 6 }, 'mood', /whole number from 1 to 5/],
    ['mood 2.5', { body: 'ok', mood: 2.5 }, 'mood', /whole number from 1 to 5/],
    ['mood as text', { body: 'ok', mood: '3' }, 'mood', /whole number from 1 to 5/],
    ['energy 0', { body: 'ok', energy: 0 }, 'energy', /whole number from 1 to 5/],
    ['energy 6', { body: 'ok', energy: 6 }, 'energy', /whole number from 1 to 5/],
    ['energy 4.2', { body: 'ok', energy: 4.2 }, 'energy', /whole number from 1 to 5/],
    [
      'experiment id malformed',
      { body: 'ok', experimentId: 'nope' },
      'experimentId',
      /one of your experiments/,
    ],
    ['module id malformed', { body: 'ok', moduleId: 'nope' }, 'moduleId', /published module/],
    [
      'an unknown field',
      { body: 'ok', ownerId: '00000000-0000-4000-8000-000000000000' },
      '(body)',
      /ownerId/,
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_, body, field, rule) => {
    const before = await snapshot();
    const fields = await fieldsOf(await o.owner.post('/api/journal', body));
    expect(Object.keys(fields).join(' ') + JSON.stringify(fields)).toMatch(field === '(body)' ? rule : field);
    if (field !== '(body)') expect(fields[field]).toMatch(rule);
    expect(await snapshot()).toEqual(before);
  });

  it('links only to the writer’s own experiment and a published module of their organisation', async () => {
    const before = await snapshot();
    const refused = async (body: Record<string, unknown>) =>
      fieldsOf(await o.owner.post('/api/journal', body));
    expect(await refused({ body: 'ok', experimentId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      experimentId: 'must be one of your experiments',
    });
    // Someone else's experiment in the same organisation, and another organisation's.
    expect(await refused({ body: 'ok', experimentId: peersExperiment })).toEqual({
      experimentId: 'must be one of your experiments',
    });
    expect(await refused({ body: 'ok', experimentId: otherOrgExperiment })).toEqual({
      experimentId: 'must be one of your experiments',
    });
    expect(await refused({ body: 'ok', moduleId: otherOrgModule })).toEqual({
      moduleId: 'must be a published module of the library',
    });
    // Both checks report together.
    expect(Object.keys(await refused({ body: 'ok', experimentId: peersExperiment, mood: 3 }))).toEqual([
      'experimentId',
    ]);
    expect(await refused({ body: 'ok', experimentId, moduleId })).toEqual({
      moduleId: 'must be empty when experimentId is set',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('changes an entry field by field, refusing bad changes whole', async () => {
    const e = await writeEntry(o.owner, { body: 'First draft', mood: 3, moduleId });
    const patch = (body: Record<string, unknown>) => o.owner.patch(`/api/journal/${e.id}`, body);
    const read = async () => json<Entry>(await o.owner.get(`/api/journal/${e.id}`), 200);

    // A good field with a bad one: neither is written.
    expect(await fieldsOf(await patch({ body: 'Second draft', mood: 9 }))).toEqual({
      mood: 'must be a whole number from 1 to 5',
    });
    expect(await fieldsOf(await patch({ body: '' }))).toEqual({ body: 'is required' });
    expect(await fieldsOf(await patch({}))).toEqual({ '(body)': 'must change at least one field' });
    // Linking an experiment while the module stays is two links: refused on the field sent.
    expect(await fieldsOf(await patch({ experimentId }))).toMatchObject({
      experimentId: expect.stringMatching(/clear moduleId/),
    });
    expect(await fieldsOf(await patch({ experimentId: peersExperiment, moduleId: null }))).toEqual({
      experimentId: 'must be one of your experiments',
    });
    expect(await read()).toMatchObject({
      body: 'First draft',
      mood: 3,
      module: { id: moduleId },
      experiment: null,
    });

    const changed = await json<Entry>(await patch({ body: 'Second draft', mood: null, energy: 2 }), 200);
    expect(changed).toMatchObject({ body: 'Second draft', mood: null, energy: 2, module: { id: moduleId } });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(changed.createdAt));
    // Switching the link: set one, clear the other, in one request.
    const switched = await json<Entry>(await patch({ experimentId, moduleId: null }), 200);
    expect(switched).toMatchObject({ experiment: { id: experimentId }, module: null });
  });

  it('deletes an entry: gone for good, and a second delete is 404', async () => {
    const e = await writeEntry(o.owner, { body: 'Short-lived' });
    expect((await o.owner.delete(`/api/journal/${e.id}`)).status).toBe(204);
    expect((await o.owner.get(`/api/journal/${e.id}`)).status).toBe(404);
    expect((await o.owner.delete(`/api/journal/${e.id}`)).status).toBe(404);
    expect((await o.owner.get('/api/journal/not-an-id')).status).toBe(404);
  });

  it('pages newest first and filters by experiment', async () => {
    const fresh = await planOrg(h, 'jpage');
    const { experimentId: mine } = await planWithExperiment(fresh.owner);
    // A second apart on the app's clock, so "newest first" never rests on a tie.
    const real = h.services.clock;
    const base = real().getTime() - 60_000;
    try {
      for (let i = 1; i <= 23; i++) {
        h.services.clock = () => new Date(base + i * 1000);
        await writeEntry(fresh.owner, { body: `Entry ${i}`, ...(i % 5 === 0 ? { experimentId: mine } : {}) });
      }
    } finally {
      h.services.clock = real;
    }
    const get = async (q: string) => json<JournalPage>(await fresh.owner.get(`/api/journal${q}`), 200);
    const first = await get('');
    expect(first).toMatchObject({ total: 23, limit: 20, offset: 0 });
    expect(first.items.map((e) => e.body).slice(0, 3)).toEqual(['Entry 23', 'Entry 22', 'Entry 21']);
    const second = await get('?offset=20');
    expect(second.items.map((e) => e.body)).toEqual(['Entry 3', 'Entry 2', 'Entry 1']);
    const about = await get(`?experimentId=${mine}`);
    expect(about.total).toBe(4);
    expect(about.items.map((e) => e.body)).toEqual(['Entry 20', 'Entry 15', 'Entry 10', 'Entry 5']);
    expect((await get('?limit=2&offset=1')).items.map((e) => e.body)).toEqual(['Entry 22', 'Entry 21']);
    expect(await fieldsOf(await fresh.owner.get('/api/journal?limit=0'))).toMatchObject({
      limit: expect.any(String),
    });
    expect(await fieldsOf(await fresh.owner.get('/api/journal?limit=101'))).toMatchObject({
      limit: expect.any(String),
    });
    expect(await fieldsOf(await fresh.owner.get('/api/journal?offset=-1'))).toMatchObject({
      offset: expect.any(String),
    });
    expect(await fieldsOf(await fresh.owner.get('/api/journal?experimentId=x'))).toMatchObject({
      experimentId: expect.any(String),
    });
  });

  it('offers the writer’s experiments, the library’s modules and who a share reaches', async () => {
    const options = await json<JournalOptions>(await o.owner.get('/api/journal/options'), 200);
    expect(options.experiments.map((e) => e.id)).toEqual([experimentId]);
    expect(options.experiments[0]).toMatchObject({ current: true, status: 'running' });
    expect(options.modules.map((m) => m.id)).toContain(moduleId);
    expect(options.modules.map((m) => m.id)).not.toContain(otherOrgModule);
    expect(options.audience).toEqual({ manager: { id: o.managerId, name: 'jin manager' }, coach: null });
  });
});
