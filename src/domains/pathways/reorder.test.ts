import { describe, expect, it } from 'vitest';
import { positionsOf, reorderProblem } from './reorder.ts';

describe('reorderProblem', () => {
  const current = ['a', 'b', 'c'];

  it('accepts any permutation of the steps, the same order included', () => {
    expect(reorderProblem(current, ['c', 'a', 'b'])).toBeNull();
    expect(reorderProblem(current, ['a', 'b', 'c'])).toBeNull();
    expect(reorderProblem([], [])).toBeNull();
  });

  it('refuses a step left out', () => {
    expect(reorderProblem(current, ['a', 'b'])).toMatch(/every step/);
  });

  it('refuses a step of another pathway, even in place of one left out', () => {
    expect(reorderProblem(current, ['a', 'b', 'x'])).toMatch(/only this pathway/);
  });

  it('refuses a repeated step, even when the count matches', () => {
    expect(reorderProblem(current, ['a', 'a', 'b'])).toMatch(/repeat/);
  });
});

describe('positionsOf', () => {
  it('numbers the steps from zero in the order given', () => {
    expect([...positionsOf(['c', 'a', 'b'])]).toEqual([
      ['c', 0],
      ['a', 1],
      ['b', 2],
    ]);
  });
});
