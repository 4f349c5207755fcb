import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisclosurePolicyInput, RaterGroup } from './policy.ts';
import { releaseReport } from './release-report.ts';
import { atomMeetsPolicy, atomsOfFigures, attackerModel, ReleasedSpan } from './testing/report-oracle.ts';
import type { CampaignAnswers, RaterAnswer, RaterComment, ReleasedReport } from './types.ts';

/*
 * Random campaigns (0–8 raters per group, up to 2 managers, random "can't say", answers 1–5,
 * random policies) attacked the way a reader of the report could: every released figure becomes a
 * linear equation over the individual answers, solved exactly.
 */

interface Scenario {
  campaign: CampaignAnswers;
  policy: DisclosurePolicyInput;
}

const groupSizes = fc.record({
  manager: fc.integer({ min: 0, max: 2 }),
  peers: fc.integer({ min: 0, max: 8 }),
  direct_reports: fc.integer({ min: 0, max: 8 }),
  others: fc.integer({ min: 0, max: 8 }),
});

const policyArbitrary: fc.Arbitrary<DisclosurePolicyInput> = fc
  .record({
    peers: fc.integer({ min: 2, max: 4 }),
    direct_reports: fc.integer({ min: 2, max: 4 }),
    others: fc.integer({ min: 2, max: 4 }),
    managerShownSeparately: fc.boolean(),
    mergeSmallGroupsIntoOthers: fc.boolean(),
    commentMinimum: fc.integer({ min: 2, max: 4 }),
    distributionExtra: fc.integer({ min: 0, max: 2 }),
  })
  .map(({ peers, direct_reports, others, distributionExtra, ...rest }) => ({
    ...rest,
    minimumByGroup: { peers, direct_reports, others },
    distributionMinimum: Math.max(peers, direct_reports, others) + distributionExtra,
  }));

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    sizes: groupSizes,
    itemCount: fc.integer({ min: 1, max: 4 }),
    cantSayRate: fc.constantFrom(0, 0.1, 0.25, 0.5),
    salt: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 6, maxLength: 6 }),
    policy: policyArbitrary,
  })
  .chain(({ sizes, itemCount, cantSayRate, salt, policy }) => {
    const groups = (Object.entries(sizes) as Array<[RaterGroup, number]>).flatMap(([group, size]) =>
      Array.from({ length: size }, () => group),
    );
    const raters = groups.map((group, r) => ({ raterId: `rtr${r}x${salt}`, group }));
    const itemIds = Array.from({ length: itemCount }, (_, i) => `item-${i}`);
    const cells = raters.length * itemCount;
    return fc
      .record({
        values: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: cells, maxLength: cells }),
        cantSay: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: cells, maxLength: cells }),
        capabilities: fc.array(fc.subarray(itemIds, { minLength: 1 }), { minLength: 1, maxLength: 2 }),
        commenting: fc.array(fc.constantFrom(0, 1, 2), {
          minLength: raters.length,
          maxLength: raters.length,
        }),
        self: fc.array(fc.option(fc.integer({ min: 1, max: 5 })), {
          minLength: itemCount,
          maxLength: itemCount,
        }),
      })
      .map(({ values, cantSay, capabilities, commenting, self }) => {
        const answers: RaterAnswer[] = [];
        raters.forEach((rater, r) => {
          itemIds.forEach((itemId, i) => {
            const cell = r * itemCount + i;
            answers.push({
              itemId,
              raterId: rater.raterId,
              value: cantSay[cell]! < cantSayRate ? null : values[cell]!,
            });
          });
        });
        const comments: RaterComment[] = raters.flatMap((rater, r) =>
          ['What to keep doing', 'One thing to change']
            .slice(0, commenting[r])
            .map((question, q) => ({ raterId: rater.raterId, question, text: `remark ${r * 2 + q}` })),
        );
        const campaign: CampaignAnswers = {
          scale: { min: 1, max: 5 },
          itemIds,
          capabilities: capabilities.map((ids, c) => ({ capabilityId: `cap-${c}`, itemIds: ids })),
          raters,
          answers,
          selfAnswers: itemIds.map((itemId, i) => ({ itemId, value: self[i] ?? null })),
          comments,
        };
        return { campaign, policy };
      });
  });

