// Check-ins through the API: the proposal, scheduling with both invitations in the outbox (REQUEST,
// stable UID, SEQUENCE 0, DTSTART in the chosen zone), reschedule (same UID, SEQUENCE 1), cancel
// (CANCEL, SEQUENCE 2), the agenda holding only what the participant chose, shared notes, and
// agreed actions that become an experiment in the plan or stay tasks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Action,
  CheckInDetail,
  CheckInList,
  MyTasks,
  Proposal,
} from '../../src/domains/checkins/contracts.ts';
import type { PlanDetail } from '../../src/domains/development/contracts.ts';
import { homeResponse } from '../../src/domains/home/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  type CheckInOrg,
  checkInOrg,
  fieldsOf,
  invitationsOf,
  json,
  localIn,
  scheduleBody,
} from './checkins-support.ts';
import { experimentBody } from './development-support.ts';

describe.each(testDatabaseKinds())('check-ins on %s', (kind) => {
  let h: Harness;
  let o: CheckInOrg;
  let checkIn: CheckInDetail;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await checkInOrg(h, 'checkins');
  });
  afterAll(() => h.close());

  it('proposes the manager and the coach, and the experiments due with what each already sees', async () => {
    const p = await json<Proposal>(await o.owner.get('/api/check-ins/new'), 200);
    expect(p.counterparts).toEqual([
      { id: o.managerId, name: 'checkins manager', relation: 'manager' },
      { id: o.coachId, name: 'checkins coach', relation: 'coach' },
    ]);
    expect(p.agenda).toEqual([
      expect.objectContaining({
        experimentId: o.experimentId,
        action: 'Write down one bet for next quarter',
        status: 'running',
        reasons: ['practice'],
        sharedWith: { manager: false, coach: false },
      }),
    ]);
  });

  it('schedules with the manager: both get a REQUEST with a stable UID, SEQUENCE 0 and the zone', async () => {
    const startsAt = localIn(7, '09:30');
    checkIn = await json<CheckInDetail>(
      await o.owner.post(
        '/api/check-ins',
        scheduleBody(o.managerId, { startsAt, agendaExperimentIds: [o.experimentId], learned: 'Bets help.' }),
      ),
      201,
    );
    expect(checkIn).toMatchObject({
      status: 'scheduled',
      relation: 'manager',
      viewerRole: 'owner',
      owner: { id: o.ownerId },
      counterpart: { id: o.managerId },
      localStart: startsAt,
      timeZone: 'Europe/London',
      durationMinutes: 45,
      sequence: 0,
      learned: 'Bets help.',
      relationHolds: true,
    });
    expect(checkIn.agenda.map((a) => a.experimentId)).toEqual([o.experimentId]);
    const sent = await invitationsOf(h, o.organisationId, checkIn.id);
    expect(sent.map((s) => s.to)).toEqual(['participant@checkins.test', 'manager@checkins.test']);
    for (const s of sent) {
      expect(s).toMatchObject({
        method: 'REQUEST',
        icsMethod: 'REQUEST',
        uid: `${checkIn.id}@lodestar`,
        sequence: 0,
        startsAt: checkIn.startsAt,
      });
      expect(s.dtstart).toMatch(/^Europe\/London:\d{4}-\d{2}-\d{2}T09:30:00$/);
      expect(s.ics).toContain('BEGIN:VTIMEZONE');
      expect(s.ics).toMatch(/ATTENDEE.*manager@checkins\.test/s);
      // Email holds the title, time and place: no agenda, no "what I learned".
      expect(s.text).not.toContain('Bets help');
      expect(s.text).not.toContain('Write down one bet');
      expect(s.ics).not.toContain('Bets help');
      expect(s.ics).not.toContain('Write down one bet');
    }
    const list = await json<CheckInList>(await o.manager.get('/api/check-ins'), 200);
    expect(list.upcoming.map((c) => [c.id, c.viewerRole])).toEqual([[checkIn.id, 'counterpart']]);
  });

  it('reschedules: the same UID with SEQUENCE 1, at the new time in the new zone', async () => {
    const moved = await json<CheckInDetail>(
      await o.owner.post(`/api/check-ins/${checkIn.id}/reschedule`, {
        startsAt: localIn(8, '14:00'),
        durationMinutes: 30,
        timeZone: 'America/New_York',
        place: null,
        videoUrl: 'https://meet.example/moved',
      }),
      200,
    );
    expect(moved).toMatchObject({
      sequence: 1,
      timeZone: 'America/New_York',
      place: null,
      localStart: localIn(8, '14:00'),
    });
    const sent = (await invitationsOf(h, o.organisationId, checkIn.id)).slice(2);
    expect(sent).toHaveLength(2);
    for (const s of sent) {
      expect(s).toMatchObject({
        icsMethod: 'REQUEST',
        uid: `${checkIn.id}@lodestar`,
        sequence: 1,
        startsAt: moved.startsAt,
      });
      expect(s.dtstart).toMatch(/^America\/New_York:.*T14:00:00$/);
      expect(s.subject).toMatch(/^Updated invitation: /);
    }
  });

  it('keeps shared notes that both write, refusing an edit made on a stale copy', async () => {
    const byOwner = await json<CheckInDetail>(
      await o.owner.put(`/api/check-ins/${checkIn.id}/notes`, { notes: 'Talk about bets', version: 0 }),
      200,
    );
    expect(byOwner).toMatchObject({ notes: 'Talk about bets', notesVersion: 1 });
    const byManager = await json<CheckInDetail>(
      await o.manager.put(`/api/check-ins/${checkIn.id}/notes`, {
        notes: 'Talk about bets\nand hiring',
        version: 1,
      }),
      200,
    );
    expect(byManager).toMatchObject({ notesVersion: 2, viewerRole: 'counterpart' });
    // The owner's copy is stale now: refused, nothing lost.
    const stale = await o.owner.put(`/api/check-ins/${checkIn.id}/notes`, { notes: 'overwrite', version: 1 });
    expect(await fieldsOf(stale, 409)).toEqual({ version: 'is not the current version of the notes' });
    const now = await json<CheckInDetail>(await o.owner.get(`/api/check-ins/${checkIn.id}`), 200);
    expect(now.notes).toBe('Talk about bets\nand hiring');
    // "What I learned" is the owner's alone; the counterpart cannot change the schedule either.
    expect((await o.manager.put(`/api/check-ins/${checkIn.id}/learned`, { learned: 'x' })).status).toBe(404);
    expect((await o.manager.post(`/api/check-ins/${checkIn.id}/cancel`)).status).toBe(404);
    expect(
      (
        await o.manager.post(
          `/api/check-ins/${checkIn.id}/reschedule`,
          scheduleBody(o.managerId, { withPersonId: undefined }),
        )
      ).status,
    ).toBe(404);
  });

  it('agreed actions: either records one; the owner turns one into an experiment in the plan; the other stays a task', async () => {
    const task = await json<Action>(
      await o.manager.post(`/api/check-ins/${checkIn.id}/actions`, { title: 'Book a skip-level' }),
      201,
    );
    expect(task).toMatchObject({ kind: 'task', done: false, author: { id: o.managerId } });
    const toTry = await json<Action>(
      await o.owner.post(`/api/check-ins/${checkIn.id}/actions`, { title: 'Ask for one bet in every 1:1' }),
      201,
    );
    // The manager may tick a task but cannot put anything in the owner's plan.
    expect(
      (
        await o.manager.post(`/api/check-in-actions/${toTry.id}/experiment`, {
          focusId: o.focusId,
          experiment: experimentBody(),
        })
      ).status,
    ).toBe(404);
    const became = await json<Action>(
      await o.owner.post(`/api/check-in-actions/${toTry.id}/experiment`, {
        focusId: o.focusId,
        experiment: experimentBody({ action: 'Ask for one bet in every 1:1', status: 'planned' }),
      }),
      200,
    );
    expect(became).toMatchObject({ kind: 'experiment', experimentId: expect.any(String) });
    const plan = await json<PlanDetail>(await o.owner.get(`/api/plans/${o.planId}`), 200);
    expect(plan.focusAreas[0]!.experiments.map((e) => [e.id, e.action])).toContainEqual([
      became.experimentId,
      'Ask for one bet in every 1:1',
    ]);
    expect(
      (
        await o.owner.post(`/api/check-in-actions/${toTry.id}/experiment`, {
          focusId: o.focusId,
          experiment: experimentBody(),
        })
      ).status,
    ).toBe(409);
    const ticked = await json<Action>(
      await o.manager.put(`/api/check-in-actions/${task.id}/done`, { done: true }),
      200,
    );
    expect(ticked).toMatchObject({ done: true, doneAt: expect.any(String) });
    const tasks = await json<MyTasks>(await o.owner.get('/api/check-ins/tasks'), 200);
    expect(tasks.tasks.map((t) => [t.title, t.done, t.checkIn.id])).toEqual([
      ['Book a skip-level', true, checkIn.id],
    ]);
  });

  it('completing records when; a completed check-in cannot be moved or cancelled', async () => {
    const done = await json<CheckInDetail>(await o.owner.post(`/api/check-ins/${checkIn.id}/complete`), 200);
    expect(done).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect((await o.owner.post(`/api/check-ins/${checkIn.id}/cancel`)).status).toBe(409);
    const list = await json<CheckInList>(await o.owner.get('/api/check-ins'), 200);
    expect(list.past.map((c) => c.id)).toEqual([checkIn.id]);
    // The journey on the home page counts it (self-leadership: a reflection or a check-in lately),
    // for the participant, not for the manager who held it with them.
    const home = homeResponse.parse(await json(await o.owner.get('/api/home'), 200));
    expect(home.journey.blocks[2]!.dates.lastCheckInAt).toBe(done.startsAt);
    const theirs = homeResponse.parse(await json(await o.manager.get('/api/home'), 200));
    expect(theirs.journey.blocks[2]!.dates.lastCheckInAt).toBeNull();
  });

  it('cancels with the coach: CANCEL with the same UID, the next SEQUENCE and STATUS:CANCELLED', async () => {
    const withCoach = await json<CheckInDetail>(
      await o.owner.post('/api/check-ins', scheduleBody(o.coachId)),
      201,
    );
    expect(withCoach).toMatchObject({
      relation: 'coach',
      agenda: [],
      title: 'Check-in: checkins participant and checkins coach',
    });
    await json(
      await o.owner.post(
        `/api/check-ins/${withCoach.id}/reschedule`,
        scheduleBody(o.coachId, { withPersonId: undefined, startsAt: localIn(9) }),
      ),
      200,
    );
    const cancelled = await json<CheckInDetail>(
      await o.owner.post(`/api/check-ins/${withCoach.id}/cancel`),
      200,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2, cancelledAt: expect.any(String) });
    const sent = await invitationsOf(h, o.organisationId, withCoach.id);
    expect(sent.map((s) => [s.icsMethod, s.sequence, s.to])).toEqual([
      ['REQUEST', 0, 'participant@checkins.test'],
      ['REQUEST', 0, 'coach@checkins.test'],
      ['REQUEST', 1, 'participant@checkins.test'],
      ['REQUEST', 1, 'coach@checkins.test'],
      ['CANCEL', 2, 'participant@checkins.test'],
      ['CANCEL', 2, 'coach@checkins.test'],
    ]);
    expect(new Set(sent.map((s) => s.uid))).toEqual(new Set([`${withCoach.id}@lodestar`]));
    expect(sent.at(-1)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
    expect((await o.owner.post(`/api/check-ins/${withCoach.id}/cancel`)).status).toBe(409);
    // Nothing more is written on a cancelled check-in.
    expect((await o.coach.post(`/api/check-ins/${withCoach.id}/actions`, { title: 'x' })).status).toBe(409);
  });
});
