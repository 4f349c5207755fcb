import { describe, expect, it } from 'vitest';
import { releasedRaterSets, strictestPolicy } from './earlier-release.ts';
import { DisclosureError } from './errors.ts';
import { type DisclosurePolicyInput, resolveDisclosurePolicy } from './policy.ts';
import { releaseReport } from './release-report.ts';
import { buildCampaign, type CampaignSpec } from './testing/campaign-builder.ts';
import { jointAttackerModel } from './testing/joint-oracle.ts';
import { atomMeetsPolicy, atomsOfFigures, ReleasedSpan } from './testing/report-oracle.ts';
import type { CampaignAnswers, ReleasedReport } from './types.ts';

/** The pulse of a baseline: the same raters but `declined`, asked `itemIds`, answering `answer`. */
function pulseOf(
  baseline: CampaignAnswers,
  declined: ReadonlyArray<string>,
  itemIds: ReadonlyArray<string>,
  answer: (raterId: string, itemId: string) => number | null = (raterId, itemId) =>
    ((raterId.length * 3 + itemId.length + raterId.charCodeAt(raterId.length - 1)) % 5) + 1,
): CampaignAnswers {
  const raters = baseline.raters.filter((rater) => !declined.includes(rater.raterId));
  return {
    scale: baseline.scale,
    itemIds,
    capabilities: [{ capabilityId: 'focus', itemIds }],
    raters,
    answers: raters.flatMap((rater) =>
      itemIds.map((itemId) => ({ itemId, raterId: rater.raterId, value: answer(rater.raterId, itemId) })),
    ),
  };
}

function releaseBoth(
  spec: CampaignSpec,
  declined: ReadonlyArray<string>,
  policy: DisclosurePolicyInput = {},
  itemIds: ReadonlyArray<string> = ['i1', 'i2', 'i3'],
) {
  const { campaign: baseline } = buildCampaign(spec);
  const baselineReport = releaseReport(baseline, { policy, shuffleSeed: 1 });
  const pulse = pulseOf(baseline, declined, itemIds);
  const earlier = { raters: baseline.raters, sets: releasedRaterSets(baseline, baselineReport) };
  const pulseReport = releaseReport(pulse, { policy, shuffleSeed: 2, earlier });
  const unchecked = releaseReport(pulse, { policy, shuffleSeed: 2 });
  return { baseline, baselineReport, pulse, pulseReport, unchecked };
}

/** No atom of the two reports' sets together is below its minimum, and no single answer solves. */
function expectJointlySafe(parts: Array<{ campaign: CampaignAnswers; report: ReleasedReport }>) {
  const model = jointAttackerModel(parts);
  for (const atom of atomsOfFigures(model)) expect(atomMeetsPolicy(atom, model), `atom ${atom}`).toBe(true);
  const span = new ReleasedSpan(model);
  model.answered.forEach((raters, item) => {
    for (const rater of raters) {
      if (model.minimumByRater[rater] === 1) continue;
      expect(span.solvesSum(item, [rater]), `rater ${rater} on item ${item}`).toBe(false);
    }
  });
}

const peerFigure = (report: ReleasedReport) =>
  report.items.map((item) => item.groups.find((g) => g.group === 'peers') ?? null);

