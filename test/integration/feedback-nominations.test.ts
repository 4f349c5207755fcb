// Editing the rater list of an open 360 after some raters answered or declined. The edit always
// takes, the same way whatever the rater did, so it cannot tell the editor who has answered: an
// omitted rater is removed (link revoked, answers and comments discarded, never in the report); a
// changed email or group gets a fresh link and starts from nothing; a name-only change keeps all.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, FeedbackReport, RaterForm } from '../../src/domains/feedback/contracts.ts';
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
const SECRET_COMMENT = 'QUOKKA-REMOVED-4471 must never reach the report';

type Nomination = CampaignDetail['nominations'][number];

describe.each(testDatabaseKinds())('editing the raters of an open 360 on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaignId: string;
  const tokens = new Map<string, string>();

  const path = () => `/api/feedback/campaigns/${campaignId}/nominations`;
  const detail = async () =>
    json<CampaignDetail>(await o.manager.get(`/api/feedback/campaigns/${campaignId}`), 200);
  const idOf = (d: CampaignDetail, email: string) => d.nominations.find((n) => n.email === email)!.id;
  /** The manager (who edits while open, approval being on) puts the list through `edit`. */
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
  const submit = async (email: string, comment = `Fine (${email})`) => {
    const rater = await raterClient(h);
    const token = tokens.get(email)!;
    const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
    await json(
      await rater.post(`/api/rate/${token}/submit`, {
        answers: allAnswers(form, (_, i) => 2 + (i % 3)),
        comments: { keep: comment, change: comment },
      }),
      200,
    );
  };
  const expectLinkInvalid = async (token: string) => {
    const rater = await raterClient(h);
    const res = await json<ErrorBody>(await rater.get(`/api/rate/${token}`), 404);
    expect(res.error.code).toBe('link_invalid');
    expect((await rater.post(`/api/rate/${token}/submit`, { answers: [] })).status).toBe(404);
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
  }, 120_000);
  afterAll(() => h.close());

  it('removes a rater who submitted exactly as one who had not answered: link revoked, answers gone', async () => {
    await submit('peer1@acme.test', SECRET_COMMENT);
    const d0 = await detail();
    const answeredId = idOf(d0, 'peer1@acme.test');
    const waitingId = idOf(d0, 'peer2@acme.test');
    expect((await row(answeredId)).status).toBe('submitted');
    expect(d0.progress).toMatchObject({ invited: NOMINEES.length, responded: 1 });

    const removeWaiting = await edit((list) => list.filter((n) => n.id !== waitingId));
    const removeAnswered = await edit((list) => list.filter((n) => n.id !== answeredId));
    // Same status, same shape, same kind of change to the list, whatever the rater had done.
    expect(removeAnswered.status).toBe(removeWaiting.status);
    expect(removeAnswered.status).toBe(200);
    const waitingBody = (await removeWaiting.json()) as CampaignDetail;
    const answeredBody = (await removeAnswered.json()) as CampaignDetail;
    expect(Object.keys(answeredBody).sort()).toEqual(Object.keys(waitingBody).sort());
    expect(answeredBody.can).toEqual(waitingBody.can);
    expect(answeredBody.nominations.map((n) => n.id)).not.toContain(answeredId);
    expect(waitingBody.nominations.map((n) => n.id)).not.toContain(waitingId);
    expect(answeredBody.nominations).toHaveLength(waitingBody.nominations.length - 1);
    expect(answeredBody.progress).toMatchObject({ invited: NOMINEES.length - 2, responded: 0 });

    for (const id of [answeredId, waitingId]) {
      expect(await row(id)).toMatchObject({
        status: 'removed',
        tokenHash: null,
        answers: {},
        comments: {},
        submittedAt: null,
      });
    }
    await expectLinkInvalid(tokens.get('peer1@acme.test')!);
    await expectLinkInvalid(tokens.get('peer2@acme.test')!);
  });

  it('gives a submitted rater whose email changes a fresh, empty form at the new address', async () => {
    await submit('peer3@acme.test');
    const d0 = await detail();
    const id = idOf(d0, 'peer3@acme.test');
    expect((await row(id)).status).toBe('submitted');
    expect(await emailCount(h, o.organisationId, 'peer3.new@acme.test')).toBe(0);

    const res = await edit((list) =>
      list.map((n) => (n.id === id ? { ...n, email: 'peer3.new@acme.test' } : n)),
    );
    const after = await json<CampaignDetail>(res, 200);
    expect(after.nominations.find((n) => n.id === id)).toMatchObject({ email: 'peer3.new@acme.test' });
    expect(after.progress.responded).toBe(d0.progress.responded - 1);

    await expectLinkInvalid(tokens.get('peer3@acme.test')!);
    expect(await emailCount(h, o.organisationId, 'peer3.new@acme.test')).toBe(1);
    const fresh = await linkFor(h, o.organisationId, 'peer3.new@acme.test');
    const form = await json<RaterForm>(await (await raterClient(h)).get(`/api/rate/${fresh}`), 200);
    expect(form).toMatchObject({
      status: 'invited',
      answers: {},
      comments: { keep: '', change: '' },
      progress: { answered: 0 },
    });
    expect(await row(id)).toMatchObject({
      status: 'invited',
      answers: {},
      comments: {},
      submittedAt: null,
      remindersSent: 0,
    });
    tokens.delete('peer3@acme.test');
    tokens.set('peer3.new@acme.test', fresh);
  });

  it('gives a declined rater whose email changes a fresh, empty form at the new address', async () => {
    const rater = await raterClient(h);
    await json(await rater.post(`/api/rate/${tokens.get('o1@acme.test')}/decline`), 200);
    const d0 = await detail();
    const id = idOf(d0, 'o1@acme.test');
    expect((await row(id)).status).toBe('declined');
    expect(d0.progress.declined).toBe(1);

    const after = await json<CampaignDetail>(
      await edit((list) => list.map((n) => (n.id === id ? { ...n, email: 'o1.new@acme.test' } : n))),
      200,
    );
    expect(after.progress.declined).toBe(0);
    await expectLinkInvalid(tokens.get('o1@acme.test')!);
    expect(await emailCount(h, o.organisationId, 'o1.new@acme.test')).toBe(1);
    const fresh = await linkFor(h, o.organisationId, 'o1.new@acme.test');
    const form = await json<RaterForm>(await rater.get(`/api/rate/${fresh}`), 200);
    expect(form).toMatchObject({ status: 'invited', answers: {}, progress: { answered: 0 } });
    expect(await row(id)).toMatchObject({ status: 'invited', answers: {}, comments: {}, remindersSent: 0 });
    // The fresh link works like any other: the rater can now answer.
    tokens.delete('o1@acme.test');
    tokens.set('o1.new@acme.test', fresh);
    await submit('o1.new@acme.test');
    expect((await row(id)).status).toBe('submitted');
  });

  it('treats a changed group like a changed email: a new link to the same address', async () => {
    await submit('o2@acme.test');
    const id = idOf(await detail(), 'o2@acme.test');
    const sent = await emailCount(h, o.organisationId, 'o2@acme.test');
    await json(
      await edit((list) => list.map((n) => (n.id === id ? { ...n, group: 'peers' as const } : n))),
      200,
    );
    await expectLinkInvalid(tokens.get('o2@acme.test')!);
    expect(await emailCount(h, o.organisationId, 'o2@acme.test')).toBe(sent + 1);
    expect(await row(id)).toMatchObject({ status: 'invited', group: 'peers', answers: {}, comments: {} });
    tokens.set('o2@acme.test', await linkFor(h, o.organisationId, 'o2@acme.test'));
  });

  it('keeps everything when only the name of a rater who answered changes', async () => {
    await submit('dr1@acme.test');
    const id = idOf(await detail(), 'dr1@acme.test');
    const before = await row(id);
    const sent = await emailCount(h, o.organisationId, 'dr1@acme.test');
    await json(
      await edit((list) => list.map((n) => (n.id === id ? { ...n, name: 'Dr One (renamed)' } : n))),
      200,
    );
    const after = await row(id);
    expect(after).toMatchObject({
      name: 'Dr One (renamed)',
      status: 'submitted',
      tokenHash: before.tokenHash,
      answers: before.answers,
      comments: before.comments,
    });
    expect(await emailCount(h, o.organisationId, 'dr1@acme.test')).toBe(sent);
    const form = await json<RaterForm>(
      await (await raterClient(h)).get(`/api/rate/${tokens.get('dr1@acme.test')}`),
      200,
    );
    expect(form.status).toBe('submitted');
  });

  it('refuses edits once closed or released, and the report holds no removed rater', async () => {
    for (const n of (await detail()).nominations) {
      if ((await row(n.id)).status === 'invited') await submit(n.email);
    }
    await json(await o.subject.post(`/api/feedback/campaigns/${campaignId}/close`), 200);
    const closed = await json<ErrorBody>(await edit((list) => list.slice(1)), 409);
    expect(closed.error.message).toContain('closed');
    await json(await o.subject.post(`/api/feedback/campaigns/${campaignId}/release`), 200);
    expect((await edit((list) => list.slice(1))).status).toBe(409);

    const d = await detail();
    const report = await json<FeedbackReport>(
      await o.subject.get(`/api/feedback/campaigns/${campaignId}/report`),
      200,
    );
    // Everyone still on the list answered; the two removed peers are neither invited nor counted.
    const peers = report.groups.find((g) => g.group === 'peers')!;
    const listed = d.nominations.filter((n) => n.group === 'peers').length;
    expect(listed).toBe(4); // peer3 (re-addressed), peer4, peer5, and o2 moved to peers
    expect(peers.responded).toBe(listed);
    expect(report.groups.reduce((s, g) => s + g.responded, 0)).toBe(NOMINEES.length - 2);
    expect(JSON.stringify(report)).not.toContain('QUOKKA');
  });
});
