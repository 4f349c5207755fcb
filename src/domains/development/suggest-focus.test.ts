import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../framework/default-framework.ts';
import { selfAssessedCapabilities } from '../framework/definition.ts';
import {
  type FeedbackFigures,
  type FocusInputs,
  type FrameworkCapability,
  type ProfileFigures,
  suggestFocus,
} from './suggest-focus.ts';
import { focusSuggestion } from './suggestion-contracts.ts';

const FRAMEWORK: FrameworkCapability[] = selfAssessedCapabilities(DEFAULT_FRAMEWORK).map((c) => ({
  key: c.key,
  name: c.name,
  block: c.block,
  practice: c.practice,
  derailer: c.derailer,
}));
const CAPABILITIES = FRAMEWORK.filter((c) => !c.derailer).map((c) => c.key);
const DERAILERS = FRAMEWORK.filter((c) => c.derailer).map((c) => c.key);
const LEAD = FRAMEWORK.filter((c) => c.practice === 'lead').map((c) => c.key);
const MANAGE = FRAMEWORK.filter((c) => c.practice === 'manage').map((c) => c.key);

const NOTHING: FocusInputs = { capabilities: FRAMEWORK, profile: null, feedback: null, balance: null };

/** A profile with every capability at `fallback` except those given, on a 1–5 scale. */
function profile(
  scores: Record<string, number> = {},
  growthEdges: string[] = [],
  derailers: Record<string, number> = {},
  fallback = 4,
): ProfileFigures {
  return {
    capabilities: CAPABILITIES.map((key) => {
      const score = scores[key] ?? fallback;
      return { key, score, normalised: (score - 1) / 4 };
    }),
    derailers: DERAILERS.map((key) => {
      const frequency = derailers[key] ?? 1.5;
      const n = (frequency - 1) / 4;
      return {
        key,
        frequency,
        min: 1,
        max: 5,
        band: n <= 0.25 ? 'rare' : n <= 0.5 ? 'occasional' : 'frequent',
      } as const;
    }),
    growthEdges,
  };
}

/** A released report with self 4 and others 4 everywhere except the given figures. */
function feedback(
  figures: Record<string, { self?: number | null; others?: number | null }> = {},
  derailerDefault = 1.5,
): FeedbackFigures {
  const capabilities = FRAMEWORK.map((c) => {
    const base = c.derailer ? derailerDefault : 4;
    const f = figures[c.key] ?? {};
    return {
      key: c.key,
      derailer: c.derailer,
      self: f.self === undefined ? base : f.self,
      others: f.others === undefined ? base : f.others,
      scale: { min: 1, max: 5 },
    };
  });
  // The report's own rule (feedback/report.ts): a gap of at least 0.75 on a 1–5 scale.
  const gaps = capabilities
    .filter((c) => c.self !== null && c.others !== null)
    .map((c) => ({ capability: c.key, self: c.self!, others: c.others!, gap: c.self! - c.others!, c }));
  return {
    capabilities,
    blindSpots: gaps.filter((g) => !g.c.derailer && g.gap >= 0.75).map(({ c: _, ...g }) => g),
    derailerBlindSpots: gaps.filter((g) => g.c.derailer && -g.gap >= 0.75).map(({ c: _, ...g }) => g),
  };
}

