// Pulse re-rating through the API, on both databases: a released 360 (manager, 5 peers, 4 others),
// then a pulse of 3 behaviours asked of the same people, where one peer declines. That is the attack
// DESIGN §3.1 has to stop across reports: the 360 showed peers over {A,B,C,D,E}; a pulse figure over
// {A,B,C,D} would let anyone subtract their way to E's answers. Also: who may launch, bad input,
// the locked list, the short form, one campaign at a time, and sharing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CampaignDetail,
  FeedbackReport,
  PulseOptions,
  PulseReport,
  RaterForm,
} from '../../src/domains/feedback/contracts.ts';
import { releasedPulseComparison } from '../../src/domains/feedback/pulse-report.ts';
import { feedbackRaters } from '../../src/domains/feedback/schema.ts';
import { emails } from '../../src/platform/mail/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  allAnswers,
  type ErrorBody,
  type FeedbackOrg,
  feedbackOrg,
  json,
  linkFor,
  raterClient,
} from './feedback-support.ts';

const PEERS = ['a', 'b', 'c', 'd', 'e'].map((x) => ({
  group: 'peers',
  name: `Peer ${x}`,
  email: `peer-${x}@pulse.test`,
}));
const OTHERS = [1, 2, 3, 4].map((n) => ({
  group: 'others',
  name: `Other ${n}`,
  email: `other-${n}@pulse.test`,
}));
const NOMINEES = [{ group: 'manager', name: 'Manager', email: 'manager@pulse.test' }, ...PEERS, ...OTHERS];
const DECLINER = 'peer-e@pulse.test';

