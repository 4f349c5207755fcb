import { describe, expect, it } from 'vitest';
import { promptFor, REFLECTION_PROMPTS } from './prompts.ts';

describe('promptFor', () => {
  it('is the same for the same period', () => {
    expect(promptFor('2026-W24')).toBe(promptFor('2026-W24'));
  });

  it('takes every prompt once in as many consecutive weeks, across a year with 53 weeks', () => {
    const weeks = ['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49', '2026-W50', '2026-W51'];
    weeks.push('2026-W52', '2026-W53', '2027-W01', '2027-W02', '2027-W03', '2027-W04', '2027-W05');
    weeks.push('2027-W06', '2027-W07');
    expect(weeks).toHaveLength(REFLECTION_PROMPTS.length);
    expect(new Set(weeks.map(promptFor)).size).toBe(REFLECTION_PROMPTS.length);
  });

  it('answers a prompt even for a period it does not understand', () => {
    expect(REFLECTION_PROMPTS).toContain(promptFor('nonsense'));
  });
});
