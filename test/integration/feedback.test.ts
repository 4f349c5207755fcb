// 360° feedback end to end through the API: settings, request, nominate, approve, rater links
// (autosave, submit once, decline, revoked on change), reminders, close/reopen/auto-close, release
// (frozen), the report, sharing, and exports.

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminCampaignList,
  CampaignDetail,
  CampaignList,
  FeedbackReport,
  FeedbackSettings,
  RaterForm,
} from '../../src/domains/feedback/contracts.ts';
import { closeDueCampaignsJob } from '../../src/domains/feedback/jobs.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import {
  allAnswers,
  type ErrorBody,
  emailCount,
  type FeedbackOrg,
  feedbackOrg,
  json,
  linkFor,
  makeRemindersDue,
  raterClient,
  submitSelfAssessment,
} from './feedback-support.ts';

const RATERS = [
  { group: 'manager', name: 'The Manager', email: 'manager@acme.test' },
  { group: 'peers', name: 'Peer One', email: 'peer1@acme.test' },
  { group: 'peers', name: 'Peer Two', email: 'peer2@acme.test' },
  { group: 'direct_reports', name: 'Report One', email: 'report1@acme.test' },
  { group: 'direct_reports', name: 'Report Two', email: 'report2@acme.test' },
  { group: 'direct_reports', name: 'Report Three', email: 'report3@acme.test' },
  { group: 'others', name: 'Other One', email: 'other1@acme.test' },
  { group: 'others', name: 'Other Two', email: 'other2@acme.test' },
  { group: 'others', name: 'Other Three', email: 'other3@acme.test' },
  { group: 'others', name: 'Other Four', email: 'other4@acme.test' },
] as const;

