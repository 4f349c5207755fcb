// Coaching by consent: a coach (or an admin) asks, only the coachee's acceptance lets plan content
// shared with "my coach" reach them; declined, pending and ended coaching reach nothing; a person
// without the coach role cannot become one. Also the admin's counts, which pass disclosure control.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CoachingList,
  CoachingRelationship,
  PlanDetail,
  PlansSummary,
} from '../../src/domains/development/contracts.ts';
import { developmentPlans } from '../../src/domains/development/schema.ts';
import { summarise } from '../../src/domains/development/summary.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { capabilityFocus, fieldsOf, json, type PlanOrg, planOrg, startPlan } from './development-support.ts';

describe.each(testDatabaseKinds())('coaching consent on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;
  let plan: PlanDetail;

  const coachReads = async () => {
    const api = (await o.coach.get(`/api/plans/${plan.id}`)).status;
    const rows = await h.services.db.inOrganisation(
      o.organisationId,
      (tx) => tx.select({ id: developmentPlans.id }).from(developmentPlans),
      o.coachId,
    );
    return { api, rows: rows.length };
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'coaching');
    // Shared with "my coach" before there is one: it must reach nobody until someone is accepted.
    plan = await startPlan(o.owner, {
      focusAreas: [capabilityFocus()] as never,
      sharing: { withManager: false, withCoach: true },
    });
  });
  afterAll(() => h.close());

  it('a request gives no access; declining gives none; accepting does; ending takes it away', async () => {
    const asked = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    expect(asked).toMatchObject({
      status: 'requested',
      coach: { id: o.coachId },
      coachee: { id: o.ownerId },
    });
    expect(await coachReads()).toEqual({ api: 404, rows: 0 });
    // The coach cannot accept on the coachee's behalf.
    expect((await o.coach.post(`/api/coaching/${asked.id}/accept`)).status).toBe(404);
    await json(await o.owner.post(`/api/coaching/${asked.id}/decline`), 200);
    expect(await coachReads()).toEqual({ api: 404, rows: 0 });
    expect((await o.owner.post(`/api/coaching/${asked.id}/accept`)).status).toBe(409);

    const again = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    const accepted = await json<CoachingRelationship>(
      await o.owner.post(`/api/coaching/${again.id}/accept`),
      200,
    );
    expect(accepted.status).toBe('active');
    expect(await coachReads()).toEqual({ api: 200, rows: 1 });
    const lists = await json<CoachingList>(await o.owner.get('/api/coaching'), 200);
    expect(lists.asCoachee.map((r) => r.status)).toEqual(['declined', 'active']);
    expect(lists.organisation).toBeNull();
    const own = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(own.audience?.coach?.id).toBe(o.coachId);

    // Either side ends it; the coach loses access at once.
    await json(await o.coach.post(`/api/coaching/${again.id}/end`), 200);
    expect(await coachReads()).toEqual({ api: 404, rows: 0 });
    expect((await o.peer.post(`/api/coaching/${again.id}/end`)).status).toBe(404);
  });

  it('an admin proposes a coach; the coachee still decides; a coach who loses the role loses access', async () => {
    const proposed = await json<CoachingRelationship>(
      await o.admin.post('/api/coaching', { coacheeId: o.ownerId, coachId: o.coachId }),
      201,
    );
    expect(proposed.requestedBy.id).toBe(o.adminId);
    expect(await coachReads()).toEqual({ api: 404, rows: 0 });
    await json(await o.owner.post(`/api/coaching/${proposed.id}/accept`), 200);
    // The earlier coaching ended, which withdrew what was shared with the coach (migration 0016):
    // the coachee shares again, deliberately.
    expect(await coachReads()).toEqual({ api: 404, rows: 0 });
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: false, withCoach: true } }),
      200,
    );
    expect(await coachReads()).toEqual({ api: 200, rows: 1 });
    const all = await json<CoachingList>(await o.admin.get('/api/coaching'), 200);
    expect(all.organisation!.some((r) => r.id === proposed.id)).toBe(true);
    // The admin's own view of the plan is still nothing.
    expect((await o.admin.get(`/api/plans/${plan.id}`)).status).toBe(404);
    // Take the coach role away: the database stops showing the plan, as does the API.
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.execute(sql`UPDATE people SET roles = ARRAY['participant']::text[] WHERE id = ${o.coachId}`),
    );
    expect(await coachReads()).toEqual({ api: 404, rows: 0 });
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.execute(sql`UPDATE people SET roles = ARRAY['participant','coach']::text[] WHERE id = ${o.coachId}`),
    );
    await json(await o.owner.post(`/api/coaching/${proposed.id}/end`), 200);
  });

  it('a person without the coach role cannot become a coach', async () => {
    // Not a coach: the route is for coaches and admins.
    expect((await o.peer.post('/api/coaching', { coacheeId: o.ownerId })).status).toBe(403);
    // An admin cannot propose someone without the role, nor a coach themself, nor someone else as coach.
    expect(
      await fieldsOf(await o.admin.post('/api/coaching', { coacheeId: o.ownerId, coachId: o.peerId })),
    ).toEqual({
      coachId: 'must be an active person with the coach role',
    });
    expect(
      Object.keys(await fieldsOf(await o.coach.post('/api/coaching', { coacheeId: o.coachId }))),
    ).toEqual(['coacheeId']);
    expect(
      Object.keys(
        await fieldsOf(await o.coach.post('/api/coaching', { coacheeId: o.peerId, coachId: o.adminId })),
      ),
    ).toEqual(['coachId']);
    expect(
      Object.keys(await fieldsOf(await o.coach.post('/api/coaching', { coacheeId: crypto.randomUUID() }))),
    ).toEqual(['coacheeId']);
  });

  it('admins get counts only, with small groups suppressed', async () => {
    const summary = await json<PlansSummary>(await o.admin.get('/api/plans/summary'), 200);
    // Five people, one with a plan: far below the minimum of 3, so it is suppressed, and so is
    // everything that could give it back by subtraction.
    expect(summary.people).toBe(5);
    expect(summary.minimumGroupSize).toBe(3);
    expect(summary.peopleWithActivePlan).toBeNull();
    expect(summary.focusAreasByBlock).toEqual([{ blockKey: 'self-empowerment', people: null }]);
    expect(JSON.stringify(summary)).not.toContain(o.ownerId);
    expect((await o.owner.get('/api/plans/summary')).status).toBe(403);
  });
});

