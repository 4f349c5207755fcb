import { describe, expect, it } from 'vitest';
import { reliabilityReport } from '../../core/psychometrics/index.ts';
import { normalFrom, seededRandom } from '../../core/seeded-random.ts';
import { DEFAULT_FRAMEWORK } from '../framework/default-framework.ts';
import { selfAssessedItems } from '../framework/definition.ts';
import { answerProblems, askedItems, unansweredItems } from './answer-rules.ts';
import type { QualityReport } from './contracts.ts';
import { FLAG_BELOW, instrumentQuality, MIN_RESPONDENTS, qualityCsv } from './instrument-quality.ts';

const items = selfAssessedItems(DEFAULT_FRAMEWORK);

/** Respondents whose answers follow one level per person, except one item that is pure noise. */
function respondents(count: number, noiseItem: string) {
  const random = seededRandom(7);
  const normal = normalFrom(random);
  return Array.from({ length: count }, () => {
    const level = normal();
    return new Map(
      items.map((item) => {
        const signal = item.key === noiseItem ? normal() : 0.8 * level + 0.6 * normal();
        const value = Math.min(5, Math.max(1, Math.round(3 + signal)));
        return [item.key, item.reversed ? 6 - value : value] as const;
      }),
    );
  });
}

describe('instrumentQuality', () => {
  it(`says how many responses there are below n = ${MIN_RESPONDENTS}`, () => {
    const report = instrumentQuality(DEFAULT_FRAMEWORK, respondents(MIN_RESPONDENTS - 1, 'none'));
    expect(report.respondents).toBe(29);
    expect(report.scales).toHaveLength(19);
    for (const scale of report.scales) {
      expect(scale).toMatchObject({ status: 'insufficient', n: 29, rawAlpha: null, items: [] });
      expect(scale.message).toBe('not enough responses yet: n = 29, reliability is reported from n = 30');
    }
  });

  it('reports psych-style reliability from n = 30 and flags items with a low r.drop', () => {
    const data = respondents(60, 'ownership-2');
    const report = instrumentQuality(DEFAULT_FRAMEWORK, data);
    const ownership = report.scales.find((s) => s.capability.key === 'ownership')!;
    const keys = DEFAULT_FRAMEWORK.capabilities.find((c) => c.key === 'ownership')!.items;
    const direct = reliabilityReport(
      data.map((answers) => keys.map((i) => answers.get(i.key)!)),
      { keys: keys.map((i) => ({ item: i.key, reversed: i.reversed })), min: 1, max: 5 },
    );
    expect(ownership).toMatchObject({ status: 'computed', n: 60, rawAlpha: direct.raw_alpha, g6: direct.G6 });
    expect(ownership.items.filter((i) => i.flagged).map((i) => i.key)).toEqual(['ownership-2']);
    expect(ownership.items.find((i) => i.key === 'ownership-2')!.rDrop).toBeLessThan(FLAG_BELOW);
    expect(report.scales.find((s) => s.capability.key === 'self-awareness')!.rawAlpha).toBeGreaterThan(0.7);
  });

  it('explains a scale it cannot compute instead of failing the report', () => {
    const data = respondents(40, 'none').map((answers) => new Map([...answers, ['game-face-1', 3]]));
    const gameFace = instrumentQuality(DEFAULT_FRAMEWORK, data).scales.find(
      (s) => s.capability.key === 'game-face',
    )!;
    expect(gameFace).toMatchObject({
      status: 'not-computable',
      message: 'item "game-face-1" is constant (every answer is the same)',
    });
  });
});

describe('qualityCsv', () => {
  it('writes one row per item, quoting text and defusing formulas', () => {
    const report: QualityReport = {
      version: { id: '00000000-0000-4000-8000-000000000001', number: 2, name: 'X' },
      respondents: 31,
      minimumN: 30,
      flagBelow: 0.3,
      scales: [
        {
          capability: { key: 'a', name: 'Plans, "really"', derailer: false },
          status: 'computed',
          n: 31,
          message: 'alpha 0.80 on n = 31',
          rawAlpha: 0.8,
          stdAlpha: 0.81,
          g6: 0.79,
          averageR: 0.5,
          mean: 3,
          sd: 1,
          items: [
            {
              key: 'a-1',
              text: '=HYPERLINK("x")',
              reversed: true,
              n: 31,
              mean: 3.1,
              sd: 1,
              rawR: 0.7,
              rDrop: 0.25,
              alphaIfDeleted: 0.85,
              flagged: true,
            },
          ],
        },
        {
          capability: { key: 'b', name: 'B', derailer: true },
          status: 'insufficient',
          n: 3,
          message: 'not enough responses yet: n = 3, reliability is reported from n = 30',
          rawAlpha: null,
          stdAlpha: null,
          g6: null,
          averageR: null,
          mean: null,
          sd: null,
          items: [],
        },
      ],
    };
    const lines = qualityCsv(report).split('\r\n');
    expect(lines[0]).toBe(
      'capability,capability_name,derailer,status,n,raw_alpha,std_alpha,G6,average_r,item,item_text,reversed,item_n,item_mean,item_sd,raw_r,r_drop,alpha_if_deleted,flagged,message',
    );
    expect(lines[1]).toBe(
      `a,"Plans, ""really""",false,computed,31,0.8,0.81,0.79,0.5,a-1,"'=HYPERLINK(""x"")",true,31,3.1,1,0.7,0.25,0.85,true,alpha 0.80 on n = 31`,
    );
    expect(lines[2]).toBe(
      'b,B,true,insufficient,3,,,,,,,,,,,,,,,"not enough responses yet: n = 3, reliability is reported from n = 30"',
    );
    expect(lines).toHaveLength(4);
  });
});

describe('answer rules', () => {
  const asked = askedItems(DEFAULT_FRAMEWORK);

  it('asks every self-assessed item once, and never team climate', () => {
    expect(asked.size).toBe(71);
    expect(asked.has('meaning-1')).toBe(false);
    expect(askedItems(DEFAULT_FRAMEWORK)).toBe(asked);
  });

  it('names each bad answer by its position and rule', () => {
    expect(
      answerProblems(asked, [
        { item: 'self-awareness-1', value: 5 },
        { item: 'meaning-1', value: 3 },
        { item: 'self-awareness-1', value: 2 },
        { item: 'game-face-1', value: 6 },
        { item: 'game-face-2', value: 0 },
        { item: 'game-face-3', value: null },
      ]),
    ).toEqual({
      'answers.1.item': 'is not a question of this assessment',
      'answers.2.item': 'appears more than once',
      'answers.3.value': 'must be a whole number from 1 to 5, or null for “can’t say”',
      'answers.4.value': 'must be a whole number from 1 to 5, or null for “can’t say”',
    });
  });

  it('lists unanswered items in the order they are asked', () => {
    const answered = new Set([...asked.keys()].slice(2));
    expect(unansweredItems(asked, answered)).toEqual(['self-awareness-1', 'self-awareness-2']);
  });
});