describe.each(testDatabaseKinds())('pulse re-rating on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let baselineId: string;
  let pulse: CampaignDetail;
  let focus: string[];

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'pulse');
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    baselineId = c.id;
    await json(
      await o.subject.put(`/api/feedback/campaigns/${c.id}/nominations`, { nominations: NOMINEES }),
      200,
    );
    await json(await o.subject.post(`/api/feedback/campaigns/${c.id}/submit-nominations`), 200);
    await json(await o.manager.post(`/api/feedback/campaigns/${c.id}/approve`, {}), 200);
    const rater = await raterClient(h);
    for (const [r, n] of NOMINEES.entries()) {
      const token = await linkFor(h, o.organisationId, n.email);
      const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
      await json(
        await rater.post(`/api/rate/${token}/submit`, {
          answers: allAnswers(form, (_, i) => 1 + ((i + r) % 5)),
          comments: { keep: `Keep ${n.name}`, change: `Change ${n.name}` },
        }),
        200,
      );
    }
    await json(await o.subject.post(`/api/feedback/campaigns/${baselineId}/release`), 200);
  }, 180_000);
  afterAll(() => h.close());

  it('the subject sees what a pulse would ask and the 360’s list, read-only', async () => {
    const options = await json<PulseOptions>(
      await o.subject.get(`/api/feedback/campaigns/${baselineId}/pulse-options`),
      200,
    );
    expect(options.blockedBy).toBeNull();
    expect([options.minItems, options.maxItems]).toEqual([3, 6]);
    expect(options.raters.map((r) => r.email).sort()).toEqual(NOMINEES.map((n) => n.email).sort());
    expect(options.question.key).toBe('different');
    focus = options.capabilities
      .filter((c) => !c.derailer)[0]!
      .items.slice(0, 3)
      .map((i) => i.key);
    expect(focus).toHaveLength(3);
  });

  it('only the subject may ask; others get 403, or 404 when they cannot see the 360', async () => {
    for (const client of [o.manager, o.admin]) {
      const res = await client.post(`/api/feedback/campaigns/${baselineId}/pulse`, { itemKeys: focus });
      expect(res.status).toBe(403);
      expect((await client.get(`/api/feedback/campaigns/${baselineId}/pulse-options`)).status).toBe(403);
    }
    expect(
      (await o.coach.post(`/api/feedback/campaigns/${baselineId}/pulse`, { itemKeys: focus })).status,
    ).toBe(404);
  });

  it('refuses bad behaviours with the field and the rule, writing nothing', async () => {
    const cases: Array<[unknown, string]> = [
      [{ itemKeys: focus.slice(0, 2) }, 'itemKeys'],
      [{ itemKeys: [...focus, 'x', 'y', 'z', 'w'] }, 'itemKeys'],
      [{ itemKeys: [focus[0], 'no-such-item', focus[1]] }, 'itemKeys.1'],
      [{ itemKeys: [focus[0], focus[1], focus[0]] }, 'itemKeys.2'],
      [{ itemKeys: [focus[0], focus[1], { $ne: 1 }] }, 'itemKeys.2'],
      [{ itemKeys: focus, deadline: '2001-01-01T00:00:00Z' }, 'deadline'],
      // No rater list may be given: it is the 360's (an unknown key of a strict body).
      [{ itemKeys: focus, raters: [] }, '(body)'],
    ];
    for (const [body, field] of cases) {
      const res = await o.subject.post(`/api/feedback/campaigns/${baselineId}/pulse`, body);
      const error = await json<ErrorBody>(res, 400);
      expect(Object.keys(error.error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const list = await json<{ campaigns: CampaignDetail[] }>(
      await o.subject.get('/api/feedback/campaigns'),
      200,
    );
    expect(list.campaigns.map((c) => c.kind)).toEqual(['full']);
  });

  it('launches: the same raters, through the same approval, with a list nobody can change', async () => {
    pulse = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${baselineId}/pulse`, { itemKeys: focus }),
      201,
    );
    expect(pulse).toMatchObject({
      kind: 'pulse',
      baselineCampaignId: baselineId,
      status: 'awaiting_approval',
    });
    expect(pulse.pulseItems!.map((i) => i.key)).toEqual(focus);
    expect(pulse.can.editNominations).toBe(false);
    // The 360's list, by its ids: not who of them answered.
    const baseline = await json<CampaignDetail>(
      await o.subject.get(`/api/feedback/campaigns/${baselineId}`),
      200,
    );
    expect(pulse.nominations).toEqual(baseline.nominations);
    expect(pulse.groups.find((g) => g.group === 'peers')?.invited).toBe(5);

    // One campaign at a time, of either kind.
    expect(
      (await o.subject.post(`/api/feedback/campaigns/${baselineId}/pulse`, { itemKeys: focus })).status,
    ).toBe(409);
    expect((await o.subject.post('/api/feedback/campaigns', {})).status).toBe(409);
    // Nobody adds or swaps raters.
    const edit = await o.subject.put(`/api/feedback/campaigns/${pulse.id}/nominations`, {
      nominations: [{ group: 'peers', name: 'New', email: 'new@pulse.test' }],
    });
    expect(edit.status).toBe(409);
    const approveEdited = await o.manager.post(`/api/feedback/campaigns/${pulse.id}/approve`, {
      nominations: [{ group: 'peers', name: 'New', email: 'new@pulse.test' }],
    });
    expect((await json<ErrorBody>(approveEdited, 400)).error.fields).toHaveProperty('nominations');
    const opened = await json<CampaignDetail>(
      await o.manager.post(`/api/feedback/campaigns/${pulse.id}/approve`, {}),
      200,
    );
    expect(opened.status).toBe('open');
  });

  it('invites the same people with a short form: the pulse’s behaviours and one question', async () => {
    const [invitation] = await h.services.db
      .inOrganisation(o.organisationId, (tx) =>
        tx.select({ subject: emails.subject }).from(emails).where(eq(emails.to, 'peer-a@pulse.test')),
      )
      .then((rows) => rows.filter((r) => r.subject.includes('follow-up')));
    expect(invitation).toBeDefined();
    const rater = await raterClient(h);
    const token = await linkFor(h, o.organisationId, 'peer-a@pulse.test');
    const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    expect(form.kind).toBe('pulse');
    expect(form.pages.flatMap((p) => p.items.map((i) => i.key)).sort()).toEqual([...focus].sort());
    expect(form.openQuestions.map((q) => q.key)).toEqual(['different']);
    expect(form.progress.total).toBe(3);
    expect(form.privacy.statements[0]).toContain('follow-up');

    const bad = async (body: unknown, field: string, code = 'invalid_input') => {
      const error = await json<ErrorBody>(await rater.put(`/api/rate/${token}`, body), 400);
      expect(error.error.code).toBe(code);
      expect(Object.keys(error.error.fields ?? {})).toContain(field);
    };
    // An item of the 360 that this pulse does not ask, and the 360's own questions, are refused.
    const other = (
      await json<PulseOptions>(
        await o.subject.get(`/api/feedback/campaigns/${baselineId}/pulse-options`),
        200,
      )
    ).capabilities
      .flatMap((c) => c.items.map((i) => i.key))
      .find((key) => !focus.includes(key))!;
    await bad({ answers: [{ item: other, value: 3 }] }, 'answers.0.item');
    await bad({ answers: [{ item: 'no-such-item', value: 3 }] }, 'answers.0.item');
    await bad({ comments: { keep: 'not on this form' } }, 'comments.keep');
    const incomplete = await json<ErrorBody>(
      await rater.post(`/api/rate/${token}/submit`, { answers: [{ item: focus[0], value: 4 }] }),
      400,
    );
    expect(incomplete.error.code).toBe('incomplete');
    const saved = await json<{ progress: { answered: number; total: number } }>(
      await rater.put(`/api/rate/${token}`, {
        answers: [{ item: focus[0], value: 4 }],
        comments: { different: 'x' },
      }),
      200,
    );
    expect(saved.progress).toEqual({ answered: 1, total: 3 });
  });

  it('one peer declines, the rest answer; the release withholds every figure that would isolate them', async () => {
    const rater = await raterClient(h);
    for (const [r, n] of NOMINEES.entries()) {
      const token = await linkFor(h, o.organisationId, n.email);
      if (n.email === DECLINER) {
        await json(await rater.post(`/api/rate/${token}/decline`), 200);
        continue;
      }
      await json(
        await rater.post(`/api/rate/${token}/submit`, {
          answers: focus.map((item, i) => ({ item, value: 1 + ((i + r + 1) % 5) })),
          comments: { different: `Noticed something new ${r}` },
        }),
        200,
      );
    }
    await json(await o.subject.post(`/api/feedback/campaigns/${pulse.id}/release`), 200);

    const report = await json<PulseReport>(
      await o.subject.get(`/api/feedback/campaigns/${pulse.id}/pulse-report`),
      200,
    );
    expect(report.groups.find((g) => g.group === 'peers')).toMatchObject({
      responded: 4,
      disclosure: 'suppressed',
      reason: 'earlier-report',
    });
    expect(report.items.map((i) => i.key)).toEqual(focus);
    for (const item of report.items) {
      // The four peers who answered appear in no figure: not as a group, not inside all raters.
      expect(item.pulse.groups.map((g) => [g.group, g.n])).toEqual([['others', 4]]);
      expect(item.pulse.allRaters).toBeNull();
      expect(item.pulse.withheld).toContainEqual({ figure: 'all_raters', reason: 'earlier-report' });
      // The 360's figures beside them, exactly as released (peers over all five).
      expect(item.baseline!.groups.find((g) => g.group === 'peers')?.n).toBe(5);
    }
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/"group":"peers","n":4/);
    expect(report.comments[0]!.question).toBe('different');

    // The 360's own report is unchanged, and a pulse is not a 360 report.
    const baseline = await json<FeedbackReport>(
      await o.subject.get(`/api/feedback/campaigns/${baselineId}/report`),
      200,
    );
    expect(
      baseline.capabilities.flatMap((c) => c.items).find((i) => i.key === focus[0])?.groups,
    ).toContainEqual(expect.objectContaining({ group: 'peers', n: 5 }));
    expect((await o.subject.get(`/api/feedback/campaigns/${pulse.id}/report`)).status).toBe(409);
  });

  it('releasedPulseComparison: per behaviour the 360’s and the pulse’s released figures, never recomputed', async () => {
    const comparison = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      releasedPulseComparison(tx, o.organisationId, pulse.id),
    );
    expect(comparison).not.toBeNull();
    expect(comparison!.baselineCampaignId).toBe(baselineId);
    for (const item of comparison!.items) {
      expect(item.pulse).toBeNull();
      const peers = item.groups.find((g) => g.group === 'peers')!;
      expect(peers.baseline?.n).toBe(5);
      expect(peers.pulse).toBeNull();
      const others = item.groups.find((g) => g.group === 'others')!;
      expect([others.baseline?.n, others.pulse?.n]).toEqual([4, 4]);
    }
    const none = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      releasedPulseComparison(tx, o.organisationId, baselineId),
    );
    expect(none).toBeNull();
  });

  it('the manager reads the pulse only once shared, and the 360’s figures only if that is shared too', async () => {
    const path = `/api/feedback/campaigns/${pulse.id}/pulse-report`;
    expect((await o.manager.get(path)).status).toBe(403);
    await json(
      await o.subject.put(`/api/feedback/campaigns/${pulse.id}/sharing`, {
        withManager: true,
        coachId: null,
      }),
      200,
    );
    const shared = await json<PulseReport>(await o.manager.get(path), 200);
    expect(shared.baseline.visible).toBe(false);
    expect(shared.items.every((i) => i.baseline === null)).toBe(true);
    expect((await o.admin.get(path)).status).toBe(403);
    expect((await o.coach.get(path)).status).toBe(404);
  });

  it('stores the pulse raters linked to their 360 rows, and the decline as a decline', async () => {
    const rows = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx
        .select({
          email: feedbackRaters.email,
          status: feedbackRaters.status,
          baseline: feedbackRaters.baselineRaterId,
        })
        .from(feedbackRaters)
        .where(
          and(eq(feedbackRaters.organisationId, o.organisationId), eq(feedbackRaters.campaignId, pulse.id)),
        ),
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.baseline !== null)).toBe(true);
    expect(rows.find((r) => r.email === DECLINER)?.status).toBe('declined');
  });

  it('a 360’s form refuses the pulse’s question, and a new 360 may start once the pulse is released', async () => {
    const next = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    await json(
      await o.subject.put(`/api/feedback/campaigns/${next.id}/nominations`, {
        nominations: [{ group: 'peers', name: 'Peer z', email: 'peer-z@pulse.test' }],
      }),
      200,
    );
    await json(await o.subject.post(`/api/feedback/campaigns/${next.id}/submit-nominations`), 200);
    await json(await o.manager.post(`/api/feedback/campaigns/${next.id}/approve`, {}), 200);
    const rater = await raterClient(h);
    const token = await linkFor(h, o.organisationId, 'peer-z@pulse.test');
    const error = await json<ErrorBody>(
      await rater.put(`/api/rate/${token}`, { comments: { different: 'x' } }),
      400,
    );
    expect(Object.keys(error.error.fields ?? {})).toEqual(['comments.different']);
    // While it runs, the older 360 can no longer be followed by a pulse.
    const options = await json<PulseOptions>(
      await o.subject.get(`/api/feedback/campaigns/${baselineId}/pulse-options`),
      200,
    );
    expect(options.blockedBy).toMatch(/in progress/);
  });
});
