// Focus suggestions from real data: a self-assessment and a 360 taken and released through the API,
// then ranked for each person as the development domain will serve them. Suggestions use only the
// viewer's own profile and their own released report, never one they can read as manager or coach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SHARE } from '../../src/domains/assessments/stage-balance.ts';
import {
  type FocusSuggestionsResponse,
  focusSuggestionsResponse,
} from '../../src/domains/development/suggestion-contracts.ts';
import { suggestFocusFor } from '../../src/domains/development/suggestion-inputs.ts';
import type { CampaignDetail, RaterForm } from '../../src/domains/feedback/contracts.ts';
import { DEFAULT_FRAMEWORK } from '../../src/domains/framework/default-framework.ts';
import type { Viewer } from '../../src/platform/http/viewer.ts';
import { asViewer } from '../../src/platform/scope.ts';
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

const NOMINEES = [
  { group: 'manager', name: 'M', email: 'manager@acme.test' },
  ...[1, 2, 3].map((n) => ({ group: 'peers', name: `Peer ${n}`, email: `peer${n}@acme.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'direct_reports', name: `DR ${n}`, email: `dr${n}@acme.test` })),
  ...[1, 2, 3].map((n) => ({ group: 'others', name: `O ${n}`, email: `o${n}@acme.test` })),
];

const ITEMS = new Map(
  DEFAULT_FRAMEWORK.capabilities.flatMap((c) =>
    c.items.map((i) => [i.key, { capability: c.key, derailer: c.derailer, reversed: i.reversed }] as const),
  ),
);

/** The raw answer to an item that scores `level` for its capability (reverse-keyed items mirrored). */
const raw = (item: string, level: (capability: string, derailer: boolean) => number) => {
  const it = ITEMS.get(item)!;
  const v = level(it.capability, it.derailer);
  return it.reversed ? 6 - v : v;
};

// Self: 4 on every capability, 5 on strategic thinking; derailers "Rarely" (2).
const selfLevel = (c: string, derailer: boolean) => (derailer ? 2 : c === 'strategic-thinking' ? 5 : 4);
// Others: the same, except strategic thinking at 3: a clear blind spot of 2 points.
const othersLevel = (c: string, derailer: boolean) => (derailer ? 2 : c === 'strategic-thinking' ? 3 : 4);

describe.each(testDatabaseKinds())('development suggestions on %s', (kind) => {
  let h: Harness;
  let o: FeedbackOrg;
  let campaignId: string;

  const viewer = (personId: string, email: string): Viewer => ({
    organisationId: o.organisationId,
    personId,
    sessionId: 'test',
    roles: ['participant'],
    email,
    name: email,
  });
  const suggestionsOf = async (personId: string, email: string): Promise<FocusSuggestionsResponse> => {
    const result = await asViewer(h.services, viewer(personId, email), (scope) => suggestFocusFor(scope));
    // What the route will send must satisfy its contract.
    expect(focusSuggestionsResponse.parse(result)).toEqual(result);
    return result;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    o = await feedbackOrg(h, 'acme');
    await submitSelfAssessment(o.subject, (item) => raw(item, selfLevel));
    const c = await json<CampaignDetail>(await o.subject.post('/api/feedback/campaigns', {}), 201);
    campaignId = c.id;
    const path = `/api/feedback/campaigns/${c.id}`;
    await json(await o.subject.put(`${path}/nominations`, { nominations: NOMINEES }), 200);
    await json(await o.subject.post(`${path}/submit-nominations`), 200);
    await json(await o.manager.post(`${path}/approve`, {}), 200);
    const rater = await raterClient(h);
    for (const n of NOMINEES) {
      const token = await linkFor(h, o.organisationId, n.email);
      const form = await json<RaterForm>(await rater.get(`/api/rate/${token}`), 200);
      const answers = allAnswers(form, (item) => raw(item, othersLevel));
      await json(await rater.post(`/api/rate/${token}/submit`, { answers, comments: {} }), 200);
    }
    await json(await o.subject.post(`${path}/release`), 200);
  }, 120_000);
  afterAll(() => h.close());

  it('ranks the blind spot others see first, with the released figures', async () => {
    const { suggestions, basis } = await suggestionsOf(o.subjectId, 'participant@acme.test');
    expect(suggestions[0]).toMatchObject({ kind: 'capability', capabilityKey: 'strategic-thinking' });
    expect(suggestions[0]!.reasons[0]).toEqual({ code: 'blind-spot', self: 5, others: 3, gap: 2 });
    expect(basis.feedback?.campaignId).toBe(campaignId);
    expect(basis.assessment).not.toBeNull();
    // Others see 50 % leading; the stage expects less, so the managing practice is suggested too.
    const stage = basis.careerStage!;
    expect(stage.expectedLeadShare).toBe(DEFAULT_LEAD_SHARE[stage.key]);
    const manage = DEFAULT_FRAMEWORK.capabilities.filter((c) => c.practice === 'manage').map((c) => c.key);
    for (const key of manage) {
      expect(suggestions.find((s) => s.capabilityKey === key)?.reasons).toContainEqual({
        code: 'balance-gap',
        practice: 'manage',
        expected: stage.expectedLeadShare,
        actual: 0.5,
        source: 'others',
      });
    }
    // Derailers are rare in everyone's eyes, so none is suggested.
    expect(suggestions.filter((s) => s.kind === 'derailer')).toEqual([]);
  });

  it('gives a person with no assessment and no 360 nothing to go on', async () => {
    const result = await suggestionsOf(o.coachId, 'coach@acme.test');
    expect(result.suggestions).toEqual([]);
    expect(result.basis).toMatchObject({ assessment: null, feedback: null });
  });

  it('uses only the viewer’s own data, never a report they may read as manager or coach', async () => {
    const before = await suggestionsOf(o.subjectId, 'participant@acme.test');
    await json(
      await o.subject.put(`/api/feedback/campaigns/${campaignId}/sharing`, {
        withManager: true,
        coachId: o.coachId,
      }),
      200,
    );
    // Both can read the subject's report now, and neither gets a suggestion from it.
    expect((await o.manager.get(`/api/feedback/campaigns/${campaignId}/report`)).status).toBe(200);
    expect((await suggestionsOf(o.managerId, 'manager@acme.test')).suggestions).toEqual([]);
    expect((await suggestionsOf(o.coachId, 'coach@acme.test')).suggestions).toEqual([]);
    expect((await suggestionsOf(o.adminId, 'admin@acme.test')).suggestions).toEqual([]);

    // The manager's own self-assessment gives them suggestions from it alone…
    await submitSelfAssessment(o.manager, (item) =>
      raw(item, (c, derailer) => (derailer ? 4 : c === 'ownership' ? 1 : 4)),
    );
    const manager = await suggestionsOf(o.managerId, 'manager@acme.test');
    expect(manager.basis.feedback).toBeNull();
    expect(manager.suggestions[0]).toMatchObject({
      capabilityKey: 'ownership',
      reasons: [{ code: 'growth-edge', source: 'self', score: 1 }],
    });
    const codes = new Set(manager.suggestions.flatMap((s) => s.reasons.map((r) => r.code)));
    expect([...codes].sort()).toEqual(['balance-gap', 'derailer-noticed', 'growth-edge']);
    // …and the subject's are exactly as they were.
    expect(await suggestionsOf(o.subjectId, 'participant@acme.test')).toEqual(before);
  });
});
