// The anonymity proof: a planted rater with a distinctive answer pattern and comment, in a group of
// two peers, then EVERY route in src/routes.ts is called as the subject, their manager, the coach
// and an admin (the report shared with manager and coach, so they see the most they ever can).
// No response may contain the rater's id, comment, or answer pattern, and no response may show
// peers as a group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail, RaterForm } from '../../src/domains/feedback/contracts.ts';
import { feedbackRaters } from '../../src/domains/feedback/schema.ts';
import { allRoutes } from '../../src/modules.ts';
import { canAccess } from '../../src/platform/http/route.ts';
import type { Viewer } from '../../src/platform/http/viewer.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, PASSWORD, startHarness } from '../support/harness.ts';
import { allAnswers, type FeedbackOrg, feedbackOrg, json, linkFor, raterClient } from './feedback-support.ts';

const PLANTED_EMAIL = 'planted.peer@acme.test';
const PLANTED_COMMENT = 'ZEBRA-ORCHID-7731 only I would write this';
// 1,5,1,5,… : nobody else answers with extremes, so any echo of it is a leak.
const planted = (_: string, i: number) => (i % 2 === 0 ? 1 : 5);

const NOMINEES = [
  { group: 'manager', name: 'M', email: 'manager@acme.test' },
  { group: 'peers', name: 'Planted', email: PLANTED_EMAIL },
  { group: 'peers', name: 'Peer B', email: 'peerb@acme.test' },
  ...[1, 2, 3].map((n) => ({ group: 'direct_reports', name: `DR ${n}`, email: `dr${n}@acme.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'others', name: `O ${n}`, email: `o${n}@acme.test` })),
];

describe.each(testDatabaseKinds())('360 anonymity on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaignId: string;
  let plantedId: string;
  let plantedItems: string[] = [];

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    campaignId = c.id;
    await json(
      await o.subject.put(`/api/feedback/campaigns/${c.id}/nominations`, { nominations: NOMINEES }),
      200,
    );
    await json(await o.subject.post(`/api/feedback/campaigns/${c.id}/submit-nominations`), 200);
    await json(await o.manager.post(`/api/feedback/campaigns/${c.id}/approve`, {}), 200);
    const rater = await raterClient(h);
    for (const n of NOMINEES) {
      const token = await linkFor(h, o.organisationId, n.email);
      const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
      const isPlanted = n.email === PLANTED_EMAIL;
      if (isPlanted) plantedItems = form.pages.flatMap((p) => p.items.map((i) => i.key));
      // Direct reports and others comment (their buckets are shown); the manager and the other
      // peer do not, so the planted comment is alone outside shown buckets and must be withheld.
      const comments = isPlanted
        ? { keep: PLANTED_COMMENT, change: PLANTED_COMMENT }
        : n.group === 'direct_reports' || n.group === 'others'
          ? { keep: `Steady ${n.name}`, change: 'More delegation' }
          : {};
      await json(
        await rater.post(`/api/rate/${token}/submit`, {
          answers: allAnswers(form, isPlanted ? planted : (_, i) => 3 + (i % 2)),
          comments,
        }),
        200,
      );
    }
    plantedId = (
      await h.services.db.inOrganisation(o.organisationId, (tx) =>
        tx.select({ id: feedbackRaters.id, email: feedbackRaters.email }).from(feedbackRaters),
      )
    ).find((r) => r.email === PLANTED_EMAIL)!.id;
    await json(await o.subject.post(`/api/feedback/campaigns/${campaignId}/release`), 200);
    await json(
      await o.subject.put(`/api/feedback/campaigns/${campaignId}/sharing`, {
        withManager: true,
        coachId: o.coachId,
      }),
      200,
    );
  }, 120_000);
  afterAll(() => h.close());

  function leaks(body: string): string[] {
    const found: string[] = [];
    if (body.includes(plantedId)) found.push('rater id');
    if (body.includes('ZEBRA-ORCHID')) found.push('comment');
    // The answer pattern in any serialisation: a list, a map of values, or CSV cells.
    if (/1,\s*5,\s*1,\s*5,\s*1,\s*5/.test(body)) found.push('answer pattern');
    // …or as a map from item keys to values, as the rater row stores it.
    if (
      plantedItems.length &&
      new RegExp(`"${plantedItems[0]}":\\s*1\\s*,\\s*"${plantedItems[1]}":\\s*5`).test(body)
    ) {
      found.push('answer map');
    }
    // Peers (2) as a figure anywhere: a column, a group figure, a CSV column, a table heading.
    if (/"group":\s*"peers",\s*"n":/.test(body)) found.push('peers figure');
    if (/peers_(n|mean)/.test(body)) found.push('peers CSV column');
    if (/<th>Peers<\/th>/.test(body)) found.push('peers HTML column');
    return found;
  }

  const callers = () =>
    [
      ['subject', o.subject, ['participant']],
      ['manager', o.manager, ['participant']],
      ['coach', o.coach, ['participant', 'coach']],
      ['admin', o.admin, ['participant', 'admin']],
    ] as const;

  it('the report really is visible to all four, so the scan covers real content', async () => {
    for (const [name, client] of callers()) {
      const res = await client.get(`/api/feedback/campaigns/${campaignId}/report`);
      expect(res.status, name).toBe(name === 'admin' ? 403 : 200);
    }
  });

  it('no route returns the planted rater’s id, comment or answers, or a peers figure, to anyone', async () => {
    let scanned = 0;
    for (const [name, shared, roles] of callers()) {
      const viewer = { roles: [...roles] } as unknown as Viewer;
      for (const r of allRoutes) {
        if (!canAccess(r.access, viewer) && r.access !== 'public') continue;
        const path = r.path
          .replace(':id', campaignId)
          .replace(':raterId', plantedId)
          .replace(':token', `${o.organisationId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
        // Routes that end the session are called on a throwaway session of the same person.
        const client =
          r.method !== 'get' && r.path.startsWith('/api/auth/') ? await freshSession(name) : shared;
        const body = r.method === 'get' ? undefined : r.rawBody ? 'email,name,career_stage\n' : {};
        const res = await client.request(r.method.toUpperCase(), path, body);
        const bytes = new Uint8Array(await res.arrayBuffer());
        const text = new TextDecoder().decode(bytes);
        expect(res.status, `${name} ${r.method} ${r.path}`).toBeLessThan(500);
        expect(leaks(text), `${name} ${r.method.toUpperCase()} ${r.path} → ${res.status}`).toEqual([]);
        scanned++;
      }
    }
    expect(scanned).toBeGreaterThan(allRoutes.length * 2);
  }, 180_000);

  async function freshSession(name: string): Promise<Client> {
    const c = new Client(h.app);
    const email = name === 'subject' ? 'participant@acme.test' : `${name}@acme.test`;
    expect((await c.signIn(email, PASSWORD)).status).toBe(200);
    return c;
  }

  it('the planted data is really stored (the scan would have found it had it leaked)', async () => {
    const all = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.select({ id: feedbackRaters.id, comments: feedbackRaters.comments }).from(feedbackRaters),
    );
    expect(all.find((r) => r.id === plantedId)!.comments.keep).toBe(PLANTED_COMMENT);
    const raw = await h.services.db.inOrganisation(o.organisationId, (tx) =>
      tx.select({ answers: feedbackRaters.answers }).from(feedbackRaters),
    );
    // The detector itself works on the raw row: it finds the pattern there.
    const row = all.findIndex((r) => r.id === plantedId);
    expect(leaks(`${plantedId} ${JSON.stringify(Object.values(raw[row]!.answers))}`)).toEqual([
      'rater id',
      'answer pattern',
    ]);
  });
});
