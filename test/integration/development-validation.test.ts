// Bad input on every plan write: a 400 naming the field and the rule, and nothing half-written
// (a refused request that would write several rows leaves none of them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyPlans, PlanDetail } from '../../src/domains/development/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  addGoal,
  addOrganisationGoal,
  capabilityFocus,
  experimentBody,
  fieldsOf,
  json,
  type PlanOrg,
  planOrg,
  planWithExperiment,
  startPlan,
} from './development-support.ts';

describe.each(testDatabaseKinds())('development plan validation on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'valid');
  });
  afterAll(() => h.close());

  it('plans: title required and bounded', async () => {
    expect(await fieldsOf(await o.owner.post('/api/plans', { title: ' ' }))).toEqual({
      title: 'is required',
    });
    expect(await fieldsOf(await o.owner.post('/api/plans', { title: 'x'.repeat(121) }))).toEqual({
      title: 'must be at most 120 characters',
    });
    expect(Object.keys(await fieldsOf(await o.owner.post('/api/plans', { title: 'x', extra: 1 })))).toEqual([
      '(body)',
    ]);
  });

  it('focus areas: kind, capability, title for other, lengths, link ids', async () => {
    const plan = await startPlan(o.owner);
    const add = (body: unknown) => o.owner.post(`/api/plans/${plan.id}/focus-areas`, body);
    expect(Object.keys(await fieldsOf(await add(capabilityFocus({ kind: 'hobby' }))))).toEqual(['kind']);
    expect(await fieldsOf(await add(capabilityFocus({ capabilityKey: 'no-such-thing' })))).toEqual({
      capabilityKey: 'must be a capability of the organisation’s framework',
    });
    expect(await fieldsOf(await add(capabilityFocus({ capabilityKey: 'meaning' })))).toEqual({
      capabilityKey: 'must be a capability of the organisation’s framework',
    });
    expect(await fieldsOf(await add(capabilityFocus({ kind: 'derailer' })))).toEqual({
      capabilityKey: 'must be a derailer',
    });
    expect(await fieldsOf(await add(capabilityFocus({ capabilityKey: 'game-face' })))).toEqual({
      capabilityKey: 'must not be a derailer (use kind derailer)',
    });
    expect(await fieldsOf(await add({ kind: 'other', goal: 'g' }))).toEqual({
      title: 'is required for kind other',
    });
    expect(await fieldsOf(await add({ kind: 'capability', goal: 'g' }))).toEqual({
      capabilityKey: 'is required for kind capability',
    });
    expect(await fieldsOf(await add(capabilityFocus({ goal: 'x'.repeat(1001) })))).toEqual({
      goal: 'must be at most 1000 characters',
    });
    expect(await fieldsOf(await add(capabilityFocus({ why: 'x'.repeat(1001) })))).toEqual({
      why: 'must be at most 1000 characters',
    });
    expect(Object.keys(await fieldsOf(await add(capabilityFocus({ goalIds: ['nope'] }))))).toEqual([
      'goalIds.0',
    ]);
    const id = crypto.randomUUID();
    expect(await fieldsOf(await add(capabilityFocus({ valueIds: [id, id] })))).toEqual({
      valueIds: 'must not repeat an id',
    });
    // Links only to this organisation's goals that plans may link to.
    const other = await addOrganisationGoal(h, 'elsewhere');
    for (const goalId of [other, await addGoal(h, o.organisationId, 'draft'), crypto.randomUUID()]) {
      expect(await fieldsOf(await add(capabilityFocus({ goalIds: [goalId] })))).toEqual({
        goalIds: 'must be goals of this organisation (active or achieved)',
      });
    }
    expect(
      Object.keys(await fieldsOf(await add(capabilityFocus({ valueIds: [crypto.randomUUID()] })))),
    ).toEqual(['valueIds']);
    const after = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(after.focusAreas).toEqual([]);
  });

  it('experiments: required fields, lengths, dates in order on create and on update', async () => {
    const { focusId, experimentId } = await planWithExperiment(o.owner);
    const add = (over: Record<string, unknown>) =>
      o.owner.post(`/api/focus-areas/${focusId}/experiments`, experimentBody(over));
    expect(await fieldsOf(await add({ action: '' }))).toEqual({ action: 'is required' });
    expect(await fieldsOf(await add({ signal: 'x'.repeat(501) }))).toEqual({
      signal: 'must be at most 500 characters',
    });
    expect(await fieldsOf(await add({ frequency: 'x'.repeat(121) }))).toEqual({
      frequency: 'must be at most 120 characters',
    });
    expect(await fieldsOf(await add({ startsOn: '2025-02-30' }))).toEqual({
      startsOn: 'must be a date (YYYY-MM-DD)',
    });
    expect(await fieldsOf(await add({ startsOn: '2025-03-10', reviewOn: '2025-03-09' }))).toEqual({
      reviewOn: 'must be on or after startsOn',
    });
    expect(Object.keys(await fieldsOf(await add({ status: 'done' })))).toEqual(['status']);
    expect(Object.keys(await fieldsOf(await add({ sourceModuleId: 'module-1' })))).toEqual([
      'sourceModuleId',
    ]);
    // On update, against the stored date the request leaves alone.
    expect(
      await fieldsOf(await o.owner.patch(`/api/experiments/${experimentId}`, { reviewOn: '2000-01-01' })),
    ).toEqual({
      reviewOn: 'must be on or after startsOn',
    });
    expect(
      await fieldsOf(await o.owner.patch(`/api/experiments/${experimentId}`, { startsOn: '2999-01-01' })),
    ).toEqual({
      startsOn: 'must be on or before reviewOn',
    });
    expect(
      Object.keys(
        await fieldsOf(await o.owner.put(`/api/experiments/${experimentId}/status`, { status: 'paused' })),
      ),
    ).toEqual(['status']);
  });

  it('practice: outcome 1–5, note length, did-it required; nothing written when refused', async () => {
    const { experimentId } = await planWithExperiment(o.owner);
    const log = (body: unknown) => o.owner.post(`/api/experiments/${experimentId}/practice`, body);
    for (const outcome of [0, 6, 2.5, '3']) {
      expect(await fieldsOf(await log({ didIt: true, outcome }))).toEqual({
        outcome: 'must be a whole number from 1 to 5',
      });
    }
    expect(await fieldsOf(await log({ didIt: true, note: 'x'.repeat(1001) }))).toEqual({
      note: 'must be at most 1000 characters',
    });
    expect(Object.keys(await fieldsOf(await log({ outcome: 3 })))).toEqual(['didIt']);
    const list = await json<{ entries: unknown[] }>(
      await o.owner.get(`/api/experiments/${experimentId}/practice`),
      200,
    );
    expect(list.entries).toEqual([]);
  });

  it('comments: body required and at most 2000 characters', async () => {
    const plan = await startPlan(o.owner);
    expect(await fieldsOf(await o.owner.post(`/api/plans/${plan.id}/comments`, { body: '' }))).toEqual({
      body: 'is required',
    });
    expect(
      await fieldsOf(await o.owner.post(`/api/plans/${plan.id}/comments`, { body: 'x'.repeat(2001) })),
    ).toEqual({
      body: 'must be at most 2000 characters',
    });
  });

  it('nothing half-written: a plan whose third focus area is bad is not started, and the current one stays open', async () => {
    const current = await startPlan(o.owner, { title: 'Keep me' });
    const res = await o.owner.post('/api/plans', {
      title: 'Half',
      focusAreas: [
        capabilityFocus(),
        capabilityFocus({ capabilityKey: 'ownership' }),
        capabilityFocus({ capabilityKey: 'nope' }),
      ],
    });
    expect(await fieldsOf(res)).toEqual({
      'focusAreas.2.capabilityKey': 'must be a capability of the organisation’s framework',
    });
    const mine = await json<MyPlans>(await o.owner.get('/api/plans'), 200);
    expect(mine.current!.id).toBe(current.id);
    expect([mine.current, ...mine.history].map((p) => p!.title)).not.toContain('Half');
  });

  it('a refused focus update changes neither its words nor its links', async () => {
    const goal = await addGoal(h, o.organisationId);
    const plan = await startPlan(o.owner, { focusAreas: [capabilityFocus({ goalIds: [goal] })] as never });
    const focusId = plan.focusAreas[0]!.id;
    // The words and the links of one request change together or not at all.
    const tooMany = Array.from({ length: 11 }, () => crypto.randomUUID());
    expect(
      Object.keys(
        await fieldsOf(
          await o.owner.patch(`/api/focus-areas/${focusId}`, { title: 'New', goalIds: tooMany }),
        ),
      ),
    ).toEqual(['goalIds']);
    const after = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(after.focusAreas[0]!.title).toBe('Strategic thinking');
    expect(after.focusAreas[0]!.goalIds).toEqual([goal]);
  });
});
