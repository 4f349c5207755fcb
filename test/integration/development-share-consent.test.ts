// A share is consent given to one person, not to whoever holds the role later: when the owner's
// manager changes (even when an admin makes themself the manager) or their coaching ends, what was
// shared with the old one is no longer shared — cleared by the database itself (migration 0016),
// so no path that changes a reporting line or ends coaching can forget it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoachingRelationship, PlanDetail } from '../../src/domains/development/contracts.ts';
import { developmentPlans, planFocusAreas } from '../../src/domains/development/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import { capabilityFocus, json, type PlanOrg, planOrg, startPlan } from './development-support.ts';

describe.each(testDatabaseKinds())('shares follow the person on %s', (kind) => {
  let h: Harness;
  let o: PlanOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await planOrg(h, 'consent');
  });
  afterAll(() => h.close());

  /** Plan and focus rows the person can read, straight from the database. */
  const rowsAs = (personId: string) =>
    h.services.db.inOrganisation(
      o.organisationId,
      async (tx) => ({
        plans: (await tx.select({ id: developmentPlans.id }).from(developmentPlans)).length,
        focusAreas: (await tx.select({ id: planFocusAreas.id }).from(planFocusAreas)).length,
      }),
      personId,
    );

  it('an admin who makes themself the manager does not inherit what was shared with the old manager', async () => {
    const plan = await startPlan(o.owner, { focusAreas: [capabilityFocus()] as never });
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: true, withCoach: false } }),
      200,
    );
    await json(
      await o.owner.put(`/api/focus-areas/${plan.focusAreas[0]!.id}/sharing`, {
        withManager: true,
        withCoach: false,
      }),
      200,
    );
    expect((await o.manager.get(`/api/plans/${plan.id}`)).status).toBe(200);
    expect((await o.admin.get(`/api/plans/${plan.id}`)).status).toBe(404);

    expect((await o.admin.patch(`/api/people/${o.ownerId}`, { managerId: o.adminId })).status).toBe(200);

    expect((await o.admin.get(`/api/plans/${plan.id}`)).status).toBe(404);
    expect((await o.manager.get(`/api/plans/${plan.id}`)).status).toBe(404);
    expect(await rowsAs(o.adminId)).toEqual({ plans: 0, focusAreas: 0 });
    const mine = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(mine.sharing).toEqual({ withManager: false, withCoach: false });
    expect(mine.focusAreas[0]!.sharing).toEqual({ withManager: false, withCoach: false });
    // The owner can share with the new manager: a new, deliberate consent.
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: true, withCoach: false } }),
      200,
    );
    expect((await o.admin.get(`/api/plans/${plan.id}`)).status).toBe(200);
  });

  it('when coaching ends, the coach shares are withdrawn; coaching again needs sharing again', async () => {
    const request = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    await json(await o.owner.post(`/api/coaching/${request.id}/accept`), 200);
    const plan = await startPlan(o.owner, { focusAreas: [capabilityFocus()] as never });
    await json(
      await o.owner.patch(`/api/plans/${plan.id}`, { sharing: { withManager: false, withCoach: true } }),
      200,
    );
    expect((await o.coach.get(`/api/plans/${plan.id}`)).status).toBe(200);

    await json(await o.coach.post(`/api/coaching/${request.id}/end`), 200);
    expect((await o.coach.get(`/api/plans/${plan.id}`)).status).toBe(404);
    const mine = await json<PlanDetail>(await o.owner.get(`/api/plans/${plan.id}`), 200);
    expect(mine.sharing).toEqual({ withManager: false, withCoach: false });

    const again = await json<CoachingRelationship>(
      await o.coach.post('/api/coaching', { coacheeId: o.ownerId }),
      201,
    );
    await json(await o.owner.post(`/api/coaching/${again.id}/accept`), 200);
    expect((await o.coach.get(`/api/plans/${plan.id}`)).status).toBe(404);
    expect(await rowsAs(o.coachId)).toEqual({ plans: 0, focusAreas: 0 });
  });
});