function release({ campaign, policy }: Scenario): ReleasedReport {
  return releaseReport(campaign, { policy, shuffleSeed: 7 });
}

const RUNS = { numRuns: 300 };

// Property runs with an exact attacker: seconds alone, several times that on two loaded cores.
describe('releaseReport against an attacker (property-based)', { timeout: 60_000 }, () => {
  it('(a) every atom of all released sets holds its minimum (declared manager excepted, unannounced one never alone)', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const report = release(scenario);
        const model = attackerModel(scenario.campaign, report);
        for (const atom of atomsOfFigures(model))
          expect(atomMeetsPolicy(atom, model), `atom ${atom}`).toBe(true);
        for (const figure of model.figures)
          expect(atomMeetsPolicy(figure.raters, model), figure.label).toBe(true);
      }),
      RUNS,
    );
  });

  it('(b) no group mean that is not itself shown can be solved for on any item', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const report = release(scenario);
        const model = attackerModel(scenario.campaign, report);
        const span = new ReleasedSpan(model);
        const shownSets = new Set(
          model.figures
            .filter((figure) => figure.terms.length === 1)
            .map((figure) => `${figure.terms[0]!.item}:${figure.raters.join()}`),
        );
        const declaredManager = report.policy.managerShownSeparately;
        for (const group of ['manager', 'peers', 'direct_reports', 'others'] as const) {
          if (group === 'manager' && declaredManager) continue;
          model.answered.forEach((raters, item) => {
            const members = raters.filter((rater) => model.raterGroups[rater] === group);
            if (members.length === 0) return;
            const solvable = span.solvesSum(item, members);
            if (!atomMeetsPolicy(members, model)) {
              expect(solvable, `${group} on item ${item} (below its minimum)`).toBe(false);
            } else if (!shownSets.has(`${item}:${members.join()}`)) {
              expect(solvable, `${group} on item ${item} (withheld)`).toBe(false);
            }
          });
        }
      }),
      RUNS,
    );
  });

  it('(c) no single answer can be solved for, except the declared manager', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const report = release(scenario);
        const model = attackerModel(scenario.campaign, report);
        const span = new ReleasedSpan(model);
        model.answered.forEach((raters, item) => {
          for (const rater of raters) {
            if (model.minimumByRater[rater] === 1) continue;
            expect(span.solvesSum(item, [rater]), `rater ${rater} on item ${item}`).toBe(false);
          }
        });
      }),
      RUNS,
    );
  });

  it('(d) the output names no rater, and comments come from enough raters per bucket', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const report = release(scenario);
        const json = JSON.stringify(report);
        for (const rater of scenario.campaign.raters) expect(json).not.toContain(rater.raterId);
        expect(json).not.toContain('raterId');

        const authorOf = new Map((scenario.campaign.comments ?? []).map((c) => [c.text, c.raterId]));
        const groupOf = new Map(scenario.campaign.raters.map((rater) => [rater.raterId, rater.group]));
        const columns = new Map(report.columns.map((column) => [column.group, column.mergedFrom]));
        for (const question of report.comments) {
          for (const bucket of question.buckets) {
            const authors = new Set(bucket.texts.map((text) => authorOf.get(text)!));
            if (bucket.group === 'combined') {
              expect(authors.size).toBeGreaterThanOrEqual(report.policy.commentMinimum);
              continue;
            }
            // Grouped only under a shown column, and only with that column's raters.
            expect(columns.has(bucket.group)).toBe(true);
            for (const author of authors) expect(columns.get(bucket.group)).toContain(groupOf.get(author));
            if (!(bucket.group === 'manager' && report.policy.managerShownSeparately)) {
              expect(authors.size).toBeGreaterThanOrEqual(report.policy.commentMinimum);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('releases every figure consistently with the raw answers (the oracle agrees)', () => {
    // attackerModel throws when a released n or mean differs from a recomputation.
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        expect(() => attackerModel(scenario.campaign, release(scenario))).not.toThrow();
      }),
      RUNS,
    );
  });
});
