// The privacy proof of check-ins (docs/decisions/0014): a check-in is its participant's and their
// counterpart's. Admin, peer, the coach of a check-in held with the manager, and a manager who is
// not the counterpart get 404 from every route and no rows from the database; the counterpart sees
// it while the relation holds, and loses it when it ends (as plans do: migration 0016), without a
// new manager gaining anything.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, CheckInDetail, CheckInList, MyTasks } from '../../src/domains/checkins/contracts.ts';
import { checkInActions, checkIns } from '../../src/domains/checkins/schema.ts';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import type { Client, Harness } from '../support/harness.ts';
import { startHarness } from '../support/harness.ts';
import { type CheckInOrg, checkInOrg, json, scheduleBody } from './checkins-support.ts';
import { experimentBody } from './development-support.ts';

describe.each(testDatabaseKinds())('check-in privacy on %s', (kind) => {
  let h: Harness;
  let o: CheckInOrg;
  let checkIn: CheckInDetail;
  let action: Action;

  /** Row ids of both tables as `personId` reads them, straight from the database. */
  const rowsAs = (personId?: string) =>
    h.services.db.inOrganisation(
      o.organisationId,
      async (tx) => ({
        check_ins: (await tx.select({ id: checkIns.id }).from(checkIns)).map((r) => r.id),
        check_in_actions: (await tx.select({ id: checkInActions.id }).from(checkInActions)).map((r) => r.id),
      }),
      personId,
    );
  const nothing = { check_ins: [], check_in_actions: [] };

  async function expectNoAccess(who: string, c: Client) {
    const id = checkIn.id;
    expect((await c.get(`/api/check-ins/${id}`)).status, who).toBe(404);
    expect((await c.put(`/api/check-ins/${id}/notes`, { notes: 'mine now', version: 0 })).status, who).toBe(
      404,
    );
    expect((await c.put(`/api/check-ins/${id}/learned`, { learned: 'x' })).status, who).toBe(404);
    expect((await c.post(`/api/check-ins/${id}/actions`, { title: 'x' })).status, who).toBe(404);
    expect(
      (await c.post(`/api/check-ins/${id}/reschedule`, { ...scheduleBody(''), withPersonId: undefined }))
        .status,
      who,
    ).toBe(404);
    expect((await c.post(`/api/check-ins/${id}/cancel`)).status, who).toBe(404);
    expect((await c.post(`/api/check-ins/${id}/complete`)).status, who).toBe(404);
    expect((await c.put(`/api/check-in-actions/${action.id}/done`, { done: true })).status, who).toBe(404);
    expect(
      (
        await c.post(`/api/check-in-actions/${action.id}/experiment`, {
          focusId: o.focusId,
          experiment: experimentBody(),
        })
      ).status,
      who,
    ).toBe(404);
    const list = await json<CheckInList>(await c.get('/api/check-ins'), 200);
    expect(list, who).toEqual({ upcoming: [], past: [] });
    expect((await json<MyTasks>(await c.get('/api/check-ins/tasks'), 200)).tasks, who).toEqual([]);
  }

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await checkInOrg(h, 'ciprivate');
    checkIn = await json<CheckInDetail>(
      await o.owner.post(
        '/api/check-ins',
        scheduleBody(o.managerId, { agendaExperimentIds: [o.experimentId], learned: 'secret learning' }),
      ),
      201,
    );
    await json(
      await o.owner.put(`/api/check-ins/${checkIn.id}/notes`, { notes: 'secret notes', version: 0 }),
      200,
    );
    action = await json<Action>(
      await o.owner.post(`/api/check-ins/${checkIn.id}/actions`, { title: 'a task' }),
      201,
    );
  });
  afterAll(() => h.close());

  it('admin, peer and the coach (not the counterpart) get 404 everywhere and no rows', async () => {
    for (const [who, c] of [
      ['admin', o.admin],
      ['peer', o.peer],
      ['coach', o.coach],
    ] as const)
      await expectNoAccess(who, c);
    for (const id of [o.adminId, o.peerId, o.coachId]) expect(await rowsAs(id)).toEqual(nothing);
    // A transaction without a person (jobs, organisation-wide work) sees none either.
    expect(await rowsAs()).toEqual(nothing);
  });

  it('the counterpart and the owner see it, with its agenda, notes and actions', async () => {
    for (const c of [o.owner, o.manager]) {
      const seen = await json<CheckInDetail>(await c.get(`/api/check-ins/${checkIn.id}`), 200);
      expect(seen).toMatchObject({
        notes: 'secret notes',
        learned: 'secret learning',
        actions: [{ id: action.id }],
      });
      expect(seen.agenda.map((a) => a.experimentId)).toEqual([o.experimentId]);
    }
    expect(await rowsAs(o.managerId)).toEqual({ check_ins: [checkIn.id], check_in_actions: [action.id] });
    expect(await rowsAs(o.ownerId)).toEqual({ check_ins: [checkIn.id], check_in_actions: [action.id] });
  });

  it('the database refuses a counterpart’s direct write to the schedule and a forged action', async () => {
    await h.services.db.inOrganisation(
      o.organisationId,
      (tx) => tx.execute(sql`UPDATE check_ins SET starts_at = now(), title = 'hijacked'`),
      o.managerId,
    );
    const [row] = await h.services.db.inOrganisation(
      o.organisationId,
      (tx) => tx.select({ title: checkIns.title }).from(checkIns),
      o.ownerId,
    );
    expect(row!.title).not.toBe('hijacked');
    // The peer cannot add an action to it, even naming the owner and themself as author.
    await expect(
      h.services.db.inOrganisation(
        o.organisationId,
        (tx) =>
          tx.insert(checkInActions).values({
            organisationId: o.organisationId,
            checkInId: checkIn.id,
            ownerId: o.ownerId,
            authorId: o.peerId,
            title: 'forged',
          }),
        o.peerId,
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    // Nor write the notes through the one function that may.
    const [written] = await h.services.db
      .inOrganisation(
        o.organisationId,
        async (tx) =>
          (await tx.execute(
            sql`SELECT lodestar_write_check_in_notes(${checkIn.id}::uuid, 'forged', 1) AS v`,
          )) as unknown as {
            rows: { v: number | null }[];
          },
        o.peerId,
      )
      .then((r) => r.rows);
    expect(written!.v).toBeNull();
  });

  it('a new manager sees nothing; the old one loses it; the owner keeps it and can still cancel', async () => {
    // The peer becomes the participant's manager (as an admin would make themself).
    await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.update(people).set({ managerId: o.peerId }).where(eq(people.id, o.ownerId)),
    );
    await expectNoAccess('new manager', o.peer);
    await expectNoAccess('old manager', o.manager);
    expect(await rowsAs(o.peerId)).toEqual(nothing);
    expect(await rowsAs(o.managerId)).toEqual(nothing);
    const own = await json<CheckInDetail>(await o.owner.get(`/api/check-ins/${checkIn.id}`), 200);
    expect(own.relationHolds).toBe(false);
    // Moving it is refused (they are not the manager now); cancelling tells both.
    expect(
      (
        await o.owner.post(`/api/check-ins/${checkIn.id}/reschedule`, {
          ...scheduleBody(''),
          withPersonId: undefined,
        })
      ).status,
    ).toBe(409);
    await json(await o.owner.post(`/api/check-ins/${checkIn.id}/cancel`), 200);
  });

  it('another organisation’s admin gets 404', async () => {
    const other = await checkInOrg(h, 'ciother');
    expect((await other.admin.get(`/api/check-ins/${checkIn.id}`)).status).toBe(404);
    expect((await other.owner.get(`/api/check-ins/${checkIn.id}`)).status).toBe(404);
  });
});