describe('suggestFocus', () => {
  it.each([
    ['nothing at all', {}],
    [
      'a profile with no growth edges, no frequent derailers and no stage expectation',
      { profile: profile() },
    ],
    ['a 360 where nobody differs and derailers are rare', { feedback: feedback() }],
    ['a balance without an expectation', { balance: { expectedLeadShare: null, self: 0.2, others: 0.1 } }],
    ['a balance within tolerance', { balance: { expectedLeadShare: 0.5, self: 0.46, others: null } }],
    ['an empty climate', { climate: { min: 1, max: 5, factors: {} } }],
  ] as const)('suggests nothing from %s', (_, inputs) => {
    expect(suggestFocus({ ...NOTHING, ...inputs })).toEqual([]);
  });

  it('ranks a blind spot first, with the figures of the report', () => {
    const result = suggestFocus({
      ...NOTHING,
      profile: profile({ ownership: 2.5 }, ['ownership']),
      feedback: feedback({ 'strategic-thinking': { self: 4.2, others: 3.1 } }),
    });
    expect(result[0]).toMatchObject({ kind: 'capability', capabilityKey: 'strategic-thinking' });
    expect(result[0]!.reasons).toEqual([
      { code: 'blind-spot', self: 4.2, others: 3.1, gap: 1.1 },
      // Others also rate it lowest of all: a second, weaker reason for the same suggestion.
      { code: 'growth-edge', source: 'others', score: 3.1 },
    ]);
    expect(result.find((s) => s.capabilityKey === 'ownership')!.reasons).toContainEqual({
      code: 'growth-edge',
      source: 'self',
      score: 2.5,
    });
  });

  it.each([
    // [case, derailer figures, expected reason or null]
    ['others see it sometimes or more', { self: 3, others: 3.4 }, { others: 3.4, self: 3 }],
    [
      'others see it more than self, below "sometimes"',
      { self: 1.2, others: 2.2 },
      { others: 2.2, self: 1.2 },
    ],
    ['no self rating and others see it often', { self: null, others: 4 }, { others: 4, self: null }],
    ['others rarely see it, as self', { self: 1.8, others: 2 }, null],
    ['others did not rate it (suppressed)', { self: 4, others: null }, null],
  ] as const)('derailer seen by others when %s', (_, figure, expected) => {
    const result = suggestFocus({ ...NOTHING, feedback: feedback({ 'game-face': figure }) });
    const item = result.find((s) => s.capabilityKey === 'game-face');
    if (expected === null) expect(item).toBeUndefined();
    else expect(item).toMatchObject({ kind: 'derailer', reasons: [{ code: 'derailer-seen', ...expected }] });
  });

  it('suggests a derailer the person notices often in themself, with only a self-assessment', () => {
    const result = suggestFocus({ ...NOTHING, profile: profile({}, [], { 'needing-to-win': 4 }) });
    expect(result).toEqual([
      {
        kind: 'derailer',
        capabilityKey: 'needing-to-win',
        name: 'Needing to win',
        score: 1.5 * (1 + 0.75),
        reasons: [{ code: 'derailer-noticed', self: 4 }],
      },
    ]);
  });

  it.each([
    // [case, balance, practice suggested, source]
    [
      'manages more than expected, as others see it',
      { expectedLeadShare: 0.6, self: 0.62, others: 0.4 },
      'lead',
      'others',
    ],
    [
      'leads more than expected, own view only',
      { expectedLeadShare: 0.3, self: 0.55, others: null },
      'manage',
      'self',
    ],
  ] as const)('a balance gap when the person %s', (_, balance, practice, source) => {
    const result = suggestFocus({ ...NOTHING, balance });
    expect(result.map((s) => s.capabilityKey)).toEqual([...(practice === 'lead' ? LEAD : MANAGE)].sort());
    const actual = source === 'others' ? balance.others : balance.self;
    for (const s of result) {
      expect(s.reasons).toEqual([
        { code: 'balance-gap', practice, expected: balance.expectedLeadShare, actual, source },
      ]);
    }
  });

  it('adds low team-climate factors to the leadership practice, lowest factor strongest', () => {
    const climate = { min: 1, max: 5, factors: { meaning: 4.5, growth: 2.2, belonging: 3 } };
    const result = suggestFocus({ ...NOTHING, climate });
    expect(result.map((s) => s.capabilityKey)).toEqual([...LEAD].sort());
    expect(result[0]!.reasons).toEqual([
      { code: 'low-climate', factor: 'growth', score: 2.2 },
      { code: 'low-climate', factor: 'belonging', score: 3 },
    ]);
  });

  it('adds up agreeing evidence: a blind spot that is also a growth edge outranks a larger blind spot', () => {
    const result = suggestFocus({
      ...NOTHING,
      profile: profile({ 'creating-vision': 2.75 }, ['creating-vision']),
      feedback: feedback({
        'creating-vision': { self: 3.75, others: 2.75 },
        'strategic-thinking': { self: 4.5, others: 3 },
      }),
    });
    expect(result.slice(0, 2).map((s) => s.capabilityKey)).toEqual(['creating-vision', 'strategic-thinking']);
    expect(result[0]!.reasons.map((r) => r.code)).toEqual(['blind-spot', 'growth-edge', 'growth-edge']);
  });

  it('with only a 360 and no self ratings, suggests what others rate lowest and derailers they see', () => {
    const others = Object.fromEntries(CAPABILITIES.map((k, i) => [k, { self: null, others: 2 + i * 0.1 }]));
    const result = suggestFocus({
      ...NOTHING,
      feedback: feedback({ ...others, 'profit-at-all-cost': { self: null, others: 3.5 } }),
    });
    expect(result.map((s) => s.capabilityKey)).toEqual(['profit-at-all-cost', ...CAPABILITIES.slice(0, 3)]);
    expect(result[1]!.reasons).toEqual([{ code: 'growth-edge', source: 'others', score: 2 }]);
  });

  it('ignores keys the current framework does not have, and never mixes derailers and capabilities', () => {
    const result = suggestFocus({
      ...NOTHING,
      capabilities: FRAMEWORK.filter((c) => c.key !== 'strategic-thinking'),
      profile: profile({ 'game-face': 1 }, ['game-face', 'retired-capability']),
      feedback: feedback({ 'strategic-thinking': { self: 5, others: 2 } }),
    });
    expect(result).toEqual([]);
  });

  it('breaks ties by capability key', () => {
    const result = suggestFocus({
      ...NOTHING,
      feedback: feedback({
        'wellbeing-energy': { self: 4.5, others: 3.5 },
        'building-relationships': { self: 4.5, others: 3.5 },
        ownership: { self: 4.5, others: 3.5 },
      }),
    });
    expect(result.map((s) => s.capabilityKey)).toEqual([
      'building-relationships',
      'ownership',
      'wellbeing-energy',
    ]);
    expect(new Set(result.map((s) => s.score)).size).toBe(1);
  });

  it('keeps the strongest copy of duplicated evidence instead of counting it twice', () => {
    const once = feedback({ ownership: { self: 5, others: 3 } });
    const twice = { ...once, blindSpots: [...once.blindSpots, { ...once.blindSpots[0]!, gap: 1.5 }] };
    expect(suggestFocus({ ...NOTHING, feedback: twice })).toEqual(
      suggestFocus({ ...NOTHING, feedback: once }),
    );
  });
});

