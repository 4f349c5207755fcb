// The demo organisation's plans: people at different points, sharing that reaches exactly the
// manager or coach it names, a coach with two consenting coachees and one request waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CoachingList,
  MyPlans,
  PlanDetail,
  SharedWithMe,
} from '../../src/domains/development/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { json } from './development-support.ts';

const PASSWORD = 'lodestar-demo';

describe.each(testDatabaseKinds())('development demo on %s', (kind) => {
  let h: Harness;
  const as = async (email: string) => {
    const c = new Client(h.app);
    expect((await c.signIn(email, PASSWORD)).status).toBe(200);
    return c;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    await seedDemo(h.services);
  });
  afterAll(() => h.close());

  it('Sam has a current plan with practice logged and last year’s plan in history', async () => {
    const sam = await as('sam.taylor@northwind.example');
    const mine = await json<MyPlans>(await sam.get('/api/plans'), 200);
    expect(mine.history).toHaveLength(1);
    const plan = await json<PlanDetail>(await sam.get(`/api/plans/${mine.current!.id}`), 200);
    expect(plan.focusAreas.map((f) => f.kind)).toEqual(['capability', 'derailer', 'other']);
    expect(plan.focusAreas[0]!.experiments[0]!.practice.count).toBe(5);
    expect(plan.focusAreas[0]!.comments[0]!.author.name).toBe('Arjun Patel');
    expect(plan.audience).toMatchObject({ manager: { name: 'Arjun Patel' }, coach: { name: 'Rachel Kim' } });
  });

  it('Arjun and Rachel see what was shared with them, and an admin sees counts only', async () => {
    const arjun = await json<SharedWithMe>(
      await (await as('arjun.patel@northwind.example')).get('/api/plans/shared-with-me'),
      200,
    );
    expect(arjun.plans.map((p) => [p.owner.name, p.whole, p.sharedFocusAreas]).sort()).toEqual([
      ['Ethan Brooks', true, 1],
      ['Sam Taylor', false, 1],
    ]);
    const rachel = await as('rachel.kim@northwind.example');
    const coached = await json<SharedWithMe>(await rachel.get('/api/plans/shared-with-me'), 200);
    expect(coached.plans.map((p) => [p.owner.name, p.relation, p.sharedFocusAreas])).toEqual([
      ['Sam Taylor', 'coach', 1],
    ]);
    const coaching = await json<CoachingList>(await rachel.get('/api/coaching'), 200);
    expect(coaching.asCoach.map((r) => [r.coachee.name, r.status]).sort()).toEqual([
      ['Daniel Cohen', 'requested'],
      ['Mateo Rossi', 'active'],
      ['Sam Taylor', 'active'],
    ]);
    const admin = await as('amara.okafor@northwind.example');
    const summary = await json<{ people: number; peopleWithActivePlan: number | null }>(
      await admin.get('/api/plans/summary'),
      200,
    );
    expect(summary.people).toBeGreaterThan(30);
    expect(summary.peopleWithActivePlan).toBe(4);
  });
});
