import { describe, expect, it } from 'vitest';
import { releaseTrend } from './trend.ts';

const team = (...ids: number[]) => ids.map((id) => `person-${id}`);

describe('releaseTrend', () => {
  it('shows a step between two released rounds over the same people', () => {
    expect(
      releaseTrend(
        [
          { round: 'spring', released: true, people: team(1, 2, 3, 4, 5) },
          { round: 'autumn', released: true, people: team(5, 4, 3, 2, 1) },
        ],
        { minimum: 3 },
      ),
    ).toEqual([{ from: 'spring', to: 'autumn', comparable: true }]);
  });

  it('does not present one newcomer or one leaver as a change of climate', () => {
    // 6·m₂ − 5·m₁ would be close to the newcomer's answer when the others' views are stable.
    const steps = releaseTrend(
      [
        { round: 1, released: true, people: team(1, 2, 3, 4, 5) },
        { round: 2, released: true, people: team(1, 2, 3, 4, 5, 6) },
        { round: 3, released: true, people: team(2, 3, 4, 5, 6) },
        { round: 4, released: true, people: team(2, 3, 4, 5, 7) },
      ],
      { minimum: 3 },
    );
    expect(steps.map((step) => (step.comparable ? 'shown' : step.reason))).toEqual([
      'membership-change',
      'membership-change',
      'membership-change',
    ]);
  });

  it('shows a step when those who joined and those who left are each at least the minimum', () => {
    const steps = releaseTrend(
      [
        { round: 1, released: true, people: team(1, 2, 3, 4, 5) },
        { round: 2, released: true, people: team(1, 2, 3, 4, 5, 6, 7, 8) },
        { round: 3, released: true, people: team(4, 5, 6, 7, 8) },
        { round: 4, released: true, people: team(4, 5, 6, 7, 9, 10, 11) },
      ],
      { minimum: 3 },
    );
    expect(steps.map((step) => step.comparable)).toEqual([true, true, false]);
  });

  it('shows no step to or from a round whose figure was withheld, nor across it', () => {
    const steps = releaseTrend(
      [
        { round: 'a', released: true, people: team(1, 2, 3) },
        { round: 'b', released: false, people: team(1, 2, 3) },
        { round: 'c', released: true, people: team(1, 2, 3) },
      ],
      { minimum: 3 },
    );
    expect(steps).toEqual([
      { from: 'a', to: 'b', comparable: false, reason: 'round-withheld' },
      { from: 'b', to: 'c', comparable: false, reason: 'round-withheld' },
    ]);
    expect(releaseTrend([{ round: 'a', released: true, people: [] }], { minimum: 3 })).toEqual([]);
    expect(() => releaseTrend([], { minimum: 1 })).toThrow('minimum');
  });
});
