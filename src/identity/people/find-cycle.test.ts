import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCycle } from './find-cycle.ts';

describe('findCycle (reporting lines and nested teams)', () => {
  it('accepts a tree', () => {
    expect(
      findCycle(
        new Map([
          ['a', null],
          ['b', 'a'],
          ['c', 'b'],
          ['d', 'a'],
        ]),
      ),
    ).toBeNull();
  });
  it('finds a two-person loop and a self-loop', () => {
    expect(
      findCycle(
        new Map([
          ['a', 'b'],
          ['b', 'a'],
        ]),
      )?.sort(),
    ).toEqual(['a', 'b']);
    expect(findCycle(new Map([['a', 'a']]))).toEqual(['a']);
  });
  it('finds a long loop hanging below a tree', () => {
    const cycle = findCycle(
      new Map([
        ['x', null],
        ['a', 'x'],
        ['b', 'c'],
        ['c', 'd'],
        ['d', 'b'],
        ['e', 'b'],
      ]),
    );
    expect(cycle?.sort()).toEqual(['b', 'c', 'd']);
  });
  it('managers pointing only at earlier people never form a cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (picks) => {
        const m = new Map<string, string | null>();
        for (const [i, p] of picks.entries()) m.set(`p${i}`, i === 0 ? null : `p${p % i}`);
        return findCycle(m) === null;
      }),
    );
  });
  it('any reported cycle is a real cycle', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat({ max: 19 }), { nil: null }), { minLength: 1, maxLength: 20 }),
        (picks) => {
          const m = new Map<string, string | null>();
          for (const [i, p] of picks.entries())
            m.set(`p${i}`, p === null || p >= picks.length ? null : `p${p}`);
          const cycle = findCycle(m);
          if (!cycle) return true;
          return cycle.every((p, i) => m.get(p) === cycle[(i + 1) % cycle.length]);
        },
      ),
    );
  });
});
