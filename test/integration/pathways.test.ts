// Learning pathways through the API: building one from the library, reordering, progress, and
// recommendations that rank the person's focus first and leave out what they already took.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pathway, PathwayList, RecommendationList } from '../../src/domains/pathways/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { type ErrorBody, json, type PathwayOrg, pathwayOrg } from './pathways-support.ts';

describe.each(testDatabaseKinds())('learning pathways on %s', (kind) => {
  let h: Harness;
  let o: PathwayOrg;
  let pathway: Pathway;
  const ids = (p: Pathway) => p.steps.map((s) => s.module.id);
  const of = (capability: string) => o.modules.filter((m) => m.capabilityKey === capability);

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await pathwayOrg(h, 'acme');
  });
  afterAll(() => h.close());

  it('builds a pathway tied to the person’s own focus, modules in the order chosen', async () => {
    const [a, b, c] = of('strategic-thinking');
    pathway = await json<Pathway>(
      await o.subject.post('/api/pathways', {
        title: '  Seeing further ',
        focusId: o.subjectFocus,
        moduleIds: [c!.id, a!.id, b!.id],
      }),
      201,
    );
    expect(pathway.title).toBe('Seeing further');
    expect(pathway.focus).toEqual({ id: o.subjectFocus, title: 'Focus on strategic-thinking' });
    expect(ids(pathway)).toEqual([c!.id, a!.id, b!.id]);
    expect(pathway.steps.map((s) => s.position)).toEqual([0, 1, 2]);
    expect(pathway.steps[0]!.module).toMatchObject({ title: c!.title, available: true });
    expect(pathway.steps[0]!.module.minutes).toBeGreaterThan(0);
  });

  it('adds a module at the end, once', async () => {
    const d = of('building-relationships')[0]!;
    pathway = await json<Pathway>(
      await o.subject.post(`/api/pathways/${pathway.id}/steps`, { moduleId: d.id }),
      201,
    );
    expect(ids(pathway).at(-1)).toBe(d.id);
    const again = await json<ErrorBody>(
      await o.subject.post(`/api/pathways/${pathway.id}/steps`, { moduleId: d.id }),
      400,
    );
    expect(again.error.fields).toHaveProperty('moduleId');
  });

  it('reorders to any permutation of its steps, and refuses anything else naming stepIds', async () => {
    const stepIds = pathway.steps.map((s) => s.id);
    const reversed = [...stepIds].reverse();
    pathway = await json<Pathway>(
      await o.subject.put(`/api/pathways/${pathway.id}/order`, { stepIds: reversed }),
      200,
    );
    expect(pathway.steps.map((s) => s.id)).toEqual(reversed);
    expect(pathway.steps.map((s) => s.position)).toEqual([0, 1, 2, 3]);
    for (const bad of [
      reversed.slice(1),
      [...reversed.slice(1), reversed[1]!],
      [...reversed.slice(1), o.subjectFocus],
    ]) {
      const res = await json<ErrorBody>(
        await o.subject.put(`/api/pathways/${pathway.id}/order`, { stepIds: bad }),
        400,
      );
      expect(Object.keys(res.error.fields!)).toEqual(['stepIds']);
    }
    const list = await json<PathwayList>(await o.subject.get('/api/pathways'), 200);
    expect(list.items[0]!.steps.map((s) => s.id)).toEqual(reversed);
  });

  it('marks progress: practised counts as started, undoing started undoes the rest', async () => {
    const step = pathway.steps[0]!;
    const mark = (mark: string, done: boolean) =>
      o.subject.put(`/api/pathway-steps/${step.id}/progress`, { mark, done });
    let after = await json<Pathway>(await mark('practised', true), 200);
    expect(after.steps[0]).toMatchObject({ startedAt: expect.any(String), practisedAt: expect.any(String) });
    after = await json<Pathway>(await mark('reflected', true), 200);
    after = await json<Pathway>(await mark('practised', false), 200);
    expect(after.steps[0]).toMatchObject({ practisedAt: null, reflectedAt: expect.any(String) });
    after = await json<Pathway>(await mark('started', false), 200);
    expect(after.steps[0]).toMatchObject({ startedAt: null, practisedAt: null, reflectedAt: null });
    pathway = await json<Pathway>(await mark('started', true), 200);
  });

  it('removes a step and closes the gap', async () => {
    const [, second, ...rest] = pathway.steps;
    pathway = await json<Pathway>(await o.subject.delete(`/api/pathway-steps/${second!.id}`), 200);
    expect(pathway.steps.map((s) => s.id)).toEqual([pathway.steps[0]!.id, ...rest.map((s) => s.id)]);
    expect(pathway.steps.map((s) => s.position)).toEqual([0, 1, 2]);
  });

  it('renames, unties and reties a pathway', async () => {
    let p = await json<Pathway>(
      await o.subject.patch(`/api/pathways/${pathway.id}`, { title: 'Further', focusId: null }),
      200,
    );
    expect(p).toMatchObject({ title: 'Further', focus: null });
    p = await json<Pathway>(
      await o.subject.patch(`/api/pathways/${pathway.id}`, { focusId: o.subjectFocus }),
      200,
    );
    expect(p.focus?.id).toBe(o.subjectFocus);
  });

  it('recommends modules for the focus first, with the reason, leaving out modules already taken', async () => {
    const recs = await json<RecommendationList>(await o.subject.get('/api/pathways/recommendations'), 200);
    expect(recs.items.length).toBeGreaterThan(0);
    const taken = new Set(ids(pathway));
    expect(recs.items.filter((r) => taken.has(r.module.id))).toEqual([]);
    const focusModules = of('strategic-thinking').filter((m) => !taken.has(m.id)).length;
    const top = recs.items.slice(0, focusModules);
    for (const r of top) {
      expect(r.module.capabilityKey).toBe('strategic-thinking');
      expect(r.reasons[0]).toEqual({ code: 'your-focus', capabilityKey: 'strategic-thinking' });
    }
    expect(recs.items.slice(focusModules).every((r) => r.reasons[0]!.code !== 'your-focus')).toBe(true);
    expect(recs.stage).toMatchObject({ key: expect.any(String), name: expect.any(String) });
    const forFocus = await json<RecommendationList>(
      await o.subject.get(`/api/pathways/recommendations?focusId=${o.subjectFocus}`),
      200,
    );
    expect(forFocus.items[0]!.reasons[0]!.code).toBe('your-focus');
  });

  it('archives a pathway: it leaves the list, and further changes are 404', async () => {
    await json<unknown>(
      await o.subject.post('/api/pathways', { title: 'Spare', moduleIds: [of('creating-vision')[0]!.id] }),
      201,
    );
    expect((await o.subject.post(`/api/pathways/${pathway.id}/archive`)).status).toBe(204);
    const list = await json<PathwayList>(await o.subject.get('/api/pathways'), 200);
    expect(list.items.map((p) => p.title)).toEqual(['Spare']);
    expect(list.focusAreas.map((f) => f.id)).toEqual([o.subjectFocus]);
    expect((await o.subject.patch(`/api/pathways/${pathway.id}`, { title: 'x' })).status).toBe(404);
    expect(
      (
        await o.subject.put(`/api/pathway-steps/${pathway.steps[0]!.id}/progress`, {
          mark: 'started',
          done: false,
        })
      ).status,
    ).toBe(404);
    // A module started on an archived pathway stays out of the recommendations.
    const recs = await json<RecommendationList>(await o.subject.get('/api/pathways/recommendations'), 200);
    expect(recs.items.some((r) => r.module.id === pathway.steps[0]!.module.id)).toBe(false);
  });
});
