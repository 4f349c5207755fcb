import { describe, expect, it } from 'vitest';
import { behaviourPoints, changeOf, type FeedbackMeasurement, releasedFigure } from './comparisons.ts';
import type { ProgressPoint } from './contracts.ts';
import { organisationEstimate, scaleStatistics } from './measured-change.ts';

const measurement = (
  campaignId: string,
  day: number,
  items: Record<string, number>,
  pulse?: { baseline: string; itemKeys: string[] },
): FeedbackMeasurement => ({
  campaignId,
  kind: pulse ? 'pulse' : 'full',
  baselineCampaignId: pulse?.baseline ?? null,
  itemKeys: pulse?.itemKeys ?? [],
  date: new Date(Date.UTC(2026, 0, day)),
  versionId: 'v',
  capabilities: new Map(),
  items: new Map(Object.entries(items).map(([k, score]) => [k, { score, raters: 6 }])),
});

describe('released figures', () => {
  it('are the all-raters figure when released, else the mean of the groups shown', () => {
    expect(releasedFigure({ allRaters: { n: 7, mean: 3.4 }, groups: [{ n: 3, mean: 3 }] })).toEqual({
      score: 3.4,
      raters: 7,
    });
    expect(
      releasedFigure({
        allRaters: null,
        groups: [
          { n: 1, mean: 4 },
          { n: 3, mean: 3 },
        ],
      }),
    ).toEqual({ score: 3.5, raters: 4 });
    expect(releasedFigure({ allRaters: null, groups: [] })).toBeNull();
  });
});

describe('a focus behaviour’s points', () => {
  const first = measurement('a', 1, { x: 3, y: 2.5 });
  const second = measurement('b', 60, { x: 3.2, y: 2.6 });
  const pulseOnFirst = measurement('p1', 30, { x: 3.6 }, { baseline: 'a', itemKeys: ['x', 'y', 'z'] });
  const pulseOnSecond = measurement('p2', 90, { x: 4, y: 3 }, { baseline: 'b', itemKeys: ['x', 'y', 'z'] });
  const byId = new Map([first, second, pulseOnFirst, pulseOnSecond].map((m) => [m.campaignId, m]));

  it('start at the latest pulse’s own baseline 360 and leave out pulses before it', () => {
    expect(
      behaviourPoints('x', [pulseOnFirst, pulseOnSecond], byId).map((p) => [p.kind, p.sourceId, p.score]),
    ).toEqual([
      ['360', 'b', 3.2],
      ['pulse', 'p2', 4],
    ]);
    expect(behaviourPoints('x', [pulseOnFirst], byId).map((p) => p.sourceId)).toEqual(['a', 'p1']);
  });

  it('skip a behaviour a pulse withheld or did not ask, and one whose baseline figure is missing', () => {
    // p1 asked y but released no figure for it: no pulse point, so nothing to compare.
    expect(behaviourPoints('y', [pulseOnFirst], byId)).toEqual([]);
    expect(behaviourPoints('w', [pulseOnFirst, pulseOnSecond], byId)).toEqual([]);
    expect(behaviourPoints('z', [pulseOnSecond], byId)).toEqual([]);
  });
});

describe('a change', () => {
  const stats = scaleStatistics(organisationEstimate([], [], { min: 1, max: 5 }), { min: 1, max: 5 });
  const point = (score: number, day: number): ProgressPoint => ({
    kind: 'self',
    sourceId: '00000000-0000-4000-8000-000000000000',
    date: new Date(Date.UTC(2026, 0, day)).toISOString(),
    score,
    raters: null,
  });

  it('needs two points and compares the first with the last', () => {
    expect(changeOf([point(3, 1)], stats, true)).toBeNull();
    const change = changeOf([point(3, 1), point(5, 2), point(4, 3)], stats, true)!;
    expect(change).toMatchObject({ difference: 1, baseline: { score: 3 }, latest: { score: 4 } });
    expect(change.reliability.source).toBe('default');
  });
});
