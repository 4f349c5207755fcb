// The privacy proof of development plans (issue 5, docs/decisions/0014): a plan is its owner's.
// Admin, manager, coach and peer get 404 from the API for anything not shared with them, and the
// database itself returns them no rows (row-level security on the person); after sharing they see
// exactly what was shared, and after revoking nothing again.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CoachingRelationship,
  PlanDetail,
  SharedWithMe,
} from '../../src/domains/development/contracts.ts';
import {
  developmentPlans,
  planComments,
  planExperiments,
  planFocusAreas,
  planFocusLinks,
  planPracticeLogs,
} from '../../src/domains/development/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  capabilityFocus,
  experimentBody,
  json,
  type PlanOrg,
  planOrg,
  startPlan,
} from './development-support.ts';

const PRIVATE_TABLES = {
  development_plans: developmentPlans,
  plan_focus_areas: planFocusAreas,
  plan_focus_links: planFocusLinks,
  plan_experiments: planExperiments,
  plan_practice_logs: planPracticeLogs,
  plan_comments: planComments,
};

describe.each(testDatabaseKinds())('development plan privacy on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  let plan: PlanDetail;
  let focusA: string;
  let focusB: string;
  let experimentA: string;
  let experimentB: string;

  /** Row ids of every private table as `personId` reads them, straight from the database. */
  const rowsAs = (personId?: string) =>
    h.services.db.inOrganisation(
      o.organisationId,
      async (tx) => {
        const seen: Record<string, string[]> = {};
        for (const [name, table] of Object.entries(PRIVATE_TABLES)) {
          seen[name] = (await tx.select({ id: table.id }).from(table)).map((r) => r.id).sort();
        }
        return seen;
      },
      personId,
    );
  const nothing = Object.fromEntries(Object.keys(PRIVATE_TABLES).map((t) => [t, []]));

  const viewers = () => ({ admin: o.admin, manager: o.manager, coach: o.coach, peer: o.peer });

  async function expectNoAccess(who: keyof ReturnType<typeof viewers>) {
    const c = viewers()[who];
    expect((await c.get(`/api/plans/${plan.id}`)).status, who).toBe(404);
    expect((await c.get(`/api/experiments/${experimentA}/practice`)).status, who).toBe(404);
    expect((await c.get(`/api/experiments/${experimentB}/practice`)).status, who).toBe(404);
    expect(
      (await c.post(`/api/plans/${plan.id}/comments`, { focusId: focusA, body: 'hi' })).status,
      who,
    ).toBe(404);
    expect((await c.post(`/api/experiments/${experimentA}/practice`, { didIt: true })).status, who).toBe(404);
    expect((await c.patch(`/api/focus-areas/${focusA}`, { goal: 'mine now' })).status, who).toBe(404);
    expect(
      (await c.patch(`/api/plans/${plan.id}`, { sharing: { withManager: true, withCoach: true } })).status,
      who,
    ).toBe(404);
    const shared = await json<SharedWithMe>(await c.get('/api/plans/shared-with-me'), 200);
    expect(shared.plans, who).toEqual([]);
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'private');
    // The coach asks, the owner accepts: an active, consented coach who still sees nothing unshared.
    const request = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    await json(await o.owner.post(`/api/coaching/${request.id}/accept`), 200);
    plan = await startPlan(o.owner, {
      focusAreas: [capabilityFocus(), capabilityFocus({ capabilityKey: 'ownership' })] as never,
    });
    [focusA, focusB] = plan.focusAreas.map((f) => f.id) as [string, string];
    for (const focus of [focusA, focusB]) {
      const p = await json<PlanDetail>(
        await o.owner.post(`/api/focus-areas/${focus}/experiments`, experimentBody()),
        201,
      );
      const id = p.focusAreas.find((f) => f.id === focus)!.experiments[0]!.id;
      await json(
        await o.owner.post(`/api/experiments/${id}/practice`, { didIt: true, outcome: 3, note: 'secret' }),
        201,
      );
      if (focus === focusA) experimentA = id;
      else experimentB = id;
    }
    await json(
      await o.owner.post(`/api/plans/${plan.id}/comments`, { focusId: focusA, body: 'note to self' }),
      201,
    );
  });
  afterAll(() => h.close());

  it('nobody but the owner reads an unshared plan: 404 from the API, no rows from the database', async () => {
    for (const who of ['admin', 'manager', 'coach', 'peer'] as const) await expectNoAccess(who);
    for (const id of [o.adminId, o.managerId, o.coachId, o.peerId]) expect(await rowsAs(id)).toEqual(nothing);
    // A transaction without a person (jobs, organisation-wide work) sees none either.
    expect(await rowsAs()).toEqual(nothing);
    const own = await rowsAs(o.ownerId);
    expect(own.development_plans).toEqual([plan.id]);
    expect(own.plan_practice_logs).toHaveLength(2);
  });

  it('a focus shared with the manager shows that focus (and its experiments and practice) to the manager only', async () => {
    await json(
      await o.owner.put(`/api/focus-areas/${focusA}/sharing`, { withManager: true, withCoach: false }),
      200,
    );
    const seen = await json<PlanDetail>(await o.manager.get(`/api/plans/${plan.id}`), 200);
    expect(seen.viewerRelation).toBe('manager');
    expect(seen.owner.id).toBe(o.ownerId);
    expect(seen.sharing).toBeNull();
    expect(seen.focusAreas.map((f) => f.id)).toEqual([focusA]);
    expect(seen.focusAreas[0]!.sharing).toBeNull();
    expect(seen.focusAreas[0]!.experiments.map((e) => e.id)).toEqual([experimentA]);
    expect(seen.focusAreas[0]!.comments.map((c) => c.body)).toEqual(['note to self']);
    expect((await o.manager.get(`/api/experiments/${experimentA}/practice`)).status).toBe(200);
    expect((await o.manager.get(`/api/experiments/${experimentB}/practice`)).status).toBe(404);
    const shared = await json<SharedWithMe>(await o.manager.get('/api/plans/shared-with-me'), 200);
    expect(shared.plans).toMatchObject([
      { id: plan.id, relation: 'manager', whole: false, sharedFocusAreas: 1 },
    ]);

    const db = await rowsAs(o.managerId);
    expect(db.development_plans).toEqual([plan.id]);
    expect(db.plan_focus_areas).toEqual([focusA]);
    expect(db.plan_experiments).toEqual([experimentA]);
    expect(db.plan_practice_logs).toHaveLength(1);
    for (const who of ['admin', 'coach', 'peer'] as const) await expectNoAccess(who);
    for (const id of [o.adminId, o.coachId, o.peerId]) expect(await rowsAs(id)).toEqual(nothing);
  });

  it('the manager comments on what is shared, not on the rest or on the whole plan', async () => {
    await json(
      await o.manager.post(`/api/plans/${plan.id}/comments`, { focusId: focusA, body: 'Good goal' }),
      201,
    );
    expect(
      (await o.manager.post(`/api/plans/${plan.id}/comments`, { focusId: focusB, body: 'x' })).status,
    ).toBe(404);
    expect((await o.manager.post(`/api/plans/${plan.id}/comments`, { body: 'x' })).status).toBe(400);
    const own = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(own.focusAreas[0]!.comments.map((c) => [c.author.id, c.body])).toEqual([
      [o.ownerId, 'note to self'],
      [o.managerId, 'Good goal'],
    ]);
  });

  it('the whole plan shared with the coach shows all of it to the coach; revoking takes it all away', async () => {
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: false, withCoach: true } }),
      200,
    );
    const seen = await json<PlanDetail>(await o.coach.get(`/api/plans/${plan.id}`), 200);
    expect(seen.viewerRelation).toBe('coach');
    expect(seen.focusAreas.map((f) => f.id)).toEqual([focusA, focusB]);
    expect((await o.coach.get(`/api/experiments/${experimentB}/practice`)).status).toBe(200);
    await json(await o.coach.post(`/api/plans/${plan.id}/comments`, { body: 'Whole-plan thought' }), 201);
    const coachDb = await rowsAs(o.coachId);
    expect(coachDb.plan_focus_areas).toEqual([focusA, focusB].sort());
    expect(coachDb.plan_practice_logs).toHaveLength(2);
    // The manager's comment is on a focus the coach reads; the manager still reads only focus A.
    expect((await rowsAs(o.managerId)).plan_focus_areas).toEqual([focusA]);
    expect((await o.manager.get(`/api/plans/${plan.id}`)).status).toBe(200);

    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: false, withCoach: false } }),
      200,
    );
    await json(
      await o.owner.put(`/api/focus-areas/${focusA}/sharing`, { withManager: false, withCoach: false }),
      200,
    );
    for (const who of ['admin', 'manager', 'coach', 'peer'] as const) await expectNoAccess(who);
    for (const id of [o.adminId, o.managerId, o.coachId, o.peerId]) expect(await rowsAs(id)).toEqual(nothing);
  });

  it('the database refuses writes in the owner’s name by anyone else, even with the plan shared', async () => {
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: true, withCoach: true } }),
      200,
    );
    const as = (personId: string, statement: ReturnType<typeof sql>) =>
      h.services.db.inOrganisation(o.organisationId, (tx) => tx.execute(statement), personId);
    for (const id of [o.managerId, o.coachId, o.adminId]) {
      await expect(
        as(
          id,
          sql`INSERT INTO plan_practice_logs (organisation_id, experiment_id, owner_id, did_it)
              VALUES (${o.organisationId}, ${experimentA}, ${o.ownerId}, true)`,
        ),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
      // Updates and deletes by others match no row.
      await as(id, sql`UPDATE plan_focus_areas SET goal = 'changed'`);
      await as(id, sql`DELETE FROM plan_experiments`);
    }
    // A comment in someone else's name is refused too.
    await expect(
      as(
        o.managerId,
        sql`INSERT INTO plan_comments (organisation_id, plan_id, owner_id, author_id, body)
            VALUES (${o.organisationId}, ${plan.id}, ${o.ownerId}, ${o.coachId}, 'forged')`,
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    const own = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(own.focusAreas.map((f) => f.goal)).not.toContain('changed');
    expect(own.focusAreas.every((f) => f.experiments.length === 1)).toBe(true);
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: false, withCoach: false } }),
      200,
    );
  });
});
