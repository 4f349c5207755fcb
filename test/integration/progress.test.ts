// Measured change through the API: two self-assessments and two 360s taken and released for real,
// then GET /api/progress checked against a hand computation from the released (frozen) figures;
// the organisation's own alpha and SD take over from the defaults at exactly 30 complete responses;
// nobody else sees any of it.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleasedReport } from '../../src/core/disclosure/index.ts';
import { reliabilityReport } from '../../src/core/psychometrics/index.ts';
import { normalFrom, seededRandom } from '../../src/core/seeded-random.ts';
import { assessments } from '../../src/domains/assessments/schema.ts';
import type { CampaignDetail, RaterForm } from '../../src/domains/feedback/contracts.ts';
import { feedbackCampaigns } from '../../src/domains/feedback/schema.ts';
import { DEFAULT_FRAMEWORK } from '../../src/domains/framework/default-framework.ts';
import { currentVersion } from '../../src/domains/framework/service.ts';
import { type ProgressResponse, progressResponse } from '../../src/domains/progress/contracts.ts';
import { listCareerStages } from '../../src/identity/organisations/service.ts';
import { people } from '../../src/identity/people/schema.ts';
import { testDatabaseKinds } from '../support/databases.ts';
import { type Harness, startHarness } from '../support/harness.ts';
import {
  allAnswers,
  type FeedbackOrg,
  feedbackOrg,
  json,
  linkFor,
  raterClient,
  submitSelfAssessment,
} from './feedback-support.ts';
import { addFocus } from './pathways-support.ts';

