// Editing the rater list of an open 360 after some raters answered or declined. An edit never
// discards what a rater gave, and answers and counts the same way whatever the rater did, so it
// cannot tell the editor who has answered: an omitted rater is taken off the list (link revoked; a
// submission keeps counting in the report, a decline stays a decline, drafts of a rater who had not
// answered are discarded); a changed email or group is a new nomination with its own link and
// invitation (`invited` + 1, every time); a name-only change keeps everything. Each person is asked
// once: no group change after the invitation, no re-adding an address taken off the list.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminCampaignList,
  CampaignDetail,
  FeedbackReport,
  RaterForm,
} from '../../src/domains/feedback/contracts.ts';
import { feedbackRaters } from '../../src/domains/feedback/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  allAnswers,
  type ErrorBody,
  emailCount,
  type FeedbackOrg,
  feedbackOrg,
  json,
  linkFor,
  raterClient,
} from './feedback-support.ts';

const NOMINEES = [
  { group: 'manager', name: 'M', email: 'manager@acme.test' },
  ...[1, 2, 3, 4, 5].map((n) => ({ group: 'peers', name: `Peer ${n}`, email: `peer${n}@acme.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'direct_reports', name: `DR ${n}`, email: `dr${n}@acme.test` })),
  ...[1, 2, 3, 4].map((n) => ({ group: 'others', name: `O ${n}`, email: `o${n}@acme.test` })),
];
/** Written by a peer who is then taken off the list: it must still reach the report. */
const KEPT_COMMENT = 'QUOKKA-KEPT-4471 stays in the report';
/** Saved as a draft by a peer taken off the list before answering: it must never reach it. */
const DRAFT_COMMENT = 'WOMBAT-DRAFT-9902 never submitted';

type Nomination = CampaignDetail['nominations'][number];
type Counts = Pick<CampaignDetail, 'progress' | 'groups'>;

/** Everything a viewer sees of the campaign except the editable list itself. */
function withoutList(d: CampaignDetail): Omit<CampaignDetail, 'nominations'> {
  const { nominations: _, ...rest } = d;
  return rest;
}

describe.each(testDatabaseKinds())('editing the raters of an open 360 on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaignId: string;
  const tokens = new Map<string, string>();
  /** Item key → its position in the form, for the answers a rater gives. */
  let itemIndex: Map<string, number>;

  const path = () => `/api/feedback/campaigns/${campaignId}/nominations`;
  const detail = async () =>
    json<CampaignDetail>(await o.manager.get(`/api/feedback/campaigns/${campaignId}`), 200);
  const subjectDetail = async () =>
    json<CampaignDetail>(await o.subject.get(`/api/feedback/campaigns/${campaignId}`), 200);
  const adminProgress = async () =>
    (await json<AdminCampaignList>(await o.admin.get('/api/admin/feedback/campaigns'), 200)).campaigns.find(
      (c) => c.id === campaignId,
    )!.progress;
  const counts = (d: CampaignDetail): Counts => ({ progress: d.progress, groups: d.groups });
  const groupCounts = (d: CampaignDetail, group: string) => d.groups.find((g) => g.group === group)!;
  const idOf = (d: CampaignDetail, email: string) => d.nominations.find((n) => n.email === email)!.id;
  /** The manager (who edits while open, approval being on) puts the list through `change`. */
  const edit = async (change: (list: Nomination[]) => Nomination[]) => {
    const before = await detail();
    return o.manager.put(path(), { nominations: change(before.nominations) });
  };
  const row = async (id: string) => {
    const [r] = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx
        .select()
        .from(feedbackRaters)
        .where(and(eq(feedbackRaters.organisationId, o.organisationId), eq(feedbackRaters.id, id))),
    );
    return r!;
  };
  const submit = async (email: string, comment = `Fine (${email})`, value?: number) => {
    const rater = await raterClient(h);
    const token = tokens.get(email)!;
    const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    await json(
      await rater.post(`/api/rate/${token}/submit`, {
        answers: allAnswers(form, (_, i) => value ?? 2 + (i % 3)),
        comments: { keep: comment, change: comment },
      }),
      200,
    );
  };
  /** The old link is dead, and says so in the same words whatever its rater had done. */
  const linkInvalid = async (token: string) => {
    const rater = await raterClient(h);
    const res = await json<ErrorBody>(await rater.get(`/api/rate/${token}`), 404);
    expect(res.error.code).toBe('link_invalid');
    const submitted = await json<ErrorBody>(
      await rater.post(`/api/rate/${token}/submit`, { answers: [] }),
      404,
    );
    const saved = await json<ErrorBody>(await rater.put(`/api/rate/${token}`, { answers: [] }), 404);
    const declined = await json<ErrorBody>(await rater.post(`/api/rate/${token}/decline`), 404);
    return [res, submitted, saved, declined];
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    campaignId = c.id;
    await json(await o.subject.put(path(), { nominations: NOMINEES }), 200);
    await json(await o.subject.post(`/api/feedback/campaigns/${c.id}/submit-nominations`), 200);
    await json(await o.manager.post(`/api/feedback/campaigns/${c.id}/approve`, {}), 200);
    for (const n of NOMINEES) tokens.set(n.email, await linkFor(h, o.organisationId, n.email));
    const form = await json<RaterForm>(
      await (await raterClient(h)).get(`/api/rate/${tokens.get('peer5@acme.test')}`),
      200,
    );
    itemIndex = new Map(
      form.pages.flatMap((p) => p.items).map((item, i) => [item.key, i] as [string, number]),
    );
  }, 120_000);
  afterAll(() => h.close());

  it('removes a rater who submitted exactly as one who had not: same answer, no count moves', async () => {
    await submit('peer1@acme.test', KEPT_COMMENT, 5);
    // peer2 has only saved a draft.
    const rater = await raterClient(h);
    const form = await json<RaterForm>(await rater.get(`/api/rate/${tokens.get('peer2@acme.test')}`), 200);
    await json(
      await rater.put(`/api/rate/${tokens.get('peer2@acme.test')}`, {
        answers: allAnswers(form, () => 4).slice(0, 3),
        comments: { keep: DRAFT_COMMENT },
      }),
      200,
    );
    const d0 = await detail();
    const s0 = await subjectDetail();
    const a0 = await adminProgress();
    const answeredId = idOf(d0, 'peer1@acme.test');
    const waitingId = idOf(d0, 'peer2@acme.test');
    const answeredBefore = await row(answeredId);
    expect(answeredBefore.status).toBe('submitted');
    expect((await row(waitingId)).status).toBe('invited');
    expect(d0.progress).toEqual({ invited: NOMINEES.length, responded: 1, declined: 0 });

    const removeWaiting = await edit((list) => list.filter((n) => n.id !== waitingId));
    const waitingBody = await json<CampaignDetail>(removeWaiting, 200);
    const removeAnswered = await edit((list) => list.filter((n) => n.id !== answeredId));
    const answeredBody = await json<CampaignDetail>(removeAnswered, 200);

    // No leak: apart from the list losing exactly that rater, both answers are the campaign as it
    // was before, to the last count; the subject and the admins see no change either.
    expect(withoutList(waitingBody)).toEqual(withoutList(d0));
    expect(withoutList(answeredBody)).toEqual(withoutList(d0));
    expect(counts(answeredBody)).toEqual(counts(d0));
    expect(waitingBody.nominations).toEqual(d0.nominations.filter((n) => n.id !== waitingId));
    expect(answeredBody.nominations).toEqual(waitingBody.nominations.filter((n) => n.id !== answeredId));
    expect(withoutList(await subjectDetail())).toEqual(withoutList(s0));
    expect(await adminProgress()).toEqual(a0);

    // Both links are revoked, with the same answer on every route.
    const answeredLink = await linkInvalid(tokens.get('peer1@acme.test')!);
    const waitingLink = await linkInvalid(tokens.get('peer2@acme.test')!);
    expect(answeredLink).toEqual(waitingLink);

    // Nothing submitted is discarded; the draft of the rater who had not answered is.
    expect(await row(answeredId)).toMatchObject({
      status: 'submitted',
      tokenHash: null,
      answers: answeredBefore.answers,
      comments: { keep: KEPT_COMMENT, change: KEPT_COMMENT },
      submittedAt: answeredBefore.submittedAt,
    });
    expect((await row(answeredId)).removedAt).not.toBeNull();
    expect(await row(waitingId)).toMatchObject({
      status: 'removed',
      tokenHash: null,
      answers: {},
      comments: {},
      submittedAt: null,
    });
    // Taken-off ids are no longer on the list: naming one is refused alike for both.
    const stale = await Promise.all(
      [answeredId, waitingId].map(async (id) =>
        json<ErrorBody>(
          await o.manager.put(path(), {
            nominations: [...answeredBody.nominations, { ...NOMINEES[1]!, id, email: 'x@acme.test' }],
          }),
          400,
        ),
      ),
    );
    expect(stale[0]!.error.message).toBe(stale[1]!.error.message);
  });

  it('keeps a decline when the rater who declined is removed', async () => {
    const rater = await raterClient(h);
    await json(await rater.post(`/api/rate/${tokens.get('o1@acme.test')}/decline`), 200);
    const d0 = await detail();
    const id = idOf(d0, 'o1@acme.test');
    expect(groupCounts(d0, 'others')).toMatchObject({ invited: 4, responded: 0, declined: 1 });

    const after = await json<CampaignDetail>(await edit((list) => list.filter((n) => n.id !== id)), 200);
    expect(withoutList(after)).toEqual(withoutList(d0));
    expect(await row(id)).toMatchObject({ status: 'declined', tokenHash: null });
    expect((await row(id)).removedAt).not.toBeNull();
    await linkInvalid(tokens.get('o1@acme.test')!);
  });

  it('makes a changed email a new nomination, whether or not the rater had answered', async () => {
    await submit('peer3@acme.test');
    const d0 = await detail();
    const answeredId = idOf(d0, 'peer3@acme.test');
    const waitingId = idOf(d0, 'peer4@acme.test');
    const answeredBefore = await row(answeredId);
    expect(answeredBefore.status).toBe('submitted');
    expect(await emailCount(h, o.organisationId, 'peer3.new@acme.test')).toBe(0);

    const readdress = async (id: string, email: string) => {
      const before = await detail();
      const after = await json<CampaignDetail>(
        await edit((list) => list.map((n) => (n.id === id ? { ...n, email } : n))),
        200,
      );
      // The same change to the counts either way: one more invited peer, nothing else moves.
      const peers = groupCounts(before, 'peers');
      expect(groupCounts(after, 'peers')).toEqual({ ...peers, invited: peers.invited + 1 });
      expect(after.progress).toEqual({ ...before.progress, invited: before.progress.invited + 1 });
      expect(after.nominations.map((n) => n.id)).not.toContain(id);
      const fresh = after.nominations.find((n) => n.email === email)!;
      expect(fresh).toMatchObject({ group: 'peers' });
      expect(before.nominations.map((n) => n.id)).not.toContain(fresh.id);
      expect(after.nominations).toHaveLength(before.nominations.length);
      return fresh.id;
    };
    const answeredNew = await readdress(answeredId, 'peer3.new@acme.test');
    const waitingNew = await readdress(waitingId, 'peer4.new@acme.test');

    // Old links revoked alike; each new address got one invitation.
    expect(await linkInvalid(tokens.get('peer3@acme.test')!)).toEqual(
      await linkInvalid(tokens.get('peer4@acme.test')!),
    );
    expect(await emailCount(h, o.organisationId, 'peer3.new@acme.test')).toBe(1);
    expect(await emailCount(h, o.organisationId, 'peer4.new@acme.test')).toBe(1);
    // The old submission still counts; the old draft-less row of peer4 is just removed.
    expect(await row(answeredId)).toMatchObject({
      status: 'submitted',
      answers: answeredBefore.answers,
      comments: answeredBefore.comments,
      tokenHash: null,
    });
    expect(await row(waitingId)).toMatchObject({ status: 'removed', tokenHash: null });

    // The new link starts empty and takes a submission of its own.
    tokens.set('peer3.new@acme.test', await linkFor(h, o.organisationId, 'peer3.new@acme.test'));
    tokens.set('peer4.new@acme.test', await linkFor(h, o.organisationId, 'peer4.new@acme.test'));
    const form = await json<RaterForm>(
      await (await raterClient(h)).get(`/api/rate/${tokens.get('peer3.new@acme.test')}`),
      200,
    );
    expect(form).toMatchObject({
      status: 'invited',
      group: 'peers',
      answers: {},
      comments: { keep: '', change: '' },
      progress: { answered: 0 },
    });
    const before = await detail();
    await submit('peer3.new@acme.test');
    expect(await row(answeredNew)).toMatchObject({ status: 'submitted', email: 'peer3.new@acme.test' });
    expect(await row(waitingNew)).toMatchObject({ status: 'invited', email: 'peer4.new@acme.test' });
    expect((await detail()).progress.responded).toBe(before.progress.responded + 1);
  });

  it('asks each person once: no group change after the invitation, no re-adding a removed address', async () => {
    await submit('o2@acme.test');
    const d0 = await detail();
    const answeredId = idOf(d0, 'o2@acme.test');
    const waitingId = idOf(d0, 'o3@acme.test');
    const rowsBefore = [await row(answeredId), await row(waitingId)];
    // Moving someone to another group would let one person count twice (the kept answer and a new
    // one): refused, in the same words whether or not they had answered.
    const move = async (id: string) =>
      json<ErrorBody>(
        await edit((list) => list.map((n) => (n.id === id ? { ...n, group: 'peers' as const } : n))),
        400,
      );
    const movedAnswered = await move(answeredId);
    const movedWaiting = await move(waitingId);
    expect(Object.values(movedAnswered.error.fields ?? {})).toEqual([
      'cannot change once the invitation has gone out: each person is asked once, in one group',
    ]);
    expect(Object.values(movedWaiting.error.fields ?? {})).toEqual(
      Object.values(movedAnswered.error.fields ?? {}),
    );
    expect(counts(await detail())).toEqual(counts(d0));
    expect([await row(answeredId), await row(waitingId)]).toEqual(rowsBefore);

    // peer1 (answered) and peer2 (removed) were taken off the list earlier: neither address can
    // come back, and the refusals are alike.
    const readd = async (email: string) =>
      json<ErrorBody>(
        await edit((list) => [...list, { group: 'peers', name: 'Back again', email } as Nomination]),
        400,
      );
    const answeredBack = await readd('peer1@acme.test');
    const waitingBack = await readd('peer2@acme.test');
    expect(Object.values(answeredBack.error.fields ?? {})).toEqual([
      'was asked in this 360 before and taken off the list: each person is asked once',
    ]);
    expect(waitingBack.error).toEqual(answeredBack.error);
    expect(counts(await detail())).toEqual(counts(d0));
  });

  it('keeps everything when only the name of a rater who answered changes', async () => {
    await submit('dr1@acme.test');
    const d0 = await detail();
    const id = idOf(d0, 'dr1@acme.test');
    const before = await row(id);
    const sent = await emailCount(h, o.organisationId, 'dr1@acme.test');
    const after = await json<CampaignDetail>(
      await edit((list) => list.map((n) => (n.id === id ? { ...n, name: 'Dr One (renamed)' } : n))),
      200,
    );
    expect(withoutList(after)).toEqual(withoutList(d0));
    expect(after.nominations.find((n) => n.id === id)).toMatchObject({ name: 'Dr One (renamed)' });
    expect(await row(id)).toMatchObject({
      name: 'Dr One (renamed)',
      status: 'submitted',
      tokenHash: before.tokenHash,
      answers: before.answers,
      comments: before.comments,
      removedAt: null,
    });
    expect(await emailCount(h, o.organisationId, 'dr1@acme.test')).toBe(sent);
    const form = await json<RaterForm>(
      await (await raterClient(h)).get(`/api/rate/${tokens.get('dr1@acme.test')}`),
      200,
    );
    expect(form.status).toBe('submitted');
  });

  it('refuses edits once closed or released; the report counts every submission, on the list or not', async () => {
    for (const n of (await detail()).nominations) {
      if ((await row(n.id)).status === 'invited') await submit(n.email);
    }
    await json(await o.subject.post(`/api/feedback/campaigns/${campaignId}/close`), 200);
    const closed = await json<ErrorBody>(await edit((list) => list.slice(1)), 409);
    expect(closed.error.message).toContain('closed');
    const atRelease = await detail();
    await json(await o.subject.post(`/api/feedback/campaigns/${campaignId}/release`), 200);
    expect((await edit((list) => list.slice(1))).status).toBe(409);

    const report = await json<FeedbackReport>(
      await o.subject.get(`/api/feedback/campaigns/${campaignId}/report`),
      200,
    );
    // Peers who submitted: peer1 (removed), peer3 (re-addressed), peer3.new, peer4.new and peer5.
    // Invited: the five first peers and both new addresses. Others: o1 declined and was removed;
    // o2, o3 and o4 answered.
    const byGroup = Object.fromEntries(report.groups.map((g) => [g.group, g]));
    expect(byGroup.peers).toMatchObject({ invited: 7, responded: 5, disclosure: 'shown' });
    expect(byGroup.others).toMatchObject({ invited: 4, responded: 3 });
    expect(byGroup.direct_reports).toMatchObject({ invited: 3, responded: 3 });
    expect(byGroup.manager).toMatchObject({ invited: 1, responded: 1 });
    // The report's response counts are the ones shown while the 360 ran.
    for (const g of atRelease.groups) {
      expect(byGroup[g.group]).toMatchObject({ invited: g.invited, responded: g.responded });
    }
    // Every figure for peers rests on the five submissions, peer1's (all 5s) included.
    for (const capability of report.capabilities) {
      for (const item of capability.items) {
        const peers = item.groups.find((g) => g.group === 'peers')!;
        expect(peers.n).toBe(5);
        const others = 2 + (itemIndex.get(item.key)! % 3);
        const raw = (5 + 4 * others) / 5;
        const expected = item.reversed ? capability.scale.max + 1 - raw : raw;
        expect(peers.mean).toBeCloseTo(expected, 1);
      }
    }
    const text = JSON.stringify(report);
    expect(text).toContain('QUOKKA-KEPT-4471');
    expect(text).not.toContain('WOMBAT');
  });
});

describe.each(testDatabaseKinds())('editing the raters before invitations go out on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'beta');
  }, 120_000);
  afterAll(() => h.close());

  it('corrects a nomination in place and drops a removed one from every count', async () => {
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    const path = `/api/feedback/campaigns/${c.id}/nominations`;
    const first = await json<CampaignDetail>(
      await o.subject.put(path, {
        nominations: [1, 2, 3].map((n) => ({ group: 'peers', name: `P${n}`, email: `p${n}@beta.test` })),
      }),
      200,
    );
    expect(first.progress.invited).toBe(3);
    const [p1, p2] = first.nominations;
    const edited = await json<CampaignDetail>(
      await o.subject.put(path, {
        nominations: [
          { ...p1!, email: 'p1.fixed@beta.test', group: 'others' },
          { ...p2!, name: 'P2 renamed' },
        ],
      }),
      200,
    );
    expect(edited.nominations).toEqual([
      { ...p1!, email: 'p1.fixed@beta.test', group: 'others' },
      { ...p2!, name: 'P2 renamed' },
    ]);
    expect(edited.progress).toEqual({ invited: 2, responded: 0, declined: 0 });
    expect(edited.groups.find((g) => g.group === 'peers')).toMatchObject({ invited: 1 });
    expect(edited.groups.find((g) => g.group === 'others')).toMatchObject({ invited: 1 });
    expect(await emailCount(h, o.organisationId, 'p1.fixed@beta.test')).toBe(0);
  });
});