describe('plan counts through disclosure control', () => {
  const pattern = (people: number, over: Partial<Parameters<typeof summarise>[0][number]> = {}) => ({
    active_plan: false,
    blocks: [] as string[],
    running: false,
    practised: false,
    people,
    ...over,
  });

  it('shows counts whose every atom holds the minimum', () => {
    const s = summarise(
      [
        pattern(4),
        pattern(3, { active_plan: true, blocks: ['a'] }),
        pattern(3, { active_plan: true, blocks: ['a'], running: true, practised: true }),
      ],
      3,
    );
    expect(s).toMatchObject({
      people: 10,
      peopleWithActivePlan: 6,
      peopleWithRunningExperiments: 3,
      peoplePractisedLast30Days: 3,
    });
    expect(s.focusAreasByBlock).toEqual([{ blockKey: 'a', people: 6 }]);
  });

  it('suppresses a small count and one that would give it back by subtraction', () => {
    // 8 with a plan of 10: the 2 without one would be 10 − 8.
    expect(summarise([pattern(2), pattern(8, { active_plan: true })], 3).peopleWithActivePlan).toBeNull();
    // Block b is 2 people: hidden; block a (all 6 planners) stays.
    const s = summarise(
      [
        pattern(4),
        pattern(4, { active_plan: true, blocks: ['a'] }),
        pattern(2, { active_plan: true, blocks: ['a', 'b'] }),
      ],
      3,
    );
    expect(s.focusAreasByBlock).toEqual([
      { blockKey: 'a', people: 6 },
      { blockKey: 'b', people: null },
    ]);
  });
});