// Peers and others only: with the manager rating too, the all-raters figure is withheld (the
// manager alone would be its difference with the groups), and pulses compare group figures instead.
const RATERS = [
  ...[1, 2, 3].map((n) => ({ group: 'peers', name: `Peer ${n}`, email: `peer${n}@acme.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'others', name: `Other ${n}`, email: `other${n}@acme.test` })),
];
const DEFAULT_FRAMEWORK_ITEMS = new Map(
  DEFAULT_FRAMEWORK.capabilities.flatMap((c) => c.items.map((i) => [i.key, i.observer] as const)),
);
const CAPABILITIES = new Map(DEFAULT_FRAMEWORK.capabilities.map((c) => [c.key, c]));
const ITEMS = new Map(
  DEFAULT_FRAMEWORK.capabilities.flatMap((c) =>
    c.items.map((i) => [i.key, { capability: c.key, derailer: c.derailer, reversed: i.reversed }] as const),
  ),
);
/** The raw answer that scores `level` (reverse-keyed items mirrored on the 1–5 scale). */
const raw = (item: string, level: (capability: string) => number) => {
  const it = ITEMS.get(item)!;
  const v = level(it.capability);
  return it.reversed ? 6 - v : v;
};

const GROWING = 'building-relationships';
const STEADY = 'strategic-thinking';
const DERAILER = 'needing-to-win';
// First self-assessment: 3 everywhere. Second: growth on GROWING, the derailer seen more often.
const firstSelf = () => 3;
const secondSelf = (c: string) => (c === GROWING ? 5 : c === DERAILER ? 5 : 3);
// 360s: raters differ by one point (rater i adds i % 2); the second sees GROWING one point higher.
const firstOthers = (_c: string, rater: number) => 3 + (rater % 2);
const secondOthers = (c: string, rater: number) => (c === GROWING ? 4 : 3) + (rater % 2);

// Defaults (n < 30): reliability .80, SD 0.2 × (5 − 1) = 0.8, so S_diff = √2 · 0.8 · √0.2.
const DEFAULT_S_DIFF = Math.SQRT2 * 0.8 * Math.sqrt(0.2);

describe.each(testDatabaseKinds())('measured change on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  const campaigns: string[] = [];

  async function run360(level: (c: string, rater: number) => number): Promise<void> {
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    const path = `/api/feedback/campaigns/${c.id}`;
    await json(await o.subject.put(`${path}/nominations`, { nominations: RATERS }), 200);
    await json(await o.subject.post(`${path}/submit-nominations`), 200);
    await json(await o.manager.post(`${path}/approve`, {}), 200);
    const rater = await raterClient(h);
    for (const [i, n] of RATERS.entries()) {
      const token = await linkFor(h, o.organisationId, n.email);
      const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
      const answers = allAnswers(form, (item) => raw(item, (cap) => level(cap, i)));
      await json(await rater.post(`/api/rate/${token}/submit`, { answers, comments: {} }), 200);
    }
    await json(await o.subject.post(`${path}/release`), 200);
    campaigns.push(c.id);
  }

  const progressOf = async (who: FeedbackOrg['subject'], path = '/api/progress') => {
    const body = await json<ProgressResponse>(await who.get(path), 200);
    expect(progressResponse.parse(body)).toEqual(body);
    return body;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
    await submitSelfAssessment(o.subject, (item) => raw(item, firstSelf));
    await run360(firstOthers);
    await submitSelfAssessment(o.subject, (item) => raw(item, secondSelf));
    await run360(secondOthers);
    const focus = await addFocus(h, o.organisationId, o.subjectId, GROWING);
    await json(
      await o.subject.post(`/api/focus-areas/${focus}/experiments`, {
        action: 'Ask one colleague a week about their work',
        situation: 'Coffee on Mondays',
        frequency: 'Weekly',
        signal: 'I know what three colleagues are working on',
        startsOn: '2026-01-05',
        reviewOn: '2026-02-02',
        status: 'running',
      }),
      201,
    );
  }, 180_000);
  afterAll(() => h.close());

  /** The "others" figure of a capability in a frozen report, computed by hand. */
  async function releasedOthers(
    campaignId: string,
    capability: string,
  ): Promise<{ score: number; raters: number }> {
    const [row] = await h.services.db.asSystem((tx) =>
      tx
        .select({ report: feedbackCampaigns.report })
        .from(feedbackCampaigns)
        .where(eq(feedbackCampaigns.id, campaignId)),
    );
    const c = (row!.report as ReleasedReport).capabilities.find((x) => x.capabilityId === capability)!;
    if (c.allRaters) return { score: c.allRaters.mean, raters: c.allRaters.n };
    const groups = c.groups;
    return {
      score: groups.reduce((s, g) => s + g.mean, 0) / groups.length,
      raters: groups.reduce((s, g) => s + g.n, 0),
    };
  }

  /** The all-raters figure of an item in a frozen report, by hand. */
  async function releasedItem(campaignId: string, item: string): Promise<{ score: number; raters: number }> {
    const [row] = await h.services.db.asSystem((tx) =>
      tx
        .select({ report: feedbackCampaigns.report })
        .from(feedbackCampaigns)
        .where(eq(feedbackCampaigns.id, campaignId)),
    );
    // A pulse is compared on the all-raters figures both reports released.
    const i = (row!.report as ReleasedReport).items.find((x) => x.itemId === item)!;
    expect(i.allRaters).not.toBeNull();
    return { score: i.allRaters!.mean, raters: i.allRaters!.n };
  }

  /** A pulse on `baselineId` through the API: the same raters answer `itemKeys`, then it is released. */
  async function runPulse(
    baselineId: string,
    itemKeys: string[],
    level: (c: string, rater: number) => number,
  ): Promise<string> {
    const pulse = await json<CampaignDetail>(
      await o.subject.post(`/api/feedback/campaigns/${baselineId}/pulse`, { itemKeys }),
      201,
    );
    await json(await o.manager.post(`/api/feedback/campaigns/${pulse.id}/approve`, {}), 200);
    const rater = await raterClient(h);
    for (const [i, n] of RATERS.entries()) {
      const token = await linkFor(h, o.organisationId, n.email);
      const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
      expect(form.kind).toBe('pulse');
      const answers = allAnswers(form, (item) => raw(item, (cap) => level(cap, i)));
      await json(await rater.post(`/api/rate/${token}/submit`, { answers, comments: {} }), 200);
    }
    await json(await o.subject.post(`/api/feedback/campaigns/${pulse.id}/release`), 200);
    return pulse.id;
  }

  it('compares self-assessments with the first one, with the default reliability and SD', async () => {
    const progress = await progressOf(o.subject);
    const cap = (key: string) => progress.capabilities.find((c) => c.key === key)!;
    const selfChange = (key: string) => cap(key).changes.find((c) => c.kind === 'self')!;

    const growing = selfChange(GROWING);
    expect(growing).toMatchObject({
      baseline: { kind: 'self', score: 3, raters: null },
      latest: { kind: 'self', score: 5 },
      difference: 2,
      label: 'improved',
      reliability: { value: 0.8, source: 'default', n: 1, basis: 'alpha' },
      baselineSd: { value: 0.8, source: 'default', n: 1 },
    });
    expect(growing.reliability.reason).toMatch(/below 30/);
    expect(growing.sDiff).toBeCloseTo(DEFAULT_S_DIFF, 12);
    expect(growing.rci).toBeCloseTo(2 / DEFAULT_S_DIFF, 12);
    expect(selfChange(STEADY)).toMatchObject({ difference: 0, rci: 0, label: 'no-reliable-change' });
    // A derailer seen more often (3 → 5): lower is better, so this is a decline.
    expect(cap(DERAILER)).toMatchObject({ derailer: true, higherIsBetter: false });
    expect(selfChange(DERAILER)).toMatchObject({ difference: 2, label: 'declined' });
  });

  it('compares the latest released 360 with the first, from the released figures only', async () => {
    const progress = await progressOf(o.subject);
    for (const key of [GROWING, STEADY]) {
      const [first, second] = [
        await releasedOthers(campaigns[0]!, key),
        await releasedOthers(campaigns[1]!, key),
      ];
      const change = progress.capabilities.find((c) => c.key === key)!.changes.find((c) => c.kind === '360')!;
      expect(change.baseline).toMatchObject({ sourceId: campaigns[0], ...first });
      expect(change.latest).toMatchObject({ sourceId: campaigns[1], ...second });
      expect(change.rci).toBeCloseTo((second.score - first.score) / DEFAULT_S_DIFF, 12);
      expect(change.reliability).toMatchObject({ source: 'default', n: 1 });
    }
    const growing = progress.capabilities.find((c) => c.key === GROWING)!;
    // One point up on every rater: RCI 1 / 0.506 = 1.98, just reliable.
    expect(growing.changes.find((c) => c.kind === '360')!.label).toBe('improved');
    expect(
      progress.capabilities.find((c) => c.key === STEADY)!.changes.find((c) => c.kind === '360')!.label,
    ).toBe('no-reliable-change');
    // The timeline holds both kinds in date order; experiments come with their focus.
    expect(growing.points.map((p) => p.kind)).toEqual(['self', '360', 'self', '360']);
    expect(progress.experiments).toEqual([
      expect.objectContaining({
        title: 'Ask one colleague a week about their work',
        startsOn: '2026-01-05',
        reviewOn: '2026-02-02',
        status: 'running',
        focus: { title: `Focus on ${GROWING}`, capabilityKey: GROWING },
      }),
    ]);
  });

  it('compares a pulse with its baseline 360 per behaviour, from both released reports', async () => {
    const pulseItems = [`${DERAILER}-1`, `${STEADY}-1`, `${STEADY}-2`];
    // The pulse's raters see the derailer rarely now (1); strategic thinking 3 or 5 (was 3 or 4).
    const pulseLevel = (c: string, rater: number) => (c === DERAILER ? 1 : 3 + 2 * (rater % 2));
    const pulseId = await runPulse(campaigns[1]!, pulseItems, pulseLevel);
    const progress = await progressOf(o.subject);
    const behaviour = (capability: string, item: string) =>
      progress.capabilities.find((c) => c.key === capability)!.behaviours.find((b) => b.key === item)!;
    for (const [capability, item] of [
      [DERAILER, pulseItems[0]!],
      [STEADY, pulseItems[1]!],
    ] as const) {
      const b = behaviour(capability, item);
      const before = await releasedItem(campaigns[1]!, item);
      const after = await releasedItem(pulseId, item);
      expect(b.points).toMatchObject([
        { kind: '360', sourceId: campaigns[1], ...before },
        { kind: 'pulse', sourceId: pulseId, ...after },
      ]);
      // Defaults: the Spearman–Brown share of .80 for one of the capability's k items, SD 0.8.
      const k = CAPABILITIES.get(capability)!.items.filter((i) => !i.retired).length;
      const r1 = 0.8 / (k - (k - 1) * 0.8);
      const sDiff = Math.SQRT2 * 0.8 * Math.sqrt(1 - r1);
      expect(b.change!.reliability).toMatchObject({ source: 'default', basis: 'spearman-brown', n: 1 });
      expect(b.change!.reliability.value).toBeCloseTo(r1, 14);
      expect(b.change!.rci).toBeCloseTo((after.score - before.score) / sDiff, 12);
      expect(b.text).toBe(DEFAULT_FRAMEWORK_ITEMS.get(item));
    }
    // The derailer seen far less often: improved. Strategic thinking up half a point: no reliable change.
    expect(behaviour(DERAILER, pulseItems[0]!).change!.label).toBe('improved');
    expect(behaviour(STEADY, pulseItems[1]!).change!.label).toBe('no-reliable-change');
    // A pulse's figures never count as a 360's: the capability comparisons are unchanged.
    const steady = progress.capabilities.find((c) => c.key === STEADY)!;
    expect(steady.changes.find((c) => c.kind === '360')!.latest.sourceId).toBe(campaigns[1]);
  });

  it('shows nothing of it to anyone else, whatever they ask for', async () => {
    for (const who of [o.manager, o.coach, o.admin]) {
      const theirs = await progressOf(who);
      expect(theirs.capabilities).toEqual([]);
      expect(theirs.experiments).toEqual([]);
      const asking = await progressOf(who, `/api/progress?personId=${o.subjectId}&id=${o.subjectId}`);
      expect(asking.capabilities).toEqual([]);
    }
    expect((await o.manager.get(`/api/progress/${o.subjectId}`)).status).toBe(404);
  });

  it('uses the organisation’s own alpha and SD from exactly 30 complete responses', async () => {
    // 28 more people with one self-assessment each: with the subject's first, 29.
    const normal = normalFrom(seededRandom(42));
    const addPeople = (from: number, count: number) =>
      h.services.db.inOrganisation(o.organisationId, async (tx) => {
        const [stage] = await listCareerStages({ tx });
        const version = await currentVersion(tx, h.services.db.kind, o.organisationId);
        for (let i = from; i < from + count; i++) {
          const [p] = await tx
            .insert(people)
            .values({
              organisationId: o.organisationId,
              name: `P${i}`,
              email: `p${i}@acme.test`,
              careerStageId: stage!.id,
            })
            .returning({ id: people.id });
          const level = normal();
          const answers = Object.fromEntries(
            [...ITEMS.keys()].map((item) => [
              item,
              raw(item, () => Math.min(5, Math.max(1, Math.round(3 + level + 0.6 * normal())))),
            ]),
          );
          await tx.insert(assessments).values({
            organisationId: o.organisationId,
            personId: p!.id,
            versionId: version.id,
            status: 'submitted',
            answers,
            submittedAt: new Date(),
          });
        }
      });
    await addPeople(0, 28);
    const at29 = await progressOf(o.subject);
    const selfOf = (p: ProgressResponse) =>
      p.capabilities.find((c) => c.key === GROWING)!.changes.find((c) => c.kind === 'self')!;
    expect(selfOf(at29).reliability).toMatchObject({ value: 0.8, source: 'default', n: 29 });

    await addPeople(28, 1);
    const at30 = selfOf(await progressOf(o.subject));
    // By hand: each person's first submitted answers to the capability's items, psych-style alpha.
    const items = CAPABILITIES.get(GROWING)!.items.filter((i) => !i.retired);
    const firsts = await h.services.db.asSystem((tx) =>
      tx
        .select({ personId: assessments.personId, answers: assessments.answers, at: assessments.submittedAt })
        .from(assessments)
        .where(and(eq(assessments.organisationId, o.organisationId), eq(assessments.status, 'submitted')))
        .orderBy(asc(assessments.submittedAt), asc(assessments.id)),
    );
    const seen = new Set<string>();
    const rows = firsts.flatMap((a) => {
      if (seen.has(a.personId)) return [];
      seen.add(a.personId);
      return [items.map((i) => a.answers[i.key]!)];
    });
    expect(rows).toHaveLength(30);
    const expected = reliabilityReport(rows, {
      keys: items.map((i) => ({ item: i.key, reversed: i.reversed })),
      min: 1,
      max: 5,
    });
    // Used as reported, to two decimals (rows come in another order here, which moves only the last bit).
    const reported = (x: number) => Math.round(x * 100) / 100;
    expect(at30.reliability).toEqual({
      value: reported(expected.raw_alpha),
      source: 'organisation',
      n: 30,
      basis: 'alpha',
      reason: null,
    });
    expect(at30.baselineSd).toEqual({ value: reported(expected.sd), source: 'organisation', n: 30 });
    const sDiff = Math.SQRT2 * reported(expected.sd) * Math.sqrt(1 - reported(expected.raw_alpha));
    expect(at30.sDiff).toBeCloseTo(sDiff, 12);
    expect(at30.rci).toBeCloseTo(2 / sDiff, 12);
  });
});
