// Team climate rounds through the API and the job queue: the schedule setting, "send now", one round
// per period even when launched twice, the snapshot taken at send time, the signed-out link (form,
// one submit, every bad input a 400 naming the field, a used, expired, replaced or other tenant's
// link), and a response stored apart from its invitation.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ClimateForm, ClimateSettings } from '../../src/domains/climate/contracts.ts';
import { launchRoundJob, remindRoundJob, scheduleRoundsJob } from '../../src/domains/climate/jobs.ts';
import { col, queryRows } from '../../src/platform/db/rows.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  answer,
  type ClimateOrg,
  climateLink,
  climateOrg,
  closeRound,
  json,
  PEOPLE,
  respondent,
  sendRound,
} from './climate-support.ts';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

describe.each(testDatabaseKinds())('team climate rounds on %s', (kind) => {
  let h: Harness;
  let o: ClimateOrg;
  let other: ClimateOrg;
  let roundId: string;

  const rows = <T extends z.ZodType>(org: string, query: ReturnType<typeof sql>, shape: T) =>
    h.services.db.inOrganisation(org, (tx) => queryRows(tx, query, shape));
  const roundCount = async (org: string) =>
    (await rows(org, sql`SELECT count(*)::int AS n FROM climate_rounds`, z.object({ n: col.count })))[0]!.n;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await climateOrg(h, 'clim');
    other = await climateOrg(h, 'othr');
  }, 120_000);
  afterAll(() => h?.close());

  it('starts with no schedule and validates the settings, naming the field', async () => {
    const s = await json<ClimateSettings>(await o.admin.get('/api/admin/climate/settings'), 200);
    expect(s).toEqual({ intervalWeeks: null, windowDays: 14, minimum: 3 });
    for (const [body, field] of [
      [{ intervalWeeks: 0 }, 'intervalWeeks'],
      [{ intervalWeeks: 53 }, 'intervalWeeks'],
      [{ intervalWeeks: 1.5 }, 'intervalWeeks'],
      [{ windowDays: 2 }, 'windowDays'],
      [{ windowDays: 'x' }, 'windowDays'],
      [{ surprise: true }, '(body)'],
    ] as const) {
      const err = await json<ErrorBody>(await o.admin.put('/api/admin/climate/settings', body), 400);
      expect(Object.keys(err.error.fields ?? {}).join(','), JSON.stringify(body)).toContain(field);
    }
    const participant = await o.signIn('p1');
    expect((await participant.get('/api/admin/climate/settings')).status).toBe(403);
    expect((await participant.post('/api/admin/climate/rounds')).status).toBe(403);
  });

  it('sends a round to every active person with a manager, about that manager, as at send time', async () => {
    roundId = await sendRound(h, o);
    const invited = await rows(
      o.organisationId,
      sql`SELECT respondent_id AS "respondentId", leader_id AS "leaderId", team_id AS "teamId"
            FROM climate_invitations WHERE round_id = ${roundId}`,
      z.object({ respondentId: z.string(), leaderId: z.string(), teamId: z.string().nullable() }),
    );
    expect(invited).toHaveLength(PEOPLE.length - 1); // everyone but `lead`, who has no manager
    const p1 = invited.find((i) => i.respondentId === o.ids.p1)!;
    expect(p1).toEqual({ respondentId: o.ids.p1, leaderId: o.ids.l1, teamId: o.teams.platform });
    expect(invited.find((i) => i.respondentId === o.ids.lead)).toBeUndefined();
    // Each got a link through the outbox.
    for (const n of PEOPLE.filter((p) => p !== 'lead')) {
      expect(await climateLink(h, o.organisationId, o.email(n))).toMatch(/^[0-9a-f-]{36}\./);
    }
  });

  it('keeps one round open: send now answers 409, and launches of two periods make one round', async () => {
    expect((await o.admin.post('/api/admin/climate/rounds')).status).toBe(409);
    const ctx = { services: h.services, job: { id: 0, attempt: 1 } } as unknown as Parameters<
      typeof launchRoundJob.handler
    >[1];
    await Promise.all([
      launchRoundJob.handler({ organisationId: o.organisationId, period: 'manual:a' }, ctx),
      launchRoundJob.handler({ organisationId: o.organisationId, period: 'manual:b' }, ctx),
    ]);
    expect(await roundCount(o.organisationId)).toBe(1);
  });

  it('shows the form behind the link: the leader, eleven items on a five-point scale, the privacy promise', async () => {
    const token = await climateLink(h, o.organisationId, o.email('p1'));
    const c = await respondent(h);
    const form = await json<ClimateForm>(await c.get(`/api/climate/respond/${token}`), 200);
    expect(form.leader.name).toBe('clim l1');
    expect(form.items).toHaveLength(11);
    expect(form.scale.map((s) => s.value)).toEqual([1, 2, 3, 4, 5]);
    expect(form.status).toBe('invited');
    expect(form.privacy.join(' ')).toContain('at least 3');
  });

  it('refuses every bad answer with a 400 naming the field, and writes nothing', async () => {
    const token = await climateLink(h, o.organisationId, o.email('p2'));
    const c = await respondent(h);
    const form = await json<ClimateForm>(await c.get(`/api/climate/respond/${token}`), 200);
    const all = form.items.map((i) => ({ item: i.key, value: 4 }));
    const cases: Array<[unknown, string]> = [
      [{ answers: all.map((a, i) => (i === 0 ? { ...a, value: 6 } : a)) }, 'answers.0.value'],
      [{ answers: all.map((a, i) => (i === 0 ? { ...a, value: 0 } : a)) }, 'answers.0.value'],
      [{ answers: all.map((a, i) => (i === 1 ? { ...a, value: 2.5 } : a)) }, 'answers.1.value'],
      [{ answers: all.map((a, i) => (i === 0 ? { ...a, value: null } : a)) }, 'answers.0.value'],
      [{ answers: all.map((a, i) => (i === 2 ? { ...a, item: 'nope' } : a)) }, 'answers.2.item'],
      [{ answers: [...all, all[0]] }, 'answers.11.item'],
      [{ answers: all.slice(1) }, `items.${all[0]!.item}`],
      [{ answers: [] }, 'answers'],
      [{ answers: all, comment: 'hi' }, '(body)'],
      [{}, 'answers'],
    ];
    for (const [body, field] of cases) {
      const err = await json<ErrorBody>(await c.post(`/api/climate/respond/${token}`, body), 400);
      expect(Object.keys(err.error.fields ?? {}), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    const [n] = await rows(
      o.organisationId,
      sql`SELECT count(*)::int AS n FROM climate_responses`,
      z.object({ n: col.count }),
    );
    expect(n!.n).toBe(0);
  });

  it('takes one submit, stores the answers apart from the invitation, and refuses a second', async () => {
    const token = await climateLink(h, o.organisationId, o.email('p1'));
    expect((await answer(h, token, () => 4)).status).toBe(200);
    expect((await answer(h, token, () => 2)).status).toBe(409);
    const stored = await rows(
      o.organisationId,
      sql`SELECT * FROM climate_responses`,
      z.record(z.string(), z.unknown()),
    );
    expect(stored).toHaveLength(1);
    // Only what the views need: no respondent, invitation, or time.
    expect(Object.keys(stored[0]!).sort()).toEqual(
      ['answers', 'id', 'leader_id', 'organisation_id', 'round_id', 'team_id'].sort(),
    );
    expect(stored[0]!.leader_id).toBe(o.ids.l1);
    const c = await respondent(h);
    const form = await json<ClimateForm>(await c.get(`/api/climate/respond/${token}`), 200);
    expect(form.status).toBe('submitted');
  });

  it('answers 404 for a link of another organisation, a made-up or malformed one', async () => {
    const mine = await climateLink(h, o.organisationId, o.email('p3'));
    const secret = mine.split('.')[1]!;
    const c = await respondent(h);
    for (const token of [
      `${other.organisationId}.${secret}`,
      `${o.organisationId}.${'x'.repeat(43)}`,
      'nonsense',
    ]) {
      expect((await c.get(`/api/climate/respond/${token}`)).status).toBe(404);
    }
    // The other organisation's admin sees nothing of this round.
    const list = await json<{ rounds: unknown[] }>(await other.admin.get('/api/admin/climate/rounds'), 200);
    expect(list.rounds).toHaveLength(0);
  });

  it('reminds once, halfway, only those who have not answered, with a new link replacing the old', async () => {
    const before = await climateLink(h, o.organisationId, o.email('p3'));
    const ctx = { services: h.services, job: { id: 0, attempt: 1 } } as unknown as Parameters<
      typeof remindRoundJob.handler
    >[1];
    await remindRoundJob.handler({ organisationId: o.organisationId, roundId }, ctx);
    await remindRoundJob.handler({ organisationId: o.organisationId, roundId }, ctx);
    const after = await climateLink(h, o.organisationId, o.email('p3'));
    expect(after).not.toBe(before);
    const c = await respondent(h);
    expect((await c.get(`/api/climate/respond/${before}`)).status).toBe(404);
    expect((await c.get(`/api/climate/respond/${after}`)).status).toBe(200);
    const mails = async (name: 'p1' | 'p3') =>
      (
        await rows(
          o.organisationId,
          sql`SELECT count(*)::int AS n FROM emails WHERE "to" = ${o.email(name)} AND text LIKE '%/rate/climate/%'`,
          z.object({ n: col.count }),
        )
      )[0]!.n;
    expect(await mails('p3')).toBe(2); // the invitation and one reminder, however often the job runs
    expect(await mails('p1')).toBe(1); // answered: no reminder
  });

  it('answers 410 once the round has closed, and a closed round takes no answers', async () => {
    const token = await climateLink(h, o.organisationId, o.email('p4'));
    await closeRound(h, o, roundId);
    const c = await respondent(h);
    expect((await c.get(`/api/climate/respond/${token}`)).status).toBe(410);
    const late = await c.post(`/api/climate/respond/${token}`, {
      answers: [{ item: 'meaning.worthwhile', value: 3 }],
    });
    expect(late.status).toBe(410);
    const [r] = await rows(
      o.organisationId,
      sql`SELECT status FROM climate_rounds WHERE id = ${roundId}`,
      z.object({ status: z.string() }),
    );
    expect(r!.status).toBe('closed');
  });

  it('sends scheduled rounds once per period, even when the scan runs twice', async () => {
    await json(await other.admin.put('/api/admin/climate/settings', { intervalWeeks: 13 }), 200);
    const ctx = { services: h.services, job: { id: 0, attempt: 1 } } as unknown as Parameters<
      typeof scheduleRoundsJob.handler
    >[1];
    await scheduleRoundsJob.handler({}, ctx);
    await scheduleRoundsJob.handler({}, ctx);
    await h.services.jobs.runDue();
    expect(await roundCount(other.organisationId)).toBe(1);
    const [round] = await rows(
      other.organisationId,
      sql`SELECT period FROM climate_rounds`,
      z.object({ period: z.string() }),
    );
    expect(round!.period).toMatch(/^every-13w:\d+$/);
  });
});
