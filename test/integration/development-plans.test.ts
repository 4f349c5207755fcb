// A participant's plans: start one with focus areas, history (a new plan closes the old one, which
// stays readable), focus areas and experiments, practice logging, and the 3-active-focus limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MyPlans,
  PlanDetail,
  PracticeEntry,
  PracticeList,
} from '../../src/domains/development/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  addGoal,
  capabilityFocus,
  experimentBody,
  fieldsOf,
  json,
  type PlanOrg,
  planOrg,
  planWithExperiment,
  startPlan,
} from './development-support.ts';

describe.each(testDatabaseKinds())('development plans on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'plans');
  });
  afterAll(() => h.close());

  it('starts a plan with focus areas of each kind, and reads it back whole', async () => {
    const plan = await startPlan(o.owner, {
      title: 'Year one',
      focusAreas: [
        capabilityFocus({
          fromSuggestion: { reason: 'Your peers rate this lower than you do', source: '360' },
        }),
        { kind: 'derailer', capabilityKey: 'knowing-all-the-answers', goal: 'Ask before answering' },
        { kind: 'other', title: 'Public speaking', goal: 'Talk at one meetup', why: 'Visibility' },
      ] as never,
    });
    expect(plan.viewerRelation).toBe('self');
    expect(plan.sharing).toEqual({ withManager: false, withCoach: false });
    expect(plan.focusAreas.map((f) => [f.kind, f.title, f.blockKey])).toEqual([
      ['capability', 'Strategic thinking', 'self-empowerment'],
      ['derailer', 'Knowing all the answers', 'derailers'],
      ['other', 'Public speaking', null],
    ]);
    expect(plan.focusAreas[0]!.fromSuggestion).toEqual({
      reason: 'Your peers rate this lower than you do',
      source: '360',
    });
    const again = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(again).toEqual(plan);
  });

  it('a new plan closes the current one, which stays in history and readable by its owner', async () => {
    const before = await json<MyPlans>(await o.owner.get('/api/plans'), 200);
    const old = before.current!;
    const next = await startPlan(o.owner, { title: 'Year two' });
    const after = await json<MyPlans>(await o.owner.get('/api/plans'), 200);
    expect(after.current!.id).toBe(next.id);
    expect(after.history.map((p) => p.id)).toContain(old.id);
    const closed = await json<PlanDetail>(await o.owner.get(`/api/plans/${old.id}`), 200);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.focusAreas).toHaveLength(3);
    // History is read-only.
    expect((await o.owner.patch(`/api/plans/${old.id}`, { title: 'Rewritten' })).status).toBe(409);
    expect((await o.owner.post(`/api/plans/${old.id}/focus-areas`, capabilityFocus())).status).toBe(409);
  });

  it('closing a plan keeps it in history; a plan can then be started again', async () => {
    const plan = await startPlan(o.owner, { title: 'Short-lived' });
    const closed = await json<PlanDetail>(await o.owner.post(`/api/plans/${plan.id}/close`), 200);
    expect(closed.status).toBe('closed');
    const mine = await json<MyPlans>(await o.owner.get('/api/plans'), 200);
    expect(mine.current).toBeNull();
    expect(mine.history[0]!.id).toBe(plan.id);
  });

  it('at most 3 active focus areas; done or dropped ones free a place', async () => {
    const plan = await startPlan(o.owner, {
      focusAreas: [
        capabilityFocus(),
        capabilityFocus({ capabilityKey: 'creating-vision' }),
        capabilityFocus({ capabilityKey: 'ownership' }),
      ] as never,
    });
    expect(
      await fieldsOf(await o.owner.post(`/api/plans/${plan.id}/focus-areas`, capabilityFocus())),
    ).toEqual({
      focusAreas: 'must have at most 3 active focus areas',
    });
    const first = plan.focusAreas[0]!.id;
    await json(await o.owner.put(`/api/focus-areas/${first}/status`, { status: 'done' }), 200);
    const four = await json<PlanDetail>(
      await o.owner.post(
        `/api/plans/${plan.id}/focus-areas`,
        capabilityFocus({ capabilityKey: 'ownership' }),
      ),
      201,
    );
    expect(four.focusAreas.filter((f) => f.status === 'active')).toHaveLength(3);
    expect(
      Object.keys(
        await fieldsOf(await o.owner.put(`/api/focus-areas/${first}/status`, { status: 'active' })),
      ),
    ).toEqual(['status']);
    // Four in one request is refused whole.
    const tooMany = await o.owner.post('/api/plans', {
      title: 'x',
      focusAreas: [1, 2, 3, 4].map(() => capabilityFocus()),
    });
    expect(Object.keys(await fieldsOf(tooMany))).toEqual(['focusAreas']);
  });

  it('updates a focus area, and its experiments through their life', async () => {
    const { planId, focusId, experimentId } = await planWithExperiment(o.owner);
    const updated = await json<PlanDetail>(
      await o.owner.patch(`/api/focus-areas/${focusId}`, {
        goal: 'A clearer goal',
        goalIds: [await addGoal(h, o.organisationId)],
      }),
      200,
    );
    expect(updated.focusAreas[0]!.goal).toBe('A clearer goal');
    expect(updated.focusAreas[0]!.goalIds).toHaveLength(1);
    const changed = await json<PlanDetail>(
      await o.owner.patch(`/api/experiments/${experimentId}`, { frequency: 'Twice a week' }),
      200,
    );
    expect(changed.focusAreas[0]!.experiments[0]!.frequency).toBe('Twice a week');
    const done = await json<PlanDetail>(
      await o.owner.put(`/api/experiments/${experimentId}/status`, { status: 'done' }),
      200,
    );
    expect(done.id).toBe(planId);
    expect(done.focusAreas[0]!.experiments[0]!.status).toBe('done');
  });

  it('logs practice in one statement, lists it newest first, and counts it in the plan', async () => {
    const { planId, experimentId } = await planWithExperiment(o.owner);
    const a = await json<PracticeEntry>(
      await o.owner.post(`/api/experiments/${experimentId}/practice`, {
        didIt: true,
        outcome: 4,
        note: 'Went well',
      }),
      201,
    );
    expect(a).toMatchObject({ experimentId, didIt: true, outcome: 4, note: 'Went well' });
    const b = await json<PracticeEntry>(
      await o.owner.post(`/api/experiments/${experimentId}/practice`, { didIt: false }),
      201,
    );
    expect(b).toMatchObject({ didIt: false, outcome: null, note: null });
    const list = await json<PracticeList>(
      await o.owner.get(`/api/experiments/${experimentId}/practice`),
      200,
    );
    expect(list.entries.map((e) => e.id)).toEqual([b.id, a.id]);
    const plan = await json<PlanDetail>(await o.owner.get(`/api/plans/${planId}`), 200);
    expect(plan.focusAreas[0]!.experiments[0]!.practice).toMatchObject({
      count: 2,
      didItCount: 1,
      averageOutcome: 4,
    });
    // Done experiments take no more practice; unknown ones are 404.
    await json(await o.owner.put(`/api/experiments/${experimentId}/status`, { status: 'done' }), 200);
    expect((await o.owner.post(`/api/experiments/${experimentId}/practice`, { didIt: true })).status).toBe(
      409,
    );
    expect(
      (await o.owner.post(`/api/experiments/${crypto.randomUUID()}/practice`, { didIt: true })).status,
    ).toBe(404);
    expect((await o.owner.post('/api/experiments/not-an-id/practice', { didIt: true })).status).toBe(404);
  });

  it('an experiment can come from a library module', async () => {
    const plan = await startPlan(o.owner, { focusAreas: [capabilityFocus()] as never });
    const moduleId = crypto.randomUUID();
    const withIt = await json<PlanDetail>(
      await o.owner.post(
        `/api/focus-areas/${plan.focusAreas[0]!.id}/experiments`,
        experimentBody({ sourceModuleId: moduleId }),
      ),
      201,
    );
    expect(withIt.focusAreas[0]!.experiments[0]!.sourceModuleId).toBe(moduleId);
  });
});
