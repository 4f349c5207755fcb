import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../framework/default-framework.ts';
import { type FrameworkDefinition, frameworkDefinition, selfAssessedItems } from '../framework/definition.ts';
import { compareBalance, scoreProfile } from './profile.ts';

const agree = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
const often = ['Never', 'Rarely', 'Sometimes', 'Often', 'Almost always'];

function three(capability: string, reversed: number[] = []) {
  return [1, 2, 3].map((n) => ({
    key: `${capability}-${n}`,
    self: `I do ${capability} ${n}.`,
    observer: `They do ${capability} ${n}.`,
    reversed: reversed.includes(n),
  }));
}

function capability(key: string, block: string, extra: object = {}, reversed: number[] = []) {
  return {
    key,
    block,
    name: `Capability ${key}`,
    description: `What ${key} is.`,
    explanation: `Why ${key} matters.`,
    responseScale: 'agree',
    items: three(key, reversed),
    ...extra,
  };
}

/** A small framework whose scores can be checked by hand. */
const SMALL: FrameworkDefinition = frameworkDefinition.parse({
  name: 'Small',
  description: 'For hand-checked scores.',
  responseScales: [
    { key: 'agree', labels: agree },
    { key: 'often', labels: often },
  ],
  blocks: [
    { key: 'knowing', name: 'Knowing', kind: 'building-block', description: 'K.' },
    { key: 'practice', name: 'Practice', kind: 'practice', description: 'P.' },
    { key: 'old', name: 'Old habits', kind: 'derailers', description: 'D.' },
    { key: 'climate', name: 'Climate', kind: 'climate', description: 'C.' },
  ],
  capabilities: [
    capability('a', 'knowing', {}, [3]),
    capability('b', 'knowing'),
    capability('e', 'knowing'),
    capability('m', 'practice', { practice: 'manage' }),
    capability('l', 'practice', { practice: 'lead' }),
    capability('d', 'old', { derailer: true, responseScale: 'often' }, [3]),
    capability('c', 'climate'),
  ],
});

const HAND_CHECKED = new Map<string, number | null>([
  ['a-1', 5],
  ['a-2', 4],
  ['a-3', 2], // reverse-keyed: scores 5 + 1 − 2 = 4
  ['b-1', 2],
  ['b-2', 2],
  ['b-3', 2],
  ['e-1', 3], // only one of three answered: below half, so no score
  ['e-2', null],
  ['m-1', 4],
  ['m-2', 4],
  ['m-3', 4],
  ['l-1', 2],
  ['l-2', 3],
  ['l-3', null], // "can't say": two of three answered is enough
  ['d-1', 1],
  ['d-2', 2],
  ['d-3', 5], // reverse-keyed: 1
]);

describe('scoreProfile on a hand-checked case', () => {
  const profile = scoreProfile(SMALL, HAND_CHECKED, { stageName: 'Team lead', leadShare: 0.5 });
  const score = (key: string) => profile.capabilities.find((c) => c.key === key)!;

  it('scores capabilities as the mean of answered items, reversing reverse-keyed ones', () => {
    expect(score('a').score).toBeCloseTo(13 / 3, 12);
    expect(score('a').normalised).toBeCloseTo((13 / 3 - 1) / 4, 12);
    expect(score('a').band).toBe('strength');
    expect(score('b')).toMatchObject({
      score: 2,
      normalised: 0.25,
      band: 'growing',
      answered: 3,
      itemCount: 3,
    });
    expect(score('e')).toMatchObject({ score: null, band: null, answered: 1 });
    expect(score('e').interpretation).toMatch(/not enough answers/i);
    expect(score('l')).toMatchObject({ score: 2.5, answered: 2 });
    expect(score('m')).toMatchObject({ score: 4, band: 'strength' });
  });

  it('leaves team climate out of the self-assessment and derailers out of capabilities', () => {
    expect(profile.capabilities.map((c) => c.key)).toEqual(['a', 'b', 'e', 'm', 'l']);
    expect(profile.derailers.map((d) => d.key)).toEqual(['d']);
  });

  it('scores blocks from at least half of their capabilities', () => {
    expect(profile.blocks.map((b) => b.key)).toEqual(['knowing', 'practice']);
    expect(profile.blocks[0]!.score).toBeCloseTo((13 / 3 + 2) / 2, 12);
    expect(profile.blocks[1]!.score).toBeCloseTo((4 + 2.5) / 2, 12);
  });

  it('lists strengths best first and growth edges lowest first, never both', () => {
    expect(profile.strengths).toEqual(['a', 'm', 'l']);
    expect(profile.growthEdges).toEqual(['b']);
  });

  it('reports derailer frequency with the nearest label', () => {
    expect(profile.derailers[0]).toMatchObject({ frequencyLabel: 'Never', band: 'rare' });
    expect(profile.derailers[0]!.frequency).toBeCloseTo(4 / 3, 12);
  });

  it('computes the manage/lead balance from the floor of the scale and compares it', () => {
    // manage emphasis (4 − 1)/4 = 0.75; lead (2.5 − 1)/4 = 0.375; share 0.375/1.125 = 1/3.
    expect(profile.balance.manage).toBeCloseTo(0.75, 12);
    expect(profile.balance.lead).toBeCloseTo(0.375, 12);
    expect(profile.balance.leadShare).toBeCloseTo(1 / 3, 12);
    expect(profile.balance.gap).toBeCloseTo(1 / 3 - 0.5, 12);
    expect(profile.balance.verdict).toBe('more-managing');
    expect(profile.balance.summary).toMatch(/33% of your practice on leading.*Team lead.*50% leading/);
  });
});

