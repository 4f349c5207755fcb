import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { releasedRaterSets } from './earlier-release.ts';
import type { DisclosurePolicyInput, RaterGroup } from './policy.ts';
import { releaseReport } from './release-report.ts';
import { type JointPart, jointAttackerModel } from './testing/joint-oracle.ts';
import { atomMeetsPolicy, atomsOfFigures, ReleasedSpan } from './testing/report-oracle.ts';
import type { CampaignAnswers, EarlierRelease, Rater, RaterAnswer } from './types.ts';

/*
 * Random 360s followed by one or two pulses of the same raters, where any rater may decline a pulse
 * and answer "can't say" anywhere, attacked with both (or all three) released reports at once. The
 * attacker's best case is assumed: nobody's answers changed, so each rater's answer to an item is one
 * unknown across the reports and every difference of sets is a difference of the same numbers.
 */

interface Scenario {
  baseline: CampaignAnswers;
  pulses: CampaignAnswers[];
  policy: DisclosurePolicyInput;
}

const policyArbitrary: fc.Arbitrary<DisclosurePolicyInput> = fc
  .record({
    peers: fc.integer({ min: 2, max: 4 }),
    direct_reports: fc.integer({ min: 2, max: 4 }),
    others: fc.integer({ min: 2, max: 4 }),
    managerShownSeparately: fc.boolean(),
    mergeSmallGroupsIntoOthers: fc.boolean(),
  })
  .map(({ peers, direct_reports, others, ...rest }) => ({
    ...rest,
    minimumByGroup: { peers, direct_reports, others },
  }));

/*
 * Structure (group sizes, items, rates, policy) comes from fast-check; the many per-cell draws
 * (answers, "can't say", declines) from a seeded uniform source, because fast-check biases numbers
 * towards their bounds, which here would mean almost everyone declining or nobody.
 */
function answersOf(
  raters: ReadonlyArray<Rater>,
  itemIds: ReadonlyArray<string>,
  random: () => number,
  cantSayRate: number,
): RaterAnswer[] {
  return raters.flatMap((rater) =>
    itemIds.map((itemId) => ({
      itemId,
      raterId: rater.raterId,
      value: random() < cantSayRate ? null : 1 + Math.floor(random() * 5),
    })),
  );
}

const pulseShape = fc.record({
  declineRate: fc.constantFrom(0, 0.1, 0.2, 0.35, 0.5),
  itemMask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  cantSayRate: fc.constantFrom(0, 0.1, 0.3),
});

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .record({
    // Sizes around the minimums (2–4) and above, where a decline can make or break a group.
    sizes: fc.record({
      manager: fc.constantFrom(0, 1, 1, 2),
      peers: fc.constantFrom(0, 2, 3, 4, 5, 6, 8),
      direct_reports: fc.constantFrom(0, 2, 3, 4, 5, 7),
      others: fc.constantFrom(0, 1, 3, 4, 6),
    }),
    itemCount: fc.integer({ min: 1, max: 4 }),
    cantSayRate: fc.constantFrom(0, 0.1, 0.25),
    capabilityMasks: fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), {
      minLength: 1,
      maxLength: 2,
    }),
    pulses: fc.array(pulseShape, { minLength: 1, maxLength: 2 }),
    policy: policyArbitrary,
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map(({ sizes, itemCount, cantSayRate, capabilityMasks, pulses, policy, seed }) => {
    const random = seededRandom(seed);
    const groups = (Object.entries(sizes) as Array<[RaterGroup, number]>).flatMap(([group, size]) =>
      Array.from({ length: size }, () => group),
    );
    const raters = groups.map((group, r) => ({ raterId: `rater-${r}`, group }));
    const itemIds = Array.from({ length: itemCount }, (_, i) => `item-${i}`);
    const pick = (mask: ReadonlyArray<boolean>) => {
      const chosen = itemIds.filter((_, i) => mask[i]);
      return chosen.length ? chosen : [itemIds[0]!];
    };
    const baseline: CampaignAnswers = {
      scale: { min: 1, max: 5 },
      itemIds,
      capabilities: capabilityMasks.map((mask, c) => ({ capabilityId: `cap-${c}`, itemIds: pick(mask) })),
      raters,
      answers: answersOf(raters, itemIds, random, cantSayRate),
    };
    return {
      baseline,
      policy,
      pulses: pulses.map(({ declineRate, itemMask, cantSayRate: pulseCantSay }): CampaignAnswers => {
        const stayed = raters.filter(() => random() >= declineRate);
        const asked = pick(itemMask);
        return {
          scale: baseline.scale,
          itemIds: asked,
          capabilities: [{ capabilityId: 'focus', itemIds: asked }],
          raters: stayed,
          answers: answersOf(stayed, asked, random, pulseCantSay),
        };
      }),
    };
  });

