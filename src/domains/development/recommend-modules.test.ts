import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ModuleSummary, type RecommendInputs, recommendModules } from './recommend-modules.ts';
import { moduleRecommendation } from './suggestion-contracts.ts';

const ALL = ['individual-contributor', 'team-lead', 'manager', 'senior-leader', 'executive'];

function mod(key: string, minutes = 30, stages: string[] = ALL): ModuleSummary {
  const capabilityKey = key.split('/')[0]!;
  return { id: `id-${key}`, key, capabilityKey, title: key, minutes, stages };
}

const LIBRARY = [
  mod('ownership/own-the-outcome', 30, ['manager', 'senior-leader']),
  mod('ownership/small-promises', 10),
  mod('game-face/drop-the-mask', 20, ['executive']),
  mod('strategic-thinking/zoom-out', 40, ['individual-contributor']),
  mod('creating-vision/postcard-from-the-future', 25),
  mod('planning-organising/weekly-review', 15, ['team-lead']),
];

const NOBODY: RecommendInputs = { modules: LIBRARY, focus: [], suggestions: [], stage: null, taken: [] };
const ids = (inputs: Partial<RecommendInputs>) =>
  recommendModules({ ...NOBODY, ...inputs }).map((r) => r.moduleId.replace('id-', ''));

describe('recommendModules', () => {
  it('recommends nothing with no focus, no suggestions and no stage', () => {
    expect(recommendModules(NOBODY)).toEqual([]);
  });

  it('puts the person’s focus first, then suggested capabilities by strength, then stage-only modules', () => {
    const result = recommendModules({
      ...NOBODY,
      focus: ['game-face'],
      suggestions: [
        { capabilityKey: 'strategic-thinking', score: 6 },
        { capabilityKey: 'creating-vision', score: 3 },
      ],
      stage: 'team-lead',
    });
    expect(result.map((r) => [r.moduleId.replace('id-', ''), r.score])).toEqual([
      // Focus (5) even though it suits another stage: stage ranks, it never filters.
      ['game-face/drop-the-mask', 5],
      // Suggested at half the top score (2 + 0.5) and suits every stage (+1).
      ['creating-vision/postcard-from-the-future', 3.5],
      // The top suggestion (2 + 1), for individual contributors only.
      ['strategic-thinking/zoom-out', 3],
      // Stage only: suits team leads (+1), short (+0.5).
      ['ownership/small-promises', 1.5],
      ['planning-organising/weekly-review', 1.5],
    ]);
    expect(result[0]!.reasons).toEqual([{ code: 'your-focus', capabilityKey: 'game-face' }]);
    expect(result[1]!.reasons).toEqual([
      { code: 'growth-edge', capabilityKey: 'creating-vision' },
      { code: 'suits-your-stage', stage: 'team-lead' },
    ]);
    expect(result[3]!.reasons).toEqual([
      { code: 'suits-your-stage', stage: 'team-lead' },
      { code: 'short', minutes: 10 },
    ]);
  });

  it.each([
    [
      'a focus module that suits no stage of theirs',
      { focus: ['game-face'], stage: 'team-lead' },
      'game-face/drop-the-mask',
    ],
    [
      'a suggested module for another stage',
      { suggestions: [{ capabilityKey: 'strategic-thinking', score: 1 }], stage: 'executive' },
      'strategic-thinking/zoom-out',
    ],
  ] as const)('never filters by stage: %s is recommended', (_, inputs, expected) => {
    expect(ids(inputs)).toContain(expected);
  });

  it('never recommends a module already in the pathway or done', () => {
    const taken = ['id-ownership/small-promises', 'id-ownership/own-the-outcome'];
    expect(ids({ focus: ['ownership'], taken })).toEqual([]);
    expect(ids({ focus: ['ownership'], taken: taken.slice(0, 1) })).toEqual(['ownership/own-the-outcome']);
  });

  it('does not recommend a module only for being short', () => {
    expect(ids({ focus: ['creating-vision'] })).toEqual(['creating-vision/postcard-from-the-future']);
  });

  it('counts a focus once, not also as a suggestion', () => {
    const [r] = recommendModules({
      ...NOBODY,
      focus: ['creating-vision'],
      suggestions: [{ capabilityKey: 'creating-vision', score: 9 }],
    });
    expect(r).toEqual({
      moduleId: 'id-creating-vision/postcard-from-the-future',
      score: 5,
      reasons: [{ code: 'your-focus', capabilityKey: 'creating-vision' }],
    });
  });

  it('breaks ties by module key', () => {
    expect(ids({ stage: 'manager' })).toEqual([
      'ownership/small-promises', // 1 + 0.5 for being short
      'creating-vision/postcard-from-the-future', // 1, and "c" before "o"
      'ownership/own-the-outcome', // 1
    ]);
  });

  it('for any inputs: deterministic, no taken module, every item with a reason, best first', () => {
    const keys = LIBRARY.map((m) => m.capabilityKey);
    const inputs = fc.record({
      modules: fc.subarray(LIBRARY),
      focus: fc.subarray(keys, { maxLength: 3 }),
      suggestions: fc.array(
        fc.record({
          capabilityKey: fc.constantFrom(...keys),
          score: fc.double({ min: 0, max: 20, noNaN: true }),
        }),
      ),
      stage: fc.option(fc.constantFrom(...ALL), { nil: null }),
      taken: fc.subarray(LIBRARY.map((m) => m.id)),
    });
    fc.assert(
      fc.property(inputs, (i) => {
        const result = recommendModules(i);
        expect(recommendModules({ ...i, modules: [...i.modules].reverse() })).toEqual(result);
        for (const [n, r] of result.entries()) {
          expect(moduleRecommendation.parse(r)).toEqual(r);
          expect(i.taken).not.toContain(r.moduleId);
          expect(r.reasons.some((x) => x.code !== 'short')).toBe(true);
          if (result[n + 1]) expect(r.score).toBeGreaterThanOrEqual(result[n + 1]!.score);
        }
      }),
      { numRuns: 200 },
    );
  });
});
