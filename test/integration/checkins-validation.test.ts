// Bad and malicious input to check-ins: a 400 naming the field and its rule, nothing written and
// nothing emailed; someone else's ids answer 404; concurrent reschedules each send the next
// SEQUENCE, never the same one twice.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckInDetail } from '../../src/domains/checkins/contracts.ts';
import { checkIns } from '../../src/domains/checkins/schema.ts';
import { emails } from '../../src/platform/mail/schema.ts';
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
import { planWithExperiment } from './development-support.ts';

describe.each(testDatabaseKinds())('check-in validation on %s', (kind) => {
  let h: Harness;
  let o: CheckInOrg;
  let other: CheckInOrg;

  const written = async () => {
    const [c] = await h.services.db.inOrganisation(
      o.organisationId,
      (tx) => tx.select({ n: count() }).from(checkIns),
      o.ownerId,
    );
    const [e] = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.select({ n: count() }).from(emails).where(eq(emails.organisationId, o.organisationId)),
    );
    return { checkIns: c!.n, emails: e!.n };
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await checkInOrg(h, 'civalid');
    other = await checkInOrg(h, 'ciforeign');
  });
  afterAll(() => h.close());

  it('refuses bad input with a 400 naming the field, writing and emailing nothing', async () => {
    const before = await written();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ withPersonId: o.peerId }, { withPersonId: 'must be your manager or your coach' }],
      [{ withPersonId: o.adminId }, { withPersonId: 'must be your manager or your coach' }],
      [{ withPersonId: o.ownerId }, { withPersonId: 'must be your manager or your coach' }],
      // Another organisation's manager: unknown here.
      [{ withPersonId: other.managerId }, { withPersonId: 'must be your manager or your coach' }],
      [{ withPersonId: 'not-an-id' }, { withPersonId: 'must be your manager or your coach' }],
      [{ startsAt: localIn(-1) }, { startsAt: 'must be in the future' }],
      [{ startsAt: localIn(400) }, { startsAt: 'must be within 366 days' }],
      [
        { startsAt: '2030-02-30T09:00' },
        { startsAt: 'must be a time that exists in Europe/London (not skipped by a clock change)' },
      ],
      [{ startsAt: 'tomorrow' }, { startsAt: 'must be a local date and time (YYYY-MM-DDTHH:mm)' }],
      [{ timeZone: 'Mars/Olympus_Mons' }, { timeZone: 'must be an IANA time zone name, e.g. Europe/London' }],
      [{ timeZone: '+02:00' }, { timeZone: 'must be an IANA time zone name, e.g. Europe/London' }],
      [
        { timeZone: 'Europe/London\r\nBcc: eve@evil.example' },
        { timeZone: 'must be an IANA time zone name, e.g. Europe/London' },
      ],
      [{ durationMinutes: 10 }, { durationMinutes: 'must be at least 15 minutes' }],
      [{ durationMinutes: 181 }, { durationMinutes: 'must be at most 180 minutes' }],
      [{ durationMinutes: 30.5 }, { durationMinutes: 'must be a whole number of minutes from 15 to 180' }],
      [{ videoUrl: 'javascript:alert(1)' }, { videoUrl: 'must be an http or https link' }],
      [{ videoUrl: 'file:///etc/passwd' }, { videoUrl: 'must be an http or https link' }],
      [{ title: 'Hi\r\nBcc: eve@evil.example' }, { title: 'must be one line' }],
      [{ place: 'x'.repeat(201) }, { place: 'must be at most 200 characters' }],
      [
        { agendaExperimentIds: [other.experimentId] },
        { agendaExperimentIds: 'must be open experiments of your current plan' },
      ],
      [
        { agendaExperimentIds: [o.experimentId, o.experimentId] },
        { agendaExperimentIds: 'must not repeat an id' },
      ],
      [{ learned: 'x'.repeat(2001) }, { learned: 'must be at most 2000 characters' }],
      [{ surprise: true }, { '(body)': expect.any(String) }],
    ];
    for (const [over, fields] of cases) {
      const res = await o.owner.post('/api/check-ins', scheduleBody(o.managerId, over));
      expect(await fieldsOf(res), JSON.stringify(over)).toEqual(fields);
    }
    expect(await written()).toEqual(before);
  });

  it("answers 404 for someone else's check-in and for another organisation's", async () => {
    const theirs = await json<CheckInDetail>(
      await other.owner.post('/api/check-ins', scheduleBody(other.managerId)),
      201,
    );
    for (const c of [o.owner, o.manager, o.admin]) {
      expect((await c.get(`/api/check-ins/${theirs.id}`)).status).toBe(404);
      expect((await c.post(`/api/check-ins/${theirs.id}/cancel`)).status).toBe(404);
      expect((await c.post(`/api/check-ins/${theirs.id}/actions`, { title: 'x' })).status).toBe(404);
    }
    // A malformed id is an unknown one.
    expect((await o.owner.get('/api/check-ins/not-an-id')).status).toBe(404);
    // Turning an action into an experiment in a focus area that is not yours.
    const mine = await json<CheckInDetail>(
      await o.owner.post('/api/check-ins', scheduleBody(o.coachId)),
      201,
    );
    const action = await json<{ id: string }>(
      await o.owner.post(`/api/check-ins/${mine.id}/actions`, { title: 'Try it' }),
      201,
    );
    const foreignFocus = (await planWithExperiment(o.peer)).focusId;
    expect(
      (
        await o.owner.post(`/api/check-in-actions/${action.id}/experiment`, {
          focusId: foreignFocus,
          experiment: {
            action: 'a',
            situation: 'b',
            frequency: 'c',
            signal: 'd',
            startsOn: '2030-01-01',
            reviewOn: '2030-02-01',
          },
        })
      ).status,
    ).toBe(404);
    const bad = await o.owner.post(`/api/check-in-actions/${action.id}/experiment`, {
      focusId: o.focusId,
      experiment: {
        action: '',
        situation: 'b',
        frequency: 'c',
        signal: 'd',
        startsOn: '2030-03-01',
        reviewOn: '2030-02-01',
      },
    });
    expect(await fieldsOf(bad)).toMatchObject({
      'experiment.action': 'is required',
      'experiment.reviewOn': 'must be on or after startsOn',
    });
  });

  it('concurrent reschedules send SEQUENCE 1, 2, 3 — each once', async () => {
    const c = await json<CheckInDetail>(await o.owner.post('/api/check-ins', scheduleBody(o.managerId)), 201);
    const moves = await Promise.all(
      [10, 11, 12].map((d) =>
        o.owner.post(`/api/check-ins/${c.id}/reschedule`, {
          ...scheduleBody(o.managerId, { startsAt: localIn(d) }),
          withPersonId: undefined,
        }),
      ),
    );
    const seqs = await Promise.all(moves.map(async (r) => (await json<CheckInDetail>(r, 200)).sequence));
    expect(seqs.sort()).toEqual([1, 2, 3]);
    const sent = await invitationsOf(h, o.organisationId, c.id);
    expect(sent.filter((s) => s.to === 'participant@civalid.test').map((s) => s.sequence)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(sent.filter((s) => s.to === 'manager@civalid.test').map((s) => s.sequence)).toEqual([0, 1, 2, 3]);
  });
});
