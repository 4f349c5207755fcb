// Pathways are their owner's alone: anyone else — admin, manager, coach, another organisation —
// gets 404 from the API and reads no row in SQL, even acting as themself in the organisation.
// Bad input is refused naming the field, and a refused request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STEPS } from '../../src/domains/pathways/constants.ts';
import type { Pathway, PathwayList } from '../../src/domains/pathways/contracts.ts';
import { learningPathwaySteps, learningPathways } from '../../src/domains/pathways/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Client, type Harness, startHarness } from '../support/harness.ts';
import { type ErrorBody, json, type PathwayOrg, pathwayOrg, retire, unpublish } from './pathways-support.ts';

describe.each(testDatabaseKinds())('pathway privacy and validation on %s', (kind) => {
  let h: Harness;
  let o: PathwayOrg;
  let outsider: Client;
  let otherOrgModule: string;
  let pathway: Pathway;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await pathwayOrg(h, 'acme');
    const other = await pathwayOrg(h, 'other');
    otherOrgModule = other.modules[0]!.id;
    outsider = other.admin;
    pathway = await json<Pathway>(
      await o.subject.post('/api/pathways', {
        title: 'Mine',
        focusId: o.subjectFocus,
        moduleIds: o.modules.slice(0, 2).map((m) => m.id),
      }),
      201,
    );
  });
  afterAll(() => h.close());

  const count = async () => (await json<PathwayList>(await o.subject.get('/api/pathways'), 200)).items.length;

  it('answers 404 to the admin, the manager, the coach and another organisation, and changes nothing', async () => {
    const step = pathway.steps[0]!;
    for (const who of [o.admin, o.manager, o.coach, outsider]) {
      expect((await who.patch(`/api/pathways/${pathway.id}`, { title: 'Theirs' })).status).toBe(404);
      expect(
        (await who.post(`/api/pathways/${pathway.id}/steps`, { moduleId: o.modules[5]!.id })).status,
      ).toBe(404);
      expect((await who.put(`/api/pathways/${pathway.id}/order`, { stepIds: [] })).status).toBe(404);
      expect((await who.post(`/api/pathways/${pathway.id}/archive`)).status).toBe(404);
      expect((await who.delete(`/api/pathway-steps/${step.id}`)).status).toBe(404);
      expect(
        (await who.put(`/api/pathway-steps/${step.id}/progress`, { mark: 'started', done: true })).status,
      ).toBe(404);
      expect((await json<PathwayList>(await who.get('/api/pathways'), 200)).items).toEqual([]);
    }
    const mine = await json<PathwayList>(await o.subject.get('/api/pathways'), 200);
    expect(mine.items).toEqual([pathway]);
  });

  it('lets nobody but the owner read a row in SQL, nor a transaction acting for no one', async () => {
    const read = (personId?: string) =>
      h.services.db.inOrganisation(
        o.organisationId,
        async (tx) => [
          ...(await tx.select({ id: learningPathways.id }).from(learningPathways)),
          ...(await tx.select({ id: learningPathwaySteps.id }).from(learningPathwaySteps)),
        ],
        personId,
      );
    for (const other of [o.adminId, o.managerId, o.coachId, undefined]) expect(await read(other)).toEqual([]);
    expect(await read(o.subjectId)).toHaveLength(3);
  });

  it('refuses someone else’s focus, as it refuses an unknown one', async () => {
    for (const focusId of [o.adminFocus, o.modules[0]!.id]) {
      const res = await json<ErrorBody>(await o.subject.post('/api/pathways', { title: 'x', focusId }), 400);
      expect(Object.keys(res.error.fields!)).toEqual(['focusId']);
      const patch = await json<ErrorBody>(
        await o.subject.patch(`/api/pathways/${pathway.id}`, { focusId }),
        400,
      );
      expect(Object.keys(patch.error.fields!)).toEqual(['focusId']);
    }
    const rec = await o.subject.get(`/api/pathways/recommendations?focusId=${o.adminFocus}`);
    expect(rec.status).toBe(400);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(121) }, 'title'],
      [{ title: 'x', moduleIds: ['nope'] }, 'moduleIds.0'],
      [{ title: 'x', moduleIds: [o.modules[0]!.id, o.modules[0]!.id] }, 'moduleIds'],
      [{ title: 'x', moduleIds: o.modules.slice(0, MAX_STEPS + 1).map((m) => m.id) }, 'moduleIds'],
      [{ title: 'x', moduleIds: [o.modules[0]!.id, otherOrgModule] }, 'moduleIds.1'],
      [{ title: 'x', focusId: 'nope' }, 'focusId'],
    ];
    for (const [body, field] of cases) {
      const res = await json<ErrorBody>(await o.subject.post('/api/pathways', body), 400);
      expect(res.error.fields, JSON.stringify(body).slice(0, 80)).toHaveProperty([field]);
    }
    const progress = await json<ErrorBody>(
      await o.subject.put(`/api/pathway-steps/${pathway.steps[0]!.id}/progress`, {
        mark: 'finished',
        done: true,
      }),
      400,
    );
    expect(progress.error.fields).toHaveProperty('mark');
    expect(await count()).toBe(1);
  });

  it('refuses a retired or unpublished module, and writes nothing', async () => {
    const [retired, unpublished] = [o.modules[10]!.id, o.modules[11]!.id];
    await retire(h, retired);
    await unpublish(h, unpublished);
    for (const moduleId of [retired, unpublished, otherOrgModule]) {
      const add = await json<ErrorBody>(
        await o.subject.post(`/api/pathways/${pathway.id}/steps`, { moduleId }),
        400,
      );
      expect(Object.keys(add.error.fields!)).toEqual(['moduleId']);
      const create = await json<ErrorBody>(
        await o.subject.post('/api/pathways', { title: 'x', moduleIds: [o.modules[3]!.id, moduleId] }),
        400,
      );
      expect(Object.keys(create.error.fields!)).toEqual(['moduleIds.1']);
    }
    expect(await count()).toBe(1);
  });

  it('keeps a pathway to at most 30 modules', async () => {
    const offered = o.modules.slice(12, 12 + MAX_STEPS + 1);
    const full = await json<Pathway>(
      await o.subject.post('/api/pathways', {
        title: 'Full',
        moduleIds: offered.slice(0, MAX_STEPS).map((m) => m.id),
      }),
      201,
    );
    expect(full.steps).toHaveLength(MAX_STEPS);
    const res = await json<ErrorBody>(
      await o.subject.post(`/api/pathways/${full.id}/steps`, { moduleId: offered[MAX_STEPS]!.id }),
      400,
    );
    expect(Object.keys(res.error.fields!)).toEqual(['moduleId']);
  });
});