describe('a pulse released after its 360 (DESIGN §3.1 across both reports)', () => {
  const spec: CampaignSpec = { groups: { peers: 5, others: 4 } };

  it('the attack: 360 peers {A..E}, pulse peers {A..D} (E declined) — the pulse withholds the peers', () => {
    const { baseline, baselineReport, pulse, pulseReport, unchecked } = releaseBoth(spec, ['peers-5']);
    // The 360 showed all five peers on every item.
    expect(peerFigure(baselineReport).map((figure) => figure?.n)).toEqual([5, 5, 5]);
    // Without the 360 as context the pulse would show four: 5·m₁ − 4·m₂ is E's answer.
    expect(peerFigure(unchecked).map((figure) => figure?.n)).toEqual([4, 4, 4]);
    expect(() =>
      expectJointlySafe([
        { campaign: baseline, report: baselineReport },
        { campaign: pulse, report: unchecked },
      ]),
    ).toThrow();
    // With it, the peers are withheld, saying why (their column is gone, so the group's status says
    // it), and so is all raters (all − others is the same four); the others, all four again, are shown.
    expect(peerFigure(pulseReport)).toEqual([null, null, null]);
    for (const item of pulseReport.items) {
      expect(item.withheld).toEqual([{ figure: 'all_raters', reason: 'earlier-report' }]);
      expect(item.groups.find((g) => g.group === 'others')?.n).toBe(4);
    }
    expect(pulseReport.groups.find((g) => g.group === 'peers')).toMatchObject({
      disclosure: 'suppressed',
      reason: 'earlier-report',
      responded: 4,
    });
    expect(pulseReport.columns.map((c) => c.group)).toEqual(['others']);
    expectJointlySafe([
      { campaign: baseline, report: baselineReport },
      { campaign: pulse, report: pulseReport },
    ]);
  });

  it('with nobody declining, the pulse shows the same groups as its 360', () => {
    const { baseline, baselineReport, pulse, pulseReport } = releaseBoth(spec, []);
    for (const item of pulseReport.items) {
      expect(item.groups.map((g) => [g.group, g.n])).toEqual([
        ['peers', 5],
        ['others', 4],
      ]);
      expect(item.withheld.filter((w) => w.reason === 'earlier-report')).toEqual([]);
    }
    expectJointlySafe([
      { campaign: baseline, report: baselineReport },
      { campaign: pulse, report: pulseReport },
    ]);
  });

  it('a decliner leaving enough on both sides does not cost the group (7 peers, 3 decline? no: 4 stay, 3 go)', () => {
    // Atom {A..G} split into {A..D} and {E,F,G}: both reach 3, so nothing narrows below the minimum.
    const { baseline, baselineReport, pulse, pulseReport } = releaseBoth(
      { groups: { peers: 7, others: 3 } },
      ['peers-5', 'peers-6', 'peers-7'],
    );
    expect(peerFigure(pulseReport).map((figure) => figure?.n)).toEqual([4, 4, 4]);
    expectJointlySafe([
      { campaign: baseline, report: baselineReport },
      { campaign: pulse, report: pulseReport },
    ]);
  });

  it('a rater who was in no released set of the 360 (a concealed manager) may decline freely', () => {
    const { baselineReport, pulseReport } = releaseBoth({ groups: { manager: 1, peers: 3, others: 3 } }, [
      'manager-1',
    ]);
    // The 360 never showed a set with the manager apart from the others (all raters withheld).
    expect(baselineReport.items.every((item) => item.allRaters === null)).toBe(true);
    for (const item of pulseReport.items) {
      expect(item.groups.map((g) => g.group)).toEqual(['peers', 'others']);
      expect(item.allRaters?.n).toBe(6);
    }
  });

  it('a second pulse is checked against the 360 and the first pulse together', () => {
    const { campaign: baseline } = buildCampaign({ groups: { peers: 6, others: 3 } });
    const baselineReport = releaseReport(baseline, { shuffleSeed: 1 });
    const first = pulseOf(baseline, [], ['i1', 'i2', 'i3']);
    const firstEarlier = { raters: baseline.raters, sets: releasedRaterSets(baseline, baselineReport) };
    const firstReport = releaseReport(first, { shuffleSeed: 1, earlier: firstEarlier });
    // Second pulse: one peer declines; the 360 and the first pulse both showed all six.
    const second = pulseOf(baseline, ['peers-6'], ['i1', 'i2', 'i3']);
    const earlier = {
      raters: baseline.raters,
      sets: [...firstEarlier.sets, ...releasedRaterSets(first, firstReport)],
    };
    const secondReport = releaseReport(second, { shuffleSeed: 1, earlier });
    expect(peerFigure(secondReport)).toEqual([null, null, null]);
    expectJointlySafe([
      { campaign: baseline, report: baselineReport },
      { campaign: first, report: firstReport },
      { campaign: second, report: secondReport },
    ]);
  });
});

describe('releasedRaterSets', () => {
  it('lists the raters behind every released figure, read from the frozen report', () => {
    const { campaign } = buildCampaign({
      groups: { peers: 3, others: 3 },
      itemCount: 2,
      answer: (rater, item) => (rater.group === 'others' && rater.index === 0 && item === 1 ? null : 3),
    });
    const report = releaseReport(campaign, { shuffleSeed: 1 });
    const sets = releasedRaterSets(campaign, report).map((set) => [...set].sort().join(' '));
    expect(sets).toContain('peers-1 peers-2 peers-3');
    expect(sets).toContain('others-1 others-2 others-3');
    // The shrunken others set of item 2 is not released (it would isolate others-1), so it is not listed.
    expect(sets).not.toContain('others-2 others-3');
  });

  it('refuses a report that does not belong to the campaign', () => {
    const { campaign } = buildCampaign({ groups: { peers: 3 } });
    const report = releaseReport(campaign, { shuffleSeed: 1 });
    const other = { ...campaign, itemIds: ['x1'], answers: [], capabilities: [] };
    expect(() => releasedRaterSets(other, report)).toThrow(DisclosureError);
  });
});

describe('earlier releases as input', () => {
  const { campaign } = buildCampaign({ groups: { peers: 3 } });

  it('refuses a rater whose group differs from the earlier release', () => {
    const earlier = { raters: [{ raterId: 'peers-1', group: 'others' as const }], sets: [] };
    expect(() => releaseReport(campaign, { shuffleSeed: 1, earlier })).toThrow(/earlier\.raters\[0\]\.group/);
  });

  it('refuses a set naming nobody known', () => {
    const earlier = { raters: [], sets: [['peers-1', 'nobody']] };
    expect(() => releaseReport(campaign, { shuffleSeed: 1, earlier })).toThrow(/earlier\.sets\[0\]\[1\]/);
  });

  it('does not accept answers from raters known only from the earlier release', () => {
    const earlier = { raters: [{ raterId: 'gone-1', group: 'peers' as const }], sets: [] };
    const withGhost = {
      ...campaign,
      answers: [...campaign.answers, { itemId: 'i1', raterId: 'gone-1', value: 3 }],
    };
    expect(() => releaseReport(withGhost, { shuffleSeed: 1, earlier })).toThrow(/answers\[\d+\]\.raterId/);
  });
});

describe('strictestPolicy', () => {
  it('takes the stricter setting of each, the manager shown only if both promised it', () => {
    const a = resolveDisclosurePolicy({ minimumByGroup: { peers: 4 }, managerShownSeparately: true });
    const b = resolveDisclosurePolicy({ minimumByGroup: { others: 5 }, commentMinimum: 4 });
    expect(strictestPolicy(a, b)).toEqual({
      minimumByGroup: { peers: 4, direct_reports: 3, others: 5 },
      managerShownSeparately: false,
      commentMinimum: 4,
      distributionMinimum: 5,
      mergeSmallGroupsIntoOthers: false,
    });
  });
});