describe('compareBalance', () => {
  it('calls a gap within 5 points "as expected" and says when nothing is set', () => {
    expect(compareBalance(0.5, 0.5, { stageName: 'Manager', leadShare: 0.54 }).verdict).toBe('as-expected');
    expect(compareBalance(0.2, 0.8, { stageName: 'Manager', leadShare: 0.5 }).verdict).toBe('more-leading');
    expect(compareBalance(0.5, 0.5, null)).toMatchObject({ verdict: null, expectedLeadShare: null });
    expect(compareBalance(0.5, 0.5, null).summary).toMatch(/not set an expected balance/);
    expect(compareBalance(0, 0, null).leadShare).toBeNull();
    expect(compareBalance(null, 0.5, null).leadShare).toBeNull();
  });
});

const items = selfAssessedItems(DEFAULT_FRAMEWORK);
const answerSets = fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), {
  minLength: items.length,
  maxLength: items.length,
});
const toAnswers = (values: (number | null)[]) => new Map(items.map((item, i) => [item.key, values[i]!]));

describe('scoreProfile properties on the default framework', () => {
  it('keeps every score within its scale and every share within 0..1', () => {
    fc.assert(
      fc.property(answerSets, fc.double({ min: 0, max: 1, noNaN: true }), (values, expected) => {
        const p = scoreProfile(DEFAULT_FRAMEWORK, toAnswers(values), { stageName: 'X', leadShare: expected });
        for (const c of p.capabilities) {
          if (c.score === null) continue;
          expect(c.score).toBeGreaterThanOrEqual(c.min);
          expect(c.score).toBeLessThanOrEqual(c.max);
        }
        for (const b of p.blocks) if (b.score !== null) expect(b.score).toBeGreaterThanOrEqual(b.min);
        for (const d of p.derailers) if (d.frequency !== null) expect(d.frequency).toBeLessThanOrEqual(d.max);
        const share = p.balance.leadShare;
        if (share !== null) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(p.strengths.length).toBeLessThanOrEqual(3);
        expect(p.growthEdges.filter((k) => p.strengths.includes(k))).toEqual([]);
        const derailers = new Set(p.derailers.map((d) => d.key));
        expect([...p.strengths, ...p.growthEdges].some((k) => derailers.has(k))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('never lowers a score when one answer moves towards the capability', () => {
    fc.assert(
      fc.property(answerSets, fc.nat(items.length - 1), (values, index) => {
        const item = items[index]!;
        const before = values[index];
        if (before === null || before === undefined) return;
        const towards = item.reversed ? Math.max(1, before - 1) : Math.min(5, before + 1);
        const after = [...values];
        after[index] = towards;
        const owner = DEFAULT_FRAMEWORK.capabilities.find((c) => c.items.includes(item))!;
        const scoreOf = (v: (number | null)[]) => {
          const p = scoreProfile(DEFAULT_FRAMEWORK, toAnswers(v), null);
          return [...p.capabilities, ...p.derailers.map((d) => ({ ...d, score: d.frequency }))].find(
            (c) => c.key === owner.key,
          )!.score;
        };
        const was = scoreOf(values);
        const is = scoreOf(after);
        if (was !== null && is !== null) expect(is).toBeGreaterThanOrEqual(was - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('mirrors the balance when managing and leading answers swap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (manage, lead) => {
        const answer = (practice: string | null, value: number) =>
          DEFAULT_FRAMEWORK.capabilities
            .filter((c) => c.practice === practice)
            .flatMap((c) => c.items.map((i) => [i.key, i.reversed ? 6 - value : value] as const));
        const one = scoreProfile(
          DEFAULT_FRAMEWORK,
          new Map([...answer('manage', manage), ...answer('lead', lead)]),
          null,
        ).balance.leadShare;
        const swapped = scoreProfile(
          DEFAULT_FRAMEWORK,
          new Map([...answer('manage', lead), ...answer('lead', manage)]),
          null,
        ).balance.leadShare;
        if (one === null) expect(swapped).toBeNull();
        else expect(one + swapped!).toBeCloseTo(1, 12);
      }),
    );
  });
});