/** Releases the 360, then each pulse with every earlier release as context, as the service does. */
function releaseAll({ baseline, pulses, policy }: Scenario): JointPart[] {
  const parts: JointPart[] = [
    { campaign: baseline, report: releaseReport(baseline, { policy, shuffleSeed: 3 }) },
  ];
  for (const pulse of pulses) {
    const earlier: EarlierRelease = {
      raters: baseline.raters,
      sets: parts.flatMap((part) => releasedRaterSets(part.campaign, part.report)),
    };
    parts.push({ campaign: pulse, report: releaseReport(pulse, { policy, shuffleSeed: 3, earlier }) });
  }
  return parts;
}

const RUNS = { numRuns: 300 };

// Property runs with an exact attacker: seconds alone, several times that on two loaded cores.
describe('a pulse and its 360 together, against an attacker (property-based)', { timeout: 60_000 }, () => {
  it('every atom of all sets released by the 360 and its pulses holds its minimum', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const parts = releaseAll(scenario);
        const model = jointAttackerModel(parts);
        for (const atom of atomsOfFigures(model))
          expect(atomMeetsPolicy(atom, model), `atom ${atom}`).toBe(true);
        // Distributions (counts per point) of a pulse would subtract from the 360's: none is released.
        for (const part of parts.slice(1)) {
          for (const item of part.report.items) expect(item.distribution).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('no difference of a 360 figure and a pulse figure isolates fewer raters than the minimum', () => {
    // The literal attack: every pair of released sets, one from each report, both ways round.
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const model = jointAttackerModel(releaseAll(scenario));
        const sets = model.figures.map((figure) => ({ label: figure.label, raters: figure.raters }));
        const report = (label: string) => label.slice(0, label.indexOf(':'));
        for (const a of sets) {
          for (const b of sets) {
            if (report(a.label) === report(b.label)) continue;
            const rest = a.raters.filter((rater) => !b.raters.includes(rater));
            if (rest.length === 0) continue;
            expect(atomMeetsPolicy(rest, model), `${a.label} minus ${b.label}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('no single answer can be solved for from all reports together, except the declared manager', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const model = jointAttackerModel(releaseAll(scenario));
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

  it('the context matters: without it, the same pulses break the rule in many scenarios', () => {
    // Guards the tests above against passing vacuously (e.g. generators too small to attack).
    let broken = 0;
    let shown = 0;
    fc.assert(
      fc.property(scenarioArbitrary, ({ baseline, pulses, policy }) => {
        const parts: JointPart[] = [
          { campaign: baseline, report: releaseReport(baseline, { policy, shuffleSeed: 3 }) },
          ...pulses.map((pulse) => ({
            campaign: pulse,
            report: releaseReport(pulse, { policy, shuffleSeed: 3 }),
          })),
        ];
        const model = jointAttackerModel(parts);
        if (atomsOfFigures(model).some((atom) => !atomMeetsPolicy(atom, model))) broken++;
        // …and with it, pulses still show something often enough (the check is not "withhold all").
        const checked = releaseAll({ baseline, pulses, policy });
        if (checked.slice(1).some((part) => part.report.items.some((item) => item.groups.length > 0)))
          shown++;
      }),
      { numRuns: 200, seed: 10 },
    );
    expect(broken).toBeGreaterThan(80);
    expect(shown).toBeGreaterThan(60);
  });
});
