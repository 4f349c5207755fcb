import { describe, expect, it } from 'vitest';
import { type RaterGroup, releaseReport } from '../../core/disclosure/index.ts';
import type { FrameworkDefinition } from '../framework/definition.ts';
import { campaignAnswers, type SubmittedRater } from './disclosure-input.ts';
import { buildReport } from './report.ts';
import { definitionWithItems } from './testing/seed-campaigns.ts';

const META = {
  campaignId: '00000000-0000-4000-8000-000000000001',
  subject: { id: '00000000-0000-4000-8000-000000000002', name: 'Sam' },
  releasedAt: '2026-01-01T00:00:00.000Z',
  version: { id: '00000000-0000-4000-8000-000000000003', number: 1, name: 'Test' },
  selfSource: { assessmentId: null, submittedAt: null },
};

function raters(definition: FrameworkDefinition, groups: Partial<Record<RaterGroup, number>>, value: number) {
  const out: SubmittedRater[] = [];
  for (const [group, count] of Object.entries(groups)) {
    for (let i = 0; i < count; i++) {
      const answers: Record<string, number | null> = {};
      for (const c of definition.capabilities) {
        for (const item of c.items) answers[item.key] = item.reversed ? 6 - value - (i % 2) : value + (i % 2);
      }
      out.push({ id: `${group}-${i}`, group: group as RaterGroup, answers, comments: {} });
    }
  }
  return out;
}

describe('buildReport', () => {
  const definition = definitionWithItems(40);
  // Self 5 everywhere (scored), raters 3–4: a gap of 1.5 on every capability.
  const self = Object.fromEntries(
    definition.capabilities.flatMap((c) => c.items.map((i) => [i.key, i.reversed ? 1 : 5])),
  );
  const submitted = raters(definition, { manager: 1, peers: 4, others: 4 }, 3);
  const released = releaseReport(
    campaignAnswers(definition, submitted, { manager: 1, peers: 4, others: 4 }, self),
    {
      shuffleSeed: 1,
    },
  );
  const report = buildReport(released, definition, META);

  it('states the threshold and marks blind spots, never hidden strengths, for self above others', () => {
    expect(report.thresholds.gap).toBe(0.75);
    expect(report.blindSpots.length).toBe(
      report.capabilities.filter((c) => !c.derailer && c.gap !== null).length,
    );
    expect(report.hiddenStrengths).toEqual([]);
    for (const b of report.blindSpots) expect(b.gap).toBeGreaterThanOrEqual(0.75);
  });

  it('with an unannounced manager, compares with the mean of the shown groups, never the manager alone', () => {
    expect(report.columns.map((c) => c.group)).toEqual(['peers', 'others']);
    for (const c of report.capabilities) {
      expect(c.allRaters).toBeNull(); // it would be subtractable to the manager's answers
      expect(c.othersBasis).toBe('mean-of-groups');
      const mean = (c.groups[0]!.mean + c.groups[1]!.mean) / 2;
      expect(c.others).toBeCloseTo(mean, 1);
    }
  });

  it('ranks behaviours without reverse-keyed items and keeps highest and lowest apart', () => {
    const reversed = new Set(
      definition.capabilities.flatMap((c) => c.items.filter((i) => i.reversed).map((i) => i.key)),
    );
    const listed = [...report.highest, ...report.lowest].map((b) => b.item);
    expect(listed.some((k) => reversed.has(k))).toBe(false);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
