// The coverage rule of the built-in library (content/README.md), checked against the real content
// folder. The content is written on other branches: until it is merged, this test FAILS on purpose,
// listing every capability short of modules. It is the merge's acceptance check, not a flaky test.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../framework/default-framework.ts';
import { builtInModules } from './built-in.ts';
import {
  EMPOWERING_SKILLS,
  MIN_MODULES_PER_CAPABILITY,
  MIN_MODULES_PER_FOCUS_CAPABILITY,
} from './constants.ts';

describe('built-in library coverage (content/README.md)', () => {
  it('COVERAGE: ≥3 modules per capability of the default framework, ≥6 per empowering skill and derailer', () => {
    const modules = builtInModules();
    const counts = new Map<string, number>();
    for (const m of modules) counts.set(m.capabilityKey, (counts.get(m.capabilityKey) ?? 0) + 1);
    const focus = new Set<string>([
      ...EMPOWERING_SKILLS,
      ...DEFAULT_FRAMEWORK.capabilities.filter((c) => c.derailer).map((c) => c.key),
    ]);
    const short = DEFAULT_FRAMEWORK.capabilities
      .map((c) => {
        const needed = focus.has(c.key) ? MIN_MODULES_PER_FOCUS_CAPABILITY : MIN_MODULES_PER_CAPABILITY;
        const has = counts.get(c.key) ?? 0;
        return has < needed ? `${c.key}: has ${has}, needs ${needed}` : null;
      })
      .filter(Boolean);
    expect(short, `capabilities short of modules:\n${short.join('\n')}`).toEqual([]);
  });

  it('has exactly the focus capabilities the README names', () => {
    const derailers = DEFAULT_FRAMEWORK.capabilities.filter((c) => c.derailer).map((c) => c.key);
    expect(derailers).toEqual([
      'needing-to-win',
      'profit-at-all-cost',
      'game-face',
      'knowing-all-the-answers',
      'never-showing-vulnerability',
    ]);
    const keys = DEFAULT_FRAMEWORK.capabilities.map((c) => c.key);
    for (const skill of EMPOWERING_SKILLS) expect(keys).toContain(skill);
  });
});
