// A leader takes a climate factor into their own plan: a focus of kind 'other' named after the
// factor with the climate results as its source. The development domain's rules hold (own plan,
// at most three active focus areas), every bad input is a 400 naming the field, nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../src/domains/development/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import type { Client, Harness } from '../support/harness.ts';
import { startHarness } from '../support/harness.ts';
import { type ClimateOrg, climateOrg, json } from './climate-support.ts';

type ErrorBody = { error: { fields?: Record<string, string> } };

describe.each(testDatabaseKinds())('a climate factor as a plan focus on %s', (kind) => {
  let h: Harness;
  let o: ClimateOrg;
  let leader: Client;
  let plan: PlanDetail;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await climateOrg(h, 'foc');
    leader = await o.signIn('l1');
    plan = await json<PlanDetail>(await leader.post('/api/plans', { title: 'My plan' }), 201);
  }, 120_000);
  afterAll(() => h?.close());

  it('adds the factor as a focus of kind other, sourced from climate', async () => {
    const after = await json<PlanDetail>(
      await leader.post('/api/climate/focus', { planId: plan.id, factor: 'growth' }),
      201,
    );
    const focus = after.focusAreas.find((f) => f.title === 'Team climate: Growth');
    expect(focus).toMatchObject({ kind: 'other', status: 'active' });
    expect(JSON.stringify(focus)).toContain('climate');
  });

  it('refuses bad input naming the field, another person’s plan, and a fourth active focus', async () => {
    for (const [body, field] of [
      [{ planId: plan.id, factor: 'joy' }, 'factor'],
      [{ planId: 'x', factor: 'growth' }, 'planId'],
      [{ planId: plan.id, factor: 'growth', goal: '' }, 'goal'],
      [{ planId: plan.id, factor: 'growth', extra: 1 }, '(body)'],
    ] as const) {
      const err = await json<ErrorBody>(await leader.post('/api/climate/focus', body), 400);
      expect(Object.keys(err.error.fields ?? {})).toContain(field);
    }
    const other = await o.signIn('p1');
    expect((await other.post('/api/climate/focus', { planId: plan.id, factor: 'meaning' })).status).toBe(404);
    await json(await leader.post('/api/climate/focus', { planId: plan.id, factor: 'meaning' }), 201);
    await json(await leader.post('/api/climate/focus', { planId: plan.id, factor: 'belonging' }), 201);
    const full = await json<ErrorBody>(
      await leader.post('/api/climate/focus', { planId: plan.id, factor: 'safety' }),
      400,
    );
    expect(Object.keys(full.error.fields ?? {})).toContain('focusAreas');
    const now = await json<PlanDetail>(await leader.get(`/api/plans/${plan.id}`), 200);
    expect(now.focusAreas.filter((f) => f.title.startsWith('Team climate'))).toHaveLength(3);
  });
});
