import { describe, expect, it } from 'vitest';
import { DisclosureError } from './errors.ts';
import { DEFAULT_DISCLOSURE_POLICY, minimumForGroup, resolveDisclosurePolicy } from './policy.ts';
import { seededShuffle } from './shuffle.ts';

describe('resolveDisclosurePolicy', () => {
  it('defaults to 3 per group, 3 per comment bucket, 5 for distributions, no manager column, no merging', () => {
    expect(resolveDisclosurePolicy()).toEqual(DEFAULT_DISCLOSURE_POLICY);
    expect(DEFAULT_DISCLOSURE_POLICY).toEqual({
      minimumByGroup: { peers: 3, direct_reports: 3, others: 3 },
      managerShownSeparately: false,
      commentMinimum: 3,
      distributionMinimum: 5,
      mergeSmallGroupsIntoOthers: false,
    });
  });

  it('accepts an organisation’s stricter or looser minimums down to 2', () => {
    const policy = resolveDisclosurePolicy({ minimumByGroup: { peers: 2, direct_reports: 4 } });
    expect(policy.minimumByGroup).toEqual({ peers: 2, direct_reports: 4, others: 3 });
  });

  it('rejects a minimum below 2, naming the setting', () => {
    for (const [input, field] of [
      [{ minimumByGroup: { others: 1 } }, 'minimumByGroup.others'],
      [{ minimumByGroup: { peers: 2.5 } }, 'minimumByGroup.peers'],
      [{ commentMinimum: 1 }, 'commentMinimum'],
    ] as const) {
      expect(() => resolveDisclosurePolicy(input)).toThrow(DisclosureError);
      expect(() => resolveDisclosurePolicy(input)).toThrow(`${field} must be a whole number of at least 2`);
    }
  });

  it('keeps distributions at least as strict as the strictest group', () => {
    expect(() => resolveDisclosurePolicy({ minimumByGroup: { peers: 6 }, distributionMinimum: 5 })).toThrow(
      'distributionMinimum must be a whole number of at least 6',
    );
    // Left unset, it follows the raised minimum instead of rejecting it.
    expect(resolveDisclosurePolicy({ minimumByGroup: { peers: 6 } }).distributionMinimum).toBe(6);
  });

  it('rejects flags that are not booleans (e.g. a string from a form)', () => {
    const input = { managerShownSeparately: 'yes' } as unknown as { managerShownSeparately: boolean };
    expect(() => resolveDisclosurePolicy(input)).toThrow('managerShownSeparately must be true or false');
  });
});

describe('minimumForGroup', () => {
  it('exempts the manager only when announced, and otherwise protects it like the strictest group', () => {
    const announced = resolveDisclosurePolicy({ managerShownSeparately: true });
    const silent = resolveDisclosurePolicy({ minimumByGroup: { direct_reports: 4 } });
    expect(minimumForGroup(announced, 'manager')).toBe(1);
    expect(minimumForGroup(silent, 'manager')).toBe(4);
    expect(minimumForGroup(silent, 'peers')).toBe(3);
  });
});

describe('seededShuffle', () => {
  it('is a deterministic permutation', () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    const once = seededShuffle(values, 99);
    expect(seededShuffle(values, 99)).toEqual(once);
    expect([...once].sort((a, b) => a - b)).toEqual(values);
    expect(once).not.toEqual(values);
  });
});