describe.each(testDatabaseKinds())('360 feedback on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaign: CampaignDetail;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
    // The subject rates themself high everywhere (reverse-keyed items mirrored): blind spots follow.
    await submitSelfAssessment(o.subject, () => 5);
  });
  afterAll(() => h.close());

  it('lets an admin read and change the settings, refusing a minimum below 2 by name', async () => {
    const s = await json<FeedbackSettings>(await o.admin.get('/api/admin/feedback/settings'), 200);
    expect(s).toMatchObject({ approvalRequired: true, minimumByGroup: { peers: 3 }, commentMinimum: 3 });
    const bad = await json<ErrorBody>(
      await o.admin.put('/api/admin/feedback/settings', { minimumByGroup: { peers: 1 } }),
      400,
    );
    expect(bad.error.fields).toHaveProperty(['minimumByGroup.peers']);
    const ok = await json<FeedbackSettings>(
      await o.admin.put('/api/admin/feedback/settings', { maxReminders: 2, fatigueThreshold: 3 }),
      200,
    );
    expect(ok).toMatchObject({ maxReminders: 2, fatigueThreshold: 3 });
    expect((await o.subject.put('/api/admin/feedback/settings', {})).status).toBe(403);
  });

  it('lets a participant request their own 360, once at a time', async () => {
    campaign = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    expect(campaign).toMatchObject({ status: 'nominating', viewerRole: 'subject', origin: 'self' });
    expect(campaign.can.editNominations).toBe(true);
    expect((await o.subject.post('/api/feedback/campaigns', {})).status).toBe(409);
    const past = await json<ErrorBody>(
      await o.admin.post('/api/admin/feedback/campaigns', {
        subjectIds: [o.coachId],
        deadline: '2000-01-01T00:00:00Z',
      }),
      400,
    );
    expect(past.error.fields).toHaveProperty('deadline');
  });

  it('checks nominations field by field and warns about small groups', async () => {
    const path = `/api/feedback/campaigns/${campaign.id}/nominations`;
    const dup = await json<ErrorBody>(
      await o.subject.put(path, { nominations: [RATERS[1], { ...RATERS[2], email: RATERS[1].email }] }),
      400,
    );
    expect(dup.error.fields).toEqual({ 'nominations.1.email': 'is already nominated (nominations.0)' });
    const own = await json<ErrorBody>(
      await o.subject.put(path, {
        nominations: [{ group: 'peers', name: 'Me', email: 'participant@acme.test' }],
      }),
      400,
    );
    expect(own.error.fields).toHaveProperty(['nominations.0.email']);
    const badGroup = await json<ErrorBody>(
      await o.subject.put(path, { nominations: [{ group: 'friends', name: 'X', email: 'x@acme.test' }] }),
      400,
    );
    expect(badGroup.error.fields).toHaveProperty(['nominations.0.group']);
    campaign = await json<CampaignDetail>(await o.subject.put(path, { nominations: RATERS }), 200);
    expect(campaign.nominations).toHaveLength(RATERS.length);
    expect(campaign.warnings.map((w) => `${w.field}:${w.code}`)).toContain('groups.peers:below-minimum');
    // Nobody could see it yet: no email went out.
    expect(await emailCount(h, o.organisationId, 'peer1@acme.test')).toBe(0);
    // Only the subject edits while nominating.
    expect((await o.manager.put(path, { nominations: RATERS })).status).toBe(409);
  });

  it('sends the list to the manager, who approves an edited list; invitations go out', async () => {
    campaign = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${campaign.id}/submit-nominations`),
      200,
    );
    expect(campaign.status).toBe('awaiting_approval');
    expect((await o.subject.post(`/api/feedback/campaigns/${campaign.id}/approve`, {})).status).toBe(403);
    const asManager = await json<CampaignDetail>(
      await o.manager.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(asManager.can.approve).toBe(true);
    const edited = asManager.nominations.map((n) =>
      n.email === 'other4@acme.test' ? { ...n, email: 'other5@acme.test', name: 'Other Five' } : n,
    );
    campaign = await json<CampaignDetail>(
      await o.manager.post(`/api/feedback/campaigns/${campaign.id}/approve`, { nominations: edited }),
      200,
    );
    expect(campaign.status).toBe('open');
    expect(await emailCount(h, o.organisationId, 'other4@acme.test')).toBe(0);
    for (const r of [
      ...RATERS.filter((r) => r.email !== 'other4@acme.test'),
      { email: 'other5@acme.test' },
    ]) {
      tokens.set(r.email, await linkFor(h, o.organisationId, r.email));
    }
    expect(tokens.size).toBe(10);
  });

  it('serves the rater form by link: observer wording, can’t say, two questions, the privacy promise', async () => {
    const rater = await raterClient(h);
    const form = await json<RaterForm>(await rater.get(`/api/rate/${tokens.get('peer1@acme.test')}`), 200);
    expect(form.subject.name).toBe('acme participant');
    expect(form.group).toBe('peers');
    expect(form.pages.length).toBeGreaterThan(5);
    expect(form.pages.some((p) => p.capability.key === 'meaning')).toBe(false); // team climate is not asked
    expect(form.responseScales[0]!.cantSay).toBeTruthy();
    expect(form.openQuestions.map((q) => q.key)).toEqual(['keep', 'change']);
    expect(form.privacy).toMatchObject({
      minimumByGroup: { peers: 3 },
      managerShownSeparately: false,
      commentMinimum: 3,
    });
    expect(form.privacy.statements.join(' ')).toContain('at least 3');
    expect(
      (await rater.get(`/api/rate/${o.organisationId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status,
    ).toBe(404);
    expect((await rater.get('/api/rate/not-a-token')).status).toBe(404);
  });

  it('autosaves, refuses bad answers by field without writing, and submits once', async () => {
    const rater = await raterClient(h);
    const token = tokens.get('report1@acme.test')!;
    const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    const first = form.pages[0]!.items[0]!.key;
    const saved = await json<{ progress: { answered: number } }>(
      await rater.put(`/api/rate/${token}`, {
        answers: [{ item: first, value: 3 }],
        comments: { keep: 'Listens' },
      }),
      200,
    );
    expect(saved.progress.answered).toBe(1);
    const bad = await json<ErrorBody>(
      await rater.put(`/api/rate/${token}`, {
        answers: [
          { item: form.pages[0]!.items[1]!.key, value: 4 },
          { item: 'nope', value: 2 },
        ],
      }),
      400,
    );
    expect(bad.error.fields).toEqual({ 'answers.1.item': 'is not a question of this form' });
    const range = await json<ErrorBody>(
      await rater.put(`/api/rate/${token}`, { answers: [{ item: first, value: 9 }] }),
      400,
    );
    expect(range.error.fields).toHaveProperty(['answers.0.value']);
    const nul = await json<ErrorBody>(
      await rater.put(`/api/rate/${token}`, { answers: [], comments: { keep: 'Listens\u0000 well' } }),
      400,
    );
    expect(nul.error.fields).toEqual({ 'comments.keep': 'must not contain the NUL character (U+0000)' });
    // Nested thousands deep, it is still a clear 400, not a crash.
    const deep = `{"answers":${'['.repeat(20_000)}"\\u0000"${']'.repeat(20_000)}}`;
    const deepRes = await rater.request('PUT', `/api/rate/${token}`, deep, {
      'content-type': 'application/json',
    });
    expect(deepRes.status).toBe(400);
    const resumed = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    expect(resumed.answers).toEqual({ [first]: 3 }); // the refused batch left nothing behind
    expect(resumed.comments.keep).toBe('Listens');
    const incomplete = await json<ErrorBody>(await rater.post(`/api/rate/${token}/submit`, {}), 400);
    expect(incomplete.error.code).toBe('incomplete');
    await json(await rater.post(`/api/rate/${token}/submit`, { answers: allAnswers(form, () => 3) }), 200);
    expect(
      (await rater.post(`/api/rate/${token}/submit`, { answers: allAnswers(form, () => 3) })).status,
    ).toBe(409);
    expect((await rater.put(`/api/rate/${token}`, { answers: [] })).status).toBe(409);
    const after = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    expect(after).toMatchObject({ status: 'submitted', answers: {} });
  });

  it('lets a rater decline, and revokes the old link when a nomination changes', async () => {
    const rater = await raterClient(h);
    const declining = tokens.get('other5@acme.test')!;
    await json(await rater.post(`/api/rate/${declining}/decline`), 200);
    expect((await rater.post(`/api/rate/${declining}/submit`, {})).status).toBe(409);

    const detail = await json<CampaignDetail>(
      await o.manager.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(detail.can.editNominations).toBe(true); // approval on: the manager edits while open
    expect(
      (await o.subject.put(`/api/feedback/campaigns/${campaign.id}/nominations`, { nominations: [] })).status,
    ).toBe(409);
    const changed = detail.nominations.map((n) =>
      n.email === 'other3@acme.test' ? { ...n, email: 'other6@acme.test' } : n,
    );
    await json(
      await o.manager.put(`/api/feedback/campaigns/${campaign.id}/nominations`, { nominations: changed }),
      200,
    );
    expect((await rater.get(`/api/rate/${tokens.get('other3@acme.test')}`)).status).toBe(404);
    tokens.set('other6@acme.test', await linkFor(h, o.organisationId, 'other6@acme.test'));
    tokens.delete('other3@acme.test');
    await json(await rater.get(`/api/rate/${tokens.get('other6@acme.test')}`), 200);
  });

  it('reminds only raters who have not answered, at most the configured number of times', async () => {
    const remindersTo = async (email: string) => (await emailCount(h, o.organisationId, email)) - 1; // minus the invitation
    for (let round = 0; round < 4; round++) {
      await makeRemindersDue(h);
      await h.services.jobs.runDue();
    }
    // Reminders carry a fresh link: pick up the newest.
    for (const email of tokens.keys()) tokens.set(email, await linkFor(h, o.organisationId, email));
    expect(await remindersTo('peer1@acme.test')).toBe(2); // maxReminders
    expect(await remindersTo('report1@acme.test')).toBe(0); // submitted
    expect(await remindersTo('other5@acme.test')).toBe(0); // declined
  });

  it('warns about rater fatigue when a nominee has more open requests than the threshold', async () => {
    // Four other open 360s each asking peer2: more than the threshold of 3.
    const others = await h.services.db.inOrganisation(o.organisationId, async (tx) => {
      const rows = await tx.execute(sql`
        INSERT INTO people (organisation_id, name, email, career_stage_id, status)
        SELECT organisation_id, 'Busy ' || n, 'busy' || n || '@acme.test', career_stage_id, 'active'
          FROM people, generate_series(1, 4) n WHERE email = 'participant@acme.test' RETURNING id`);
      return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    });
    await h.services.db.inOrganisation(o.organisationId, async (tx) => {
      for (const id of others) {
        await tx.execute(sql`
          WITH c AS (INSERT INTO feedback_campaigns (organisation_id, subject_id, created_by_id, origin, version_id, status, deadline, policy, approval_required)
                     SELECT organisation_id, ${id}, ${id}, 'self', version_id, 'open', now() + interval '5 days', policy, false
                       FROM feedback_campaigns WHERE id = ${campaign.id} RETURNING organisation_id, id)
          INSERT INTO feedback_raters (organisation_id, campaign_id, rater_group, name, email)
          SELECT organisation_id, id, 'peers', 'Peer Two', 'peer2@acme.test' FROM c`);
      }
    });
    const detail = await json<CampaignDetail>(
      await o.manager.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    const fatigue = detail.warnings.filter((w) => w.code === 'rater-fatigue');
    expect(fatigue).toHaveLength(1);
    expect(fatigue[0]!.message).toContain('peer2@acme.test');
  });

  it('closes by hand and at the deadline, refuses answers while closed, and reopens', async () => {
    const rater = await raterClient(h);
    const token = tokens.get('peer1@acme.test')!;
    await json(await o.subject.post(`/api/feedback/campaigns/${campaign.id}/close`), 200);
    expect((await rater.put(`/api/rate/${token}`, { answers: [] })).status).toBe(410);
    expect((await o.manager.post(`/api/feedback/campaigns/${campaign.id}/close`)).status).toBe(403);
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const reopened = await json<CampaignDetail>(
      await o.admin.post(`/api/feedback/campaigns/${campaign.id}/reopen`, { deadline: future }),
      200,
    );
    expect(reopened.status).toBe('open');
    // The deadline passes: writes stop at once, and the schedule's job marks it closed.
    await h.services.db.asSystem((tx) =>
      tx.execute(
        sql`UPDATE feedback_campaigns SET deadline = now() - interval '1 second' WHERE id = ${campaign.id}`,
      ),
    );
    expect((await rater.put(`/api/rate/${token}`, { answers: [] })).status).toBe(410);
    await h.services.db.asSystem((tx) => h.services.jobs.enqueue(tx, closeDueCampaignsJob, {}));
    await h.services.jobs.runDue();
    const closed = await json<CampaignDetail>(
      await o.subject.get(`/api/feedback/campaigns/${campaign.id}`),
      200,
    );
    expect(closed.status).toBe('closed');
    await json(
      await o.subject.post(`/api/feedback/campaigns/${campaign.id}/reopen`, { deadline: future }),
      200,
    );
  });

  it('collects the remaining answers, releases a frozen report, and refuses late answers', async () => {
    const rater = await raterClient(h);
    for (const [email, token] of tokens) {
      if (['report1@acme.test', 'other5@acme.test'].includes(email)) continue;
      const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
      await json(
        await rater.post(`/api/rate/${token}/submit`, {
          answers: allAnswers(form, (_, i) => (i % 17 === 0 ? null : 3)),
          comments: { keep: `Keeps calm (${email.split('@')[0]})`, change: 'Delegate more' },
        }),
        200,
      );
    }
    expect((await o.coach.post(`/api/feedback/campaigns/${campaign.id}/release`)).status).toBe(404);
    const released = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${campaign.id}/release`),
      200,
    );
    expect(released.status).toBe('released');
    expect((await o.subject.post(`/api/feedback/campaigns/${campaign.id}/release`)).status).toBe(409);
    expect(
      (
        await o.subject.post(`/api/feedback/campaigns/${campaign.id}/reopen`, {
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).status,
    ).toBe(409);
    // The database refuses any change to the frozen report as well.
    await expect(
      h.services.db.asSystem((tx) =>
        tx.execute(sql`UPDATE feedback_campaigns SET report = '{}'::jsonb WHERE id = ${campaign.id}`),
      ),
    ).rejects.toThrow();
  });

  it('reports self vs groups, blind spots with the threshold stated, balance, and comments; peers (2) stay hidden', async () => {
    const report = await json<FeedbackReport>(
      await o.subject.get(`/api/feedback/campaigns/${campaign.id}/report`),
      200,
    );
    expect(report.selfSource.assessmentId).not.toBeNull();
    expect(report.groups.find((g) => g.group === 'peers')).toMatchObject({
      invited: 2,
      responded: 2,
      disclosure: 'suppressed',
    });
    expect(report.groups.find((g) => g.group === 'direct_reports')).toMatchObject({
      responded: 3,
      disclosure: 'shown',
    });
    expect(report.columns.map((c) => c.group)).not.toContain('peers');
    for (const c of report.capabilities) {
      expect(c.groups.map((g) => g.group)).not.toContain('peers');
      for (const i of c.items) expect(i.groups.map((g) => g.group)).not.toContain('peers');
    }
    expect(report.thresholds.gap).toBe(0.75);
    expect(report.thresholds.statement).toContain('0.75');
    // Self 5 against others 3 on every capability: all are blind spots, none hidden strengths.
    expect(report.blindSpots.length).toBeGreaterThan(5);
    expect(report.blindSpots[0]!.gap).toBeCloseTo(2, 5);
    expect(report.hiddenStrengths).toEqual([]);
    expect(report.highest.length).toBe(5);
    expect(report.balance.self).not.toBeNull();
    expect(report.balance.others).not.toBeNull();
    const keep = report.comments.find((q) => q.question === 'keep')!;
    expect(keep.buckets.flatMap((b) => b.texts).length).toBeGreaterThanOrEqual(3);
  });

  it('shows the report to the manager and coach only when shared; admins see status only', async () => {
    const path = `/api/feedback/campaigns/${campaign.id}/report`;
    expect((await o.manager.get(path)).status).toBe(403);
    expect((await o.coach.get(path)).status).toBe(404);
    expect((await o.admin.get(path)).status).toBe(403);
    const list = await json<AdminCampaignList>(await o.admin.get('/api/admin/feedback/campaigns'), 200);
    expect(list.campaigns.find((c) => c.id === campaign.id)).toMatchObject({
      status: 'released',
      progress: { responded: 9 },
    });
    expect(JSON.stringify(list)).not.toContain('Keeps calm');
    const notCoach = await json<ErrorBody>(
      await o.subject.put(`/api/feedback/campaigns/${campaign.id}/sharing`, {
        withManager: true,
        coachId: o.managerId,
      }),
      400,
    );
    expect(notCoach.error.fields).toHaveProperty('coachId');
    expect(
      (
        await o.manager.put(`/api/feedback/campaigns/${campaign.id}/sharing`, {
          withManager: true,
          coachId: null,
        })
      ).status,
    ).toBe(403);
    await json(
      await o.subject.put(`/api/feedback/campaigns/${campaign.id}/sharing`, {
        withManager: true,
        coachId: o.coachId,
      }),
      200,
    );
    await json(await o.manager.get(path), 200);
    await json(await o.coach.get(path), 200);
    expect((await o.admin.get(path)).status).toBe(403);
  });

  it('exports the same released report as CSV, a printable page and a PDF (or a clear 503)', async () => {
    const csv = await o.subject.get(`/api/feedback/campaigns/${campaign.id}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('direct_reports_mean');
    expect(text).not.toContain('peers_mean');
    const html = await o.subject.get(`/api/feedback/campaigns/${campaign.id}/report.html`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Blind spots');
    const pdf = await o.subject.get(`/api/feedback/campaigns/${campaign.id}/report.pdf`);
    if (pdf.status === 200) {
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    } else {
      const body = await json<ErrorBody>(pdf, 503);
      expect(body.error.message).toContain('Print');
    }
    expect((await o.admin.get(`/api/feedback/campaigns/${campaign.id}/report.csv`)).status).toBe(403);
  }, 60_000);

  it('sends invitations at once when the organisation switches approval off', async () => {
    await json(await o.admin.put('/api/admin/feedback/settings', { approvalRequired: false }), 200);
    const second = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    expect(second.approvalRequired).toBe(false);
    await json(
      await o.subject.put(`/api/feedback/campaigns/${second.id}/nominations`, {
        nominations: [{ group: 'others', name: 'Quick', email: 'quick@acme.test' }],
      }),
      200,
    );
    const sent = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${second.id}/submit-nominations`),
      200,
    );
    expect(sent.status).toBe('open');
    expect(sent.can.editNominations).toBe(true); // no approval: the subject edits while open
    expect(await emailCount(h, o.organisationId, 'quick@acme.test')).toBe(1);
  });

  it('lets an admin launch a cohort, skipping people with a 360 in progress', async () => {
    const res = await json<{ campaigns: unknown[]; skipped: { reason: string }[] }>(
      await o.admin.post('/api/admin/feedback/campaigns', { subjectIds: [o.coachId, o.adminId, o.coachId] }),
      201,
    );
    expect(res.campaigns).toHaveLength(2);
    const again = await json<{ campaigns: unknown[]; skipped: unknown[] }>(
      await o.admin.post('/api/admin/feedback/campaigns', { subjectIds: [o.coachId] }),
      201,
    );
    expect(again.skipped).toHaveLength(1);
    const bad = await json<ErrorBody>(
      await o.admin.post('/api/admin/feedback/campaigns', {
        subjectIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      400,
    );
    expect(bad.error.fields).toHaveProperty(['subjectIds.0']);
  });

  it('gives the demo organisation a released 360 that its participant sees at once', async () => {
    const demo = await seedDemo(h.services);
    const sam = new Client(h.app);
    expect((await sam.signIn(demo.participant.email, demo.participant.password)).status).toBe(200);
    const list = await json<CampaignList>(await sam.get('/api/feedback/campaigns'), 200);
    const released = list.campaigns.find((c) => c.status === 'released' && c.viewerRole === 'subject')!;
    expect(released).toMatchObject({ reportAvailable: true, progress: { invited: 11, responded: 10 } });
    const report = await json<FeedbackReport>(
      await sam.get(`/api/feedback/campaigns/${released.id}/report`),
      200,
    );
    expect(report.columns.map((c) => c.group)).toEqual(expect.arrayContaining(['peers', 'others']));
    expect(report.blindSpots.length + report.hiddenStrengths.length).toBeGreaterThan(0);
    expect(report.comments.flatMap((q) => q.buckets).length).toBeGreaterThan(0);
  }, 60_000);
});
