// What a 360 says depends on who reads it. Someone nobody reports to is not told to find 3–10
// direct reports; the nomination checks speak about the list, not to "you" (the manager reads them
// too); and the printable report (the PDF) addresses its subject as "you" and anyone it is shared
// with about the subject by name, naming the others column by what it counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/seed-demo.ts';
import type { CampaignDetail, CampaignList } from '../../src/domains/feedback/contracts.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { Client, type Harness, seedDemo, startHarness } from '../support/harness.ts';
import { type FeedbackOrg, feedbackOrg, json } from './feedback-support.ts';

describe.each(testDatabaseKinds())('360 wording for its reader on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
  });
  afterAll(() => h.close());

  const warningsOf = (c: CampaignDetail) => c.warnings.map((w) => `${w.field}:${w.code}`);

  it('does not ask someone with no direct reports for 3–10 of them', async () => {
    const mine = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    expect(mine.subjectDirectReports).toBe(0);
    expect(warningsOf(mine)).not.toContain('groups.direct_reports:below-guidance');
    const saved = await json<CampaignDetail>(
      await o.subject.put(`/api/feedback/campaigns/${mine.id}/nominations`, {
        nominations: [{ group: 'manager', name: 'M', email: 'manager@acme.test' }],
      }),
      200,
    );
    expect(warningsOf(saved)).not.toContain('groups.direct_reports:below-guidance');
    // Peers are still suggested, in words that suit the manager who approves the list as well.
    const peers = saved.warnings.find((w) => w.field === 'groups.peers')!;
    expect(peers.message).toBe('Peers: we suggest 3–8; the list has 0');
  });

  it('still suggests direct reports to someone who has them', async () => {
    const theirs = await json<CampaignDetail>(await o.manager.post('/api/feedback/campaigns', {}), 201);
    expect(theirs.subjectDirectReports).toBe(1);
    const reports = theirs.warnings.find((w) => w.field === 'groups.direct_reports')!;
    expect(reports.code).toBe('below-guidance');
    expect(reports.message).not.toMatch(/\byou\b/i);
  });

  it('words the printable report for its subject and for the manager it is shared with', async () => {
    await seedDemo(h.services);
    const signIn = async (name: string) => {
      const c = new Client(h.app);
      expect((await c.signIn(demoEmail(name), DEMO_PASSWORD)).status).toBe(200);
      return c;
    };
    const subject = await signIn('Sam Taylor');
    const manager = await signIn('Arjun Patel');
    const { campaigns } = await json<CampaignList>(await subject.get('/api/feedback/campaigns'), 200);
    const released = campaigns.find((c) => c.status === 'released')!;
    const page = async (c: Client) => {
      const res = await c.get(`/api/feedback/campaigns/${released.id}/report.html`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const own = await page(subject);
    expect(own).toContain('Lead share as you see it');
    const shared = await page(manager);
    // Raters' comments are theirs to word ("you build trust…"); everything Lodestar writes is checked.
    expect(shared.split('<h2>Comments</h2>')[0]).not.toMatch(/\byou\b/i);
    expect(shared).toContain('Lead share as Sam Taylor sees it');
    expect(shared).toContain('A blind spot is a capability Sam Taylor rates');
    // The "others" rater group and the figure gaps are measured against are two columns, two names.
    const headers = [...shared.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toContain('Others');
    expect(headers.some((x) => /^(All raters|Average of groups)/.test(x!))).toBe(true);
  }, 120_000);
});
