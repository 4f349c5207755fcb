import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScaleKeys, reverseScore, scaleScore, scaleScores } from './scoring.ts';

describe('parseScaleKeys', () => {
  it('reads "-" as reverse-keyed and trims names', () => {
    expect(parseScaleKeys('-A1, A2 ,A3')).toEqual([
      { item: 'A1', reversed: true },
      { item: 'A2', reversed: false },
      { item: 'A3', reversed: false },
    ]);
  });

  it('rejects empty names and duplicates', () => {
    expect(() => parseScaleKeys('A1,,A2')).toThrow('empty item name');
    expect(() => parseScaleKeys('A1,-')).toThrow('empty item name');
    expect(() => parseScaleKeys('A1,-A1')).toThrow('item "A1" appears twice');
  });
});

describe('reverseScore', () => {
  it('recodes as max + min − x and keeps missing answers missing', () => {
    expect(reverseScore(1, 1, 6)).toBe(6);
    expect(reverseScore(4, 1, 6)).toBe(3);
    expect(reverseScore(0, 0, 4)).toBe(4);
    expect(reverseScore(null, 1, 5)).toBeNull();
    expect(reverseScore(Number.NaN, 1, 5)).toBeNull();
  });

  it('is an involution on any scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 1, max: 10 }),
        fc.nat(10),
        (min, span, offset) => {
          const max = min + span;
          const x = min + (offset % (span + 1));
          const once = reverseScore(x, min, max)!;
          expect(once).toBeGreaterThanOrEqual(min);
          expect(once).toBeLessThanOrEqual(max);
          expect(reverseScore(once, min, max)).toBe(x);
        },
      ),
    );
  });
});

describe('scaleScore', () => {
  it('averages answered items after reversing keyed ones', () => {
    expect(scaleScore([5, 1, 4], { reversed: [false, true, false], min: 1, max: 5 })).toBeCloseTo(14 / 3, 14);
  });

  it('averages only the answered items when enough were answered', () => {
    expect(scaleScore([4, null, 2, Number.NaN], { minAnswered: 2 })).toBe(3);
    expect(scaleScore([4, null, null, null], { minAnswered: 2 })).toBeNull();
  });

  it('needs half the items (rounded up) by default', () => {
    expect(scaleScore([4, 2, null, null])).toBe(3);
    expect(scaleScore([4, 2, null, null, null])).toBeNull();
    expect(scaleScore([4, 2, 3, null, null])).toBe(3);
  });

  it('rejects an impossible minimum and reversal without bounds', () => {
    expect(() => scaleScore([1, 2], { minAnswered: 3 })).toThrow(
      'minAnswered must be an integer from 1 to 2',
    );
    expect(() => scaleScore([1, 2], { reversed: [true, false] })).toThrow('min and max are required');
  });

  it('scores every row of a data set like scaleScore does one', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 4, maxLength: 4 }),
          {
            maxLength: 20,
          },
        ),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (rows, reversed) => {
          const options = { reversed, min: 1, max: 5, minAnswered: 2 };
          if (rows.length === 0) return;
          const scores = scaleScores(rows, options);
          rows.forEach((row, r) => {
            const expected = scaleScore(row, options);
            if (expected === null) expect(scores[r]).toBeNull();
            else expect(scores[r]).toBeCloseTo(expected, 14);
          });
        },
      ),
    );
  });
});