describe('suggestFocus, for any inputs', () => {
  const level = fc.double({ min: 1, max: 5, noNaN: true }).map((x) => Math.round(x * 100) / 100);
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const inputs: fc.Arbitrary<FocusInputs> = fc.record({
    capabilities: fc.subarray(FRAMEWORK, { minLength: 0 }),
    profile: maybe(
      fc
        .record({
          scores: fc.dictionary(fc.constantFrom(...CAPABILITIES), level),
          edges: fc.subarray(CAPABILITIES, { maxLength: 3 }),
          derailers: fc.dictionary(fc.constantFrom(...DERAILERS), level),
        })
        .map((p) => profile(p.scores, p.edges, p.derailers)),
    ),
    feedback: maybe(
      fc
        .dictionary(
          fc.constantFrom(...FRAMEWORK.map((c) => c.key)),
          fc.record({ self: maybe(level), others: maybe(level) }),
        )
        .map((f) => feedback(f)),
    ),
    balance: maybe(
      fc.record({
        expectedLeadShare: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
        self: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
        others: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
      }),
    ),
    climate: maybe(
      fc.record({
        min: fc.constant(1),
        max: fc.constant(5),
        factors: fc.dictionary(fc.constantFrom('meaning', 'growth', 'belonging'), level),
      }),
    ),
  });
  const reversed = (i: FocusInputs): FocusInputs => ({
    ...i,
    capabilities: [...i.capabilities].reverse(),
    feedback: i.feedback && {
      capabilities: [...i.feedback.capabilities].reverse(),
      blindSpots: [...i.feedback.blindSpots].reverse(),
      derailerBlindSpots: [...i.feedback.derailerBlindSpots].reverse(),
    },
  });

  it('is deterministic (whatever the order of its inputs), lists each capability once, each with a reason', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const result = suggestFocus(i);
        expect(suggestFocus(structuredClone(i))).toEqual(result);
        expect(suggestFocus(reversed(i))).toEqual(result);
        const suggested = result.map((s) => s.capabilityKey);
        expect(new Set(suggested).size).toBe(suggested.length);
        const known = new Set(i.capabilities.map((c) => c.key));
        for (const [n, s] of result.entries()) {
          expect(focusSuggestion.parse(s)).toEqual(s);
          expect(s.reasons.length).toBeGreaterThan(0);
          expect(known.has(s.capabilityKey)).toBe(true);
          const next = result[n + 1];
          if (next)
            expect(
              s.score > next.score || (s.score === next.score && s.capabilityKey < next.capabilityKey),
            ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
